"""The cost curve: how ingest and queries grow with the corpus, stage by stage.

``python -m benchmarks.cost`` ingests four corpora, each in a fresh process (so
peak memory is its own): 1× = the bundled article plus ``corpus-real`` (the real
corpus), 10× and 40× = government work reports from ``corpus-large`` up to that
many characters (40× is all 72), and 100× = synthetic documents made of the
reports' sentences, shuffled with a fixed seed. Each run times every stage of
the real pipeline, then asks the dev questions in the warm process. Results go
to ``docs/cost-curve.md`` and ``docs/cost-curve.png``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from benchmarks.measure import disk_bytes, peak_rss_mb

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
LARGE = SHARED / "corpus-large" / "government_work_reports.jsonl"
DEV = SHARED / "eval" / "dev_questions.jsonl"
DOCS = REPO / "docs"
STAGES = (
    "reading",
    "regions",
    "structure",
    "extraction",
    "store",
    "graph",
    "segmentation",
    "embedding",
    "indexing",
)
SCALES = (1, 10, 40, 100)


@dataclass(slots=True)
class CostPoint:
    scale: int
    documents: int = 0
    characters: int = 0
    provisions: int = 0
    seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)
    peak_rss_mb: float = 0.0
    disk_mb: dict[str, float] = field(default_factory=dict)
    ask_p50_ms: float = 0.0
    ask_p95_ms: float = 0.0


def write_corpus(scale: int, folder: Path) -> None:
    """The documents of one scale, written as .txt files into ``folder``."""
    folder.mkdir(parents=True)
    real = [REPO / "corpus" / "yangtze-delta-cadre-incentives.txt"]
    real += sorted((SHARED / "corpus-real").glob("*.txt"))
    base = sum(len(p.read_text(encoding="utf-8")) for p in real)
    if scale == 1:
        for path in real:
            (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        return
    reports = [json.loads(line) for line in LARGE.read_text(encoding="utf-8").splitlines() if line]
    target = base * scale
    if scale <= 40:
        written = 0
        for number, report in enumerate(reports):
            text = f"{report['title']}\n{report['content']}"
            (folder / f"report-{number:02d}.txt").write_text(text, encoding="utf-8")
            written += len(text)
            if written >= target:
                break
        return
    sentences = [
        s.strip()
        for report in reports
        for s in re.split(r"(?<=[。！？])|\n", report["content"])
        if len(s.strip()) >= 8
    ]
    rng = random.Random(20261128)
    written, number = 0, 0
    while written < target:
        picked = rng.sample(sentences, 300)
        text = f"合成文件{number}\n" + "\n".join(picked) + "\n"
        (folder / f"synthetic-{number:04d}.txt").write_text(text, encoding="utf-8")
        written += len(text)
        number += 1


def measure(scale: int, folder: Path, data_dir: Path) -> CostPoint:
    """Ingest ``folder`` stage by stage (the pipeline's own functions), then ask."""
    import numpy as np

    from policykg.ingest.extract import extract_measures
    from policykg.ingest.gazetteer import load_gazetteer
    from policykg.ingest.models import ParsedDocument
    from policykg.ingest.pipeline import with_document_region
    from policykg.ingest.readers import iter_source_files, read_document
    from policykg.ingest.regions import link_regions
    from policykg.ingest.settings import Settings
    from policykg.ingest.structure import parse_structure
    from policykg.ingest.vocab import load_vocabulary
    from policykg.library import Library
    from policykg.retrieval.ask import ask
    from policykg.retrieval.lexical import index_tokens

    settings = Settings(data_dir=data_dir)
    library = Library(settings)  # models, gazetteer and dictionary load here, untimed
    gazetteer, vocab = load_gazetteer(), load_vocabulary()
    library.index.embedder.encode(["预热"])
    point = CostPoint(scale)
    stages: dict[str, float] = defaultdict(float)
    clock = time.perf_counter
    started = clock()
    for path in iter_source_files([folder]):
        t = clock()
        document = read_document(path, settings)
        t, stages["reading"] = clock(), stages["reading"] + clock() - t
        mentions = tuple(link_regions(document.text, gazetteer))
        document = with_document_region(document, mentions)
        t, stages["regions"] = clock(), stages["regions"] + clock() - t
        sections, provisions = parse_structure(document.doc_id, document.text, document.meta.title)
        t, stages["structure"] = clock(), stages["structure"] + clock() - t
        measures = extract_measures(document, sections, provisions, mentions, gazetteer, vocab)
        t, stages["extraction"] = clock(), stages["extraction"] + clock() - t
        parsed = ParsedDocument(document, sections, provisions, mentions, measures)
        library.store.add(parsed)
        t, stages["store"] = clock(), stages["store"] + clock() - t
        library.graph.add_document(parsed)
        t, stages["graph"] = clock(), stages["graph"] + clock() - t
        tokens = [index_tokens(p.text, library.index.segmenter) for p in provisions]
        t, stages["segmentation"] = clock(), stages["segmentation"] + clock() - t
        vectors = library.index.embedder.encode([p.text for p in provisions])
        t, stages["embedding"] = clock(), stages["embedding"] + clock() - t
        library.index.add_encoded(
            document.doc_id, [p.provision_id for p in provisions], tokens, vectors
        )
        stages["indexing"] += clock() - t
        point.documents += 1
        point.characters += len(document.text)
        point.provisions += len(provisions)
    t = clock()
    library.index.save()
    stages["indexing"] += clock() - t
    point.seconds = round(clock() - started, 2)
    point.stages = {stage: round(stages[stage], 2) for stage in STAGES}
    questions = [json.loads(line)["question"] for line in DEV.read_text("utf-8").splitlines()]
    ask(library, questions[0])  # warm: catalog and BM25 matrices
    latencies = []
    for question in questions:
        t = clock()
        ask(library, question)
        latencies.append((clock() - t) * 1000)
    point.ask_p50_ms = round(float(np.percentile(latencies, 50)), 1)
    point.ask_p95_ms = round(float(np.percentile(latencies, 95)), 1)
    library.close()
    point.disk_mb = {
        name: round(disk_bytes(data_dir / name) / 2**20, 1)
        for name in ("policykg.sqlite", "graph", "index")
    }
    point.peak_rss_mb = round(peak_rss_mb(), 1)
    return point


def run_scale(scale: int) -> CostPoint:
    """One scale in a fresh process, so its peak memory is its own."""
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.cost", "--one", str(scale)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    return CostPoint(**json.loads(result.stdout.strip().splitlines()[-1]))


def write_report(points: list[CostPoint]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    DOCS.mkdir(exist_ok=True)
    figure, (left, middle, right) = plt.subplots(1, 3, figsize=(15, 4.5))
    chars = [p.characters / 1e6 for p in points]
    bottom = [0.0] * len(points)
    for stage in STAGES:
        values = [p.stages[stage] for p in points]
        left.bar([str(p.scale) + "×" for p in points], values, bottom=bottom, label=stage)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    left.set(title="Ingest time by stage", ylabel="seconds", xlabel="corpus scale")
    left.legend(fontsize=7)
    middle.plot(chars, [p.peak_rss_mb for p in points], "o-", label="peak RSS")
    middle.plot(chars, [sum(p.disk_mb.values()) for p in points], "s-", label="on disk")
    middle.set(title="Memory and disk", xlabel="million characters", ylabel="MB")
    middle.legend()
    right.plot(chars, [p.ask_p50_ms for p in points], "o-", label="p50")
    right.plot(chars, [p.ask_p95_ms for p in points], "s-", label="p95")
    right.axhline(100, color="grey", linestyle="--", label="100 ms target")
    right.set(title="Warm question latency (ask)", xlabel="million characters", ylabel="ms")
    right.legend()
    figure.tight_layout()
    figure.savefig(DOCS / "cost-curve.png", dpi=110)

    lines = [
        "# Cost curve",
        "",
        "Written by `python -m benchmarks.cost`; every figure comes from one run, each scale in "
        "its own process (see the module docstring for the corpora).",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; machine: 2 cores, 24 GiB",
        "- Stage seconds are wall time inside the real pipeline functions; `indexing` is FAISS and "
        "BM25 bookkeeping plus the final atomic save.",
        "",
        "![cost curve](cost-curve.png)",
        "",
        "| scale | documents | characters | provisions | ingest (s) | chars/s | provisions/s "
        "| peak RSS (MB) | disk (MB) | ask p50 (ms) | ask p95 (ms) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for p in points:
        lines.append(
            f"| {p.scale}× | {p.documents} | {p.characters:,} | {p.provisions:,} | {p.seconds} "
            f"| {p.characters / p.seconds:,.0f} | {p.provisions / p.seconds:,.0f} "
            f"| {p.peak_rss_mb:,.0f} | {sum(p.disk_mb.values()):,.1f} | {p.ask_p50_ms} "
            f"| {p.ask_p95_ms} |"
        )
    lines += ["", "Seconds per stage:", "", "| scale | " + " | ".join(STAGES) + " |"]
    lines.append("| --- " * (len(STAGES) + 1) + "|")
    for p in points:
        shares = " | ".join(f"{p.stages[s]} ({100 * p.stages[s] / p.seconds:.0f}%)" for s in STAGES)
        lines.append(f"| {p.scale}× | {shares} |")
    lines += ["", "Disk (MB): " + "; ".join(f"{p.scale}×: {p.disk_mb}" for p in points), ""]
    (DOCS / "cost-curve.md").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--one", type=int, help="measure one scale (used internally)")
    parser.add_argument("--scales", type=int, nargs="*", default=list(SCALES))
    arguments = parser.parse_args()
    if not LARGE.exists():
        print("../shared is absent: nothing to measure")
        return
    if arguments.one:
        with tempfile.TemporaryDirectory() as folder:
            write_corpus(arguments.one, Path(folder) / "in")
            point = measure(arguments.one, Path(folder) / "in", Path(folder) / "data")
        print(json.dumps(asdict(point)))
        return
    points = []
    for scale in arguments.scales:
        point = run_scale(scale)
        print(json.dumps(asdict(point)), flush=True)
        points.append(point)
    write_report(points)


if __name__ == "__main__":
    main()
