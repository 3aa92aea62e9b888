"""The sets of our own evaluation (``benchmarks/eval``): the halves, the probes and the
English twins, their questions and gold, and the records of a run."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from benchmarks.gold import GoldRow, GoldScore
from policykg.ingest.records import Answer
from policykg.library import BUNDLED_CORPUS

REPO = Path(__file__).resolve().parent.parent
EVAL = REPO / "benchmarks" / "eval"
SHARED = REPO.parent / "shared"
HALVES = ("dev", "test")
# Questions written after the tuning began, over the dev documents, never tuned on: a
# check that what was tuned on dev holds on questions nobody tuned to.
PROBE = "probe"
PROBE2 = "probe2"  # fresh questions on the dev documents, written in the seventh session
# Fresh questions on the dev documents weighted to statutes, yes/no and documents, written
# in the twelfth session (its folder holds its own README and check).
PROBE3 = "probe3"
# Four national work reports no half holds (2009-2012), with their gold and questions,
# written in the twelfth session by someone who never saw the product; first run as written.
PROBE_REPORTS = "probe_reports"
# Four more (2005-2008), their gold kept to officials, written in the thirteenth session.
PROBE_REPORTS2 = "probe_reports2"
REPORT_SETS = (PROBE_REPORTS, PROBE_REPORTS2)  # sets over shared report records
# Eight documents of genres the halves hold few of (援疆/援藏 notices, a speech saying 我市,
# a county notice, an 意见, an east-west exchange report, a commentary), written for this
# evaluation with their gold and questions by someone who had not seen the product's
# output, never tuned on.
PROBE_DOCS = "probe_docs"
PROBE_DOCS2 = "probe_docs2"  # written in the fourth session, first run as written
PROBE_DOCS3 = "probe_docs3"  # written in the fifth session, first run as written
PROBE_DOCS4 = "probe_docs4"  # written later in the fifth session, first run as written
PROBE_DOCS5 = "probe_docs5"  # written in the sixth session, first run as written
PROBE_DOCS6 = "probe_docs6"  # written later in the sixth session, first run as written
PROBE_DOCS7 = "probe_docs7"  # written in the seventh session, first run as written
PROBE_DOCS8 = "probe_docs8"  # written in the eighth session, first run as written
PROBE_DOCS9 = "probe_docs9"  # written in the ninth session, first run as written
PROBE_DOCS10 = "probe_docs10"  # written in the tenth session, first run as written
PROBE_DOCS11 = "probe_docs11"  # written later in the tenth session, first run as written
PROBE_DOCS12 = "probe_docs12"  # written in the eleventh session, first run as written
PROBE_DOCS13 = "probe_docs13"  # written in the eleventh session, first run as written
PROBE_DOCS14 = "probe_docs14"  # written later in the eleventh session, first run as written
PROBE_DOCS15 = "probe_docs15"  # written in the twelfth session, first run as written
PROBE_DOCS16 = "probe_docs16"  # written later in the twelfth session, first run as written
PROBE_DOCS17 = "probe_docs17"  # written in the thirteenth session, first run as written
PROBE_DOCS18 = "probe_docs18"  # written in the thirteenth session, first run as written
PROBE_DOCS19 = "probe_docs19"  # written in the fourteenth session, first run as written
PROBE_DOCS20 = "probe_docs20"  # written in the fifteenth session, first run as written
PROBE_DOCS21 = "probe_docs21"  # written in the sixteenth session, first run as written
PROBE_DOCS22 = "probe_docs22"  # written later in the sixteenth session, first run as written
PROBE_DOCS23 = "probe_docs23"  # written in the seventeenth session, first run as written
PROBE_DOCS24 = "probe_docs24"  # written later in the seventeenth session, first run as written
PROBE_DOCS25 = "probe_docs25"  # written in the eighteenth session, first run as written
PROBE_DOCS26 = "probe_docs26"  # written later in the eighteenth session, first run as written
PROBE_DOCS27 = "probe_docs27"  # written in the nineteenth session, first run as written
PROBE_DOCS28 = "probe_docs28"  # written later in the nineteenth session, first run as written
PROBE_DOCS29 = "probe_docs29"  # written at the end of the nineteenth session, first run as written
PROBE_DOCS30 = "probe_docs30"  # written in the twentieth session, first run as written
PROBE_DOCS31 = "probe_docs31"  # written in the twenty-first session, first run as written
PROBE_DOCS32 = "probe_docs32"  # written in the twenty-second session, first run as written
PROBE_DOCS33 = "probe_docs33"  # written in the twenty-third session, first run as written
PROBE_DOCS34 = "probe_docs34"  # written later in the twenty-third session, first run as written
PROBE_DOCS35 = "probe_docs35"  # written in the twenty-fourth session, first run as written
PROBE_DOCS36 = "probe_docs36"  # written later in the twenty-fourth session, first run as written
PROBE_DOCS37 = "probe_docs37"  # written in the twenty-fifth session, first run as written
PROBE_DOCS38 = "probe_docs38"  # written later in the twenty-fifth session, first run as written
PROBE_DOCS39 = "probe_docs39"  # written in the twenty-sixth session, first run as written
PROBE_DOCS40 = "probe_docs40"  # written later in the twenty-sixth session, first run as written
PROBE_DOCS41 = "probe_docs41"  # written in the twenty-seventh session, first run as written
PROBE_DOCS42 = "probe_docs42"  # written in the twenty-eighth session, first run as written
PROBE_DOCS43 = "probe_docs43"  # written in the twenty-ninth session, first run as written
PROBE_DOCS44 = "probe_docs44"  # written in the thirtieth session, first run as written
DOCUMENTS = (".txt", ".md")  # beside each folder's README.md
# Folders holding their own documents.
DOC_SETS = (
    PROBE_DOCS,
    PROBE_DOCS2,
    PROBE_DOCS3,
    PROBE_DOCS4,
    PROBE_DOCS5,
    PROBE_DOCS6,
    PROBE_DOCS7,
    PROBE_DOCS8,
    PROBE_DOCS9,
    PROBE_DOCS10,
    PROBE_DOCS11,
    PROBE_DOCS12,
    PROBE_DOCS13,
    PROBE_DOCS14,
    PROBE_DOCS15,
    PROBE_DOCS16,
    PROBE_DOCS17,
    PROBE_DOCS18,
    PROBE_DOCS19,
    PROBE_DOCS20,
    PROBE_DOCS21,
    PROBE_DOCS22,
    PROBE_DOCS23,
    PROBE_DOCS24,
    PROBE_DOCS25,
    PROBE_DOCS26,
    PROBE_DOCS27,
    PROBE_DOCS28,
    PROBE_DOCS29,
    PROBE_DOCS30,
    PROBE_DOCS31,
    PROBE_DOCS32,
    PROBE_DOCS33,
    PROBE_DOCS34,
    PROBE_DOCS35,
    PROBE_DOCS36,
    PROBE_DOCS37,
    PROBE_DOCS38,
    PROBE_DOCS39,
    PROBE_DOCS40,
    PROBE_DOCS41,
    PROBE_DOCS42,
    PROBE_DOCS43,
    PROBE_DOCS44,
)


TWINS = " English twins"  # a set of twins is named after its source


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


@dataclass(frozen=True, slots=True)
class HalfResult:
    half: str
    outcomes: tuple[Outcome, ...]
    gold: GoldScore | None  # the probe has no gold measures


def _set_file(half: str, kind: str) -> Path:
    """A half's (or the probe documents') questions or gold file."""
    if half in DOC_SETS or half == PROBE3 or half in REPORT_SETS:
        return EVAL / half / ("questions.jsonl" if kind == "questions" else "gold.tsv")
    return EVAL / (f"questions_{half}.jsonl" if kind == "questions" else f"gold_{half}.tsv")


def questions_file(half: str) -> Path:
    return _set_file(half, "questions")


def report_rows(half: str) -> list[dict[str, str]]:
    """The shared report records a set's gold and questions name (large:25 …)."""
    docs = {doc for q in load_questions(half) for doc in q.docs} | set(load_gold(half))
    return [{"corpus": "large", "doc": doc} for doc in sorted(docs)]


def load_questions(half: str) -> list[OwnQuestion]:
    return read_questions(_set_file(half, "questions"))


def twins_file(half: str) -> Path:
    """The English twins of a set's Chinese questions (``eval/english_twins``)."""
    return EVAL / "english_twins" / f"{half}.jsonl"


def read_questions(path: Path) -> list[OwnQuestion]:
    lines = path.read_text(encoding="utf-8").splitlines()
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
