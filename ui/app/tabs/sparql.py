"""The SPARQL tab: the bundled example queries and a read-only query box."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import gradio as gr

from policykg.kg.sparql import QueryRefused, run_query
from policykg.ui.app.wiring import Work, on
from policykg.ui.app.workspace import Workspace

QUERIES = Path(str(resources.files("policykg.kg").joinpath("queries")))


def example_queries() -> dict[str, str]:
    """Example name (the file's stem) → query text, from the bundled ``kg/queries/``."""
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(QUERIES.glob("*.rq"))}


def build(workspace: Workspace) -> None:
    """An example picker, the query box, Run, and the results."""
    queries = example_queries()
    with gr.Tab("SPARQL", id="sparql"):
        example = gr.Dropdown(list(queries), label="Example queries")
        query = gr.Code(language="sql", label="Read-only SPARQL", lines=10)
        run = gr.Button("Run", variant="primary")
        status = gr.Markdown()
        results = gr.Dataframe(label="Results", wrap=True)

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


def sparql(workspace: Workspace, query: str) -> tuple[Any, str]:
    """The result table and a row count, or the reason the query was refused.

    Reads beside questions; stopped at the settings' limit, or at once when a change
    to the library (an upload, a removal) waits for it.
    """
    library = workspace.library
    try:
        with workspace.lock.read(stoppable=True) as stop:
            table = run_query(library.graph, query, library.settings.sparql_timeout_s, stop)
    except QueryRefused as error:
        return gr.update(value=None), f"Refused: {error}"
    rows = [list(row) for row in table.rows]
    return gr.update(value=rows, headers=list(table.columns)), f"{len(rows)} rows"
