"""The search index: dense (a ``VectorIndex``) and lexical (BM25) over provisions, fused.

The dense side holds each provision (a sentence), each passage (the sentences of one
article or paragraph taken together) and each item of a long list sentence
(``retrieval.pieces``); a passage or an item found by a question lends its score to its
sentences, which stay the unit that is cited.

It follows the store document by document. Files are written through a
temporary file and renamed into place, the manifest last; a manifest that does
not match the running configuration is refused, never silently mixed.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from policykg.ingest.models import ParsedDocument
from policykg.ingest.segment import Segmenter, load_segmenter
from policykg.ingest.settings import Settings
from policykg.ingest.store import Store
from policykg.retrieval.embed import Embedder, load_embedder
from policykg.retrieval.gloss import Glossed, english_query
from policykg.retrieval.lexical import TOKEN_SCHEME, LexicalIndex, index_tokens
from policykg.retrieval.pieces import item_vector_ids, list_items, passage_vector_id, passages
from policykg.retrieval.search_records import (
    Hit,
    IndexFormatError,
    IndexMismatchError,
    Query,
    as_query,
)
from policykg.retrieval.vectors import (
    VectorIndex,
    load_vector_index,
    new_vector_index,
    vector_id,
)

FORMAT_VERSION = 3  # 2: passages beside provisions in the dense index; 3: list items too
RRF_K = 60  # reciprocal-rank fusion constant (Cormack et al.)
# How much a query's topic (an incentive type's labels) pulls its vector, against the
# question's own text at 1 (the figures held from 0.3 to 1.0; docs/benchmarks.md).
TOPIC_WEIGHT = 0.5
DENSE_FILE = "dense.faiss"  # the name data dirs already have, whatever the backend
PASSAGES_FILE = "passages.json"
ITEMS_FILE = "items.json"  # doc id → the provision id of each list item, in order


class SearchIndex:
    """Dense and lexical indexes of one data dir (state: both, and the doc → provisions map)."""

    def __init__(self, settings: Settings, embedder: Embedder, segmenter: Segmenter) -> None:
        self.settings = settings
        self.embedder = embedder
        self.segmenter = segmenter
        self.folder = settings.index_dir
        self.dense: VectorIndex = new_vector_index(embedder.dimension, settings)
        self.lexical = LexicalIndex()
        self._glossed: tuple[tuple[int, int], Glossed] | None = None  # see ``gloss``
        self._topic_vectors: dict[str, np.ndarray] = {}  # topic → its vector (few types)
        self.documents: dict[str, list[str]] = {}
        self.passages: dict[str, list[list[str]]] = {}  # doc id → its passages' provision ids
        self._by_vector: dict[int, str] = {}  # vector id → provision id, kept with the documents
        self.items: dict[str, list[str]] = {}  # doc id → its list items' provision ids
        # vector id → the provisions a passage or an item lends its score to
        self._passage_members: dict[int, list[str]] = {}
        self.dirty = False
        # Saved under another domain dictionary: the vectors hold, the words need cutting
        # again (``retokenize``) — an upgrade's vocabulary, not the user's choice of model.
        self.stale_tokens = False

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None) -> SearchIndex:
        embedder = embedder or load_embedder(settings.embedding_model, settings.embed_threads)
        index = cls(settings, embedder, load_segmenter())
        manifest = index.folder / "manifest.json"
        if manifest.exists():
            index._check(json.loads(manifest.read_text(encoding="utf-8")))
            index.dense = load_vector_index(
                index.folder / DENSE_FILE, index.embedder.dimension, settings
            )
            index.lexical = LexicalIndex.load(index.folder / "lexical.jsonl")
            index.documents = json.loads(
                (index.folder / "documents.json").read_text(encoding="utf-8")
            )
            index._by_vector = {vector_id(p): p for p in index.provision_ids()}
            index.passages = json.loads((index.folder / PASSAGES_FILE).read_text(encoding="utf-8"))
            index.items = json.loads((index.folder / ITEMS_FILE).read_text(encoding="utf-8"))
            index._passage_members = {
                passage_vector_id(m): m for ms in index.passages.values() for m in ms
            }
            index._passage_members.update(index._item_members(index.items.values()))
            if not index._consistent():
                # A crash between two renames of save(): start empty, sync rebuilds it.
                index._reset()
        return index

    def _consistent(self) -> bool:
        """Whether the dense, lexical and document files describe the same provisions."""
        provisions = self.provision_ids()
        vectors = set(self._by_vector) | set(self._passage_members)
        return self.dense.ids() == vectors and self.lexical.ids() == provisions

    def _reset(self) -> None:
        self.dense = new_vector_index(self.embedder.dimension, self.settings)
        self.lexical = LexicalIndex()
        self.documents, self._by_vector = {}, {}
        self.passages, self.items, self._passage_members = {}, {}, {}
        self.dirty = True

    def _expected(self) -> dict[str, object]:
        return {
            "format_version": FORMAT_VERSION,
            "model": self.embedder.name,
            "dimension": self.embedder.dimension,
            "dictionary_hash": self.segmenter.dictionary_hash,
            "token_scheme": TOKEN_SCHEME,
        }

    def _check(self, manifest: dict[str, object]) -> None:
        if manifest.get("format_version") != FORMAT_VERSION:
            raise IndexFormatError(
                f"format {manifest.get('format_version')}, this version writes {FORMAT_VERSION}"
            )
        expected = self._expected()
        cut_by = (expected.pop("dictionary_hash"), expected.pop("token_scheme"))
        if (manifest.get("dictionary_hash"), manifest.get("token_scheme")) != cut_by:
            self.stale_tokens = True
        for key, value in expected.items():
            if manifest.get(key) != value:
                raise IndexMismatchError(
                    f"the index in {self.folder} was built with {key}={manifest.get(key)!r}, "
                    f"not {value!r}: run `policykg reindex` to rebuild it"
                )

    def retokenize(self, store: Store) -> int:
        """Cut every provision again with today's dictionary (the lexical side only)."""
        wanted = self.provision_ids()
        tokens = {
            p.provision_id: index_tokens(p.text, self.segmenter)
            for p in store.provisions()
            if p.provision_id in wanted
        }
        self.lexical = LexicalIndex(tokens)
        self.stale_tokens, self.dirty = False, True
        self.save()
        return len(tokens)

    def encode(self, parsed: ParsedDocument) -> np.ndarray:
        """The vectors ``add_document`` indexes: each provision's, then each passage's, then
        each list item's.

        Only reads the model, so the app embeds an upload while questions are answered.
        """
        return self.embedder.encode(dense_texts(parsed))

    def add_document(self, parsed: ParsedDocument, vectors: np.ndarray | None = None) -> None:
        """Index one document, with its vectors from ``encode`` when given."""
        texts = [p.text for p in parsed.provisions]
        grouped = passages(parsed.provisions)
        listed = list_items(parsed.provisions)
        items = [pid for pid, _ in listed]
        if vectors is None:
            vectors = self.embedder.encode(_dense_texts(parsed, grouped, listed))
        self.add_encoded(
            parsed.document.doc_id,
            [p.provision_id for p in parsed.provisions],
            [index_tokens(text, self.segmenter) for text in texts],
            vectors[: len(texts)],
        )
        after_passages = len(texts) + len(grouped)
        self._add_passages(parsed.document.doc_id, grouped, vectors[len(texts) : after_passages])
        self._add_items(parsed.document.doc_id, items, vectors[after_passages:])

    def _add_passages(
        self, doc_id: str, grouped: Sequence[Sequence[str]], vectors: np.ndarray
    ) -> None:
        ids = [passage_vector_id(members) for members in grouped]
        self.dense.add(ids, vectors)
        self.passages[doc_id] = [list(members) for members in grouped]
        self._passage_members.update(zip(ids, self.passages[doc_id], strict=True))

    def _add_items(self, doc_id: str, items: list[str], vectors: np.ndarray) -> None:
        members = self._item_members([items])
        self.dense.add(list(members), vectors)
        self.items[doc_id] = items
        self._passage_members.update(members)

    @staticmethod
    def _item_members(per_document: Iterable[list[str]]) -> dict[int, list[str]]:
        """Vector id → [its provision] for the list items of each document."""
        members: dict[int, list[str]] = {}
        for items in per_document:
            ids = item_vector_ids(items)
            members.update({i: [pid] for i, pid in zip(ids, items, strict=True)})
        return members

    def add_encoded(
        self,
        doc_id: str,
        provision_ids: list[str],
        tokens: list[list[str]],
        vectors: np.ndarray,
    ) -> None:
        """Index one document's provisions already tokenised and embedded (the benchmarks
        time those two steps apart)."""
        if doc_id in self.documents:
            self.remove_document(doc_id)
        ids = [vector_id(pid) for pid in provision_ids]
        self.dense.add(ids, vectors)
        for pid, words in zip(provision_ids, tokens, strict=True):
            self.lexical.add(pid, words)
        self.documents[doc_id] = list(provision_ids)
        self._by_vector.update(zip(ids, provision_ids, strict=True))
        self.dirty = True

    def remove_document(self, doc_id: str) -> None:
        provision_ids = self.documents.pop(doc_id, [])
        for pid in provision_ids:
            self._by_vector.pop(vector_id(pid), None)
        passage_ids = [passage_vector_id(m) for m in self.passages.pop(doc_id, [])]
        passage_ids += list(self._item_members([self.items.pop(doc_id, [])]))
        for passage_id in passage_ids:
            self._passage_members.pop(passage_id, None)
        self.dense.remove([vector_id(p) for p in provision_ids] + passage_ids)
        self.lexical.remove(provision_ids)
        self.dirty = True

    def sync(self, store: Store) -> int:
        """Bring the index in line with the store (after a crash or a model change)."""
        wanted = set(store.doc_ids())
        changes = 0
        for doc_id in set(self.documents) - wanted:
            self.remove_document(doc_id)
            changes += 1
        for doc_id in wanted - set(self.documents):
            parsed = store.parsed(doc_id)
            if parsed is not None:
                self.add_document(parsed)
                changes += 1
        if changes:
            self.save()
        return changes

    def provision_ids(self) -> set[str]:
        return {pid for pids in self.documents.values() for pid in pids}

    def dense_search(
        self, query: str | Query, k: int, vector: np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """Provisions by cosine: their own, or their passage's when that is higher.

        ``vector`` is the query's, when the caller has it already (a deeper search).
        """
        if vector is None:
            vector = self.query_vector(as_query(query))
        best: dict[str, float] = {}
        for i, score in self.dense.search(vector, 2 * k):
            own = self._by_vector.get(i)
            for pid in self._passage_members.get(i) or ([own] if own else []):
                if score > best.get(pid, -1.0):
                    best[pid] = score
        return sorted(best.items(), key=lambda item: item[1], reverse=True)[:k]

    def query_vector(self, query: Query) -> np.ndarray:
        """The query's vector: its text's, pulled towards its topic's."""
        vector = self.embedder.encode([query.text])[0]
        if not query.topic:
            return vector
        if query.topic not in self._topic_vectors:
            self._topic_vectors[query.topic] = self.embedder.encode([query.topic])[0]
        combined = vector + TOPIC_WEIGHT * self._topic_vectors[query.topic]
        return np.asarray(combined / np.linalg.norm(combined), dtype=np.float32)

    def lexical_search(self, query: str | Query, k: int) -> list[tuple[str, float]]:
        return self.lexical.search(index_tokens(as_query(query).words, self.segmenter), k)

    def gloss(self) -> Glossed:
        """The provisions' English glosses, derived from the lexical tokens when first
        needed after a change (never stored: the tokens and the lexicon make them)."""
        key = (id(self.lexical), self.lexical.version)
        if self._glossed is None or self._glossed[0] != key:
            self._glossed = (key, Glossed.of(self.lexical.tokens))
        return self._glossed[1]

    def search(
        self, query: str | Query, k: int = 10, vector: np.ndarray | None = None
    ) -> list[Hit]:
        """Reciprocal-rank fusion of the dense, the lexical and (English) the gloss ranking."""
        query = as_query(query)
        depth = max(k * 3, 30)
        if vector is None:
            vector = self.query_vector(query)
        dense = self.dense_search(query, depth, vector)
        lexical = self.lexical_search(query, depth)
        english = english_query(query.text)
        glossed = self.gloss().index.search(english, depth) if english else []
        dense_rank, lexical_rank, gloss_rank = (
            {pid: rank for rank, (pid, _) in enumerate(ranking)}
            for ranking in (dense, lexical, glossed)
        )
        dense_score, lexical_score = dict(dense), dict(lexical)

        def fused(pid: str) -> float:
            ranks = (dense_rank.get(pid), lexical_rank.get(pid), gloss_rank.get(pid))
            return sum(1 / (RRF_K + rank) for rank in ranks if rank is not None)

        found = dict.fromkeys([*dense_rank, *lexical_rank, *gloss_rank])
        ranked = sorted(found, key=fused, reverse=True)[:k]
        # A hit the dense search did not reach still has a cosine: its own, not zero.
        unreached = [pid for pid in ranked if pid not in dense_score]
        by_id = self.dense.similarity(vector, [vector_id(pid) for pid in unreached])
        dense_score.update(
            (pid, by_id[vector_id(pid)]) for pid in unreached if vector_id(pid) in by_id
        )
        return [
            Hit(
                pid,
                fused(pid),
                dense_score.get(pid, 0.0),
                lexical_score.get(pid, 0.0),
                dense_rank.get(pid),
                lexical_rank.get(pid),
                gloss_rank.get(pid),
            )
            for pid in ranked
        ]

    def save(self) -> None:
        """Write every file through a temporary name; the manifest goes last."""
        self.folder.mkdir(parents=True, exist_ok=True)
        _atomic(self.folder / DENSE_FILE, self.dense.save)
        _atomic(self.folder / "lexical.jsonl", self.lexical.save)
        _atomic(
            self.folder / "documents.json",
            lambda p: p.write_text(json.dumps(self.documents), encoding="utf-8"),
        )
        _atomic(
            self.folder / PASSAGES_FILE,
            lambda p: p.write_text(json.dumps(self.passages), encoding="utf-8"),
        )
        _atomic(
            self.folder / ITEMS_FILE,
            lambda p: p.write_text(json.dumps(self.items), encoding="utf-8"),
        )
        corpus = hashlib.sha256("\n".join(sorted(self.provision_ids())).encode()).hexdigest()[:16]
        manifest = {
            **self._expected(),
            "corpus_hash": corpus,
            "documents": len(self.documents),
            "provisions": len(self.lexical),
            "faiss_index": self.dense.kind,
        }
        _atomic(
            self.folder / "manifest.json",
            lambda p: p.write_text(json.dumps(manifest, indent=2), encoding="utf-8"),
        )
        self.dirty = False

    def flush(self) -> None:
        if self.dirty:
            self.save()

    def close(self) -> None:
        self.flush()


def _atomic(target: Path, write: object) -> None:
    temporary = target.with_name(f".{target.name}.part")
    write(temporary)  # type: ignore[operator]
    os.replace(temporary, target)


def dense_texts(parsed: ParsedDocument) -> list[str]:
    """What the dense side embeds for a document: its provisions, then its passages, then
    the items of its long list sentences."""
    return _dense_texts(parsed, passages(parsed.provisions), list_items(parsed.provisions))


def _dense_texts(
    parsed: ParsedDocument,
    grouped: Sequence[Sequence[str]],
    listed: Sequence[tuple[str, str]],
) -> list[str]:
    by_id = {p.provision_id: p.text for p in parsed.provisions}
    joined = ["".join(by_id[m] for m in members) for members in grouped]
    return [*by_id.values(), *joined, *(text for _, text in listed)]
