"""Shared fixtures: the seed text, the shared corpus paths, one model per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = REPO / "corpus" / "yangtze-delta-cadre-incentives.txt"
CORPUS_REAL = SHARED / "corpus-real"
EVAL = SHARED / "eval"

needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_library(tmp_path_factory: pytest.TempPathFactory):
    """A library with the bundled corpus ingested once per session (read-only use)."""
    from policykg.ingest.settings import Settings
    from policykg.library import Library

    data_dir = tmp_path_factory.mktemp("seed-library")
    library = Library(Settings(data_dir=data_dir))
    report = library.ingest([REPO / "corpus"])
    assert not report.failed
    yield library
    library.close()
