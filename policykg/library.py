"""The library: the store, and everything that follows it, opened from one ``Settings``.

Ingest and removal go through here so the graph and the indexes stay in step
with the store, one document at a time.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Protocol

import numpy as np

from policykg.ingest.gazetteer import Gazetteer, load_gazetteer
from policykg.ingest.meta_fields import MetaCorrection
from policykg.ingest.metadata import reread_metadata
from policykg.ingest.models import DocumentMeta, ParsedDocument
from policykg.ingest.pipeline import (
    Guard,
    IngestReport,
    OnProgress,
    Unguarded,
    ingest_paths,
    parse_document,
)
from policykg.ingest.settings import Settings
from policykg.ingest.stamp import ingest_stamp, stamp_of
from policykg.ingest.store import Store
from policykg.kg.base import GraphStore
from policykg.kg.build import VERSIONS_GRAPH, version_triples
from policykg.kg.graph import EmbeddedGraph, graph_damaged, is_corruption
from policykg.kg.stamp import graph_stamp
from policykg.kg.stores import open_graph
from policykg.retrieval.catalog import Catalog, build_catalog
from policykg.retrieval.index import (
    DENSE_FILE,
    IndexFormatError,
    IndexMismatchError,
    SearchIndex,
)

# The bundled corpus is package data of the composition root (in a wheel as in a clone).
BUNDLED_CORPUS = Path(str(resources.files("policykg").joinpath("corpus")))


class Follower(Protocol):
    """Something derived from the store that follows it document by document."""

    def add_document(self, parsed: ParsedDocument) -> None: ...

    def remove_document(self, doc_id: str) -> None: ...

    def flush(self) -> None: ...

    def close(self) -> None: ...


class DataDirRefused(Exception):
    """Opening the data dir as it is would lose data; one line says why and how to recover."""


def check_store(settings: Settings) -> None:
    """Refuse a data dir whose store is missing or empty while data derived from it remains.

    The store is the record; the graph and the indexes follow it. Opened without
    it they would follow an empty store and be emptied, so nothing is opened,
    created or changed.
    """
    path = settings.store_path
    if path.is_file() and path.stat().st_size > 0:
        return
    derived = [
        f"{folder.name}/"
        for folder in (settings.graph_dir, settings.index_dir)
        if folder.is_dir() and any(folder.iterdir())
    ]
    if derived:
        raise DataDirRefused(
            f"the store {path} is missing or empty, but {' and '.join(derived)} built from it"
            f" remain in {settings.data_dir}; nothing was changed: restore {path.name} from a"
            f" backup, or move {' and '.join(derived)} aside and run `policykg ingest` on the"
            " source files again"
        )


def check_store_readable(settings: Settings) -> None:
    """``check_store``, and the store opens and lists its documents: before a rebuild deletes."""
    check_store(settings)
    if not settings.store_path.is_file():
        return
    store = _open_store(settings.store_path)
    try:
        store.doc_ids()
    except sqlite3.DatabaseError as error:
        raise _unreadable(settings.store_path, error) from None
    finally:
        store.close()


class Library:
    """An open data dir (state: the store connection and the followers)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        check_store(settings)
        new_store = not settings.store_path.exists()
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        # What derived data is made with; documents stored under another stamp are re-derived.
        self.stamp = stamp_of([("ingest", ingest_stamp().encode()), ("kg", graph_stamp().encode())])
        self.notices: list[str] = []  # one line each, for the CLI and the app to show
        self.store = _open_store(settings.store_path, self.stamp)
        self.gazetteer: Gazetteer = load_gazetteer()
        try:
            self.graph: GraphStore = open_graph(settings)
        except BaseException:
            self.store.close()
            raise
        try:
            if new_store and self.graph.document_graphs():  # a server's graph, say
                raise DataDirRefused(_orphaned_graph(settings))
            self.index = self._open_index()
            if self.index.stale_tokens:
                count = self.index.retokenize(self.store)
                self.notices.append(
                    f"the domain dictionary or word cutting changed: {count} provisions re-cut for word search"
                )
            self._catalog: Catalog | None = None
            self._sync_followers()
        except BaseException:
            # A refused index must not leave the graph store locked for the next opener.
            self.graph.close()
            self.store.close()
            if new_store:  # created a moment ago, empty: leave the dir as it was found
                _remove_store_files(settings.store_path)
            raise
        self.followers: list[Follower] = [self.graph, self.index]
        self.rederive_stale()
        self._sync_versions()  # a data dir from before versions were tracked

    def _open_index(self) -> SearchIndex:
        """The search index; a damaged one is dropped and rebuilt from the store by ``sync``."""
        folder = self.settings.index_dir
        try:
            if not (folder / MANIFEST).exists() and any(folder.glob("*")):
                # Without it the files would be ignored and overwritten: say so.
                raise FileNotFoundError(2, "No such file", str(folder / MANIFEST))
            return SearchIndex.open(self.settings)
        except IndexMismatchError:
            raise  # another model: the user chooses to `policykg reindex`
        except IndexFormatError as error:
            self.notices.append(
                f"the search index in {folder} has an older file format ({error});"
                " rebuilding it from the store"
            )
        except (OSError, ValueError, RuntimeError, KeyError, TypeError) as error:
            self.notices.append(
                f"the search index in {folder} was damaged ({_diagnosis(folder, error)});"
                " rebuilding it from the store"
            )
        shutil.rmtree(folder, ignore_errors=True)
        return SearchIndex.open(self.settings)

    def _sync_followers(self) -> None:
        """Mend a crash between the store and the graph or an index (the store is the record)."""
        try:
            self.graph.sync(self.store)
            self.index.sync(self.store)
        except sqlite3.DatabaseError as error:  # read before anything is changed
            raise _unreadable(self.settings.store_path, error) from None
        except (OSError, RuntimeError) as error:
            if is_corruption(error):
                raise graph_damaged(self.graph.path, error) from None
            raise

    def close(self) -> None:
        for follower in self.followers:
            follower.close()
        self.store.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(
        self,
        paths: Iterable[Path],
        on_progress: OnProgress | None = None,
        guard: Guard | None = None,
    ) -> IngestReport:
        """Ingest files and folders; the graph and the indexes follow each stored document.

        Each file is read, parsed and embedded under ``guard.read()`` and written under
        ``guard.write()`` (the app's lock: questions go on while an upload is prepared).
        """
        guard = guard or Unguarded()
        vectors: dict[str, np.ndarray] = {}  # embedded ahead, by doc id

        def embed(parsed: ParsedDocument) -> None:
            vectors[parsed.document.doc_id] = self.index.encode(parsed)

        def stored(parsed: ParsedDocument, replaced: list[str]) -> None:
            self._on_stored(parsed, replaced, vectors.pop(parsed.document.doc_id, None))

        report = ingest_paths(
            paths, self.settings, self.store, stored, on_progress, on_parsed=embed, guard=guard
        )
        if not report.ingested:  # nothing changed: no need to stop a running SPARQL query
            return report
        with guard.write():
            self._flush()
            if report.replaced:  # the old versions' text must not stay readable on disk
                self._scrub()
        return report

    def remove(self, doc_id: str) -> bool:
        """Delete a document from the store, the graph, the indexes and the disk."""
        document = self.store.document(doc_id)
        removed = self.store.remove(doc_id)
        for follower in self.followers:
            follower.remove_document(doc_id)
        self._flush()
        if document is not None:
            self._forget_upload(Path(document.source_path))
            self._scrub()
        return removed

    def _scrub(self) -> None:
        """Rewrite the files that keep removed text until compaction (SQLite, Oxigraph).

        The index files are rewritten whole on every flush, so they hold no old text.
        """
        self.store.vacuum()
        if isinstance(self.graph, EmbeddedGraph):
            self.graph.compact()

    def _forget_upload(self, source: Path) -> None:
        """Delete the app's copy of an uploaded file (files elsewhere are the user's)."""
        uploads = self.settings.uploads_dir.resolve()
        if source.is_relative_to(uploads) and source.is_file():
            source.unlink()
            with contextlib.suppress(OSError):  # its content-id folder, when now empty
                source.parent.rmdir()

    def reindex(self, guard: Guard | None = None) -> tuple[int, int]:
        """Rebuild the search indexes from the store; (documents, provisions).

        The new index is built and saved aside from the one in use, under
        ``guard.read()``: in the app, questions are answered from the old one
        meanwhile, and only the swap holds the library alone. Its files are saved
        through temporary names, manifest last, over the old ones.
        """
        guard = guard or Unguarded()
        with guard.read():
            fresh = SearchIndex(self.settings, self.index.embedder, self.index.segmenter)
            if not fresh.sync(self.store):  # an empty store: still write an empty index
                fresh.save()
        with guard.write():
            self.index = fresh  # the old one is not dirty: nothing changed it meanwhile
            self.followers = [self.graph, self.index]
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
            try:
                self._rederive(doc_id)
            except Exception as error:  # kept as it was; tried again at the next open
                self.notices.append(f"could not re-derive {doc_id}: {type(error).__name__}")
        self._flush()
        return len(stale)

    def _rederive(self, doc_id: str) -> ParsedDocument | None:
        """Derive one stored document again, its corrections applied; the followers follow."""
        document = self.store.document(doc_id)
        if document is None:
            return None
        # Read again from the stored text, so improved metadata rules reach it too.
        document = replace(document, meta=reread_metadata(document))
        parsed = parse_document(document, self.store.corrections(doc_id))
        replaced = self.store.add(parsed)
        for follower in self.followers:
            follower.remove_document(doc_id)
        self._on_stored(parsed, replaced)
        return parsed

    def correct_meta(
        self, doc_id: str, corrections: Iterable[MetaCorrection], reset: bool = False
    ) -> DocumentMeta | None:
        """Record the user's corrections of a document's metadata; its metadata after them.

        The corrections are kept apart from what ingest read and applied over it
        whenever the document is derived again (new rules, an edited file).
        ``reset`` forgets the document's earlier corrections first.
        """
        if self.store.document(doc_id) is None:
            return None
        if reset:
            self.store.uncorrect(doc_id)
        self.store.correct(doc_id, corrections)
        parsed = self._rederive(doc_id)
        self._flush()
        return parsed.document.meta if parsed else None

    def catalog(self) -> Catalog:
        """The in-memory view answers read; rebuilt after each change."""
        if self._catalog is None:
            self._catalog = build_catalog(self.store, self.gazetteer)
        return self._catalog

    def _flush(self) -> None:
        self._catalog = None
        for follower in self.followers:
            follower.flush()
        self._sync_versions()

    def _sync_versions(self) -> None:
        """Rewrite the graph's versions graph when the store's works have changed."""
        triples = list(version_triples(self.store.works()))
        if set(self.graph.graph_triples(str(VERSIONS_GRAPH))) != set(triples):
            self.graph.replace_graph(str(VERSIONS_GRAPH), triples)
            self.graph.flush()

    def _on_stored(
        self, parsed: ParsedDocument, replaced: list[str], vectors: np.ndarray | None = None
    ) -> None:
        """Keep the followers (graph, indexes) in step with the store; ``vectors`` from
        ``SearchIndex.encode``, when embedded ahead."""
        self._catalog = None  # read between this and the flush: must not miss the document
        for follower in self.followers:
            for old in replaced:
                follower.remove_document(old)
        self.graph.add_document(parsed)
        self.index.add_document(parsed, vectors)


