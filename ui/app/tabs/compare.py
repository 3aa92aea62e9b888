"""The Compare tab: a region × incentive-type table with numbered citations, and its CSV."""

from __future__ import annotations

from typing import Any

import gradio as gr

from policykg.ingest.vocab import load_vocabulary
from policykg.kg.compare import Comparison, compare, write_comparison_csv
from policykg.ui.app.views import type_labels
from policykg.ui.app.wiring import Work, on
from policykg.ui.app.workspace import Workspace, region_choices


def build(workspace: Workspace) -> None:
    """Region and type pickers, the table, its citations and the CSV download."""
    with gr.Tab("Compare", id="compare"):
        with gr.Row():
            regions = gr.Dropdown(label="Regions", multiselect=True, choices=[])
            kinds = gr.CheckboxGroup(
                [(label, code) for code, label in type_labels().items()],
                label="Incentive types (none = all)",
            )
        run = gr.Button("Compare", variant="primary")
        table = gr.Dataframe(label="Region × incentive type", wrap=True, elem_id="pk-compare-table")
        sources = gr.Dataframe(
            headers=["#", "quote", "document", "span"], label="Citations", wrap=True
        )
        download = gr.File(label="Download CSV", elem_id="pk-compare-csv")
    outputs = [table, sources, download]
    on(workspace, run.click, show_comparison, [regions, kinds], outputs, work=Work.BROWSE)
    on(workspace, None, fill_regions, None, regions, work=Work.BROWSE)


def fill_regions(workspace: Workspace) -> Any:
    """On page load: the regions the library mentions."""
    return gr.update(choices=region_choices(workspace))


def show_comparison(workspace: Workspace, codes: list[str], types: list[str]) -> tuple[Any, ...]:
    """The table with headers named by type, its citations, and the CSV's path."""
    table, cited, path = compare_table(workspace, codes, types)
    labels = type_labels()
    headers = ["region"] + [labels[t] for t in (types or list(labels))]
    return gr.update(value=table, headers=headers), cited, path


def compare_table(
    workspace: Workspace, codes: list[str], types: list[str]
) -> tuple[list[list[str]], list[list[str]], str | None]:
    """Rows of measures per (region, type) with [n] markers, the numbered sources, the CSV."""
    if not codes:
        return [], [], None
    vocab = load_vocabulary()
    kinds = [vocab.type(t).code for t in types] or list(vocab.codes)
    library = workspace.library
    result = compare(library.graph, library.store, library.gazetteer, codes)
    names = {c: library.gazetteer.path_zh(c)[-1] for c in codes}
    sources: list[list[str]] = []
    table = [
        [names[code]] + [_cell(result, code, kind, sources) for kind in kinds] for code in codes
    ]
    path = workspace.downloads / "comparison.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        write_comparison_csv(result, names, handle)
    return table, sources, str(path)


def _cell(result: Comparison, code: str, kind: str, sources: list[list[str]]) -> str:
    """The measures of one cell; each citation appended to ``sources`` and marked [n]."""
    cells = []
    for measure in result.cell(code, kind):
        marker = ""
        if measure.citation is not None:
            citation = measure.citation
            span = f"{citation.start}–{citation.end}"
            sources.append([str(len(sources) + 1), citation.quote, citation.doc_title, span])
            marker = f" [{len(sources)}]"
        cells.append(measure.label_zh + marker)
    return "；".join(cells) or "—"
