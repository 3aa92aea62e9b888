"""A read-only SPARQL query in a process of its own, so a runaway query can be killed.

Imports only pyoxigraph: the worker starts fresh (``spawn``), never as a fork of
a process that holds threads, models and locks. The worker also limits itself: a
parent killed mid-query (a server stopped with SIGTERM) must not leave an orphan
burning a core on a query that would run for hours.
"""

from __future__ import annotations

import math
import signal
from multiprocessing.connection import Connection

import pyoxigraph as ox

Outcome = tuple[str, tuple[str, ...], tuple[tuple[str, ...], ...]] | str


def plain(term: object) -> str:
    """A term as the plain string the tables show (IRI, literal value, _:blank)."""
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    value = getattr(term, "value", None)
    return str(value) if value is not None else str(term)


def run(path: str, query: str, prefixes: dict[str, str]) -> Outcome:
    store = ox.Store.read_only(path)
    result = store.query(query, prefixes=prefixes, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return ("ASK", ("boolean",), ((str(bool(result)).lower(),),))
    if isinstance(result, ox.QueryTriples):
        rows = tuple((plain(t.subject), plain(t.predicate), plain(t.object)) for t in result)
        return ("CONSTRUCT", ("subject", "predicate", "object"), rows)
    columns = tuple(v.value for v in result.variables)
    table: tuple[tuple[str, ...], ...] = tuple(
        tuple(plain(solution[c]) for c in columns) for solution in result
    )
    return ("SELECT", columns, table)


def work(
    path: str, query: str, prefixes: dict[str, str], connection: Connection, limit_s: float
) -> None:
    # SIGALRM's default action ends the process even while Oxigraph holds the GIL.
    if hasattr(signal, "alarm"):
        signal.alarm(math.ceil(limit_s) + 1)
    try:
        connection.send(run(path, query, prefixes))
    except Exception as error:  # sent back and reported as one line by the caller
        connection.send(f"{type(error).__name__}: {error}")
    finally:
        connection.close()
