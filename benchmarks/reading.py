"""The report's one-paragraph reading, written from the numbers so it cannot drift from them."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from benchmarks.quality import SYSTEM, Comparison, K, MethodResult
from benchmarks.results import Results
from benchmarks.scale import LargeResult, SyntheticResult

P95_TARGET_MS = 100.0


# Above this share of the cores used by other processes, the reading says so first.
CONTENTION_NOTE = 0.05


def reading(results: Results) -> str:
    sentences = [
        _contention_sentence(results.contention),
        _recall_sentence(results.comparisons),
        _region_sentence(results.comparisons),
        _latency_sentence(results.comparisons),
        _large_sentence(results.large),
        _synthetic_sentence(results.synthetic),
    ]
    return " ".join(s for s in sentences if s)


def _column(comparisons: Sequence[Comparison], method: str) -> list[MethodResult]:
    return [r for c in comparisons for r in c.results if r.method == method]


def _methods(comparisons: Sequence[Comparison]) -> list[str]:
    return [r.method for r in comparisons[0].results]


def _listed(
    comparisons: Sequence[Comparison], method: str, cell: Callable[[MethodResult, int], str]
) -> str:
    cells = [cell(r, c.questions) for c in comparisons for r in c.results if r.method == method]
    return ", ".join(cells[:-1]) + f" and {cells[-1]}" if len(cells) > 1 else cells[0]


def _recall_sentence(comparisons: Sequence[Comparison]) -> str:
    def hits(result: MethodResult, count: int) -> str:
        return f"{round(result.quality.recall_at_k * count)}/{count}"

    def mrr(result: MethodResult, _: int) -> str:
        return f"{result.quality.mrr:.2f}"

    sets = "; ".join(f"{c.questions_label} on {c.corpus_label}" for c in comparisons)
    system, bm25, chunks = _methods(comparisons)
    return (
        f"Over the {len(comparisons)} sets ({sets}) {system} has an expected fragment in its top "
        f"{K} for {_listed(comparisons, system, hits)} questions, {bm25} for "
        f"{_listed(comparisons, bm25, hits)} and the {chunks} for "
        f"{_listed(comparisons, chunks, hits)}; MRR {_listed(comparisons, system, mrr)} against "
        f"{_listed(comparisons, bm25, mrr)} for {bm25} and {_listed(comparisons, chunks, mrr)} for "
        f"the {chunks}."
    )


def _region_sentence(comparisons: Sequence[Comparison]) -> str:
    def f1(result: MethodResult, _: int) -> str:
        return f"{result.quality.region_f1:.2f}"

    system, bm25, chunks = _methods(comparisons)
    ahead = all(
        c.results[0].quality.region_f1 >= max(r.quality.region_f1 for r in c.results[1:])
        for c in comparisons
    )
    verdict = "at or above both baselines in every set" if ahead else "not ahead in every set"
    return (
        f"Region F1 is {_listed(comparisons, system, f1)} for {system}, {verdict} ({bm25} "
        f"{_listed(comparisons, bm25, f1)}, {chunks} {_listed(comparisons, chunks, f1)}); a "
        f"baseline's regions are every place its {K} passages name, which is what a reader of "
        "a plain ranking would be left with."
    )


def _span(results: Sequence[MethodResult]) -> str:
    values = sorted(r.latency.p95_ms for r in results)
    low, high = values[0], values[-1]
    return f"{low:.1f}" if f"{low:.1f}" == f"{high:.1f}" else f"{low:.1f}–{high:.1f}"


def _latency_sentence(comparisons: Sequence[Comparison]) -> str:
    system, bm25, chunks = _methods(comparisons)
    mine = _column(comparisons, system)
    others = [*_column(comparisons, bm25), *_column(comparisons, chunks)]
    slower = min(r.latency.p95_ms for r in mine) > max(r.latency.p95_ms for r in others)
    lead = "The price is latency" if slower else "Latency"
    why = (
        ", since `ask` parses the question, runs two or more hybrid searches and composes a "
        "cited answer"
        if slower
        else ""
    )
    return (
        f"{lead}: {SYSTEM} p95 is {_span(mine)} ms per question against {_span(_column(comparisons, bm25))} "
        f"ms for {bm25} and {_span(_column(comparisons, chunks))} ms for the {chunks}{why}."
    )


def _large_sentence(large: LargeResult) -> str:
    stats, quality = large.ingest, large.with_corpus
    return (
        f"The {stats.documents} government work reports ({stats.chars:,} characters, "
        f"{stats.provisions:,} provisions) ingest in {stats.seconds:.0f} s "
        f"({stats.chars_per_s:,.0f} chars/s, {stats.provisions_per_s:,.0f} provisions/s) with a "
        f"peak RSS of {large.peak_rss_mb:,.0f} MB; `ask` over them runs at p95 "
        f"{large.ask_latency.p95_ms:.0f} ms, and with the real texts among them the dev questions "
        f"score Recall@{K} {quality.recall_at_k:.2f} and region F1 {quality.region_f1:.2f}."
    )


def _synthetic_sentence(synthetic: SyntheticResult | None) -> str:
    if synthetic is None:
        return ""
    fused, lexical, dense = synthetic.search, synthetic.lexical, synthetic.dense
    met = "within" if fused.p95_ms < P95_TARGET_MS else "over"
    share = "most" if lexical.p95_ms > dense.p95_ms else "the smaller part"
    return (
        f"At {synthetic.provisions:,} synthetic provisions the fused search has p95 "
        f"{fused.p95_ms:.0f} ms, {met} the {P95_TARGET_MS:.0f} ms target; BM25 alone takes p95 "
        f"{lexical.p95_ms:.0f} ms and dense ({synthetic.faiss_kind}) {dense.p95_ms:.0f} ms, so "
        f"the lexical side is {share} of it."
    )


def _contention_sentence(contention: Sequence[tuple[str, float]]) -> str:
    busy = [f"{phase} {share:.0%}" for phase, share in contention if share > CONTENTION_NOTE]
    if not busy:
        return ""
    return (
        f"Other processes used part of the two cores during this run ({', '.join(busy)} of all "
        "cores), so the timings of those parts may be inflated."
    )
