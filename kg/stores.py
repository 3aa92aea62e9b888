"""The one factory for graph stores: embedded Oxigraph in the data dir, or a SPARQL server."""

from __future__ import annotations

from policykg.ingest.settings import Settings
from policykg.kg.graph import PolicyGraph
from policykg.kg.remote import RemoteGraph, is_remote


def open_graph(settings: Settings) -> PolicyGraph:
    """The graph the settings name: embedded in the data dir, or on a SPARQL server."""
    if is_remote(settings.store):
        return RemoteGraph.open_url(settings.store)
    if settings.store != "embedded":
        raise ValueError(
            f"unknown store {settings.store!r}: use 'embedded' or sparql+http://HOST:PORT/…"
        )
    return PolicyGraph.open_at(settings.graph_dir)
