"""The RDF graph on an embedded Oxigraph store, one named graph per document.

A document's triples live in the named graph ``document_iri(doc_id)``, so a
replaced or removed document is dropped whole and leaves no triple behind.
The ontology, the incentive-type scheme and the regions live in a base graph.
Queries read the union of all graphs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Identifier, Node

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.iris import BASE, PKG, document_iri
from policykg.ingest.models import ParsedDocument
from policykg.ingest.store import Store
from policykg.ingest.vocab import load_vocabulary
from policykg.kg.build import (
    PREFIXES,
    bind_prefixes,
    document_triples,
    ontology_graph,
    region_triples,
    scheme_triples,
)

BASE_GRAPH = URIRef(BASE + "graph/base")
# Bump when the base graph's content changes, so old data dirs get it rebuilt.
BASE_VERSION = "3"
VERSION_MARKER = URIRef(BASE + "graph/base#version")


class GraphStoreBusy(Exception):
    """Another process holds the graph store."""


class PolicyGraph:
    """An open graph store (state: the Oxigraph database)."""

    def __init__(self, dataset: Dataset, path: Path | None = None) -> None:
        self.dataset = dataset
        self.path = path  # the store folder; None when in memory
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace)

    @classmethod
    def open_at(cls, path: Path | None) -> PolicyGraph:
        """Open (or create) the store at ``path``; ``None`` keeps it in memory."""
        dataset = Dataset(store="Oxigraph", default_union=True)
        if path is not None:
            path.mkdir(parents=True, exist_ok=True)
            try:
                dataset.open(str(path))
            except OSError as error:
                raise GraphStoreBusy(
                    f"the graph store at {path} is in use by another process ({error})"
                ) from None
        graph = cls(dataset, path)
        graph.ensure_base()
        return graph

    def flush(self) -> None:
        """Write Oxigraph's in-memory tables to disk files after a batch.

        Writes are durable as they happen (the write-ahead log); this keeps the
        log short, so the read-only process that runs user SPARQL opens fast.
        """
        inner = getattr(self.dataset.store, "_inner", None)
        if isinstance(inner, ox.Store) and self.path is not None:
            inner.flush()

    def close(self) -> None:
        self.dataset.close()

    def ensure_base(self) -> None:
        """Load the ontology, the scheme and the regions once (again when they change)."""
        base = self.dataset.graph(BASE_GRAPH)
        if (VERSION_MARKER, VERSION_MARKER, None) in base:
            marker = next(base.objects(VERSION_MARKER, VERSION_MARKER))
            if str(marker) == BASE_VERSION:
                return
        self.dataset.remove_graph(base)
        triples = [
            *ontology_graph(),
            *scheme_triples(load_vocabulary()),
            *region_triples(load_gazetteer()),
        ]
        triples.append((VERSION_MARKER, VERSION_MARKER, Literal(BASE_VERSION)))
        self._load(BASE_GRAPH, triples)

    def _load(self, name: URIRef, triples: Iterable[tuple]) -> None:
        """Bulk-load triples into one named graph, in one atomic Oxigraph ``extend``.

        Straight into the pyoxigraph store under oxrdflib, each distinct term
        converted once: rdflib's per-quad path spent most of the graph stage
        converting the same predicates and regions again and again.
        """
        inner = getattr(self.dataset.store, "_inner", None)
        if not isinstance(inner, ox.Store):
            self.dataset.addN((s, p, o, self.dataset.graph(name)) for s, p, o in triples)
            return
        graph_name = ox.NamedNode(str(name))
        converted: dict[Node, Any] = {}

        def term(node: Node) -> Any:
            found = converted.get(node)
            if found is None:
                found = converted[node] = _oxigraph_term(node)
            return found

        inner.extend([ox.Quad(term(s), term(p), term(o), graph_name) for s, p, o in triples])

    def add_document(self, parsed: ParsedDocument) -> None:
        """Replace the document's named graph with its triples, in one bulk load.

        The completion marker goes in last: a process killed mid-load leaves a
        graph without it, which ``sync`` drops and reloads.
        """
        name = document_iri(parsed.document.doc_id)
        self.dataset.remove_graph(self.dataset.graph(name))
        self._load(name, document_triples(parsed))
        self._load(name, [(name, PKG.loadComplete, Literal(True))])

    def remove_document(self, doc_id: str) -> None:
        self.dataset.remove_graph(self.dataset.graph(document_iri(doc_id)))

    def rows(
        self, sparql: str, bindings: Mapping[str, Identifier] | None = None
    ) -> list[tuple[Any, ...]]:
        """A SELECT query's rows as plain tuples (None for unbound values)."""
        result: Any = self.query(sparql, bindings)
        return [tuple(row) for row in result]

    def document_ids(self) -> set[str]:
        """Documents whose load completed."""
        rows = self.rows(
            "SELECT DISTINCT ?id WHERE { ?d a pkg:Document ; pkg:docId ?id ; pkg:loadComplete true }"
        )
        return {str(row[0]) for row in rows}

    def document_graphs(self) -> set[str]:
        """Doc ids of every document named graph, complete or not."""
        prefix = str(document_iri(""))
        return {
            str(context.identifier).removeprefix(prefix)
            for context in self.dataset.graphs()
            if str(context.identifier).startswith(prefix)
        }

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

    def query(self, sparql: str, bindings: Mapping[str, Identifier] | None = None) -> Result:
        """Run a read query over the union of all graphs; values are bound, never pasted."""
        return self.dataset.query(sparql, initBindings=dict(bindings or {}))

    def triple_count(self) -> int:
        count = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
        return int(self.rows(count)[0][0])

    def union_graph(self) -> Graph:
        """All distinct triples in one in-memory graph (for exports and SHACL)."""
        graph = bind_prefixes(Graph())
        for s, p, o, _ in self.dataset.quads((None, None, None, None)):
            graph.add((s, p, plain_literal(o)))
        return graph


def _oxigraph_term(node: Node) -> Any:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"not an RDF term: {node!r}")


def plain_literal(term: Any) -> Any:
    """Oxigraph types plain strings as xsd:string; RDF 1.1 calls them the same, rdflib does not."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term
