"""The SPARQL tab: the bundled example queries, a read-only query box, Run and Stop."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any

import gradio as gr

from policykg.kg.sparql import QueryRefused, Table, run_query
from policykg.ui.app.wiring import Work, on
from policykg.ui.app.workspace import Workspace

PROGRESS_EVERY_S = 0.5
QUERIES = Path(str(resources.files("policykg.kg").joinpath("queries")))


def example_queries() -> dict[str, str]:
    """Example name (the file's stem) → query text, from the bundled ``kg/queries/``."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(QUERIES.glob("*.rq"))}


def build(workspace: Workspace) -> None:
    """An example picker, the query box (opening on the first example), Run, Stop, results.

    While a query waits or runs, Gradio's progress overlay on the results shows its
    queue position or its running time; Stop ends this session's query at once.
    """
    queries = example_queries()
    first = next(iter(queries), None)
    limit = workspace.settings.sparql_timeout_s
    with gr.Tab("SPARQL", id="sparql"):
        example = gr.Dropdown(list(queries), value=first, label="Example queries")
        query = gr.Code(
            value=queries.get(first or "", ""),
            language="sql",
            label="Read-only SPARQL",
            lines=10,
            elem_id="pk-sparql-query",
        )
        with gr.Row():
            run = gr.Button("Run", variant="primary", scale=4, elem_id="pk-sparql-run")
            stop = gr.Button("Stop", scale=1, elem_id="pk-sparql-stop")
        status = gr.Markdown(
            f"Read-only: a query is stopped after {limit:g} s, or when you press Stop.",
            elem_id="pk-sparql-status",
        )
        results = gr.Dataframe(label="Results", wrap=True, elem_id="pk-sparql-results")

    def example_text(_: Workspace, name: str | None) -> str:
        return queries.get(name or "", "")

    on(workspace, example.change, example_text, example, query, work=Work.BROWSE, locked=False)
    # Public as /sparql: the same read-only, time-limited query as the Run button. It takes
    # the lock itself, as a reader that a waiting change stops.
    outputs = [results, status]
    on(
        workspace,
        run.click,
        sparql,
        query,
        outputs,
        work=Work.SPARQL,
        api_name="sparql",
        locked=False,
    )
    # Outside the SPARQL lane, which the running query fills.
    on(workspace, stop.click, stop_query, None, status, work=Work.BROWSE, locked=False)


def sparql(
    workspace: Workspace,
    query: str,
    request: gr.Request,
    progress: gr.Progress = gr.Progress(),  # noqa: B008 - Gradio finds the tracker by this default
) -> tuple[Any, str]:
    """The result table and a row count, or the reason the query was refused.

    Reads beside questions; stopped at the settings' limit, at once when a change
    to the library (an upload, a removal) waits for it, or when its session's
    Stop button is pressed.
    """
    if not (query or "").strip():
        return gr.update(value=None), "Write a query, or pick an example, first."
    library = workspace.library
    session = _session(request)
    limit = library.settings.sparql_timeout_s
    try:
        with (
            workspace.lock.read(stoppable=True) as stop,
            workspace.queries.running(session, stop) as cancelled,
        ):
            try:
                table = _watched(
                    lambda: run_query(library.graph, query, limit, stop), limit, progress
                )
            except QueryRefused:
                if cancelled():
                    return gr.update(value=None), "Stopped: you cancelled the query."
                raise
    except QueryRefused as error:
        return gr.update(value=None), f"Refused: {error}"
    rows = [list(row) for row in table.rows]
    return gr.update(value=rows, headers=list(table.columns)), f"{len(rows)} rows"


def _watched(run: Callable[[], Table], limit: float, progress: gr.Progress) -> Table:
    """``run()`` in a thread; meanwhile the seconds it has run, out of its limit, over the results."""
    with ThreadPoolExecutor(1, thread_name_prefix="sparql-wait") as pool:
        future = pool.submit(run)
        started = time.monotonic()
        while True:
            try:
                return future.result(timeout=PROGRESS_EVERY_S)
            except TimeoutError:
                ran = min(int(time.monotonic() - started), int(limit))
                progress(
                    (ran, int(limit)),
                    desc=f"Running (share of the {limit:g}-s limit); Stop cancels it",
                    unit="s",
                )


def stop_query(workspace: Workspace, request: gr.Request) -> Any:
    """Stop this session's running query (its Run then says so); else say none runs."""
    if workspace.queries.cancel(_session(request)):
        return gr.skip()
    return "No query of yours is running."


def _session(request: gr.Request | None) -> str:
    return (request.session_hash if request is not None else None) or ""
