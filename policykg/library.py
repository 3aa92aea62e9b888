"""The library: the store, and everything that follows it, opened from one ``Settings``.

Ingest and removal go through here so the graph and the indexes stay in step
with the store, one document at a time.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import Protocol

from policykg.ingest.gazetteer import Gazetteer, load_gazetteer
from policykg.ingest.models import ParsedDocument
from policykg.ingest.pipeline import IngestReport, OnProgress, ingest_paths, parse_document
from policykg.ingest.settings import Settings
from policykg.ingest.stamp import ingest_stamp, stamp_of
from policykg.ingest.store import Store
from policykg.kg.base import GraphStore
from policykg.kg.stamp import graph_stamp
from policykg.kg.stores import open_graph
from policykg.retrieval.catalog import Catalog, build_catalog
from policykg.retrieval.index import SearchIndex

# The bundled corpus is package data of the composition root (in a wheel as in a clone).
BUNDLED_CORPUS = Path(str(resources.files("policykg").joinpath("corpus")))


class Follower(Protocol):
    """Something derived from the store that follows it document by document."""

    def add_document(self, parsed: ParsedDocument) -> None: ...

    def remove_document(self, doc_id: str) -> None: ...

    def flush(self) -> None: ...

    def close(self) -> None: ...


class Library:
    """An open data dir (state: the store connection and the followers)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        # What derived data is made with; documents stored under another stamp are re-derived.
        self.stamp = stamp_of([("ingest", ingest_stamp().encode()), ("kg", graph_stamp().encode())])
        self.notices: list[str] = []  # one line each, for the CLI and the app to show
        self.store = Store(settings.store_path, self.stamp)
        self.gazetteer: Gazetteer = load_gazetteer()
        try:
            self.graph: GraphStore = open_graph(settings)
        except BaseException:
            self.store.close()
            raise
        try:
            self.index = SearchIndex.open(settings)
            self._catalog: Catalog | None = None
            # A crash between the store and the graph or an index leaves them apart;
            # mend it on open (the store is the record: one transaction per document).
            self.graph.sync(self.store)
            self.index.sync(self.store)
        except BaseException:
            # A refused index must not leave the graph store locked for the next opener.
            self.graph.close()
            self.store.close()
            raise
        self.followers: list[Follower] = [self.graph, self.index]
        self.rederive_stale()

    def close(self) -> None:
        for follower in self.followers:
            follower.close()
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(self, paths: Iterable[Path], on_progress: OnProgress | None = None) -> IngestReport:
        report = ingest_paths(
            paths, self.settings, self.store, on_stored=self._on_stored, on_progress=on_progress
        )
        self._flush()
        return report

    def remove(self, doc_id: str) -> bool:
        removed = self.store.remove(doc_id)
        for follower in self.followers:
            follower.remove_document(doc_id)
        self._flush()
        return removed

    def reindex(self) -> tuple[int, int]:
        """Rebuild the search indexes from the store; (documents, provisions)."""
        self.index.close()
        shutil.rmtree(self.settings.index_dir, ignore_errors=True)
        self.index = SearchIndex.open(self.settings)
        self.followers = [self.graph, self.index]
        self.index.sync(self.store)
        self._catalog = None
        self.rederive_stale()
        return len(self.index.documents), len(self.index.provision_ids())

    def rederive_stale(self) -> int:
        """Re-derive documents stored with other rules, vocabularies or code; their count.

        The stored text is the record: provisions, regions and measures are made
        again from it, and the graph and the indexes follow, one document at a time.
        """
        stale = self.store.stale_doc_ids()
        if not stale:
            return 0
        self.notices.append(
            f"re-deriving {len(stale)} document(s): the extraction rules, vocabularies or"
            " code changed since they were stored"
        )
        for doc_id in stale:
            document = self.store.document(doc_id)
            if document is None:
                continue
            try:
                parsed = parse_document(document)
                replaced = self.store.add(parsed)
            except Exception as error:  # kept as it was; tried again at the next open
                self.notices.append(f"could not re-derive {doc_id}: {type(error).__name__}")
                continue
            for follower in self.followers:
                follower.remove_document(doc_id)
            self._on_stored(parsed, replaced)
        self._flush()
        return len(stale)

    def catalog(self) -> Catalog:
        """The in-memory view answers read; rebuilt after each change."""
        if self._catalog is None:
            self._catalog = build_catalog(self.store, self.gazetteer)
        return self._catalog

    def _flush(self) -> None:
        self._catalog = None
        for follower in self.followers:
            follower.flush()

    def _on_stored(self, parsed: ParsedDocument, replaced: list[str]) -> None:
        """Keep the followers (graph, indexes) in step with the store."""
        for follower in self.followers:
            for old in replaced:
                follower.remove_document(old)
            follower.add_document(parsed)
