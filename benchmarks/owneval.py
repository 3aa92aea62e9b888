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
import csv
import json
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks import sections
from benchmarks.baselines import Bm25Baseline, ChunkBaseline
from benchmarks.gold import GoldRow, GoldScore, score
from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.records import Answer
from policykg.ingest.settings import Settings
from policykg.library import BUNDLED_CORPUS, Library
from policykg.retrieval.ask import ask
from policykg.retrieval.embed import DEFAULT_MODEL, INT8_MODEL

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO / "benchmarks" / "eval"
SHARED = REPO.parent / "shared"
HALVES = ("dev", "test")
# Questions written after the tuning began, over the dev documents, never tuned on: a
# check that what was tuned on dev holds on questions nobody tuned to.
PROBE = "probe"
# Eight documents of genres the halves hold few of (援疆/援藏 notices, a speech saying 我市,
# a county notice, an 意见, an east-west exchange report, a commentary), written for this
# evaluation with their gold and questions by someone who had not seen the product's
# output, never tuned on.
PROBE_DOCS = "probe_docs"
PROBE_DOCS2 = "probe_docs2"  # written in the fourth session, first run as written
PROBE_DOCS3 = "probe_docs3"  # written in the fifth session, first run as written
PROBE_DOCS4 = "probe_docs4"  # written later in the fifth session, first run as written
PROBE_DOCS5 = "probe_docs5"  # written in the sixth session, first run as written
DOCUMENTS = (".txt", ".md")  # beside each folder's README.md
# Folders holding their own documents.
DOC_SETS = (PROBE_DOCS, PROBE_DOCS2, PROBE_DOCS3, PROBE_DOCS4, PROBE_DOCS5)
YES = ("是", "有", "yes", "Yes")
NO = ("否", "没有", "未", "不", "no", "No")  # the answer's first word, up to punctuation


@dataclass(frozen=True, slots=True)
class OwnQuestion:
    id: str
    lang: str
    kind: str
    question: str
    docs: tuple[str, ...]
    regions: tuple[str, ...]
    fragments: tuple[str, ...]
    yes_no: str | None
    documents: tuple[str, ...]
    negative: bool


@dataclass(frozen=True, slots=True)
class Outcome:
    """One question's result: each check, and whether a baseline's top 5 held the fragments."""

    question: OwnQuestion
    answer: Answer
    regions_right: bool
    fragments_cited: bool
    verbatim: bool
    answer_right: bool  # yes/no, documents, or "not found" for negatives
    bm25_fragments: bool
    chunks_fragments: bool

    @property
    def passed(self) -> bool:
        return self.regions_right and self.fragments_cited and self.verbatim and self.answer_right


def _set_file(half: str, kind: str) -> Path:
    """A half's (or the probe documents') questions or gold file."""
    if half in DOC_SETS:
        return EVAL / half / ("questions.jsonl" if kind == "questions" else "gold.tsv")
    return EVAL / (f"questions_{half}.jsonl" if kind == "questions" else f"gold_{half}.tsv")


def load_questions(half: str) -> list[OwnQuestion]:
    lines = _set_file(half, "questions").read_text(encoding="utf-8").splitlines()
    questions = []
    for raw in (json.loads(line) for line in lines if line.strip()):
        questions.append(
            OwnQuestion(
                raw["id"],
                raw["lang"],
                raw["class"],
                raw["question"],
                tuple(raw["docs"]),
                tuple(raw["expect_regions"]),
                tuple(raw["expect_quote_contains"]),
                raw.get("expect_answer"),
                tuple(raw.get("expect_documents") or ()),
                bool(raw.get("negative")),
            )
        )
    return questions


def split_docs(half: str) -> list[dict[str, str]]:
    with (EVAL / "split.tsv").open(encoding="utf-8") as handle:
        return [row for row in csv.DictReader(handle, delimiter="\t") if row["half"] == half]


