"""The embedded graph store against an Oxigraph server, side by side.

``python -m benchmarks.server`` ingests the same corpus (the bundled article and
``corpus-real``, then also the 72 government work reports) into two libraries, one
embedded and one with its graph on ``oxigraph serve`` over loopback, and times
the ingest and the graph's read paths: the bundled SPARQL queries, a comparison,
SHACL validation and a Turtle export. Results go to ``docs/server-backend.md``.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from benchmarks.local_servers import start_oxigraph, stop

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
REPEATS = 5
NOTE = (
    "Embedded SPARQL times include starting the separate read-only process that every user quer"
    "y runs in (about 0.2 s each), so a runaway query can be killed; `compare` and the app's ow"
    "n reads run in-process. On the server the query runs in the server."
)


def median_ms(action: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return round(float(np.median(times)), 1)


def measure(store: str, data_dir: Path, folders: list[Path]) -> dict[str, float]:
    from policykg.ingest.settings import Settings
    from policykg.ingest.storeurl import parse_store
    from policykg.kg.compare import compare
    from policykg.kg.export import ExportFormat, export
    from policykg.kg.sparql import run_query
    from policykg.kg.validate import validate_graph
    from policykg.library import Library

    library = Library(Settings(data_dir=data_dir, store=parse_store(store)))
    library.index.embedder.encode(["预热"])
    started = time.perf_counter()
    library.ingest(folders)
    result: dict[str, float] = {"ingest_s": round(time.perf_counter() - started, 1)}
    result["triples"] = library.graph.triple_count()
    queries = sorted((REPO / "kg" / "queries").glob("*.rq"))
    texts = [q.read_text(encoding="utf-8") for q in queries]
    result["sparql_queries_ms"] = median_ms(lambda: [run_query(library.graph, t) for t in texts])
    graph, store_, gazetteer = library.graph, library.store, library.gazetteer
    result["compare_ms"] = median_ms(
        lambda: compare(graph, store_, gazetteer, ["310000", "330000"])
    )
    started = time.perf_counter()
    validate_graph(library.graph, library.store)
    result["validate_s"] = round(time.perf_counter() - started, 1)
    started = time.perf_counter()
    export(library.graph, ExportFormat.TURTLE, data_dir / "export.ttl")
    result["export_turtle_s"] = round(time.perf_counter() - started, 1)
    library.close()
    return result


def main() -> None:
    if not (SHARED / "corpus-real").exists():
        print("../shared is absent: nothing to measure")
        return
    large = SHARED / "corpus-large" / "government_work_reports.jsonl"
    rows: list[tuple[str, str, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        reports = root / "reports"
        reports.mkdir()
        for number, line in enumerate(large.read_text(encoding="utf-8").splitlines()):
            record = json.loads(line)
            text = f"{record['title']}\n{record['content']}"
            (reports / f"report-{number:02d}.txt").write_text(text, encoding="utf-8")
        corpora = [
            ("seed + real (21 documents)", [REPO / "corpus", SHARED / "corpus-real"]),
            (
                "+ 72 work reports (93 documents)",
                [REPO / "corpus", SHARED / "corpus-real", reports],
            ),
        ]
        for name, folders in corpora:
            label = name.replace(" ", "-").replace("(", "").replace(")", "")
            embedded = measure("embedded", root / f"embedded-{label}", folders)
            server, url = start_oxigraph(root / f"oxigraph-{label}")
            try:
                remote = measure(url, root / f"remote-{label}", folders)
            finally:
                stop(server)
            rows += [(name, "embedded (Oxigraph in the data dir)", embedded)]
            rows += [(name, "Oxigraph server over loopback", remote)]
            print(json.dumps({"corpus": name, "embedded": embedded, "server": remote}))
    write_report(rows)


def write_report(rows: list[tuple[str, str, dict[str, float]]]) -> None:
    lines = [
        "# Graph on a SPARQL server vs embedded",
        "",
        "Written by `python -m benchmarks.server`: the same corpus ingested into two libraries, "
        "one with the embedded graph and one with its graph on `oxigraph serve "
        "--union-default-graph` over loopback (same machine). Ingest is the whole pipeline "
        "(embedding included, which both share); read times are medians of "
        f"{REPEATS} runs for the four bundled SPARQL queries together and for "
        "`compare 上海 浙江`; validation (SHACL and every quote) and a Turtle export once.",
        "",
        f"- Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; machine: 2 cores, 24 GiB",
        "",
        "| corpus | graph store | ingest (s) | triples | 4 SPARQL queries (ms) | compare (ms) "
        "| validate (s) | Turtle export (s) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for corpus, store, r in rows:
        lines.append(
            f"| {corpus} | {store} | {r['ingest_s']} | {int(r['triples']):,} "
            f"| {r['sparql_queries_ms']} | {r['compare_ms']} | {r['validate_s']} "
            f"| {r['export_turtle_s']} |"
        )
    lines += ["", NOTE]
    (REPO / "docs" / "server-backend.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
