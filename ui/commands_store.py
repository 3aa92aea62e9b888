"""Moving the graph between the embedded store and a SPARQL server: push, pull."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import track

from policykg.ingest.settings import load_settings
from policykg.ingest.storeurl import RemoteStore
from policykg.kg.base import GraphStore
from policykg.kg.graph import EmbeddedGraph
from policykg.kg.remote import RemoteGraph, StoreUnavailable
from policykg.ui.cli_common import DataDir, err, fail

StoreUrl = Annotated[
    str, typer.Option("--store", help="The server: sparql+http://HOST:PORT/… (e.g. Oxigraph).")
]


def _open_both(data_dir: DataDir, store: str) -> tuple[EmbeddedGraph, RemoteGraph]:
    try:
        server = RemoteStore.from_url(store)
    except ValueError:
        raise fail(
            f"--store must be a server URL (sparql+http://HOST:PORT/…), not {store!r}"
        ) from None
    try:
        settings = load_settings(data_dir=data_dir, store="embedded")
    except ValueError as error:  # a timeout that is not a positive number
        raise fail(str(error)) from None
    try:
        remote = RemoteGraph(server, settings.store_timeouts)
        remote.named_graphs()  # reachable?
    except StoreUnavailable as error:
        raise fail(str(error)) from None
    return EmbeddedGraph.open_at(settings.graph_dir), remote


def _copy(source: GraphStore, target: GraphStore, description: str) -> int:
    """Replace each of the target's named graphs that the source holds; the count copied."""
    names = sorted(source.named_graphs())
    for name in track(names, description=description, console=err, transient=True):
        target.replace_graph(name, source.graph_triples(name))
    return len(names)


def push(store: StoreUrl, data_dir: DataDir = None) -> None:
    """Copy the embedded graph to a SPARQL server, one named graph at a time (bulk load)."""
    local, remote = _open_both(data_dir, store)
    try:
        count = _copy(local, remote, "pushing")
    except StoreUnavailable as error:
        raise fail(str(error)) from None
    finally:
        local.close()
    print(f"pushed {count} named graphs to {store}")


def pull(store: StoreUrl, data_dir: DataDir = None) -> None:
    """Copy a SPARQL server's graphs into the embedded store (its named graphs replaced)."""
    local, remote = _open_both(data_dir, store)
    try:
        count = _copy(remote, local, "pulling")
    except StoreUnavailable as error:
        raise fail(str(error)) from None
    finally:
        local.close()
    print(f"pulled {count} named graphs from {store}")