def _open_store(path: Path, stamp: str = "") -> Store:
    try:
        return Store(path, stamp)
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from None


def _unreadable(path: Path, error: sqlite3.DatabaseError) -> DataDirRefused:
    return DataDirRefused(
        f"the store {path} is unreadable ({error}); nothing was changed: restore"
        f" {path.name} from a backup (the graph and the indexes are rebuilt from it)"
    )


def _orphaned_graph(settings: Settings) -> str:
    return (
        f"the store {settings.store_path} is missing, but the graph store holds documents"
        f" built from it; nothing was changed: restore {settings.store_path.name} from a"
        " backup, or ingest the source files again into another data dir"
    )


def _remove_store_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


# The files ``SearchIndex.save`` writes, the manifest last.
MANIFEST = "manifest.json"
INDEX_FILES = (MANIFEST, DENSE_FILE, "lexical.jsonl", "documents.json")


def _diagnosis(folder: Path, error: BaseException) -> str:
    """Which index file is damaged, in a few words (read again only after a failed open)."""
    for name in INDEX_FILES:
        if not (folder / name).is_file():
            return f"{name} is missing"
    for name in (n for n in INDEX_FILES if n != DENSE_FILE):
        try:
            text = (folder / name).read_text(encoding="utf-8")
            for line in text.splitlines() if name.endswith(".jsonl") else [text]:
                json.loads(line)
        except ValueError:  # JSON or UTF-8 cut short
            return f"{name} is truncated or corrupt"
    if isinstance(error, RuntimeError):  # what FAISS raises, over many lines
        return f"{DENSE_FILE} is unreadable"
    return f"{type(error).__name__}: {' '.join(str(error).split())[:120]}"
