"""Read-only SPARQL for people: SELECT, ASK, CONSTRUCT, DESCRIBE; never an update.

A request is parsed with rdflib's SPARQL parser before it reaches the store:
anything that parses as an update, or that calls another endpoint with
SERVICE, is refused. Runaway queries are stopped by a time limit, or sooner
when the caller's ``stop`` event is set (the app sets it when the library is
about to change under the query).
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from pyparsing import ParseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.query import Result

from policykg.kg import sparql_worker
from policykg.kg.base import GraphStore
from policykg.kg.build import PREFIXES

DEFAULT_TIMEOUT_S = 30.0
POLL_S = 0.05  # how often a running query looks at its stop event
STOPPED = "the query was stopped: the library is being changed; run it again"


class OutputFormat(str, Enum):
    JSON = "json"
    CSV = "csv"
    TABLE = "table"


class QueryRefused(Exception):
    """The request is not a read-only query this service runs."""


@dataclass(frozen=True, slots=True)
class Table:
    """A query's answer in one shape: columns and rows of plain strings."""

    kind: str  # SELECT, ASK, CONSTRUCT/DESCRIBE (triples as subject/predicate/object rows)
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def check_read_only(text: str) -> None:
    """Refuse updates and SERVICE calls; raise ``QueryRefused`` with the reason."""
    try:
        parsed = parseQuery(text)
    except ParseException as error:
        try:
            parseUpdate(text)
        except ParseException:
            raise QueryRefused(
                f"not a valid SPARQL query: {error.msg} (line {error.lineno})"
            ) from None
        raise QueryRefused(
            "updates (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY) are refused: "
            "the graph is read-only here"
        ) from None
    if _mentions_service(parsed):
        raise QueryRefused("SERVICE calls to other endpoints are refused")


def _mentions_service(node: object) -> bool:
    name = getattr(node, "name", None)
    if name == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_mentions_service(value) for value in node.values())
    if isinstance(node, list | tuple | ParseResults):
        return any(_mentions_service(value) for value in node)
    return False


def run_query(
    graph: GraphStore,
    text: str,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    stop: threading.Event | None = None,
) -> Table:
    """Check, run with a time limit, and collect a query's answer.

    A store on disk is queried, in a checkpoint of it, by a separate read-only
    process that is killed at the limit or when ``stop`` is set, so a runaway query
    stops instead of burning a core in the background; an in-memory or remote store
    is queried in a thread (abandoned, not killed, at the limit).
    """
    check_read_only(text)
    with graph.read_only_copy() as folder:
        if folder is not None:
            return _run_in_process(folder, text, timeout_s, stop or threading.Event())
    return _run_in_thread(graph, text, timeout_s, stop or threading.Event())


def _wait(ready: Callable[[float], bool], timeout_s: float, stop: threading.Event) -> None:
    """Until ``ready(seconds)`` says yes; ``QueryRefused`` at the limit or on ``stop``."""
    deadline = time.monotonic() + timeout_s
    while not ready(min(POLL_S, max(0.0, deadline - time.monotonic()))):
        if stop.is_set():
            raise QueryRefused(STOPPED)
        if time.monotonic() >= deadline:
            raise QueryRefused(f"the query ran over the {timeout_s:g}-second limit and was stopped")


def _run_in_process(path: Path, text: str, timeout_s: float, stop: threading.Event) -> Table:
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    process = context.Process(
        target=sparql_worker.work,
        args=(str(path), text, prefixes, sender, timeout_s),
        daemon=True,
    )
    process.start()
    sender.close()
    try:
        _wait(receiver.poll, timeout_s, stop)
        outcome = receiver.recv()
    except EOFError:
        raise QueryRefused("the query process ended without an answer") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join()
    if isinstance(outcome, str):
        raise QueryRefused(f"the query failed: {outcome}")
    kind, columns, rows = outcome
    return Table(kind, columns, rows)


def _run_in_thread(graph: GraphStore, text: str, timeout_s: float, stop: threading.Event) -> Table:
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["table"] = _collect(graph.query(text))
        except Exception as error:  # reported to the caller below
            outcome["error"] = error

    worker = threading.Thread(target=work, daemon=True)
    worker.start()

    def finished(seconds: float) -> bool:
        worker.join(seconds)
        return not worker.is_alive()

    _wait(finished, timeout_s, stop)
    if "error" in outcome:
        raise QueryRefused(f"the query failed: {outcome['error']}")
    table = outcome["table"]
    assert isinstance(table, Table)
    return table


def _collect(result: Result) -> Table:
    if result.type == "ASK":
        return Table("ASK", ("boolean",), ((str(bool(result.askAnswer)).lower(),),))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples = result.graph or ()
        rows: tuple[tuple[str, ...], ...] = tuple((str(s), str(p), str(o)) for s, p, o in triples)
        return Table(result.type, ("subject", "predicate", "object"), rows)
    columns = tuple(str(v) for v in result.vars or ())
    rows = tuple(tuple("" if value is None else str(value) for value in row) for row in result)  # type: ignore[union-attr]
    return Table("SELECT", columns, rows)


def render(table: Table, output: OutputFormat) -> str:
    if output is OutputFormat.JSON:
        if table.kind == "ASK":
            return json.dumps({"boolean": table.rows[0][0] == "true"})
        records = [dict(zip(table.columns, row, strict=True)) for row in table.rows]
        return json.dumps(records, ensure_ascii=False)
    buffer = io.StringIO()
    if output is OutputFormat.CSV:
        writer = csv.writer(buffer)
        writer.writerow(table.columns)
        writer.writerows(table.rows)
        return buffer.getvalue()
    return _plain_table(table.columns, table.rows)


def _plain_table(columns: tuple[str, ...], rows: Iterable[tuple[str, ...]]) -> str:
    lines = ["\t".join(columns)]
    lines.extend("\t".join(row) for row in rows)
    return "\n".join(lines)
