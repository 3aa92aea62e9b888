"""Our own evaluation set, per half (dev / test, split by document), per question class.

For each half a library holds that half's documents only (the seed, ``corpus-real``,
``corpus-law`` and the chosen government work reports); its questions are asked
with ``ask`` and scored against gold written from the texts
(``benchmarks/eval/``), next to BM25 and naive-chunk top 5 in the same run. The
gold measures are scored by ``benchmarks.gold.score`` per document.

Run: ``python -m benchmarks.owneval [--half dev|test|both] [--report docs/own-eval.md]``.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from benchmarks import sections
from benchmarks.baselines import Bm25Baseline, ChunkBaseline
from benchmarks.gold import GoldRow, GoldScore, score
from benchmarks.ownreport import as_section, render
from benchmarks.ownsets import (
    DOC_SETS,
    DOCUMENTS,
    EVAL,
    HALVES,
    PROBE,
    PROBE2,
    PROBE3,
    REPO,
    REPORT_SETS,
    SHARED,
    TWINS,
    HalfResult,
    Outcome,
    OwnQuestion,
    load_gold,
    load_questions,
    materialise,
    questions_file,
    read_questions,
    report_rows,
    split_docs,
    twins_file,
)
from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.records import Answer
from policykg.ingest.settings import Settings
from policykg.library import Library
from policykg.retrieval.ask import ask
from policykg.retrieval.embed import DEFAULT_MODEL, INT8_MODEL

YES = ("是", "有", "yes", "Yes")
NO = ("否", "没有", "未", "不", "no", "No")  # the answer's first word, up to punctuation


def region_codes(gazetteer: Gazetteer, name: str) -> set[str]:
    return {region.code for region in gazetteer.by_name(name)}


def named_in(answer: Answer, gazetteer: Gazetteer, name: str) -> bool:
    codes = region_codes(gazetteer, name)
    return any(
        r.iri.rsplit("/", 1)[-1] in codes or name in (r.label_zh, *r.path_zh)
        for r in answer.regions
    )


def judge(
    question: OwnQuestion,
    answer: Answer,
    library: Library,
    doc_names: dict[str, str],
    baselines: tuple[Bm25Baseline, ChunkBaseline],
) -> Outcome:
    gazetteer = library.gazetteer
    quotes = [c.quote for c in answer.citations]
    verbatim = all(
        (document := library.store.document(c.doc_id)) is not None
        and document.text[c.start : c.end] == c.quote
        for c in answer.citations
    )
    if question.negative:
        regions_right = not answer.regions and not answer.measures
        answer_right = not answer.citations
    else:
        regions_right = all(named_in(answer, gazetteer, name) for name in question.regions)
        answer_right = True
    if question.yes_no:
        words = YES if question.yes_no == "yes" else NO
        # The answer's first word, as a word: "Not clearly" is no "No".
        first = re.split(r"[\s。：:.,，;；!！]", answer.answer.lstrip(), maxsplit=1)[0]
        answer_right = first in words
    if question.documents:
        cited_docs = {doc_names.get(c.doc_id) for c in answer.citations}
        answer_right = set(question.documents) <= cited_docs
    fragments = all(any(f in quote for quote in quotes) for f in question.fragments)
    bm25, chunks = (b.top_texts(question.question, 5) for b in baselines)
    return Outcome(
        question,
        answer,
        regions_right,
        fragments,
        verbatim,
        answer_right,
        all(any(f in t for t in bm25) for f in question.fragments),
        all(any(f in t for t in chunks) for f in question.fragments),
    )


def run_half(half: str, embedding_model: str = DEFAULT_MODEL) -> list[HalfResult]:
    """The half's questions and gold; with dev, also the probe (fresh questions, dev docs)."""
    with tempfile.TemporaryDirectory(prefix=f"owneval-{half}-") as temp:
        folder = Path(temp)
        if half in DOC_SETS:
            paths = {
                p.name: p
                for p in sorted((EVAL / half).iterdir())
                if p.suffix in DOCUMENTS and p.name != "README.md"
            }
        elif half in REPORT_SETS:
            paths = materialise(report_rows(half), folder)
        else:
            paths = materialise(split_docs(half), folder)
        settings = Settings(data_dir=folder / "data", embedding_model=embedding_model)
        with Library(settings) as library:
            report = library.ingest(paths.values())
            assert not report.failed, report.failed
            by_path = {str(path.resolve()): doc for doc, path in paths.items()}
            doc_names = {
                d.doc_id: by_path.get(str(Path(d.source_path).resolve()), "")
                for d in library.store.documents()
            }
            provisions = library.store.provisions()
            documents = library.store.documents()
            baselines = (
                Bm25Baseline(provisions, library.index.segmenter),
                ChunkBaseline(documents, library.index.embedder),
            )

            def outcomes(questions: list[OwnQuestion]) -> tuple[Outcome, ...]:
                return tuple(
                    judge(q, ask(library, q.question), library, doc_names, baselines)
                    for q in questions
                )

            gold = score_gold(library, load_gold(half), {v: k for k, v in doc_names.items()})
            results = [HalfResult(half, outcomes(load_questions(half)), gold)]
            for probe in (PROBE, PROBE2, PROBE3) if half == "dev" else ():
                if questions_file(probe).exists():
                    results.append(HalfResult(probe, outcomes(load_questions(probe)), None))
            for name in [r.half for r in results]:  # the English twins, on the same library
                if twins_file(name).exists():
                    twins = outcomes(read_questions(twins_file(name)))
                    results.append(HalfResult(f"{name}{TWINS}", twins, None))
    return results


