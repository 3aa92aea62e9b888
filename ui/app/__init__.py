"""The Gradio workspace: ask, read the source, compare, see the graph, manage the library, export.

One module per tab in ``tabs/``, each with ``build(workspace)`` and its handlers; the
shared state in ``workspace``; ``wiring`` binds a handler to the workspace, its lock and
its API visibility; ``server`` puts the tabs in a frame and serves it.

Example:
    >>> from policykg.ui.app import launch
    >>> launch(library, "127.0.0.1", 7860, auth=None)  # doctest: +SKIP
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported

from policykg.ui.app.server import build_app, first_start, launch
from policykg.ui.app.views import type_labels
from policykg.ui.app.workspace import Workspace

__all__ = ["Workspace", "build_app", "first_start", "launch", "type_labels"]
