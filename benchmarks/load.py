"""A load test: concurrent clients asking `policykg serve` through its `/ask` API.

Run as ``python -m benchmarks.load [--clients 16] [--seconds 60]``: it starts a real
server on loopback over a temporary data dir (the first start ingests corpus/),
drives it with gradio_client from several threads and prints throughput,
latency percentiles and errors. The tests run the same function, shorter.

``--runaway-sparql`` runs the askers twice: alone, then while another client keeps
a runaway SPARQL query (one that only the time limit stops) running through
``/sparql``, and reports the askers' percentiles side by side.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
# Every combination of three triples: it runs until the server's time limit stops it.
RUNAWAY_SPARQL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


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


@contextmanager
def runaway_sparql(url: str) -> Iterator[list[str]]:
    """A client keeping a runaway query running on ``/sparql`` until the block ends.

    Yields the statuses of the queries finished so far (each one stopped at the
    server's limit). The first query is running before the block's body starts.
    """
    from gradio_client import Client
    from gradio_client.utils import Status

    client = Client(url, verbose=False)
    statuses: list[str] = []
    done = threading.Event()
    job = client.submit(RUNAWAY_SPARQL, api_name="/sparql")
    while job.status().code is not Status.PROCESSING and not job.done():
        time.sleep(0.05)

    def keep_running() -> None:
        current = job
        while True:
            try:
                statuses.append(str(current.result()[1]))
            except Exception:  # the server stopped under the last query: the run is over
                return
            if done.is_set():
                return
            current = client.submit(RUNAWAY_SPARQL, api_name="/sparql")

    thread = threading.Thread(target=keep_running, daemon=True)
    thread.start()
    try:
        yield statuses
    finally:
        done.set()  # the query running now ends at its limit; the server stops after


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--runaway-sparql",
        action="store_true",
        help="also ask while a runaway SPARQL query runs, and compare",
    )
    parser.add_argument("--report", help="also write a markdown report here")
    arguments = parser.parse_args()
    runs: list[tuple[str, LoadResult]] = []
    with tempfile.TemporaryDirectory() as folder:
        process, url = start_policykg(Path(folder))
        try:
            runs.append(("askers alone", run_load(url, arguments.clients, arguments.seconds)))
            if arguments.runaway_sparql:
                with runaway_sparql(url) as statuses:
                    result = run_load(url, arguments.clients, arguments.seconds)
                runs.append((f"askers + runaway SPARQL ({len(statuses)} stopped)", result))
        finally:
            stop(process)
    for label, result in runs:
        summary = {"run": label, **asdict(result), "throughput_per_s": round(result.throughput, 2)}
        print(json.dumps(summary, ensure_ascii=False))
    if arguments.report:
        write_report(runs, Path(arguments.report))


def write_report(runs: list[tuple[str, LoadResult]], target: Path) -> None:
    lines = [
        "# Load test",
        "",
        "Written by `python -m benchmarks.load --report docs/load-test.md`: a real `policykg serve` "
        "on loopback over the bundled corpus, each client a `gradio_client.Client` in its own "
        "thread asking `/ask` in a loop (six dev questions in turn). With `--runaway-sparql` "
        "the askers run a second time while one more client keeps a runaway SPARQL query "
        f"(`{RUNAWAY_SPARQL}`) running through `/sparql`, each stopped at the server's "
        "time limit (`sparql_timeout_s`, 30 s) and sent again.",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; machine: 2 cores, 24 GiB",
        "",
        "| run | clients | seconds | requests | errors | throughput (req/s) "
        "| p50 (ms) | p95 (ms) | p99 (ms) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for label, result in runs:
        lines.append(
            f"| {label} | {result.clients} | {result.seconds} | {result.requests} "
            f"| {result.errors} | {result.throughput:.2f} | {result.p50_ms} | {result.p95_ms} "
            f"| {result.p99_ms} |"
        )
    lines.append("")
    for label, result in runs:
        if result.first_error:
            lines.append(f"First error ({label}): `{result.first_error}`")
    target.write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
