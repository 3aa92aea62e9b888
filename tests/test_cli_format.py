"""One output option: every command that prints records takes --format table|json|csv (-f),
and the old --json (and compare's --csv) still work."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policykg.ui.cli import app
from tests.conftest import SEED

runner = CliRunner()
TITLE = "长三角地区激励干部担当作为的创新举措与对江苏的启示"
QUESTION = "哪些地区实行协议年薪？"


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout


def records(output: str) -> list[dict[str, str]]:
    """CSV output as one dict per row, checking there is a header row."""
    rows = list(csv.reader(io.StringIO(output)))
    assert rows, "no CSV header"
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("format-corpus")
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(SEED.with_name(SEED.stem + ".meta.json"), folder)
    return folder


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> str:
    data = str(tmp_path_factory.mktemp("format-data"))
    code, _ = run("ingest", str(corpus), "--data-dir", data)
    assert code == 0
    return data


def test_ingest_reports_as_csv_and_json(corpus: Path, tmp_path: Path) -> None:
    data = str(tmp_path)
    code, out = run("ingest", str(corpus), "--data-dir", data, "--format", "csv")
    assert code == 0
    assert records(out) == [
        {
            "ingested": "1",
            "unchanged": "0",
            "failed": "0",
            "skipped": "0",
            "documents": "1",
            "provisions": "52",
        }
    ]
    code, out = run("ingest", str(corpus), "--data-dir", data, "-f", "json")
    assert code == 0
    report = json.loads(out)
    assert (report["ingested"], report["unchanged"], report["provisions"]) == (0, 1, 52)


def test_documents_in_every_format(data_dir: str) -> None:
    (row,) = records(run("documents", "--data-dir", data_dir, "--format", "csv")[1])
    assert row["title"] == TITLE and row["chars"] == str(len(SEED.read_text(encoding="utf-8")))
    (document,) = json.loads(run("documents", "--data-dir", data_dir, "--format", "json")[1])
    assert document["doc_id"] == row["doc_id"]
    assert json.loads(run("documents", "--data-dir", data_dir, "--json")[1]) == [document]
    assert row["doc_id"] in run("documents", "--data-dir", data_dir, "--format", "table")[1]


def test_measures_in_every_format(data_dir: str) -> None:
    args = ("measures", "--region", "仙居", "--data-dir", data_dir)
    rows = records(run(*args, "-f", "csv")[1])
    assert "以职培优" in {row["label_zh"] for row in rows}
    assert {row["regions"] for row in rows} == {"仙居县"}
    (document,) = json.loads(run("documents", "--data-dir", data_dir, "--json")[1])
    for row in rows:  # cited by stable provision ids of the seed document
        assert row["citations"]
        assert all(p.startswith(document["doc_id"] + "-p") for p in row["citations"].split())
    as_json = json.loads(run(*args, "--format", "json")[1])
    assert [m["label_zh"] for m in as_json] == [row["label_zh"] for row in rows]
    assert json.loads(run(*args, "--json")[1]) == as_json


def test_compare_in_every_format_and_the_old_flags(data_dir: str) -> None:
    args = ("compare", "上海", "浙江", "--type", "material", "--data-dir", data_dir)
    code, out = run(*args, "--format", "csv")
    assert code == 0
    rows = records(out)
    assert ("上海市", "协议年薪") in {(row["region"], row["measure"]) for row in rows}
    assert run(*args, "--csv")[1] == out
    as_json = json.loads(run(*args, "--format", "json")[1])
    assert {(r["region"], r["measure"]) for r in as_json} == {
        (row["region"], row["measure"]) for row in rows
    }
    assert json.loads(run(*args, "--json")[1]) == as_json


def test_graph_stats_in_every_format(data_dir: str) -> None:
    rows = records(run("graph-stats", "--data-dir", data_dir, "-f", "csv")[1])
    stats = json.loads(run("graph-stats", "--data-dir", data_dir, "--format", "json")[1])
    counts = {row["statistic"]: int(row["value"]) for row in rows if not row["name"]}
    assert counts == {key: stats[key] for key in ("triples", "nodes", "edges")}
    assert counts["triples"] > 1000
    central = [row["name"] for row in rows if row["statistic"] == "central_regions"]
    assert central == [name for name, _ in stats["central_regions"]]
    assert json.loads(run("graph-stats", "--data-dir", data_dir, "--json")[1]) == stats


def test_sparql_takes_the_short_option_and_the_json_alias(data_dir: str) -> None:
    query = "SELECT ?label WHERE { ?m a pkg:Measure ; skos:prefLabel ?label } ORDER BY ?label"
    rows = records(run("sparql", query, "-f", "csv", "--data-dir", data_dir)[1])
    labels = [row["label"] for row in rows]
    assert "协议年薪" in labels
    as_json = json.loads(run("sparql", query, "--json", "--data-dir", data_dir)[1])
    assert [row["label"] for row in as_json] == labels


def test_ask_citations_as_csv_and_the_answer_as_json(data_dir: str) -> None:
    code, out = run("ask", QUESTION, "--format", "csv", "--data-dir", data_dir)
    assert code == 0
    rows = records(out)
    text = SEED.read_text(encoding="utf-8")
    assert rows and [row["number"] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]
    for row in rows:
        assert text[int(row["start"]) : int(row["end"])] == row["quote"]
    answer = json.loads(run("ask", QUESTION, "--format", "json", "--data-dir", data_dir)[1])
    assert [c["provision_id"] for c in answer["citations"]] == [r["provision_id"] for r in rows]
    assert json.loads(run("ask", QUESTION, "--json", "--data-dir", data_dir)[1]) == answer


def test_eval_scores_as_csv_and_json(data_dir: str, tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    lines = [
        {"id": "pass", "question": QUESTION, "expect_regions": ["临港新片区"]},
        {"id": "fail", "question": QUESTION, "expect_regions": ["北京市"]},
    ]
    questions.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    code, out = run("eval", str(questions), "-f", "csv", "--data-dir", data_dir)
    assert code == 1  # a question failed, whatever the format
    assert [(row["id"], row["passed"]) for row in records(out)] == [
        ("pass", "True"),
        ("fail", "False"),
    ]
    report = json.loads(run("eval", str(questions), "--format", "json", "--data-dir", data_dir)[1])
    assert [q["passed"] for q in report["questions"]] == [True, False]
    assert report["summary"]["questions"] == 2


def test_two_different_formats_are_refused(data_dir: str) -> None:
    result = runner.invoke(app, ["documents", "--json", "--format", "csv", "--data-dir", data_dir])
    assert result.exit_code == 2 and "one output format" in result.stderr
    # The same format twice is no conflict.
    code, out = run("documents", "--json", "--format", "json", "--data-dir", data_dir)
    assert code == 0 and json.loads(out)[0]["title"] == TITLE


def test_a_batch_of_questions_refuses_csv(data_dir: str, tmp_path: Path) -> None:
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"id": 1, "question": QUESTION}, ensure_ascii=False), "utf-8")
    result = runner.invoke(
        app, ["ask", "--questions", str(batch), "--format", "csv", "--data-dir", data_dir]
    )
    assert result.exit_code == 2 and "JSON lines" in result.stderr
