"""The question commands (ask, eval, reindex) and the CLI reference in the README."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policykg.ui.cli import app
from tests.conftest import EVAL, REPO, SEED, needs_shared

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("cli-ask")
    corpus = folder / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    shutil.copy(SEED.with_name(SEED.stem + ".meta.json"), corpus)
    data = str(folder / "data")
    code, _, _ = run("ingest", str(corpus), "--data-dir", data)
    assert code == 0
    return data


def test_ask_json_cites_verbatim(data_dir: str) -> None:
    code, out, _ = run("ask", "哪些区推动绩效奖金向一线倾斜？", "--json", "--data-dir", data_dir)
    assert code == 0
    answer = json.loads(out)
    assert [r["label_zh"] for r in answer["regions"]] == ["杨浦区", "嘉定区"]
    text = SEED.read_text(encoding="utf-8")
    for citation in answer["citations"]:
        assert text[citation["start"] : citation["end"]] == citation["quote"]


def test_ask_prints_the_answer_and_its_sources(data_dir: str) -> None:
    code, out, _ = run("ask", "Which county runs a 'cadre star' selection?", "--data-dir", data_dir)
    assert code == 0
    assert "Dingyuan County, Chuzhou City, Anhui (安徽省滁州市定远县)" in out  # with its path
    assert "[1]" in out and "干部之星" in out


def test_batch_questions_echo_ids_in_order(data_dir: str, tmp_path: Path) -> None:
    batch = tmp_path / "q.jsonl"
    lines = [
        {"id": "b", "question": "永嘉县探索了什么补贴政策？"},
        {"id": "a", "question": "Which regions use negotiated annual salaries?"},
        {"id": 3, "question": "？？"},
    ]
    batch.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    code, out, _ = run("ask", "--questions", str(batch), "--json", "--data-dir", data_dir)
    assert code == 0
    answers = [json.loads(line) for line in out.strip().splitlines()]
    assert [a["id"] for a in answers] == ["b", "a", 3]
    assert answers[0]["regions"][0]["label_zh"] == "永嘉县"
    assert "error" in answers[2]  # a bad question fails alone


def test_an_empty_question_is_one_line_and_exit_2(data_dir: str) -> None:
    code, _, err = run("ask", "  ", "--data-dir", data_dir)
    assert code == 2
    assert err.strip().startswith("error: the question is empty")
    assert len(err.strip().splitlines()) == 1


@needs_shared
def test_eval_scores_the_dev_set(data_dir: str) -> None:
    code, out, _ = run("eval", str(EVAL / "dev_questions.jsonl"), "--json", "--data-dir", data_dir)
    report = json.loads(out)
    assert code == 0
    assert report["summary"]["passed"] == report["summary"]["questions"] == 14
    assert len(report["questions"]) == 14


def test_eval_exits_1_when_a_question_fails(data_dir: str, tmp_path: Path) -> None:
    questions = tmp_path / "q.jsonl"
    row = {"id": "x", "question": "哪些地区实行协议年薪？", "expect_regions": ["北京市"]}
    questions.write_text(json.dumps(row, ensure_ascii=False), "utf-8")
    code, out, _ = run("eval", str(questions), "--json", "--data-dir", data_dir)
    assert code == 1
    assert json.loads(out)["questions"][0]["passed"] is False


def test_a_model_change_is_refused_until_reindex(data_dir: str, monkeypatch) -> None:
    from policykg.retrieval.embed import small_test_model_path

    monkeypatch.setenv("POLICYKG_EMBEDDING_MODEL", small_test_model_path())
    code, _, err = run("ask", "协议年薪", "--data-dir", data_dir)
    assert code == 2 and "policykg reindex" in err
    code, out, _ = run("reindex", "--data-dir", data_dir)
    assert code == 0 and "52 provisions" in out
    code, out, _ = run("ask", "哪些地区实行协议年薪？", "--json", "--data-dir", data_dir)
    assert code == 0 and json.loads(out)["regions"][0]["label_zh"].endswith("临港新片区")
    monkeypatch.delenv("POLICYKG_EMBEDDING_MODEL")
    code, out, _ = run("reindex", "--data-dir", data_dir)  # back to the default model
    assert code == 0


def test_every_command_is_in_the_readme_cli_reference() -> None:
    commands = {
        info.name or (info.callback.__name__ if info.callback else "")
        for info in app.registered_commands
    }
    reference = (REPO / "README.md").read_text(encoding="utf-8").split("## CLI reference")[1]
    documented = set(re.findall(r"`policykg ([a-z][a-z-]*)", reference))
    assert commands == documented, (commands - documented, documented - commands)
    for name in commands:
        code, out, _ = run(name, "--help")
        assert code == 0 and "Usage" in out
