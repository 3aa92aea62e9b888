"""Everything one benchmark run measured, in one record for the report."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.gold import GoldScore
from benchmarks.peers_records import PeersResult
from benchmarks.quality import BaselineBuild, Comparison, IngestStats
from benchmarks.scale import LargeResult, SyntheticResult


@dataclass(frozen=True, slots=True)
class Platform:
    date: str
    cores: int
    cpu: str
    memory_gib: float
    python: str
    packages: tuple[tuple[str, str], ...]  # (name, version)
    # Other work on two cores inflates every latency; the report shows how busy it was.
    load_at_start: tuple[float, float, float]


@dataclass(frozen=True, slots=True)
class Results:
    platform: Platform
    seconds: float
    load_at_end: tuple[float, float, float]
    # (phase, share of all cores other processes used meanwhile): 0 means the figures are clean.
    contention: tuple[tuple[str, float], ...]
    gold: GoldScore
    ingests: tuple[tuple[IngestStats, BaselineBuild], ...]
    comparisons: tuple[Comparison, ...]
    large: LargeResult
    synthetic: SyntheticResult | None  # None with --quick
    peers: PeersResult  # policykg now, as shipped before, and haystack-ai (A/B/A)
