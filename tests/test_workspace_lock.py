"""The app's library lock: reads share it, a change has it alone and stops a SPARQL query.

On a real library (the bundled corpus, its graph on disk) and the real SPARQL
runner; every wait has a guard, so a regression fails instead of hanging.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psutil
import pytest

from policykg.ingest.settings import Settings
from policykg.kg.sparql import STOPPED, QueryRefused, run_query
from policykg.library import Library
from policykg.ui.app.workspace import LibraryLock, Workspace
from tests.conftest import REPO

GUARD_S = 60.0
RUNAWAY_SPARQL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def sparql_workers() -> set[int]:
    workers = set()
    for child in psutil.Process(os.getpid()).children(recursive=True):
        with contextlib.suppress(psutil.Error):  # one that ended while we looked
            if "spawn_main" in " ".join(child.cmdline()):
                workers.add(child.pid)
    return workers


def wait_until(condition: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + GUARD_S
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.02)


def test_a_waiting_change_stops_a_running_sparql_query(seed_library: Library) -> None:
    workspace = Workspace(seed_library)
    outcome: list[str] = []

    def query() -> None:
        with workspace.lock.read(stoppable=True) as stop:
            try:
                run_query(seed_library.graph, RUNAWAY_SPARQL, GUARD_S, stop)
                outcome.append("finished")
            except QueryRefused as error:
                outcome.append(str(error))

    reader = threading.Thread(target=query, daemon=True)
    reader.start()
    wait_until(sparql_workers, "the SPARQL worker process")
    with workspace.lock.write():
        # The writer got in only once the query had given the library back.
        assert outcome == [STOPPED]
    reader.join(GUARD_S)
    assert not sparql_workers()  # the worker was killed, not left running


def test_reads_share_and_a_change_waits_for_them() -> None:
    lock = LibraryLock()
    first_in, release_first = threading.Event(), threading.Event()
    events: list[str] = []

    def long_read() -> None:
        with lock.read():
            first_in.set()
            release_first.wait(GUARD_S)
            events.append("first read done")

    def change() -> None:
        with lock.write():
            events.append("write")

    def short_read(name: str, trying: threading.Event) -> None:
        trying.set()
        with lock.read():
            events.append(name)

    threads = [threading.Thread(target=long_read, daemon=True)]
    threads[0].start()
    assert first_in.wait(GUARD_S)
    second = threading.Thread(target=short_read, args=("second read", threading.Event()))
    second.start()
    second.join(GUARD_S)
    assert events == ["second read"]  # a read never waits on another read
    writer = threading.Thread(target=change, daemon=True)
    writer.start()
    wait_until(lambda: lock._writers_waiting == 1, "the writer to queue")
    third_trying = threading.Event()
    third = threading.Thread(target=short_read, args=("third read", third_trying), daemon=True)
    third.start()  # writers come first: this read queues behind the waiting change
    assert third_trying.wait(GUARD_S)
    time.sleep(0.2)  # room for a wrong order to show; the order is what is checked
    assert events == ["second read"]
    release_first.set()
    for thread in (*threads, writer, third):
        thread.join(GUARD_S)
    assert events == ["second read", "first read done", "write", "third read"]


def test_the_lock_is_reentrant_but_a_reader_cannot_upgrade() -> None:
    lock = LibraryLock()
    with lock, lock.read(), lock.write():
        pass
    with lock.read(), lock.read(), pytest.raises(RuntimeError, match="cannot start writing"):
        lock.acquire_write()
    with lock.write():  # the failed upgrade left nothing behind
        pass


def test_a_reindex_is_built_beside_the_readers_and_only_swapped_alone(tmp_path: Path) -> None:
    """A re-index once held the library alone throughout: every question waited for it."""
    with Library(Settings(data_dir=tmp_path)) as library:
        library.ingest([REPO / "corpus"])
        workspace, old = Workspace(library), library.index
        manifest = library.settings.index_dir / "manifest.json"
        saved_before = manifest.stat().st_ino  # each save renames a new file into place
        counts: list[tuple[int, int]] = []
        rebuild = threading.Thread(
            target=lambda: counts.append(library.reindex(guard=workspace.lock)), daemon=True
        )
        with workspace.lock.read():  # a question being answered throughout the rebuild
            rebuild.start()
            wait_until(lambda: manifest.stat().st_ino != saved_before, "the new index saved")
            assert library.index is old  # the questions still read the old one
            assert library.index.search("协议年薪", 3)
        rebuild.join(GUARD_S)
        assert library.index is not old and counts == [(1, len(old.provision_ids()))]
        assert library.index.search("协议年薪", 3)[0].provision_id in old.provision_ids()
