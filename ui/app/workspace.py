"""The state every tab shares: one open library behind a readers-writer lock.

Gradio's queue runs handlers on several threads. What must not meet is a change
(an ingest, a removal, a re-index: SQLite transactions, Oxigraph compaction, the
index rebuilt) and anything else; reads (questions, compare, graph, SPARQL,
export) only read, so they share the library. One global lock made every
question wait ~27 s behind any user's 30-second SPARQL query. ``wiring`` takes
the lock in the mode each kind of work needs. A conversation's own state (the
previous question, its citations) lives in the browser session as ``gr.State``.
"""

from __future__ import annotations

import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from policykg.ingest.settings import Settings
from policykg.ingest.vocab import load_vocabulary
from policykg.library import Library


class LibraryLock:
    """Readers share the library; a writer has it alone (state: who holds it).

    Writers come first: once one waits, new readers wait too, so a stream of
    questions never starves an upload. A reader that can stop early (a SPARQL
    query) is told to, through the event ``read(stoppable=True)`` yields, when a
    writer waits: a runaway query then holds up neither the writer nor the
    readers behind it. A thread that holds the lock may take it again in either
    mode, except a reader asking to write, which would wait for itself.
    ``with lock:`` is the writer's mode.
    """

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._readers: dict[int, int] = {}  # thread id → how many times it holds a read
        self._writer: int | None = None
        self._writer_depth = 0
        self._writers_waiting = 0
        self._stop_events: set[threading.Event] = set()

    @contextmanager
    def read(self, stoppable: bool = False) -> Iterator[threading.Event]:
        """Hold a shared read; the event is set when a writer waits (stoppable readers only)."""
        me, stop = threading.get_ident(), threading.Event()
        with self._changed:
            if self._writer != me and me not in self._readers:
                self._changed.wait_for(lambda: self._writer is None and not self._writers_waiting)
            self._readers[me] = self._readers.get(me, 0) + 1
            if stoppable:
                self._stop_events.add(stop)
                if self._writers_waiting:  # only a re-entrant read gets in while one waits
                    stop.set()
        try:
            yield stop
        finally:
            with self._changed:
                self._stop_events.discard(stop)
                self._readers[me] -= 1
                if not self._readers[me]:
                    del self._readers[me]
                self._changed.notify_all()

    def acquire_write(self) -> None:
        me = threading.get_ident()
        with self._changed:
            if self._writer == me:
                self._writer_depth += 1
                return
            if me in self._readers:
                raise RuntimeError("a reader of the library cannot start writing to it")
            self._writers_waiting += 1
            for stop in self._stop_events:
                stop.set()
            try:
                self._changed.wait_for(lambda: self._writer is None and not self._readers)
            finally:
                self._writers_waiting -= 1
            self._writer, self._writer_depth = me, 1

    def release_write(self) -> None:
        with self._changed:
            self._writer_depth -= 1
            if not self._writer_depth:
                self._writer = None
                self._changed.notify_all()

    @contextmanager
    def write(self) -> Iterator[None]:
        """Hold the library alone."""
        self.acquire_write()
        try:
            yield
        finally:
            self.release_write()

    def __enter__(self) -> LibraryLock:
        self.acquire_write()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release_write()


class Workspace:
    """The open library behind the app (state: the library, its lock, a downloads folder)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.settings: Settings = library.settings
        self.lock = LibraryLock()
        self.downloads = Path(tempfile.mkdtemp(prefix="policykg-downloads-"))
        self.queries = RunningQueries()

    def warm(self) -> None:
        """Build the catalog, the BM25 matrices and the English glosses now, not on the
        first question."""
        with self.lock.read():
            self.library.catalog()
            self.library.index.search("干部激励", 1)
            self.library.index.search("which cadre incentives are used", 1)


def region_choices(workspace: Workspace) -> list[tuple[str, str]]:
    """The regions the library mentions, provinces first: the Compare and Graph choices."""
    library = workspace.library
    codes = library.catalog().region_codes
    regions = [r for c in codes if (r := library.gazetteer.get(c)) is not None]
    regions.sort(key=lambda r: (r.level.value != "province", r.code))
    return [(f"{r.name_zh} {r.name_en}", r.code) for r in regions]


class RunningQueries:
    """The SPARQL query each browser session runs, so its Stop button can end it.

    State: session → the query's stop event (the one the library lock hands a
    stoppable reader), and the sessions whose query was cancelled by its user.
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._stops: dict[str, threading.Event] = {}
        self._cancelled: set[str] = set()

    @contextmanager
    def running(self, session: str, stop: threading.Event) -> Iterator[Callable[[], bool]]:
        """Register the session's query; yields "was it cancelled by its user?"."""
        with self._guard:
            self._stops[session] = stop
            self._cancelled.discard(session)
        try:
            yield lambda: session in self._cancelled
        finally:
            with self._guard:
                if self._stops.get(session) is stop:
                    del self._stops[session]

    def cancel(self, session: str) -> bool:
        """Stop the session's running query; whether there was one."""
        with self._guard:
            stop = self._stops.get(session)
            if stop is None:
                return False
            self._cancelled.add(session)
            stop.set()
            return True


@dataclass(frozen=True, slots=True)
class LibrarySummary:
    """What the library holds, for the first page."""

    documents: int
    provisions: int
    regions: int
    measures_by_type: tuple[tuple[str, int], ...]  # (type code, distinct measures), vocab order
    last_ingest: str | None  # UTC, "YYYY-MM-DD HH:MM:SS"; None for an empty library


def library_summary(workspace: Workspace) -> LibrarySummary:
    """Documents, provisions, regions named, distinct measures per incentive type, last ingest."""
    library = workspace.library
    counts = library.store.counts()
    catalog = library.catalog()
    keys = {(m.incentive_type, m.key) for m in catalog.measures}
    per_type = Counter(kind for kind, _ in keys)
    measures = tuple((code, per_type.get(code, 0)) for code in load_vocabulary().codes)
    return LibrarySummary(
        counts["documents"],
        counts["provisions"],
        len(catalog.region_codes),
        measures,
        library.store.last_ingest(),
    )
