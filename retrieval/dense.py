"""The ``VectorIndex`` on FAISS: exact inner product for small libraries, HNSW above a size.

The only module that uses FAISS; ``retrieval/vectors.py`` holds the protocol and
the factory. Vectors are added and removed by id (``IndexIDMap2``). HNSW cannot remove vectors; removed ids are kept as tombstones, filtered at
search time and dropped when the index is compacted on save.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import faiss
import numpy as np

HNSW_NEIGHBOURS = 32


class DenseIndex:
    """A FAISS index of provision vectors (state: the index and its tombstones)."""

    def __init__(
        self, dimension: int, exact_limit: int, index: Any = None, threads: int = 1
    ) -> None:
        # OpenMP's thread count is one per process, not per index: the last index opened
        # sets it. With two threads on two shared cores, single queries waited on each other
        # (docs/benchmarks.md, "Speed on a shared machine").
        faiss.omp_set_num_threads(threads)
        self.dimension = dimension
        self.exact_limit = exact_limit
        # faiss's SWIG objects are typed loosely; Any keeps mypy honest about that.
        self.index: Any = index if index is not None else self._new(exact=True)
        self.tombstones: set[int] = set()

    @property
    def kind(self) -> str:
        return "hnsw" if self._is_hnsw() else "flat"

    def _is_hnsw(self) -> bool:
        return isinstance(faiss.downcast_index(self.index.index), faiss.IndexHNSWFlat)

    def _new(self, exact: bool) -> Any:
        inner: Any
        if exact:
            inner = faiss.IndexFlatIP(self.dimension)
        else:
            inner = faiss.IndexHNSWFlat(self.dimension, HNSW_NEIGHBOURS, faiss.METRIC_INNER_PRODUCT)
            inner.hnsw.efSearch = 128
        return faiss.IndexIDMap2(inner)

    def ids(self) -> set[int]:
        """The ids of the live vectors."""
        stored = faiss.vector_to_array(self.index.id_map).astype(np.int64)
        return {int(i) for i in stored} - self.tombstones

    def __len__(self) -> int:
        return int(self.index.ntotal) - len(self.tombstones)

    def add(self, ids: list[int], vectors: np.ndarray) -> None:
        if not ids:
            return
        self.tombstones.difference_update(ids)
        self.index.add_with_ids(vectors.astype(np.float32), np.asarray(ids, dtype=np.int64))
        if not self._is_hnsw() and self.index.ntotal > self.exact_limit:
            self._convert(exact=False)

    def remove(self, ids: list[int]) -> None:
        if not ids:
            return
        if self._is_hnsw():
            self.tombstones.update(ids)
        else:
            self.index.remove_ids(np.asarray(ids, dtype=np.int64))

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        if self.index.ntotal == 0:
            return []
        fetch = min(self.index.ntotal, k + len(self.tombstones))
        scores, ids = self.index.search(vector.reshape(1, -1).astype(np.float32), fetch)
        hits = [
            (int(i), float(s))
            for i, s in zip(ids[0], scores[0], strict=True)
            if i >= 0 and int(i) not in self.tombstones
        ]
        return hits[:k]

    def similarity(self, vector: np.ndarray, ids: list[int]) -> dict[int, float]:
        """The query's inner product with stored vectors (those a search did not reach)."""
        stored = [i for i in ids if i not in self.tombstones]
        found: dict[int, float] = {}
        for i in stored:
            try:
                found[i] = float(np.dot(self.index.reconstruct(i), vector))
            except RuntimeError:  # not stored (a provision added without a vector)
                continue
        return found

    def compact(self) -> None:
        """Rebuild without tombstones (HNSW only; flat indexes remove in place)."""
        if self.tombstones:
            self._convert(exact=not self._is_hnsw() or len(self) <= self.exact_limit)

    def _convert(self, exact: bool) -> None:
        ids = faiss.vector_to_array(self.index.id_map).astype(np.int64)
        keep = np.array([int(i) not in self.tombstones for i in ids], dtype=bool)
        vectors = (
            np.vstack([self.index.reconstruct(int(i)) for i in ids[keep]]) if keep.any() else None
        )
        self.index = self._new(exact)
        self.tombstones = set()
        if vectors is not None:
            self.index.add_with_ids(vectors, ids[keep])

    def save(self, path: Path) -> None:
        self.compact()
        faiss.write_index(self.index, str(path))

    @classmethod
    def load(cls, path: Path, dimension: int, exact_limit: int, threads: int = 1) -> DenseIndex:
        return cls(dimension, exact_limit, faiss.read_index(str(path)), threads)
