"""A load test: concurrent clients asking `policykg serve` through its `/ask` API.

Run as ``python -m benchmarks.load [--clients 16] [--seconds 60]``: it starts a real
server on loopback over a temporary data dir (the first start ingests corpus/),
drives it with gradio_client from several threads and prints throughput,
latency percentiles and errors. The tests run the same function, shorter.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from benchmarks.local_servers import start_policykg, stop

REPO = Path(__file__).resolve().parent.parent
QUESTIONS = (
    "哪些地区实行协议年薪？",
    "Which regions use negotiated annual salaries?",
    "浙江省明确了多少种具体容错情形？",
    "上海和浙江在物质激励方面有何不同?",
    "Which county runs a 'cadre star' selection?",
    "对江苏推进干部跨区域交流有什么建议？",
)


@dataclass(frozen=True, slots=True)
class LoadResult:
    clients: int
    seconds: float
    requests: int
    errors: int
    first_error: str
    p50_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


def run_load(url: str, clients: int, seconds: float) -> LoadResult:
    """``clients`` threads, each with its own client, asking in a loop for ``seconds``."""
    from gradio_client import Client

    latencies: list[float] = []
    errors: list[str] = []
    guard = threading.Lock()
    deadline = time.monotonic() + seconds

    def client_loop(offset: int) -> None:
        try:
            client = Client(url, verbose=False)
        except Exception as error:  # counted: a client that cannot connect is an error
            with guard:
                errors.append(f"connect: {error}")
            return
        turn = offset
        while time.monotonic() < deadline:
            question = QUESTIONS[turn % len(QUESTIONS)]
            turn += 1
            started = time.perf_counter()
            try:
                answer = client.predict(question, api_name="/ask")
                ok = isinstance(answer, dict) and "answer" in answer and "error" not in answer
                problem = "" if ok else f"bad answer: {str(answer)[:120]}"
            except Exception as error:
                problem = f"{type(error).__name__}: {error}"
            elapsed = time.perf_counter() - started
            with guard:
                if problem:
                    errors.append(problem)
                else:
                    latencies.append(elapsed)

    started = time.monotonic()
    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    values = np.array(latencies or [0.0]) * 1000
    return LoadResult(
        clients=clients,
        seconds=round(elapsed, 1),
        requests=len(latencies),
        errors=len(errors),
        first_error=errors[0] if errors else "",
        p50_ms=round(float(np.percentile(values, 50)), 1),
        p95_ms=round(float(np.percentile(values, 95)), 1),
        p99_ms=round(float(np.percentile(values, 99)), 1),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--report", help="also write a markdown report here")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        process, url = start_policykg(Path(folder))
        try:
            result = run_load(url, arguments.clients, arguments.seconds)
        finally:
            stop(process)
    summary = {**asdict(result), "throughput_per_s": round(result.throughput, 2)}
    print(json.dumps(summary, ensure_ascii=False))
    if arguments.report:
        write_report(result, Path(arguments.report))


def write_report(result: LoadResult, target: Path) -> None:
    lines = [
        "# Load test",
        "",
        "Written by `python -m benchmarks.load --report docs/load-test.md`: a real `policykg serve` "
        "on loopback over the bundled corpus, each client a `gradio_client.Client` in its own "
        "thread asking `/ask` in a loop (six dev questions in turn).",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; machine: 2 cores, 24 GiB",
        "",
        "| clients | seconds | requests | errors | throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
        f"| {result.clients} | {result.seconds} | {result.requests} | {result.errors} "
        f"| {result.throughput:.2f} | {result.p50_ms} | {result.p95_ms} | {result.p99_ms} |",
        "",
    ]
    if result.first_error:
        lines.append(f"First error: `{result.first_error}`")
    target.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
