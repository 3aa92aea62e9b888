"""The graph on a real Oxigraph server (the `oxigraph` package's binary) on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from typer.testing import CliRunner

from benchmarks.local_servers import OXIGRAPH, free_port, start_oxigraph
from policykg.ingest.settings import Settings, load_settings
from policykg.ingest.storeurl import (
    EmbeddedStore,
    RemoteStore,
    StoreTimeouts,
    parse_store,
    parse_store_url,
)
from policykg.kg.compare import compare, comparison_rows
from policykg.kg.export import ExportFormat, export
from policykg.kg.graph import EmbeddedGraph
from policykg.kg.remote import RemoteGraph, StoreUnavailable
from policykg.kg.sparql import QueryRefused, run_query
from policykg.kg.validate import validate_graph
from policykg.library import Library
from policykg.retrieval.ask import ask
from policykg.ui.cli import app
from tests.conftest import CORPUS_REAL, REPO, SEED

QUESTIONS = [
    "哪些地区实行协议年薪？",
    "Compare Shanghai and Zhejiang on material incentives.",
    "Which places in Zhejiang have measures on rank promotion?",
]


class OxigraphServer:
    """`oxigraph serve` in a temporary folder (state: the process)."""

    def __init__(self, location: Path) -> None:
        if not OXIGRAPH.exists():
            pytest.fail("the oxigraph server binary is missing: `make install` installs it")
        self.location = location
        self.port = free_port()
        self.url = f"sparql+http://127.0.0.1:{self.port}"
        self.store = RemoteStore.from_url(self.url)
        self.process: subprocess.Popen | None = None

    def start(self) -> OxigraphServer:
        self.process, _ = start_oxigraph(self.location, self.port)
        return self

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None


class SilentServer:
    """A loopback socket that accepts connections and never answers (state: the sockets).

    ``backlog_full`` leaves the one-place backlog taken and accepts nothing, so a
    new connection is never completed: the connect timeout, not the read one.
    """

    def __init__(self, backlog_full: bool = False) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=0)
        self.port = self.listener.getsockname()[1]
        self.url = f"sparql+http://127.0.0.1:{self.port}"
        self.held: list[socket.socket] = []
        if backlog_full:
            self.held.append(socket.create_connection(("127.0.0.1", self.port)))
        else:
            threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:  # closed at the end of the test
                return
            self.held.append(connection)  # kept open, never read, never answered

    def close(self) -> None:
        for connection in self.held:
            connection.close()
        self.listener.close()


def run_cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The real command in a process of its own; the timeout guard keeps a hang from hanging CI."""
    return subprocess.run(
        [sys.executable, "-m", "policykg.ui.cli", *args],
        cwd=REPO,
        env={**os.environ, "PYTHONWARNINGS": "ignore", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def server(tmp_path: Path) -> Iterator[OxigraphServer]:
    running = OxigraphServer(tmp_path / "oxigraph").start()
    yield running
    running.stop()


def corpus() -> list[Path]:
    return [REPO / "corpus", CORPUS_REAL] if CORPUS_REAL.exists() else [REPO / "corpus"]


def graph_of(library: Library, tmp_path: Path, name: str) -> Graph:
    target = export(library.graph, ExportFormat.TURTLE, tmp_path / f"{name}.ttl")
    return Graph().parse(target, format="turtle")


def test_the_store_url_names_the_endpoints() -> None:
    oxigraph = parse_store_url("sparql+http://127.0.0.1:7878")
    assert (oxigraph.query, oxigraph.update) == (
        "http://127.0.0.1:7878/query",
        "http://127.0.0.1:7878/update",
    )
    graphdb = parse_store_url(
        "sparql+http://db:7200/repositories/pk?query=/repositories/pk&update=/repositories/pk/statements"
    )
    assert graphdb.update == "http://db:7200/repositories/pk/statements"
    with pytest.raises(ValueError, match="sparql"):
        parse_store_url("http://127.0.0.1:7878")


def test_the_store_setting_is_typed_at_load(tmp_path: Path) -> None:
    assert load_settings(data_dir=tmp_path).store == EmbeddedStore()
    remote = load_settings(data_dir=tmp_path, store="sparql+http://db:7878/pk")
    assert remote.store == RemoteStore.from_url("sparql+http://db:7878/pk")
    assert isinstance(remote.store, RemoteStore)
    assert remote.store.endpoints.update == "http://db:7878/pk/update"
    assert parse_store("embedded") == EmbeddedStore()
    (tmp_path / "settings.toml").write_text('store = "sparql+ftp://db"\n', encoding="utf-8")
    for bad in (None, "Embedded", "http://127.0.0.1:7878", "sparql+http://"):
        with pytest.raises(ValueError) as caught:
            load_settings(data_dir=tmp_path, store=bad)
        message = str(caught.value)
        assert repr(bad or "sparql+ftp://db") in message and "embedded" in message
        assert "sparql+http://" in message and "\n" not in message


def test_a_bad_store_value_gets_one_clear_line(tmp_path: Path) -> None:
    args = ["--store", "oxigraph", "documents", "--data-dir", str(tmp_path)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: unknown store 'oxigraph': use 'embedded' or sparql+http://HOST:PORT/…"
    )


def test_the_server_answers_like_the_embedded_store(server: OxigraphServer, tmp_path: Path) -> None:
    embedded = Library(Settings(data_dir=tmp_path / "embedded"))
    remote = Library(Settings(data_dir=tmp_path / "remote", store=server.store))
    try:
        assert isinstance(remote.graph, RemoteGraph)
        for library in (embedded, remote):
            assert not library.ingest(corpus()).failed
        for question in QUESTIONS:
            assert ask(remote, question) == ask(embedded, question)
        codes = ["310000", "330000"]
        for kind in ("material", None):
            there = compare(remote.graph, remote.store, remote.gazetteer, codes, kind)
            here = compare(embedded.graph, embedded.store, embedded.gazetteer, codes, kind)
            assert comparison_rows(there, remote.gazetteer) == comparison_rows(
                here, embedded.gazetteer
            )
        for query in sorted((REPO / "kg" / "queries").glob("*.rq")):
            text = query.read_text(encoding="utf-8")
            assert run_query(remote.graph, text).rows == run_query(embedded.graph, text).rows
        assert isomorphic(graph_of(remote, tmp_path, "r"), graph_of(embedded, tmp_path, "e"))
        report = validate_graph(remote.graph, remote.store)
        assert report.conforms, report.problems[:3]
        # The read-only rule holds even though this server accepts updates.
        before = remote.graph.triple_count()
        with pytest.raises(QueryRefused):
            run_query(remote.graph, "DELETE WHERE { ?s ?p ?o }")
        assert remote.graph.triple_count() == before
        # Removal drops the document's named graph on the server.
        doc_id = next(d.doc_id for d in remote.store.documents() if d.source_path == str(SEED))
        remote.remove(doc_id)
        assert doc_id not in remote.graph.document_graphs()
    finally:
        embedded.close()
        remote.close()


def test_a_server_that_is_down_gets_one_clear_line(tmp_path: Path) -> None:
    url = f"sparql+http://127.0.0.1:{free_port()}"
    result = CliRunner().invoke(app, ["--store", url, "documents", "--data-dir", str(tmp_path)])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot reach the SPARQL server")


@pytest.mark.parametrize("command", ["documents", "ingest"])
def test_a_server_that_never_answers_gets_one_clear_line(command: str, tmp_path: Path) -> None:
    silent = SilentServer()
    try:
        extra = [str(SEED)] if command == "ingest" else []
        args = ["--store", silent.url, command, *extra, "--data-dir", str(tmp_path)]
        result = run_cli(*args, env={"POLICYKG_STORE_READ_TIMEOUT_S": "2"})
    finally:
        silent.close()
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"error: the SPARQL server at {silent.url} did not answer within 2 s while checking"
        " the base graph (store_read_timeout_s in settings.toml or POLICYKG_STORE_READ_TIMEOUT_S)"
    ]
    assert silent.held  # the request did reach the server, which said nothing


def test_a_server_that_never_accepts_gets_one_clear_line(tmp_path: Path) -> None:
    full = SilentServer(backlog_full=True)
    (tmp_path / "settings.toml").write_text("store_connect_timeout_s = 1.5\n", encoding="utf-8")
    try:
        result = run_cli("--store", full.url, "documents", "--data-dir", str(tmp_path), env={})
    finally:
        full.close()
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(
        f"error: the SPARQL server at {full.url} did not accept a connection within 1.5 s"
    )


def test_timeouts_are_typed_settings(tmp_path: Path) -> None:
    assert load_settings(data_dir=tmp_path).store_timeouts == StoreTimeouts(10.0, 60.0)
    (tmp_path / "settings.toml").write_text("store_read_timeout_s = 5\n", encoding="utf-8")
    assert load_settings(data_dir=tmp_path).store_timeouts == StoreTimeouts(10.0, 5.0)
    for bad in ("0", "-1", "soon", "nan", "inf"):
        (tmp_path / "settings.toml").write_text(
            f'store_connect_timeout_s = "{bad}"\n', encoding="utf-8"
        )
        with pytest.raises(ValueError, match="store_connect_timeout_s must be a positive"):
            load_settings(data_dir=tmp_path)
    with pytest.raises(ValueError, match="read_s"):
        StoreTimeouts(read_s=0)


def test_a_server_stopping_mid_ingest_leaves_no_half_document(
    server: OxigraphServer, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "data", store=server.store)
    extra = tmp_path / "extra.txt"
    extra.write_text("关于激励的通知\n宁波市推行“一事一奖”快速响应机制。\n", encoding="utf-8")
    with Library(settings) as library:
        library.ingest([REPO / "corpus"])
        server.stop()
        with pytest.raises(StoreUnavailable, match="cannot reach"):
            library.ingest([extra])
        stored = set(library.store.doc_ids())
    assert len(stored) == 2  # the store kept the new document …
    server.start()
    remote = RemoteGraph(server.store, StoreTimeouts())
    assert remote.document_graphs() == remote.document_ids()  # … the server no half of it
    assert len(remote.document_ids()) == 1
    with Library(settings) as library:  # reopening brings the graph up to the store
        assert library.graph.document_ids() == stored


def test_push_and_pull_copy_the_graph(server: OxigraphServer, tmp_path: Path) -> None:
    runner = CliRunner()
    data = str(tmp_path / "data")
    assert runner.invoke(app, ["ingest", str(REPO / "corpus"), "--data-dir", data]).exit_code == 0
    pushed = runner.invoke(app, ["push", "--store", server.url, "--data-dir", data])
    assert pushed.exit_code == 0, pushed.stderr
    with Library(Settings(data_dir=Path(data))) as library:
        local_count = library.graph.triple_count()
        doc_ids = library.graph.document_ids()
    remote = RemoteGraph(server.store, StoreTimeouts())
    assert remote.triple_count() == local_count
    assert remote.document_ids() == doc_ids
    other = tmp_path / "pulled"
    pulled = runner.invoke(app, ["pull", "--store", server.url, "--data-dir", str(other)])
    assert pulled.exit_code == 0, pulled.stderr
    copy = EmbeddedGraph.open_at(other / "graph")
    try:
        assert copy.triple_count() == local_count
        assert copy.document_ids() == doc_ids
    finally:
        copy.close()
