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

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar
from urllib.error import HTTPError, URLError

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.query import Result

from policykg.ingest.iris import PKG, document_iri
from policykg.ingest.models import ParsedDocument
from policykg.ingest.storeurl import RemoteStore, StoreTimeouts
from policykg.kg.base import (
    BASE_GRAPH,
    Bindings,
    SharedQueries,
    base_triples,
    base_version,
    plain_literal,
)
from policykg.kg.build import PREFIXES, bind_prefixes, document_triples
from policykg.kg.remote_http import ConnectTimeout, TimedSPARQLStore

BATCH_TRIPLES = 5_000  # triples per update request when loading large graphs
T = TypeVar("T")


class StoreUnavailable(Exception):
    """The SPARQL server cannot be reached, or it refused a request."""


def _ntriples(triples: Iterable[tuple]) -> str:
    return "\n".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in triples)


class RemoteGraph(SharedQueries):
    """The graph on a SPARQL server (state: the HTTP store)."""

    def __init__(self, store: RemoteStore, timeouts: StoreTimeouts) -> None:
        self.path: Path | None = None  # no folder: user queries run in a thread
        self.store_url = store.url
        self.endpoints = store.endpoints
        self.timeouts = timeouts
        # POST: GET hides connection errors behind a generic ValueError.
        self._store = TimedSPARQLStore(self.endpoints.query, self.endpoints.update, timeouts)
        self.dataset = Dataset(store=self._store, default_union=True)
        for prefix, namespace in PREFIXES.items():
            self.dataset.bind(prefix, namespace)

    @classmethod
    def open(cls, store: RemoteStore, timeouts: StoreTimeouts) -> RemoteGraph:
        """Connect, and load the base graph when the server lacks it (or an old one)."""
        graph = cls(store, timeouts)
        graph.ensure_base()
        return graph

    def _call(self, what: str, action: Callable[[], T]) -> T:
        try:
            return action()
        except HTTPError as error:  # the server answered, with a refusal
            raise StoreUnavailable(
                f"the SPARQL server at {self.endpoints.query} refused {what} ({error})"
            ) from None
        except (URLError, OSError) as error:
            reason = error.reason if isinstance(error, URLError) else error
            if isinstance(reason, TimeoutError):
                raise self._timed_out(what, reason) from None
            raise StoreUnavailable(
                f"cannot reach the SPARQL server at {self.endpoints.query} while {what} ({error})"
            ) from None

    def _timed_out(self, what: str, reason: TimeoutError) -> StoreUnavailable:
        """One line naming the server, the timeout that ran out and the setting for it."""
        if isinstance(reason, ConnectTimeout):
            seconds, setting, waiting = self.timeouts.connect_s, "connect", "accept a connection"
        else:
            seconds, setting, waiting = self.timeouts.read_s, "read", "answer"
        return StoreUnavailable(
            f"the SPARQL server at {self.store_url} did not {waiting} within {seconds:g} s"
            f" while {what} (store_{setting}_timeout_s in settings.toml"
            f" or POLICYKG_STORE_{setting.upper()}_TIMEOUT_S)"
        )

    def update(self, request: str, what: str) -> None:
        self._call(what, lambda: self._store.update(request))

    def close(self) -> None:
        self._store.close()

    @contextmanager
    def read_only_copy(self) -> Iterator[Path | None]:
        """No folder: user queries go to the server from a thread."""
        yield None

    def flush(self) -> None:
        """Every update is committed by the server as it arrives."""

    def ensure_base(self) -> None:
        ask = f"ASK {{ GRAPH {BASE_GRAPH.n3()} {{ ?marker ?marker {Literal(base_version()).n3()} }} }}"
        current = self._call("checking the base graph", lambda: self.dataset.query(ask))
        if bool(current.askAnswer):
            return
        self.update(f"DROP SILENT GRAPH {BASE_GRAPH.n3()}", "clearing the base graph")
        triples = list(base_triples())
        marker = triples.pop()  # the version marker goes last
        self._load(BASE_GRAPH, triples)
        self._load(BASE_GRAPH, [marker])

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

    def query(self, sparql: str, bindings: Bindings | None = None) -> Result:
        """Run a read query over the union of the server's graphs; values are bound, never pasted."""
        initial = dict(bindings or {})
        result: Any = self._call(
            "querying", lambda: self.dataset.query(sparql, initBindings=initial)
        )
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
