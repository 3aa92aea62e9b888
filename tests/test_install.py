"""A non-editable install serves the bundled corpus: the wheel carries everything it needs."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest
from gradio_client import Client

from benchmarks.local_servers import start_policykg, stop
from tests.conftest import REPO

pytestmark = pytest.mark.slow


def _wheel(out: Path) -> Path:
    """Build from a copy: setuptools writes build/ and egg-info into the tree it builds."""
    source = out / "source"
    shutil.copytree(
        REPO,
        source,
        symlinks=True,
        ignore=shutil.ignore_patterns(".git", ".venv", "test-artifacts", "*_cache", "__pycache__"),
    )
    pip_wheel = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*pip_wheel, "-q", "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("policykg-*.whl")
    return wheel


def _fresh_venv(root: Path, wheel: Path) -> Path:
    """A new venv holding only the wheel; the heavy dependencies come from the dev venv.

    The dev venv's site-packages is added as a plain path (its .pth files, among them
    the editable finder of this checkout, are not run), so ``policykg`` can only come
    from the wheel.
    """
    venv.create(root, with_pip=True)
    python = root / "bin" / "python"
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    (Path(site) / "dev-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
        check=True,
        capture_output=True,
    )
    return root / "bin"


def test_the_wheel_holds_one_import_package_and_its_data(tmp_path: Path) -> None:
    import zipfile

    names = zipfile.ZipFile(_wheel(tmp_path)).namelist()
    tops = {name.split("/")[0] for name in names} - {"policykg-0.1.0.dist-info"}
    assert tops == {"policykg"}
    for data in (
        "policykg/corpus/yangtze-delta-cadre-incentives.txt",
        "policykg/ingest/data/incentive_types.json",
        "policykg/kg/ontology.ttl",
        "policykg/ui/static/cytoscape.min.js",
    ):
        assert data in names
    assert not any(name.startswith(("tests/", "benchmarks/")) for name in names)


def test_a_non_editable_install_serves_the_bundled_corpus(tmp_path: Path) -> None:
    bin_dir = _fresh_venv(tmp_path / "venv", _wheel(tmp_path / "wheel"))
    where = subprocess.run(
        [str(bin_dir / "python"), "-c", "import policykg; print(policykg.__file__)"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert where.startswith(str(tmp_path / "venv"))  # the wheel's copy, not this checkout

    process, url = start_policykg(
        tmp_path / "data", program=(str(bin_dir / "policykg"),), cwd=tmp_path
    )
    try:
        answer = Client(url, verbose=False).predict("哪些地区实行协议年薪？", api_name="/ask")
    finally:
        stop(process)
    assert answer["citations"], answer
    assert "协议年薪" in " ".join(c["quote"] for c in answer["citations"])
