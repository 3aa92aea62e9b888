"""Moving the graph between the embedded store and a SPARQL server: push, pull."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import track

from policykg.ingest.settings import load_settings
from policykg.kg.graph import PolicyGraph
from policykg.kg.remote import RemoteGraph, StoreUnavailable, is_remote
from policykg.ui.cli_common import DataDir, err, fail

StoreUrl = Annotated[
    str, typer.Option("--store", help="The server: sparql+http://HOST:PORT/… (e.g. Oxigraph).")
]


def register(app: typer.Typer) -> None:
    app.command()(push)
    app.command()(pull)


def _open_both(data_dir: DataDir, store: str) -> tuple[PolicyGraph, RemoteGraph]:
    if not is_remote(store):
        raise fail(f"--store must be a server URL (sparql+http://HOST:PORT/…), not {store!r}")
    settings = load_settings(data_dir=data_dir, store="embedded")
    try:
        remote = RemoteGraph(store)
        remote.named_graphs()  # reachable?
    except StoreUnavailable as error:
        raise fail(str(error)) from None
    return PolicyGraph.open_at(settings.graph_dir), remote


def push(store: StoreUrl, data_dir: DataDir = None) -> None:
    """Copy the embedded graph to a SPARQL server, one named graph at a time (bulk load)."""
    local, remote = _open_both(data_dir, store)
    try:
        names = sorted(str(g.identifier) for g in local.dataset.graphs() if len(g))
        for name in track(names, description="pushing", console=err, transient=True):
            triples = list(local.dataset.graph(name))
            remote.replace_graph(name, [(s, p, o) for s, p, o in triples])
    except StoreUnavailable as error:
        raise fail(str(error)) from None
    finally:
        local.close()
    print(f"pushed {len(names)} named graphs to {store}")


def pull(store: StoreUrl, data_dir: DataDir = None) -> None:
    """Copy a SPARQL server's graphs into the embedded store (its named graphs replaced)."""
    local, remote = _open_both(data_dir, store)
    try:
        names = sorted(remote.named_graphs())
        for name in names:
            triples = remote.graph_triples(name)
            target = local.dataset.graph(name)
            local.dataset.remove_graph(target)
            local.dataset.addN((s, p, o, local.dataset.graph(name)) for s, p, o in triples)
    except StoreUnavailable as error:
        raise fail(str(error)) from None
    finally:
        local.close()
    print(f"pulled {len(names)} named graphs from {store}")
