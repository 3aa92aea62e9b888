"""Score answers against a question file (the format of ``dev_questions.jsonl``).

Per question: region precision/recall against ``expect_regions``, the share of
``expect_quote_contains`` fragments found in some citation, citation integrity
(each quote equals the stored text at its offsets), and the rank of the first
retrieved provision holding an expected fragment (Recall@k, MRR).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from policykg.ingest.records import Answer
from policykg.retrieval.ask import Askable, ask


@dataclass(frozen=True, slots=True)
class EvalQuestion:
    id: str
    question: str
    expect_regions: tuple[str, ...]
    expect_fragments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuestionScore:
    id: str
    region_precision: float
    region_recall: float
    fragments_cited: float
    citations_verbatim: bool
    first_correct_rank: int | None  # 1-based rank in the retrieved provisions

    @property
    def passed(self) -> bool:
        return self.region_recall == 1.0 and self.fragments_cited == 1.0 and self.citations_verbatim


def load_questions(path: Path) -> list[EvalQuestion]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return [
        EvalQuestion(
            id=str(row["id"]),
            question=row["question"],
            expect_regions=tuple(row.get("expect_regions", ())),
            expect_fragments=tuple(row.get("expect_quote_contains", ())),
        )
        for row in rows
    ]


def score_answer(
    question: EvalQuestion,
    answer: Answer,
    retrieved_quotes: Sequence[str],
    text_of: Callable[[str], str | None],
    region_code: Callable[[str], str | None],
) -> QuestionScore:
    """Score one answer (what ``policykg ask --json`` prints).

    ``text_of`` gives a document's stored text; ``region_code`` resolves an expected
    region name (临港新片区) to its code, so names are compared as places, not strings.
    """
    named = {region.code for region in answer.regions}
    expected = {region_code(name) or name for name in question.expect_regions}
    precision = len(named & expected) / len(named) if named else float(not expected)
    recall = len(named & expected) / len(expected) if expected else 1.0
    quotes = [c.quote for c in answer.citations]
    fragments = question.expect_fragments
    cited = (
        sum(any(f in q for q in quotes) for f in fragments) / len(fragments) if fragments else 1.0
    )
    verbatim = all(
        (text := text_of(c.doc_id)) is not None and text[c.start : c.end] == c.quote
        for c in answer.citations
    )
    rank = next(
        (i for i, q in enumerate(retrieved_quotes, start=1) if any(f in q for f in fragments)),
        None,
    )
    return QuestionScore(question.id, precision, recall, cited, verbatim, rank)


def summarise(scores: Iterable[QuestionScore], k: int = 5) -> dict[str, float]:
    scores = list(scores)
    count = len(scores) or 1
    precision = sum(s.region_precision for s in scores) / count
    recall = sum(s.region_recall for s in scores) / count
    return {
        "questions": len(scores),
        "passed": sum(s.passed for s in scores),
        "region_precision": round(precision, 4),
        "region_recall": round(recall, 4),
        "region_f1": round(2 * precision * recall / (precision + recall), 4)
        if precision + recall
        else 0.0,
        "fragments_cited": round(sum(s.fragments_cited for s in scores) / count, 4),
        "citations_verbatim": round(sum(s.citations_verbatim for s in scores) / count, 4),
        f"recall@{k}": round(
            sum(1 for s in scores if s.first_correct_rank and s.first_correct_rank <= k) / count, 4
        ),
        "mrr": round(
            sum(1 / s.first_correct_rank for s in scores if s.first_correct_rank) / count, 4
        ),
    }


@dataclass(frozen=True, slots=True)
class EvalRun:
    """One question file asked of a library: each answer with its score, and the summary."""

    answers: tuple[Answer, ...]  # in the order of the questions
    scores: tuple[QuestionScore, ...]
    summary: dict[str, float]


def evaluate(library: Askable, questions: Sequence[EvalQuestion], k: int = 5) -> EvalRun:
    """Ask every question of ``library`` and score the answers (``policykg eval``)."""

    texts: dict[str, str | None] = {}

    def text_of(doc_id: str) -> str | None:
        if doc_id not in texts:
            document = library.store.document(doc_id)
            texts[doc_id] = document.text if document else None
        return texts[doc_id]

    def region_code(name: str) -> str | None:
        found = library.gazetteer.by_name(name)
        return found[0].code if found else None

    answers, scores = [], []
    for question in questions:
        answer = ask(library, question.question, k)
        quotes = [
            citation.quote
            for pid in answer.retrieved
            if (citation := library.store.citation(pid)) is not None
        ]
        answers.append(answer)
        scores.append(score_answer(question, answer, quotes, text_of, region_code))
    return EvalRun(tuple(answers), tuple(scores), summarise(scores, k))
