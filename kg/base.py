"""What a graph store is to its callers (``GraphStore``), and what every backend shares.

Two backends sit behind the protocol: ``EmbeddedGraph`` (Oxigraph in the data
dir, ``kg/graph.py``) and ``RemoteGraph`` (a SPARQL 1.1 server, ``kg/remote.py``);
``open_graph`` in ``kg/stores.py`` chooses one from the settings. Both keep one
named graph per document and the ontology, scheme and regions in a base graph.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from rdflib import XSD, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.iris import BASE
from policykg.ingest.models import ParsedDocument
from policykg.ingest.stamp import ingest_stamp, stamp_of
from policykg.ingest.store import Store
from policykg.ingest.vocab import load_vocabulary
from policykg.kg.build import ontology_graph, region_triples, scheme_triples
from policykg.kg.stamp import graph_stamp

BASE_GRAPH = URIRef(BASE + "graph/base")
VERSION_MARKER = URIRef(BASE + "graph/base#version")
Bindings = Mapping[str, Identifier]


class GraphStore(Protocol):
    """An open graph store: what ``Library``, the queries, exports and push/pull use."""

    @property
    def path(self) -> Path | None:
        """The store folder; None when there is none (in memory, or on a server)."""

    def ensure_base(self) -> None: ...

    def add_document(self, parsed: ParsedDocument) -> None: ...

    def remove_document(self, doc_id: str) -> None: ...

    def sync(self, store: Store) -> int: ...

    def query(self, sparql: str, bindings: Bindings | None = None) -> Result: ...

    def rows(self, sparql: str, bindings: Bindings | None = None) -> list[tuple[Any, ...]]: ...

    def document_ids(self) -> set[str]: ...

    def document_graphs(self) -> set[str]: ...

    def named_graphs(self) -> set[str]: ...

    def graph_triples(self, name: str) -> list[tuple]: ...

    def replace_graph(self, name: str, triples: list[tuple]) -> None: ...

    def union_graph(self) -> Graph: ...

    def triple_count(self) -> int: ...

    def flush(self) -> None: ...

    def read_only_copy(self) -> AbstractContextManager[Path | None]:
        """A folder a read-only query process may open; None: query in this process."""

    def close(self) -> None: ...


class SharedQueries(ABC):
    """The part of a graph store written once over ``query``, for both backends."""

    @abstractmethod
    def query(self, sparql: str, bindings: Bindings | None = None) -> Result: ...

    @abstractmethod
    def add_document(self, parsed: ParsedDocument) -> None: ...

    @abstractmethod
    def remove_document(self, doc_id: str) -> None: ...

    @abstractmethod
    def document_graphs(self) -> set[str]: ...

    def rows(self, sparql: str, bindings: Bindings | None = None) -> list[tuple[Any, ...]]:
        """A SELECT query's rows as plain tuples (None for unbound values)."""
        result: Any = self.query(sparql, bindings)
        return [tuple(row) for row in result]

    def document_ids(self) -> set[str]:
        """Documents whose load completed."""
        rows = self.rows(
            "SELECT DISTINCT ?id WHERE { ?d a pkg:Document ; pkg:docId ?id ; pkg:loadComplete true }"
        )
        return {str(row[0]) for row in rows}

    def sync(self, store: Store) -> int:
        """Make the graph hold exactly the store's documents, each complete (after a crash)."""
        wanted = set(store.doc_ids())
        complete = self.document_ids()
        changes = 0
        for doc_id in self.document_graphs() - (wanted & complete):
            self.remove_document(doc_id)
            changes += 1
        for doc_id in wanted - complete:
            parsed = store.parsed(doc_id)
            if parsed is not None:
                self.add_document(parsed)
                changes += 1
        return changes

    def triple_count(self) -> int:
        count = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
        return int(self.rows(count)[0][0])


def base_version() -> str:
    """A hash of what the base graph is made from (ontology, scheme, regions, and the code).

    Stored in the base graph; a store holding another one gets its base graph rebuilt,
    so nobody bumps a version by hand.
    """
    return stamp_of([("kg", graph_stamp().encode()), ("ingest", ingest_stamp().encode())])


def base_triples() -> Iterator[tuple]:
    """The base graph: ontology, scheme, regions, and the version marker last."""
    yield from ontology_graph()
    yield from scheme_triples(load_vocabulary())
    yield from region_triples(load_gazetteer())
    yield VERSION_MARKER, VERSION_MARKER, Literal(base_version())


def plain_literal(term: Any) -> Any:
    """Oxigraph types plain strings as xsd:string; RDF 1.1 calls them the same, rdflib does not."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term
