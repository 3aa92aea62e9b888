"""Shared fixtures: the seed text, the shared corpus paths, one model per session."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = REPO / "corpus" / "yangtze-delta-cadre-incentives.txt"
CORPUS_REAL = SHARED / "corpus-real"
EVAL = SHARED / "eval"

needs_shared = pytest.mark.skipif(not SHARED.exists(), reason="../shared is absent")


def cli_json(data_dir: Path, *args: str) -> Any:
    """What `policykg ARGS --json --data-dir DATA_DIR` prints, in a process of its own."""
    done = subprocess.run(
        [sys.executable, "-m", "policykg.ui.cli", *args, "--json", "--data-dir", str(data_dir)],
        cwd=REPO,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


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
