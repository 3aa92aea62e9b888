"""The one factory for graph stores: embedded Oxigraph in the data dir, or a SPARQL server."""

from __future__ import annotations

from typing import assert_never

from policykg.ingest.settings import Settings
from policykg.ingest.storeurl import EmbeddedStore, RemoteStore
from policykg.kg.base import GraphStore
from policykg.kg.graph import EmbeddedGraph
from policykg.kg.remote import RemoteGraph


def open_graph(settings: Settings) -> GraphStore:
    """The graph the settings name: embedded in the data dir, or on a SPARQL server."""
    store = settings.store
    match store:
        case EmbeddedStore():
            return EmbeddedGraph.open_at(settings.graph_dir)
        case RemoteStore():
            return RemoteGraph.open(store, settings.store_timeouts)
        case _:
            assert_never(store)
