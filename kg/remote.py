"""The graph on a SPARQL 1.1 server (Oxigraph server, Fuseki, GraphDB, Virtuoso …).

rdflib's ``SPARQLUpdateStore`` carries queries and updates. Each document is one
named graph, replaced by a single update request (``DROP SILENT GRAPH`` then
``INSERT DATA``) that the server runs as one transaction, so a server that
stops mid-ingest never holds half a document. Terms are written with rdflib's
own N-Triples serialisation, so text from documents is escaped, never pasted.

The server must answer queries over the union of its named graphs by default
(``oxigraph serve --union-default-graph``; Fuseki ``tdb2:unionDefaultGraph true``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import parse_qs, urlsplit

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
from rdflib.query import Result
from rdflib.term import Identifier

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.iris import PKG, document_iri
from policykg.ingest.models import ParsedDocument
from policykg.ingest.vocab import load_vocabulary
from policykg.kg.build import (
    bind_prefixes,
    document_triples,
    ontology_graph,
    region_triples,
    scheme_triples,
)
from policykg.kg.graph import BASE_GRAPH, BASE_VERSION, VERSION_MARKER, PolicyGraph, plain_literal

SCHEME = "sparql+"
BATCH_TRIPLES = 5_000  # triples per update request when loading large graphs


class StoreUnavailable(Exception):
    """The SPARQL server cannot be reached, or it refused a request."""


@dataclass(frozen=True, slots=True)
class Endpoints:
    query: str
    update: str


def is_remote(store: str) -> bool:
    return store.startswith(SCHEME)


def parse_store_url(store: str) -> Endpoints:
    """``sparql+http://host:port/path`` → ``…/path/query`` and ``…/path/update``.

    Other layouts name their endpoints: ``sparql+http://host/repositories/r?query=/repositories/r&update=/repositories/r/statements``.
    """
    if not is_remote(store):
        raise ValueError(f"not a SPARQL store URL: {store!r} (expected sparql+http://HOST:PORT/…)")
    parts = urlsplit(store.removeprefix(SCHEME))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"not a SPARQL store URL: {store!r} (expected sparql+http://HOST:PORT/…)")
    root = f"{parts.scheme}://{parts.netloc}"
    base = root + parts.path.rstrip("/")
    options = parse_qs(parts.query)
    query = options.get("query", [None])[0]
    update = options.get("update", [None])[0]
    return Endpoints(
        query=root + query if query else base + "/query",
        update=root + update if update else base + "/update",
    )


def _ntriples(triples: Iterable[tuple]) -> str:
    return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)


class RemoteGraph(PolicyGraph):
    """The graph on a SPARQL server (state: the HTTP store)."""

    def __init__(self, store_url: str) -> None:
        self.store_url = store_url
        self.endpoints = parse_store_url(store_url)
        self._store = SPARQLUpdateStore(
            query_endpoint=self.endpoints.query,
            update_endpoint=self.endpoints.update,
            returnFormat="json",
            method="POST",  # GET hides connection errors behind a generic ValueError
        )
        super().__init__(Dataset(store=self._store, default_union=True), path=None)

    @classmethod
    def open_url(cls, store_url: str) -> RemoteGraph:
        graph = cls(store_url)
        graph.ensure_base()
        return graph

    def _call(self, what: str, action: Any) -> Any:
        try:
            return action()
        except HTTPError as error:  # the server answered, with a refusal
            raise StoreUnavailable(
                f"the SPARQL server at {self.endpoints.query} refused {what} ({error})"
            ) from None
        except (URLError, OSError) as error:
            raise StoreUnavailable(
                f"cannot reach the SPARQL server at {self.endpoints.query} while {what} ({error})"
            ) from None

    def update(self, request: str, what: str) -> None:
        self._call(what, lambda: self._store.update(request))

    def close(self) -> None:
        self._store.close()

    def flush(self) -> None:
        """Every update is committed by the server as it arrives."""

    def ensure_base(self) -> None:
        ask = (
            f"ASK {{ GRAPH {BASE_GRAPH.n3()} {{ ?marker ?marker {Literal(BASE_VERSION).n3()} }} }}"
        )
        current = self._call("checking the base graph", lambda: self.dataset.query(ask))
        if bool(current.askAnswer):
            return
        self.update(f"DROP SILENT GRAPH {BASE_GRAPH.n3()}", "clearing the base graph")
        triples = list(self._base_triples())
        marker = triples.pop()  # the version marker goes last
        self._load(BASE_GRAPH, triples)
        self._load(BASE_GRAPH, [marker])

    def _base_triples(self) -> Iterator[tuple]:
        yield from ontology_graph()
        yield from scheme_triples(load_vocabulary())
        yield from region_triples(load_gazetteer())
        yield VERSION_MARKER, VERSION_MARKER, Literal(BASE_VERSION)

    def _load(self, name: URIRef, triples: Iterable[tuple]) -> None:
        batch: list[tuple] = []
        for triple in triples:
            batch.append(triple)
            if len(batch) == BATCH_TRIPLES:
                self._insert(name, batch)
                batch = []
        if batch:
            self._insert(name, batch)

    def _insert(self, name: URIRef, triples: list[tuple]) -> None:
        request = f"INSERT DATA {{ GRAPH {name.n3()} {{\n{_ntriples(triples)}\n}} }}"
        self.update(request, f"loading {name}")

    def add_document(self, parsed: ParsedDocument) -> None:
        """Replace the document's named graph in one request: all of it or none of it."""
        name = document_iri(parsed.document.doc_id)
        triples = [*document_triples(parsed), (name, PKG.loadComplete, Literal(True))]
        request = (
            f"DROP SILENT GRAPH {name.n3()} ;\n"
            f"INSERT DATA {{ GRAPH {name.n3()} {{\n{_ntriples(triples)}\n}} }}"
        )
        self.update(request, f"storing document {parsed.document.doc_id}")

    def remove_document(self, doc_id: str) -> None:
        self.update(f"DROP SILENT GRAPH {document_iri(doc_id).n3()}", f"removing {doc_id}")

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        result = self._call("querying", lambda: super(RemoteGraph, self).query(sparql, bindings))
        if not isinstance(result, Result):  # rdflib hands back (status, message, None)
            raise StoreUnavailable(
                f"the SPARQL server at {self.endpoints.query} refused a query ({result[1]})"
            )
        return result

    def named_graphs(self) -> set[str]:
        rows = self.rows("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return {str(row[0]) for row in rows}

    def document_graphs(self) -> set[str]:
        prefix = str(document_iri(""))
        return {g.removeprefix(prefix) for g in self.named_graphs() if g.startswith(prefix)}

    # SELECT rather than CONSTRUCT: the store asks for JSON results, which servers
    # only give for SELECT and ASK.
    def union_graph(self) -> Graph:
        graph = bind_prefixes(Graph())
        for s, p, o in self.rows("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"):
            graph.add((s, p, plain_literal(o)))
        return graph

    def graph_triples(self, name: str) -> list[tuple]:
        """The triples of one named graph (for ``pull``)."""
        rows = self.rows("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(name)})
        return [(s, p, o) for s, p, o, _ in rows]

    def replace_graph(self, name: str, triples: list[tuple]) -> None:
        """Replace one named graph (for ``push``): dropped, then loaded in batches."""
        self.update(f"DROP SILENT GRAPH {URIRef(name).n3()}", f"clearing {name}")
        self._load(URIRef(name), triples)
