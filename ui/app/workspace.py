"""The state every tab shares: one open library behind one lock.

Gradio's queue runs handlers on several threads; the lock (taken by
``wiring.guarded``) keeps them from meeting inside SQLite, Oxigraph or FAISS at once.
A conversation's own state (the previous question, its citations) lives in the
browser session as ``gr.State``, never here.
"""

from __future__ import annotations

import tempfile
import threading
from pathlib import Path

from policykg.ingest.settings import Settings
from policykg.library import Library


class Workspace:
    """The open library behind the app (state: the library, its lock, a downloads folder)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.settings: Settings = library.settings
        # Re-entrant: a locked handler may call another locked helper.
        self.lock = threading.RLock()
        self.downloads = Path(tempfile.mkdtemp(prefix="policykg-downloads-"))

    def warm(self) -> None:
        """Build the catalog and the BM25 matrices now, not on the first question."""
        with self.lock:
            self.library.catalog()
            self.library.index.search("干部激励", 1)


def region_choices(workspace: Workspace) -> list[tuple[str, str]]:
    """The regions the library mentions, provinces first: the Compare and Graph choices."""
    library = workspace.library
    codes = library.catalog().region_codes
    regions = [r for c in codes if (r := library.gazetteer.get(c)) is not None]
    regions.sort(key=lambda r: (r.level.value != "province", r.code))
    return [(f"{r.name_zh} {r.name_en}", r.code) for r in regions]