def score_gold(
    library: Library, gold: dict[str, list[GoldRow]], doc_ids: dict[str, str]
) -> GoldScore:
    """Sum of per-document gold scores; rows whose region the gazetteer lacks count as missed."""
    totals = Counter[str]()
    missing: list[str] = []
    wrong: list[str] = []
    for doc, rows in gold.items():
        parsed = library.store.parsed(doc_ids[doc])
        assert parsed is not None, doc
        known = [row for row in rows if region_codes(library.gazetteer, row.region)]
        missing += [
            f"{row.region}/{row.measure_key} (region unknown)" for row in rows if row not in known
        ]
        totals["pairs"] += len(rows) - len(known)
        result = score(parsed, known, library.gazetteer)
        for field in ("pairs", "found", "status_right", "type_right", "attributions"):
            totals[field] += getattr(result, field)
        totals["wrong_attributions"] += result.wrong_attributions
        missing += [f"{doc[:12]}…: {m}" for m in result.missing]
        wrong += [f"{doc[:12]}…: {w}" for w in result.wrong]
    return GoldScore(
        totals["pairs"],
        totals["found"],
        totals["status_right"],
        totals["type_right"],
        totals["attributions"],
        totals["wrong_attributions"],
        tuple(missing),
        tuple(wrong),
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--half", choices=[*HALVES, *DOC_SETS, *REPORT_SETS, "both"], default="both"
    )
    parser.add_argument("--report", type=Path, default=REPO / "docs" / "own-eval.md")
    parser.add_argument(
        "--benchmarks",
        type=Path,
        default=REPO / "docs" / "benchmarks.md",
        help="with --half both, the report whose own-evaluation section is rewritten",
    )
    parser.add_argument("--failures", action="store_true", help="list failed questions")
    parser.add_argument("--verbose", action="store_true", help="with --failures: the answers")
    parser.add_argument(
        "--embedding-model", default=DEFAULT_MODEL, help=f"e.g. {INT8_MODEL} (default %(default)s)"
    )
    args = parser.parse_args(argv)
    if not SHARED.exists():
        raise SystemExit("../shared is absent: the evaluation needs its corpora")
    halves = (*HALVES, *DOC_SETS, *REPORT_SETS) if args.half == "both" else (args.half,)
    results = [r for half in halves for r in run_half(half, args.embedding_model)]
    text = render(results)
    args.report.write_text(text, encoding="utf-8")
    if args.half == "both" and args.benchmarks.exists():  # the per-class figures there too
        report = args.benchmarks.read_text(encoding="utf-8")
        start, end = sections.OWN_START, sections.OWN_END
        spliced = sections.splice(report, f"{start}\n{as_section(text)}\n{end}", start, end)
        args.benchmarks.write_text(spliced, encoding="utf-8")
    print(text)
    if args.failures:
        for result in results:
            for outcome in result.outcomes:
                if not outcome.passed:
                    print(_failure_line(outcome))
                    if args.verbose:
                        print(_answer_lines(outcome))
            if result.gold is not None:
                print(f"{result.half}: gold measures missed:", *result.gold.missing, sep="\n  ")
                print(f"{result.half}: wrong attributions:", *result.gold.wrong, sep="\n  ")


def _answer_lines(outcome: Outcome) -> str:
    q, answer = outcome.question, outcome.answer
    regions = ", ".join("/".join(r.path_zh) or r.label_zh for r in answer.regions)
    lines = [
        f"    expected regions {list(q.regions)} fragments {list(q.fragments)}"
        f" answer {q.yes_no} documents {list(q.documents)}",
        f"    got [{answer.intent}] regions [{regions}]: {answer.answer[:200]}",
    ]
    lines += [f"    [{i}] {c.quote[:120]}" for i, c in enumerate(answer.citations, 1)]
    return "\n".join(lines)


def _failure_line(outcome: Outcome) -> str:
    q = outcome.question
    checks = {
        "regions": outcome.regions_right,
        "fragments": outcome.fragments_cited,
        "verbatim": outcome.verbatim,
        "answer": outcome.answer_right,
    }
    failed = ",".join(name for name, ok in checks.items() if not ok)
    return f"{q.id} [{q.kind}/{q.lang}] {failed}: {q.question}"


if __name__ == "__main__":
    main()