def materialise(rows: Sequence[dict[str, str]], folder: Path) -> dict[str, Path]:
    """Each split document as a file to ingest: shared files by path, report records written out."""
    large = (SHARED / "corpus-large" / "government_work_reports.jsonl").read_text(encoding="utf-8")
    records = [json.loads(line) for line in large.splitlines() if line.strip()]
    paths: dict[str, Path] = {}
    for row in rows:
        corpus, doc = row["corpus"], row["doc"]
        if corpus == "seed":
            paths[doc] = BUNDLED_CORPUS / "yangtze-delta-cadre-incentives.txt"
        elif corpus == "real":
            paths[doc] = SHARED / "corpus-real" / doc
        elif corpus == "law":
            paths[doc] = SHARED / "corpus-law" / doc
        else:
            record = records[int(doc.split(":")[1])]
            path = folder / f"report-{doc.split(':')[1]}.txt"
            path.write_text(f"{record['title']}\n{record['content']}", encoding="utf-8")
            paths[doc] = path
    return paths


def load_gold(half: str) -> dict[str, list[GoldRow]]:
    by_doc: dict[str, list[GoldRow]] = defaultdict(list)
    with _set_file(half, "gold").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            by_doc[row["doc"]].append(
                GoldRow(row["region"], row["incentive_type"], row["measure"], row["status"])
            )
    return by_doc


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


@dataclass(frozen=True, slots=True)
class HalfResult:
    half: str
    outcomes: tuple[Outcome, ...]
    gold: GoldScore | None  # the probe has no gold measures


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

            def outcomes(name: str) -> tuple[Outcome, ...]:
                return tuple(
                    judge(q, ask(library, q.question), library, doc_names, baselines)
                    for q in load_questions(name)
                )

            gold = score_gold(library, load_gold(half), {v: k for k, v in doc_names.items()})
            results = [HalfResult(half, outcomes(half), gold)]
            if half == "dev" and (EVAL / f"questions_{PROBE}.jsonl").exists():
                results.append(HalfResult(PROBE, outcomes(PROBE), None))
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


def render(results: Sequence[HalfResult]) -> str:
    lines = [
        "# Own evaluation: dev and test halves, and six probes",
        "",
        "Written by `python -m benchmarks.owneval`. The set (`benchmarks/eval/`) was written from",
        "the texts and split by document before any tuning; only the dev half is used for tuning.",
        "A question passes when its regions are named (a negative names none and cites nothing),",
        "every expected fragment is in a citation, every quote is verbatim, and a yes/no or",
        "document question gets the right answer. BM25 and naive chunks: the expected fragments",
        "all within their top 5 texts, in the same run over the same library.",
        "",
        "Probes check what tuning on dev does to text nobody tuned to. The probe: 60 questions",
        "written later over the dev documents by someone who had not seen the product's output,",
        "never tuned on. The probe documents: eight documents of genres the halves hold few of",
        "(援疆/援藏 notices, a speech saying 我市, a county notice, an 意见, an east-west exchange",
        "report, a commentary) with their own gold and questions; they were run once as written",
        "(questions 22/24, gold recall 0.76), and the failure classes they showed were then fixed,",
        "so their figures below are no longer held out (`benchmarks/eval/probe_docs/README.md`).",
        "The second probe documents: ten more (three provincial regulations, one in two versions, an",
        "援疆 notice, an 援藏 report, a city speech, a 新华社 report, a provincial 通知, a commentary),",
        "73 gold rows and 40 questions, half English, written later the same way. First run as",
        "written: questions 34/40, gold recall 0.82 (60/73), no wrong attribution; the gaps it showed",
        "were then fixed, so its figures below are no longer held out either",
        "(`benchmarks/eval/probe_docs2/README.md`).",
        "The third probe documents: twelve more (a city 实施办法, a provincial statute in two",
        "versions, a district notice saying 我区, a 人民日报 feature on four counties, a 沪滇 exchange",
        "report, two notices of one city years apart, a 答记者问, a work report, a 新闻联播",
        "transcript, a commentary), 89 gold rows and 45 questions, half English, written later the",
        "same way. First run as written: questions 36/45, gold recall 0.87 (77/89), 5 of 66",
        "attributions wrong; the gaps it showed were then fixed, so its figures below are no",
        "longer held out (`benchmarks/eval/probe_docs3/README.md`).",
        "The fourth probe documents: ten more, weighted to what the test half finds hard (four",
        "regulations, one in two versions, with answers in second and third paragraphs; city rules",
        "naming its counties; county and district reports; a 津甘 exchange report; a commentary),",
        "88 gold rows and 45 questions, half English. First run as written: questions 35/45, gold",
        "recall 0.94 (83/88), no wrong attribution; the gaps it showed were then fixed",
        "(`benchmarks/eval/probe_docs4/README.md`).",
        "The fifth probe documents: eleven more, longer and more like real ones (a city work",
        "report, a 市委书记 speech and a 15-item 新闻联播 transcript where the cadre content is a",
        "minority, a 人民日报 feature, a 深喀 aid report, a statute in two versions, a district",
        "notice, a district 办法, a commentary, a report without a title line), 94 gold rows and",
        "45 questions written as paraphrases, 25 in English. First run as written: questions",
        "31/45, gold recall 0.80 (75/94) (`benchmarks/eval/probe_docs5/README.md`).",
        "",
    ]
    for result in results:
        lines += _half_table(result)
    return "\n".join(lines) + "\n"


