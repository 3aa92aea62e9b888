"""The RDF graph on an embedded Oxigraph store, one named graph per document.

A document's triples live in the named graph ``document_iri(doc_id)``, so a
replaced or removed document is dropped whole and leaves no triple behind.
The ontology, the incentive-type scheme and the regions live in a base graph.
Queries read the union of all graphs.
"""

from __future__ import annotations

import gc
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.query import Result
from rdflib.term import Node

from policykg.ingest.iris import PKG, document_iri
from policykg.ingest.models import ParsedDocument
from policykg.kg.base import (
    BASE_GRAPH,
    VERSION_MARKER,
    Bindings,
    SharedQueries,
    base_triples,
    base_version,
    plain_literal,
)
from policykg.kg.build import PREFIXES, bind_prefixes, document_triples


class GraphStoreBusy(Exception):
    """Another process holds the graph store."""


class GraphStoreDamaged(Exception):
    """The graph store's files are corrupt or truncated; it is rebuilt from the store."""


# The command that rebuilds the embedded graph store from the SQLite store.
REBUILD_GRAPH = "policykg reindex --graph"


def graph_damaged(path: Path | None, error: BaseException) -> GraphStoreDamaged:
    """One line naming the graph store, what RocksDB said, and the recovery command."""
    said = " ".join(str(error).split())[:160]
    return GraphStoreDamaged(
        f"the graph store at {path} is damaged ({said}); the documents are safe in the"
        f" store: run `{REBUILD_GRAPH}` to rebuild the graph from it"
    )


def is_corruption(error: BaseException) -> bool:
    """Whether RocksDB (under Oxigraph) reported damaged files rather than a busy lock."""
    return isinstance(error, RuntimeError | OSError) and "Corruption" in str(error)


def _leftovers(path: Path) -> tuple[Path, Path]:
    """The folders ``compact`` writes next to the store: the fresh copy and the old one."""
    return path.with_name(path.name + ".compact"), path.with_name(path.name + ".old")


def _readers(path: Path) -> Path:
    """The folder of checkpoints that read-only query processes open (``read_only_copy``)."""
    return path.with_name(path.name + ".readers")


def _open_dataset(path: Path) -> Dataset:
    dataset = Dataset(store="Oxigraph", default_union=True)
    try:
        dataset.open(str(path))
    except OSError as error:
        if is_corruption(error):
            raise graph_damaged(path, error) from None
        raise GraphStoreBusy(
            f"the graph store at {path} is in use by another process ({error})"
        ) from None
    except RuntimeError as error:  # RocksDB's "Corruption: ..." on a truncated file
        raise graph_damaged(path, error) from None
    return dataset


class EmbeddedGraph(SharedQueries):
    """The graph in an embedded Oxigraph store (state: the Oxigraph database)."""

    def __init__(self, dataset: Dataset, path: Path | None = None) -> None:
        self.dataset = dataset
        self.path = path  # the store folder; None when in memory
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace)

    @classmethod
    def open_at(cls, path: Path | None) -> EmbeddedGraph:
        """Open (or create) the store at ``path``; ``None`` keeps it in memory."""
        if path is None:
            dataset = Dataset(store="Oxigraph", default_union=True)
        else:
            path.mkdir(parents=True, exist_ok=True)
            dataset = _open_dataset(path)
            # A compaction cut short: the old copy holds removed text; the store syncs anyway.
            # So do checkpoints of a process that died mid-query.
            for leftover in (*_leftovers(path), _readers(path)):
                shutil.rmtree(leftover, ignore_errors=True)
        graph = cls(dataset, path)
        try:
            graph.ensure_base()
        except (OSError, RuntimeError) as error:
            graph.close()
            if is_corruption(error):
                raise graph_damaged(path, error) from None
            raise
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

    @contextmanager
    def read_only_copy(self) -> Iterator[Path | None]:
        """A checkpoint of the store for one read-only query process, removed after it.

        Oxigraph may not open the live folder read-only while this process writes to it
        or compacts it: a table file the reader listed can be deleted under it ("IO
        error: No such file"). A RocksDB checkpoint hard-links the files of one state of
        the store, so the reader keeps them whatever happens here (~2 ms).
        """
        inner = getattr(self.dataset.store, "_inner", None)
        if not isinstance(inner, ox.Store) or self.path is None:
            yield None
            return
        readers = _readers(self.path)
        readers.mkdir(exist_ok=True)
        folder = Path(tempfile.mkdtemp(dir=readers))
        try:
            copy = folder / "graph"  # backup wants a folder that does not exist yet
            inner.backup(str(copy))
            yield copy
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def compact(self) -> None:
        """Rewrite the store with only the quads it holds now (after a removal).

        Oxigraph keeps the strings of removed triples (provision texts, titles) in
        its files, even after ``optimize``. The live quads are copied into a fresh
        store and the folders swapped; a crash mid-way leaves a folder that the
        next open drops, and ``sync`` refills the graph from the store.
        """
        inner = getattr(self.dataset.store, "_inner", None)
        if not isinstance(inner, ox.Store) or self.path is None:
            return
        fresh_path, old_path = _leftovers(self.path)
        shutil.rmtree(fresh_path, ignore_errors=True)
        fresh = ox.Store(str(fresh_path))
        fresh.bulk_extend(inner.quads_for_pattern(None, None, None, None))
        fresh.flush()
        fresh.optimize()
        del fresh, inner
        self.dataset.close()
        gc.collect()  # the RocksDB handles close when their last reference goes
        os.replace(self.path, old_path)
        os.replace(fresh_path, self.path)
        shutil.rmtree(old_path)
        self.dataset = _open_dataset(self.path)
        for prefix, namespace in PREFIXES.items():
            self.dataset.bind(prefix, namespace)

    def ensure_base(self) -> None:
        """Load the ontology, the scheme and the regions once (again when they change)."""
        base = self.dataset.graph(BASE_GRAPH)
        if (VERSION_MARKER, VERSION_MARKER, None) in base:
            marker = next(base.objects(VERSION_MARKER, VERSION_MARKER))
            if str(marker) == base_version():
                return
        self.dataset.remove_graph(base)
        self._load(BASE_GRAPH, list(base_triples()))

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

    def document_graphs(self) -> set[str]:
        """Doc ids of every document named graph, complete or not."""
        prefix = str(document_iri(""))
        return {
            str(context.identifier).removeprefix(prefix)
            for context in self.dataset.graphs()
            if str(context.identifier).startswith(prefix)
        }

    def query(self, sparql: str, bindings: Bindings | None = None) -> Result:
        """Run a read query over the union of all graphs; values are bound, never pasted."""
        return self.dataset.query(sparql, initBindings=dict(bindings or {}))

    def union_graph(self) -> Graph:
        """All distinct triples in one in-memory graph (for exports and SHACL)."""
        graph = bind_prefixes(Graph())
        for s, p, o, _ in self.dataset.quads((None, None, None, None)):
            graph.add((s, p, plain_literal(o)))
        return graph

    def named_graphs(self) -> set[str]:
        """The names of every graph that holds a triple."""
        return {str(g.identifier) for g in self.dataset.graphs() if len(g)}

    def graph_triples(self, name: str) -> list[tuple]:
        """The triples of one named graph (for ``push``)."""
        return list(self.dataset.graph(URIRef(name)))

    def replace_graph(self, name: str, triples: list[tuple]) -> None:
        """Replace one named graph (for ``pull``), in one bulk load."""
        self.dataset.remove_graph(self.dataset.graph(URIRef(name)))
        self._load(URIRef(name), triples)


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
