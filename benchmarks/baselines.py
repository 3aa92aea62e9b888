"""The two baselines the system is measured against, and their scoring.

Both return the texts of their top-k units for a question; a unit counts as a hit
when it contains an expected fragment, and its regions are whatever
``link_regions`` finds in it. Scores reuse ``retrieval.evaluate``'s
``QuestionScore`` and ``summarise`` so the averaging is the system's own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import faiss

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import Document, Provision
from policykg.ingest.regions import link_regions
from policykg.ingest.segment import Segmenter
from policykg.retrieval.embed import Embedder
from policykg.retrieval.evaluate import EvalQuestion, QuestionScore
from policykg.retrieval.lexical import LexicalIndex, index_tokens

CHUNK_CHARS = 250
CHUNK_OVERLAP = 50


class Retriever(Protocol):
    name: str

    def top_texts(self, question: str, k: int) -> list[str]:
        """The texts of the ``k`` best units, best first."""
        ...


class Bm25Baseline:
    """BM25 alone over the provisions (state: the index and the texts).

    It is the system's own lexical side (bm25s over ``index_tokens`` with the
    domain segmenter), used without the dense side, the fusion or the answer.
    """

    name = "BM25"

    def __init__(self, provisions: Sequence[Provision], segmenter: Segmenter) -> None:
        self.segmenter = segmenter
        self.texts = {p.provision_id: p.text for p in provisions}
        self.index = LexicalIndex(
            {p.provision_id: index_tokens(p.text, segmenter) for p in provisions}
        )
        self.index.search(["干部"], 1)  # bm25s builds its matrices on the first search

    def top_texts(self, question: str, k: int) -> list[str]:
        hits = self.index.search(index_tokens(question, self.segmenter), k)
        return [self.texts[pid] for pid, _ in hits]


def chunk_text(text: str, size: int = CHUNK_CHARS, overlap: int = CHUNK_OVERLAP) -> list[str]:
    """Fixed-size character windows overlapping by ``overlap``; no window lies inside another."""
    step = size - overlap
    return [text[start : start + size] for start in range(0, max(len(text) - overlap, 1), step)]


class ChunkBaseline:
    """The common naive RAG retriever: 250-character chunks, one embedder, FAISS flat."""

    name = "naive chunks"

    def __init__(self, documents: Sequence[Document], embedder: Embedder) -> None:
        self.embedder = embedder
        self.chunks = [chunk for d in documents for chunk in chunk_text(d.text)]
        # faiss's SWIG objects are typed loosely.
        self.index: Any = faiss.IndexFlatIP(embedder.dimension)
        self.index.add(embedder.encode(self.chunks))

    def top_texts(self, question: str, k: int) -> list[str]:
        _, ids = self.index.search(self.embedder.encode([question]), k)
        return [self.chunks[i] for i in ids[0] if i >= 0]


def score_texts(
    question: EvalQuestion, texts: Sequence[str], gazetteer: Gazetteer
) -> QuestionScore:
    """Score retrieved texts the way ``score_answer`` scores an answer.

    The regions are those linked in the texts; ``fragments_cited`` is the share of
    expected fragments inside the texts; the texts are verbatim by construction.
    """
    named = {m.code for text in texts for m in link_regions(text, gazetteer)}
    expected = {_code(gazetteer, name) for name in question.expect_regions}
    precision = len(named & expected) / len(named) if named else float(not expected)
    recall = len(named & expected) / len(expected) if expected else 1.0
    fragments = question.expect_fragments
    inside = (
        sum(any(f in t for t in texts) for f in fragments) / len(fragments) if fragments else 1.0
    )
    rank = next(
        (i for i, text in enumerate(texts, start=1) if any(f in text for f in fragments)), None
    )
    return QuestionScore(question.id, precision, recall, inside, True, rank)


def _code(gazetteer: Gazetteer, name: str) -> str:
    found = gazetteer.by_name(name)
    return found[0].code if found else name