HEADINGS = {
    PROBE: "## probe (dev documents, fresh questions)",
    PROBE_DOCS: "## probe documents (new genres, their own gold and questions)",
    PROBE_DOCS2: (
        "## second probe documents (statutes in two versions, aid, speech, news;"
        " held out at its first run only)"
    ),
    PROBE_DOCS3: (
        "## third probe documents (rules, a statute in two versions, a district notice,"
        " east-west exchange, two notices of one city, news; held out at its first run only)"
    ),
    PROBE_DOCS4: (
        "## fourth probe documents (statutes, one in two versions, city rules, county reports;"
        " held out at its first run only)"
    ),
    PROBE_DOCS5: (
        "## fifth probe documents (long real-like documents, paraphrased questions;"
        " held out at its first run only)"
    ),
}


def _half_table(result: HalfResult) -> list[str]:
    by_class: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in result.outcomes:
        by_class[outcome.question.kind].append(outcome)
        if outcome.question.lang == "en":
            by_class["(all English)"].append(outcome)
    by_class["(all)"] = list(result.outcomes)
    gold = result.gold
    lines = [
        HEADINGS.get(result.half, f"## {result.half} half"),
        "",
        "| class | questions | policykg passes | fragments cited | BM25 top 5 | naive chunks top 5 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for kind, outcomes in sorted(by_class.items(), key=lambda item: item[0].startswith("(")):
        n = len(outcomes)
        with_fragments = [o for o in outcomes if o.question.fragments]
        lines.append(
            f"| {kind} | {n} | {sum(o.passed for o in outcomes)}/{n} | "
            f"{sum(o.fragments_cited for o in with_fragments)}/{len(with_fragments)} | "
            f"{sum(o.bm25_fragments for o in with_fragments)}/{len(with_fragments)} | "
            f"{sum(o.chunks_fragments for o in with_fragments)}/{len(with_fragments)} |"
        )
    if gold is None:
        return [*lines, ""]
    lines += [
        "",
        f"Gold measures: {gold.found}/{gold.pairs} found at the right region "
        f"(recall {gold.recall:.2f}); status right {gold.status_right}, type right "
        f"{gold.type_right}; {gold.wrong_attributions} of {gold.attributions} attributions "
        f"wrong ({gold.wrong_rate:.1%}).",
        "",
    ]
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=[*HALVES, *DOC_SETS, "both"], default="both")
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
    halves = (*HALVES, *DOC_SETS) if args.half == "both" else (args.half,)
    results = [r for half in halves for r in run_half(half, args.embedding_model)]
    text = render(results)
    args.report.write_text(text, encoding="utf-8")
    if args.half == "both" and args.benchmarks.exists():  # the per-class figures there too
        report = args.benchmarks.read_text(encoding="utf-8")
        start, end = sections.OWN_START, sections.OWN_END
        spliced = sections.splice(report, f"{start}\n{_as_section(text)}\n{end}", start, end)
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


def _as_section(text: str) -> str:
    """The own-evaluation report as a section: its title one level down, its parts two."""
    lines = text.strip().splitlines()
    body = ["###" + line[2:] if line.startswith("## ") else line for line in lines[1:]]
    return "\n".join(["## " + lines[0].removeprefix("# "), *body])


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
