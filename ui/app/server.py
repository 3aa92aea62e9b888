"""The app's frame and its server: the six tabs in order, the queue, the launch."""

from __future__ import annotations

from typing import Any

import gradio as gr

from policykg.library import BUNDLED_CORPUS, Library
from policykg.ui.app.tabs import ask, compare, export, graph, library, sparql
from policykg.ui.app.views import CYTOSCAPE_JS
from policykg.ui.app.wiring import Work, api
from policykg.ui.app.workspace import Workspace

TABS = (ask.build, compare.build, graph.build, library.build, sparql.build, export.build)
CSS = """
.pk-provision mark.pk-quote { background: #ffe58a; padding: 0 1px; }
.pk-facts th { text-align: left; padding-right: 8px; white-space: nowrap; }
"""


def build_app(workspace: Workspace) -> gr.Blocks:
    """The six tabs, each built and wired by its own module, and the ``/ask`` API."""
    with gr.Blocks(title="policykg") as app:
        gr.Markdown("## policykg — cadre-incentive policies, with verbatim citations")
        with gr.Tabs():
            for build in TABS:
                build(workspace)
        # The named API, outside the tabs: the same JSON object as `policykg ask --json`.
        api(workspace, ask.ask_json, "ask", Work.ASK)
    return app


def first_start(library: Library, on_progress: Any = None) -> int:
    """Ingest the bundled corpus into an empty library; the number of documents added."""
    if library.store.doc_ids():
        return 0
    report = library.ingest([BUNDLED_CORPUS], on_progress=on_progress)
    return len(report.ingested)


def launch(
    library: Library, host: str, port: int, auth: tuple[str, str] | None, block: bool = True
) -> gr.Blocks:
    """Serve the app on ``host:port`` through Gradio's queue; never a share link."""
    workspace = Workspace(library)
    workspace.warm()
    app = build_app(workspace)
    gr.set_static_paths([str(CYTOSCAPE_JS.parent)])
    app.queue(default_concurrency_limit=4)
    app.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        share=False,
        inbrowser=False,
        prevent_thread_lock=not block,
        allowed_paths=[str(CYTOSCAPE_JS.parent), str(workspace.downloads)],
        max_file_size=library.settings.max_file_bytes,
        footer_links=["api"],
        css=CSS,
        # Local fonts only: the default theme would fetch web fonts.
        theme=gr.themes.Default(
            font=["WenQuanYi Micro Hei", "sans-serif"], font_mono=["monospace"]
        ),
    )
    return app
