"""What the search index needs of a vector index (``VectorIndex``), and the factory.

FAISS sits behind it (``retrieval/dense.py``); a server-backed index can be
added here as a second branch of the factory without touching ``SearchIndex``.
Vectors are keyed by stable 63-bit ids derived from provision ids, so they are
added and removed document by document, never rebuilt for one file.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Protocol

import numpy as np

from policykg.ingest.settings import Settings
from policykg.retrieval.dense import DenseIndex


class VectorIndex(Protocol):
    """Inner-product search over unit vectors, keyed by integer ids (state: the vectors)."""

    @property
    def kind(self) -> str:
        """How the index searches (``flat``, ``hnsw`` …), for the manifest."""

    def add(self, ids: list[int], vectors: np.ndarray) -> None: ...

    def remove(self, ids: list[int]) -> None: ...

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The ``k`` nearest live ids with their scores, best first."""

    def similarity(self, vector: np.ndarray, ids: list[int]) -> dict[int, float]:
        """The query's inner product with the live vectors of ``ids`` (any rank)."""

    def ids(self) -> set[int]:
        """The ids of the live vectors."""

    def __len__(self) -> int: ...

    def save(self, path: Path) -> None: ...


def vector_id(provision_id: str) -> int:
    """The stable vector id of a provision (the first 60 bits of its id's SHA-256)."""
    return int(hashlib.sha256(provision_id.encode("utf-8")).hexdigest()[:15], 16)


def new_vector_index(dimension: int, settings: Settings) -> VectorIndex:
    """An empty vector index: exact search, switching to HNSW past the settings' limit,
    searching with ``settings.search_threads`` threads."""
    return DenseIndex(dimension, settings.exact_search_limit, threads=settings.search_threads)


def load_vector_index(path: Path, dimension: int, settings: Settings) -> VectorIndex:
    """The vector index saved at ``path`` by ``VectorIndex.save``."""
    return DenseIndex.load(path, dimension, settings.exact_search_limit, settings.search_threads)
