"""Question commands: ask, eval, reindex."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from policykg.ingest.records import Answer
from policykg.retrieval.ask import DEFAULT_K, QuestionError, ask
from policykg.retrieval.evaluate import evaluate, load_questions
from policykg.retrieval.index import SearchIndex
from policykg.ui.cli_common import DataDir, JsonFlag, fail, open_library, print_json


def register(app: typer.Typer) -> None:
    app.command(name="ask")(ask_command)
    app.command(name="eval")(eval_command)
    app.command()(reindex)


def ask_command(
    question: Annotated[
        str | None, typer.Argument(help="The question, in Chinese or English.")
    ] = None,
    questions: Annotated[
        Path | None,
        typer.Option(
            "--questions",
            help='A JSONL file of {"id", "question"} lines; one JSON answer per line, same order.',
        ),
    ] = None,
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="Provisions retrieved.")] = DEFAULT_K,
    data_dir: DataDir = None,
    as_json: JsonFlag = False,
) -> None:
    """Answer a question with verbatim, numbered citations."""
    if (question is None) == (questions is None):
        raise fail("give a QUESTION or --questions FILE.jsonl (one of them)")
    batch = _read_batch(questions) if questions else [(None, question or "")]
    with open_library(data_dir) as library:
        for question_id, text in batch:
            try:
                answer = ask(library, text, k)
            except QuestionError as error:
                if questions is None:
                    raise fail(str(error)) from None
                print_json({"id": question_id, "question": text, "error": str(error)})
                continue
            if questions:
                print_json({"id": question_id, **answer.to_json()})
            elif as_json:
                print_json(answer.to_json())
            else:
                _print_answer(answer)


def _read_batch(path: Path) -> list[tuple[object, str]]:
    if not path.is_file():
        raise fail(f"no such file: {path}")
    batch = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            batch.append((row.get("id"), str(row["question"])))
        except (json.JSONDecodeError, KeyError, AttributeError):
            raise fail(f'{path}:{number}: expected {{"id": …, "question": "…"}}') from None
    return batch


def _print_answer(answer: Answer) -> None:
    console = Console()
    console.print(answer.answer, highlight=False, markup=False)
    for number, citation in enumerate(answer.citations, start=1):
        section = citation.section
        where = f"《{citation.doc_title}》" + (f" {section}" if section else "")
        console.print(
            f"[{number}] {where} [{citation.start}:{citation.end}]\n    {citation.quote}",
            highlight=False,
            markup=False,
        )


def eval_command(
    questions: Annotated[
        Path, typer.Argument(help="Question file (JSONL, the format of dev_questions.jsonl).")
    ],
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="Recall@k cut-off.")] = DEFAULT_K,
    data_dir: DataDir = None,
    as_json: JsonFlag = False,
) -> None:
    """Score answers: region precision/recall, fragments cited, verbatim citations, Recall@k, MRR."""
    if not questions.is_file():
        raise fail(f"no such file: {questions}")
    try:
        loaded = load_questions(questions)
    except (json.JSONDecodeError, KeyError) as error:
        raise fail(f"{questions}: not a question file ({error})") from None
    with open_library(data_dir) as library:
        run = evaluate(library, loaded, k)
    rows = [
        {
            "id": score.id,
            "passed": score.passed,
            "region_precision": score.region_precision,
            "region_recall": score.region_recall,
            "fragments_cited": score.fragments_cited,
            "citations_verbatim": score.citations_verbatim,
            "first_correct_rank": score.first_correct_rank,
        }
        for score in run.scores
    ]
    if as_json:
        print_json({"summary": run.summary, "questions": rows})
    else:
        table = Table("id", "passed", "region P", "region R", "fragments", "verbatim", "rank")
        for row in rows:
            table.add_row(*(str(row[key]) for key in row))
        console = Console()
        console.print(table)
        console.print(" ".join(f"{key}={value}" for key, value in run.summary.items()))
    if run.summary["passed"] < run.summary["questions"]:
        raise typer.Exit(1)


def reindex(data_dir: DataDir = None) -> None:
    """Rebuild the search indexes from the store (after a model or dictionary change)."""
    from policykg.ingest.settings import load_settings

    settings = load_settings(data_dir=data_dir)
    # The old index may be refused on open (a manifest mismatch): remove it first.
    shutil.rmtree(settings.index_dir, ignore_errors=True)
    with open_library(data_dir) as library:
        index: SearchIndex = library.index
        documents, provisions = len(index.documents), len(index.provision_ids())
    sys.stdout.write(f"reindexed {documents} documents, {provisions} provisions\n")
