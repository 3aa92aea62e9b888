"""Timing, memory and disk measurements shared by every benchmark."""

from __future__ import annotations

import resource
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import psutil

# Each question is timed this many times after the warm pass; its latency is the
# median, so a moment of contention on two cores does not become a p95.
ROUNDS = 5


@dataclass(frozen=True, slots=True)
class Latency:
    p50_ms: float
    p95_ms: float
    questions: int


def time_calls(call: Callable[[str], object], questions: Sequence[str]) -> Latency:
    """p50/p95 over questions of each one's median latency in a warm process.

    Every question is called once untimed first, then ``ROUNDS`` times timed.
    """
    for question in questions:
        call(question)
    rounds = [[_milliseconds(call, question) for question in questions] for _ in range(ROUNDS)]
    per_question = np.median(np.array(rounds), axis=0)
    p50, p95 = np.percentile(per_question, [50, 95])
    return Latency(float(p50), float(p95), len(questions))


def _milliseconds(call: Callable[[str], object], question: str) -> float:
    start = time.perf_counter()
    call(question)
    return (time.perf_counter() - start) * 1000


def rss_mb() -> float:
    return float(psutil.Process().memory_info().rss) / 2**20


def peak_rss_mb() -> float:
    """The process's peak resident set so far (Linux reports ``ru_maxrss`` in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def disk_bytes(path: Path) -> int:
    """Bytes on disk of a file or a folder tree, like ``du`` (allocated blocks)."""
    if not path.exists():
        return 0
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_blocks * 512 for p in files)


@dataclass(frozen=True, slots=True)
class CpuSnapshot:
    wall: float
    busy: float  # CPU seconds of every process on the machine
    own: float  # CPU seconds of this process and the children it has reaped


def cpu_snapshot() -> CpuSnapshot:
    times = psutil.cpu_times()
    own = psutil.Process().cpu_times()
    return CpuSnapshot(
        time.perf_counter(),
        sum(times) - times.idle - getattr(times, "iowait", 0.0),
        own.user + own.system + own.children_user + own.children_system,
    )


def other_cpu_share(since: CpuSnapshot) -> float:
    """The share of all cores other processes used since ``since`` (0 on an idle machine)."""
    now = cpu_snapshot()
    other = (now.busy - since.busy) - (now.own - since.own)
    capacity = (now.wall - since.wall) * (psutil.cpu_count() or 1)
    return max(other, 0.0) / capacity if capacity > 0 else 0.0
