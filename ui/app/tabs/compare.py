"""The Compare tab: a matrix of incentive types × regions, numbered citations, and its CSV.

Regions are columns and incentive types rows, so four regions and eight types fit
a laptop screen with every cell wrapping. Each distinct quote is numbered once and
its number reused wherever it is cited; each source row says which regions and
measures cite it. Near-duplicate measures of one cell are merged for reading
(``policykg.kg.compare.merge_near_duplicates``); the CSV keeps every measure.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

import gradio as gr

from policykg.ingest.meta_fields import MetaFieldError, normalise_date
from policykg.ingest.models import Citation
from policykg.ingest.vocab import load_vocabulary
from policykg.kg.compare import MergedMeasure, merge_near_duplicates, write_comparison_csv
from policykg.ui.app.views import type_labels
from policykg.ui.app.wiring import Work, on
from policykg.ui.app.workspace import Workspace, region_choices
from policykg.ui.comparing import compare_in_force

# The matrix's and the sources' layout: fixed columns that share the width and wrap.
CSS = """
.pk-matrix, .pk-sources { width: 100%; table-layout: fixed; border-collapse: collapse; }
.pk-matrix th, .pk-matrix td, .pk-sources th, .pk-sources td {
  border: 1px solid #d9d9d9; padding: 4px 6px; vertical-align: top; text-align: left;
  overflow-wrap: anywhere; white-space: normal; }
