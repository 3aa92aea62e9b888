from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policykg.ui.cli import app
from tests.conftest import SEED

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout


def last_json(output: str) -> object:
    return json.loads(output.strip().splitlines()[-1])


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(SEED.with_name(SEED.stem + ".meta.json"), folder)
    return folder


def test_ingest_is_idempotent_and_reports_json(tmp_path: Path, corpus: Path) -> None:
    data = str(tmp_path / "data")
    code, out = run("ingest", str(corpus), "--data-dir", data, "--json")
    first = last_json(out)
    assert code == 0
    assert first == {
        "ingested": 1,
        "unchanged": 0,
        "failed": [],
        "skipped": [],
        "documents": 1,
        "provisions": first["provisions"],
    }  # type: ignore[index]
    assert first["provisions"] > 40  # type: ignore[index]
    code, out = run("ingest", str(corpus), "--data-dir", data, "--json")
    assert last_json(out) == {**first, "ingested": 0, "unchanged": 1}  # type: ignore[dict-item]


def test_changed_file_replaces_its_old_version(tmp_path: Path, corpus: Path) -> None:
    data = str(tmp_path / "data")
    run("ingest", str(corpus), "--data-dir", data)
    _, out = run("documents", "--data-dir", data, "--json")
    old_id = last_json(out)[0]["doc_id"]  # type: ignore[index]
    path = corpus / SEED.name
    path.write_text(
        path.read_text(encoding="utf-8") + "\n补充：宁海县推行一事一奖。\n", encoding="utf-8"
    )
    code, out = run("ingest", str(corpus), "--data-dir", data, "--json")
    assert (code, last_json(out)["ingested"], last_json(out)["documents"]) == (0, 1, 1)  # type: ignore[index]
    _, out = run("documents", "--data-dir", data, "--json")
    assert last_json(out)[0]["doc_id"] != old_id  # type: ignore[index]


def test_bad_files_fail_alone_and_the_batch_goes_on(tmp_path: Path, corpus: Path) -> None:
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "broken.docx").write_bytes(b"PK\x03\x04")
    data = str(tmp_path / "data")
    code, out = run(
        "ingest", str(corpus), str(tmp_path / "missing.txt"), "--data-dir", data, "--json"
    )
    report = last_json(out)
    assert code == 1
    assert report["ingested"] == 1 and report["documents"] == 1  # type: ignore[index]
    failed = {Path(f["path"]).name: f["error"] for f in report["failed"]}  # type: ignore[index]
    assert set(failed) == {"empty.txt", "broken.docx", "missing.txt"}
    assert "empty file" in failed["empty.txt"]


def test_deeply_nested_html_fails_alone_and_the_batch_goes_on(tmp_path: Path, corpus: Path) -> None:
    """200,000 nested <div> (2.2 MB) once never finished and held up the whole batch."""
    levels = 200_000
    nested = "<html><body>" + "<div>" * levels + "深层内容" + "</div>" * levels + "</body></html>"
    (corpus / "nested.html").write_text(nested, encoding="utf-8")
    command = [sys.executable, "-m", "policykg.ui.cli", "ingest", str(corpus), "--json"]
    # In a process of its own with a generous guard: a regression fails, it never hangs CI.
    result = subprocess.run(
        [*command, "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = last_json(result.stdout)
    assert result.returncode == 1, result.stderr
    assert report["ingested"] == 1 and report["documents"] == 1  # type: ignore[index]
    assert report["failed"] == [  # type: ignore[index]
        {
            "path": str(corpus / "nested.html"),
            "error": "nested.html: refused, elements nested deeper than 4,096 levels",
        }
    ]


def test_measures_of_a_province_include_its_counties(tmp_path: Path, corpus: Path) -> None:
    data = str(tmp_path / "data")
    run("ingest", str(corpus), "--data-dir", data)
    code, out = run("measures", "--region", "浙江", "--data-dir", data, "--json")
    records = last_json(out)
    assert code == 0
    paths = {tuple(r["path_zh"]) for m in records for r in m["regions"]}  # type: ignore[union-attr, index]
    assert ("浙江省", "台州市", "仙居县") in paths
    assert ("浙江省", "宁波市", "宁海县") in paths
    assert all(p[0] == "浙江省" for p in paths)
    text = SEED.read_text(encoding="utf-8")
    for record in records:  # type: ignore[union-attr]
        for citation in record["citations"]:
            assert text[citation["start"] : citation["end"]] == citation["quote"]
            assert citation["source_path"] == str((corpus / SEED.name).resolve())
    _, out = run("measures", "--region", "浙江", "--type", "material", "--data-dir", data, "--json")
    labels = {m["label_zh"] for m in last_json(out)}  # type: ignore[union-attr, index]
    assert labels == {"事业单位绩效工资分配指导意见", "差异化乡镇补贴政策", "绩效分配方式"}


def test_show_and_remove(tmp_path: Path, corpus: Path) -> None:
    data = str(tmp_path / "data")
    run("ingest", str(corpus), "--data-dir", data)
    _, out = run("documents", "--data-dir", data, "--json")
    doc_id = last_json(out)[0]["doc_id"]  # type: ignore[index]
    code, out = run("show", doc_id[:8], "--data-dir", data)
    assert code == 0 and out == SEED.read_text(encoding="utf-8")
    assert run("remove", doc_id, "--data-dir", data)[0] == 0
    _, out = run("measures", "--data-dir", data, "--json")
    assert last_json(out) == []
    assert run("remove", doc_id, "--data-dir", data)[0] == 2


def test_console_script_errors_are_one_line(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "policykg.ui.cli", "show", "nope", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "error: no document 'nope' (see `policykg documents`)"
    ]