.pk-matrix thead th, .pk-sources thead th { background: #f4f4f5; }
.pk-matrix .pk-type-col { width: 9em; }
.pk-matrix ul { margin: 0; padding-left: 1.1em; }
.pk-matrix li { margin: 0 0 2px 0; }
.pk-matrix small, .pk-sources small, .pk-empty { color: #71717a; }
.pk-matrix .pk-also { display: block; color: #71717a; font-size: 0.85em; }
.pk-sources .pk-n-col { width: 3em; } .pk-sources .pk-where-col { width: 16em; }
.pk-sources .pk-doc-col { width: 13em; } .pk-sources .pk-span-col { width: 6.5em; }
.pk-as-of { color: #3f3f46; margin: 0 0 4px 0; } .pk-error { color: #b91c1c; }
"""


@dataclass(frozen=True, slots=True)
class Source:
    """One distinct quote, numbered once, and every (region, measure) that cites it."""

    number: int
    citation: Citation
    cited_for: tuple[tuple[str, str], ...]  # (region name, measure label)


@dataclass(frozen=True, slots=True)
class Entry:
    """A measure in a cell, with the numbers of its sources."""

    measure: MergedMeasure
    numbers: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Matrix:
    """What the tab shows: regions as columns, types as rows, and the numbered sources."""

    regions: tuple[tuple[str, str, str], ...]  # (code, 中文名, English name)
    kinds: tuple[str, ...]
    cells: dict[tuple[str, str], tuple[Entry, ...]]
    sources: tuple[Source, ...]

    def cell(self, code: str, kind: str) -> tuple[Entry, ...]:
        return self.cells.get((code, kind), ())


def build(workspace: Workspace) -> None:
    """Region and type pickers, the matrix, its sources and the CSV download."""
    with gr.Tab("Compare", id="compare") as tab:
        with gr.Row():
            regions = gr.Dropdown(label="Regions", multiselect=True, choices=[])
            kinds = gr.CheckboxGroup(
                [(label, code) for code, label in type_labels().items()],
                label="Incentive types (none = all)",
            )
        with gr.Row():
            as_of = gr.Textbox(
                label="As of (YYYY-MM-DD; empty = today, the versions in force)",
                placeholder="YYYY-MM-DD",
                max_lines=1,
                elem_id="pk-compare-as-of",
            )
            run = gr.Button("Compare", variant="primary")
        table = gr.HTML(label="Incentive type × region", elem_id="pk-compare-table")
        sources = gr.HTML(label="Citations", elem_id="pk-compare-sources")
        download = gr.File(label="Download CSV", elem_id="pk-compare-csv")
    outputs = [table, sources, download]
    chosen = [regions, kinds, as_of]
    on(workspace, [run.click, as_of.submit], show_comparison, chosen, outputs, work=Work.BROWSE)
    # On page load and on every visit: an upload or a removal elsewhere changes the regions.
    on(workspace, None, fill_regions, None, regions, work=Work.BROWSE)
    on(workspace, tab.select, fill_regions, None, regions, work=Work.BROWSE)


def fill_regions(workspace: Workspace) -> Any:
    """The regions the library mentions now."""
    return gr.update(choices=region_choices(workspace))


def show_comparison(
    workspace: Workspace, codes: list[str], types: list[str], as_of: str = ""
) -> tuple[Any, ...]:
    """The matrix and its sources as HTML, and the CSV's path; as of a day when one is given
    (what ``policykg compare --as-of`` does), an unreadable day said instead."""
    try:
        day = normalise_date(as_of) if as_of and as_of.strip() else None
    except MetaFieldError as error:
        return f'<p class="pk-error" id="pk-compare-error">As of: {_e(str(error))}</p>', "", None
    matrix, path = compare_matrix(workspace, codes, types, day)
    if matrix is None:
        return '<p class="pk-empty">Pick one or more regions, then Compare.</p>', "", None
    return as_of_note(day) + matrix_html(matrix), sources_html(matrix), path


def as_of_note(day: str | None) -> str:
    """What the matrix is as of: today's versions in force, or those in force on ``day``."""
    if day is None:
        return ""
    return (
        f'<p class="pk-as-of" data-as-of="{_e(day)}">截至 {_e(day)} (as of {_e(day)}): the'
        " versions in force that day; documents made later are left out.</p>"
    )


def compare_matrix(
    workspace: Workspace, codes: list[str], types: list[str], as_of: str | None = None
) -> tuple[Matrix | None, str | None]:
    """The matrix of the chosen regions and types (all types when none), and the CSV; of
    the versions in force today, or on the ISO day ``as_of``."""
    if not codes:
        return None, None
    vocab = load_vocabulary()
    kinds = tuple(vocab.type(t).code for t in types) or tuple(vocab.codes)
    library = workspace.library
    result = compare_in_force(library, codes, as_of=as_of)
    names = {c: library.gazetteer.path_zh(c)[-1] for c in codes}
    english = {c: (r.name_en if (r := library.gazetteer.get(c)) else c) for c in codes}
    merged = {
        (code, kind): merge_near_duplicates(result.cell(code, kind))
        for code in codes
        for kind in kinds
    }
    regions = tuple((c, names[c], english[c]) for c in codes)
    matrix = number_sources(regions, kinds, merged)
    path = workspace.downloads / "comparison.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        write_comparison_csv(result, names, handle)
    return matrix, str(path)


def number_sources(
    regions: tuple[tuple[str, str, str], ...],
    kinds: tuple[str, ...],
    merged: dict[tuple[str, str], tuple[MergedMeasure, ...]],
) -> Matrix:
    """Number each distinct quote (same document, same text) once, in reading order.

    Reading order is row by row (type), left to right (region): the numbers rise
    down the page as the reader meets them.
    """
    numbers: dict[tuple[str, str], int] = {}
    citations: list[Citation] = []
    cited_for: list[list[tuple[str, str]]] = []
    cells: dict[tuple[str, str], tuple[Entry, ...]] = {}
    for kind in kinds:
        for code, name, _ in regions:
            entries = []
            for measure in merged.get((code, kind), ()):
                own = []
                for citation in measure.citations:
                    key = (citation.doc_id, citation.quote)
                    if key not in numbers:
                        numbers[key] = len(citations) + 1
                        citations.append(citation)
                        cited_for.append([])
                    number = numbers[key]
                    if (name, measure.label_zh) not in cited_for[number - 1]:
                        cited_for[number - 1].append((name, measure.label_zh))
                    own.append(number)
                entries.append(Entry(measure, tuple(sorted(set(own)))))
            cells[(code, kind)] = tuple(entries)
    sources = tuple(
        Source(n, c, tuple(w))
        for n, (c, w) in enumerate(zip(citations, cited_for, strict=True), start=1)
    )
    return Matrix(regions, kinds, cells, sources)


def compare_table(
    workspace: Workspace, codes: list[str], types: list[str], as_of: str | None = None
) -> tuple[list[list[str]], list[list[str]], str | None]:
    """The matrix as plain text: a row per region, the sources, the CSV's path.

    Cells read "measure [n]；measure [n]"; a source row is [n, quote, document,
    span, "region · measure; …"].
    """
    matrix, path = compare_matrix(workspace, codes, types, as_of)
    if matrix is None:
        return [], [], None
    table = [
        [name]
        + [
            "；".join(_entry_text(e) for e in matrix.cell(code, kind)) or "—"
            for kind in matrix.kinds
        ]
        for code, name, _ in matrix.regions
    ]
    sources = [
        [
            str(s.number),
            s.citation.quote,
            s.citation.doc_title,
            f"{s.citation.start}–{s.citation.end}",
            "; ".join(f"{region} · {label}" for region, label in s.cited_for),
        ]
        for s in matrix.sources
    ]
    return table, sources, path


def _entry_text(entry: Entry) -> str:
    return entry.measure.label_zh + "".join(f" [{n}]" for n in entry.numbers)


def matrix_html(matrix: Matrix) -> str:
    """The table: a header row of regions, a row per type with measures; all text escaped.

    Types no chosen region has are not given a row of dashes: they are named below it.
    """
    vocab = load_vocabulary()
    titles = {q.number: q.citation.quote for q in matrix.sources}
    head = "".join(
        f'<th scope="col">{_e(zh)}<br><small>{_e(en)}</small></th>' for _, zh, en in matrix.regions
    )
    rows, empty = [], []
    for kind in matrix.kinds:
        entry = vocab.type(kind)
        if not any(matrix.cell(code, kind) for code, _, _ in matrix.regions):
            empty.append(entry.label_zh)
            continue
        cells = "".join(
            f"<td>{_cell_html(matrix.cell(code, kind), name, titles)}</td>"
            for code, name, _ in matrix.regions
        )
        label = f"{_e(entry.label_zh)}<br><small>{_e(entry.label_en)}</small>"
        rows.append(f'<tr data-type="{_e(kind)}"><th scope="row">{label}</th>{cells}</tr>')
    columns = '<col class="pk-type-col">' + "<col>" * len(matrix.regions)
    table = (
        f'<table class="pk-matrix"><colgroup>{columns}</colgroup>'
        f'<thead><tr><th scope="col">激励类型 type</th>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    if empty:
        table += f'<p class="pk-empty">No measures found for: {_e("、".join(empty))}.</p>'
    return table


def _cell_html(entries: tuple[Entry, ...], region: str, titles: dict[int, str]) -> str:
    """The measures of one cell; the sub-regions holding one named when not the region itself."""
    if not entries:
        return '<span class="pk-empty">—</span>'
    items = []
    for entry in entries:
        measure = entry.measure
        marks = "".join(
            f'<a class="pk-cite" href="#pk-cite-{n}" title="{_e(titles[n])}">[{n}]</a>'
            for n in entry.numbers
        )
        others = [r for r in measure.regions if r != region]
        held = f" <small>({_e('、'.join(others))})</small>" if others else ""
        also = "".join(f'<span class="pk-also">= {_e(label)}</span>' for label in measure.also)
        outdated = bool(measure.citations) and all(c.in_force is False for c in measure.citations)
        # Only outdated versions state it: say so, as the answers do.
        old = (
            ' <small class="pk-outdated">(已失效版本 outdated version)</small>' if outdated else ""
        )
        items.append(f"<li>{_e(measure.label_zh)} {marks}{held}{old}{also}</li>")
    return f"<ul>{''.join(items)}</ul>"


def sources_html(matrix: Matrix) -> str:
    """One row per distinct quote: its number, who cites it, the quote, document and span."""
    rows = []
    for source in matrix.sources:
        cited = source.citation
        by_region: dict[str, list[str]] = {}
        for region, label in source.cited_for:
            by_region.setdefault(region, []).append(label)
        where = "".join(
            f'<div class="pk-where"><b>{_e(region)}</b> · {_e("；".join(labels))}</div>'
            for region, labels in by_region.items()
        )
        # The version's date: two versions of one instrument share a title.
        where_in = " · ".join(part for part in (cited.locator, cited.date) if part)
        locator = f"<br><small>{_e(where_in)}</small>" if where_in else ""
        rows.append(
            f'<tr id="pk-cite-{source.number}"><td>{source.number}</td><td>{where}</td>'
            f'<td class="pk-quote-cell">{_e(cited.quote)}</td>'
            f"<td>{_e(cited.doc_title)}{locator}</td><td>{cited.start}–{cited.end}</td></tr>"
        )
    columns = (
        '<col class="pk-n-col"><col class="pk-where-col"><col>'
        '<col class="pk-doc-col"><col class="pk-span-col">'
    )
    return (
        f'<table class="pk-sources"><colgroup>{columns}</colgroup><thead><tr><th>#</th>'
        "<th>Region · measure</th><th>Quote</th><th>Document</th><th>Span</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)
