"""The Versions tab: works and their versions, a side-by-side diff, and a timeline of adoptions.

The diff is ``policykg diff`` side by side: one row per article added, removed,
changed or moved, the old text left and the new right, the characters taken out
in ``<del>`` and those put in ``<ins>``. The timeline is ``policykg timeline``,
drawn by ``timeline_chart`` as an inline SVG. All document text is escaped.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import gradio as gr

from policykg.ingest.versions import Work as VersionedWork
from policykg.retrieval.diff import (
    ARTICLE,
    Article,
    ArticleChange,
    Change,
    VersionDiff,
    articles,
    diff_versions,
)
from policykg.retrieval.records import select_mentions
from policykg.retrieval.timeline import TIMELINE_COLUMNS, Adoption, timeline
from policykg.ui.app.timeline_chart import escaped as _e
from policykg.ui.app.timeline_chart import timeline_html
from policykg.ui.app.views import status_label, type_labels
from policykg.ui.app.wiring import Work, on
from policykg.ui.app.workspace import Workspace

# Scoped to the tab's HTML blocks (``css_template``): the diff table, the chart, the panel.
CSS = """
.pk-works, .pk-diff { width: 100%; border-collapse: collapse; table-layout: fixed; }
.pk-works th, .pk-works td, .pk-diff th, .pk-diff td { border: 1px solid #d9d9d9;
  padding: 4px 6px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
.pk-works thead th, .pk-diff thead th { background: #f4f4f5; }
.pk-works ul { margin: 0; padding-left: 1.1em; }
.pk-diff .pk-diff-kind { width: 7em; }
.pk-diff del { background: #fdd; color: #8a1c1c; }
.pk-diff ins { background: #d4f7d4; color: #14532d; text-decoration: none; }
.pk-diff tr[data-change="added"] td:last-child { background: #f0fbf0; }
.pk-diff tr[data-change="removed"] td:nth-child(2) { background: #fdf2f2; }
.pk-diff .pk-loc { font-weight: 600; margin-right: 6px; }
.pk-status-in_force { color: #14532d; } .pk-status-superseded { color: #92400e; }
.pk-status-repealed { color: #8a1c1c; } .pk-empty { color: #71717a; }
.pk-tl-chart a { cursor: pointer; } .pk-tl-chart a:hover circle { stroke: #111; stroke-width: 2; }
.pk-tl-cite { display: none; border: 1px solid #d9d9d9; border-radius: 6px; padding: 6px 10px; }
.pk-tl-cite:target { display: block; background: #fffbe6; }
.pk-tl-cites:has(.pk-tl-cite:target) .pk-tl-hint { display: none; }
.pk-tl-cite blockquote { margin: 4px 0; padding-left: 8px; border-left: 3px solid #e0c040; }
"""
STATUS_COLUMNS = ("added", "removed", "changed", "moved")
TABLE_HEADERS = [
    "first date",
    "region",
    "adcode",
    "measure",
    "type",
    "status",
    "document",
    "locator",
]


def build(workspace: Workspace) -> None:
    """Works and versions, two version pickers and their diff, the timeline and its table."""
    with gr.Tab("Versions", id="versions") as tab:
        works = gr.HTML(elem_id="pk-works", css_template=CSS)
        with gr.Row():
            old = gr.Dropdown(label="Old version", choices=[], elem_id="pk-diff-old")
            new = gr.Dropdown(label="New version", choices=[], elem_id="pk-diff-new")
        diff = gr.HTML(elem_id="pk-diff", css_template=CSS)
        gr.Markdown("### Timeline: first adoption of each measure by each region")
        with gr.Row():
            kind = gr.Dropdown(
                [("All types", ""), *((label, code) for code, label in type_labels().items())],
                value="",
                label="Incentive type",
                elem_id="pk-tl-type",
            )
            term = gr.Textbox(label="Measure contains", elem_id="pk-tl-measure")
            run = gr.Button("Show timeline", variant="primary", elem_id="pk-tl-run")
        chart = gr.HTML(elem_id="pk-timeline", css_template=CSS)
        table = gr.Dataframe(headers=TABLE_HEADERS, label="Events", elem_id="pk-tl-table")
        download = gr.File(label="Download CSV", elem_id="pk-tl-csv")
    picks, shown = [old, new], [chart, table, download]
    for trigger in (None, tab.select):  # page load and every visit: uploads change the works
        on(workspace, trigger, fill_versions, picks, [works, old, new, diff], work=Work.BROWSE)
        on(workspace, trigger, show_timeline, [kind, term], shown, work=Work.BROWSE)
    on(workspace, [old.input, new.input], show_diff, picks, diff, work=Work.BROWSE)
    on(workspace, [run.click, term.submit], show_timeline, [kind, term], shown, work=Work.BROWSE)


def fill_versions(workspace: Workspace, old: str | None, new: str | None) -> tuple[Any, ...]:
    """The works table, the version choices and their diff; a pick still there is kept."""
    store = workspace.library.store
    found = store.works()
    choices = [
        (f"{d.meta.title[:36]} · {d.meta.date or '?'} ({d.doc_id[:10]})", d.doc_id)
        for d in store.documents()
    ]
    ids = {doc_id for _, doc_id in choices}
    default_old, default_new = default_pair(found)
    old = old if old in ids else default_old
    new = new if new in ids else default_new
    return (
        works_html(found),
        gr.update(choices=choices, value=old),
        gr.update(choices=choices, value=new),
        show_diff(workspace, old, new),  # here, not on .change: an update may not fire it
    )


def default_pair(works: Sequence[VersionedWork]) -> tuple[str | None, str | None]:
    """The last two versions of the first work that has two, or nothing."""
    for work in works:
        if len(work.versions) >= 2:
            return work.versions[-2].doc_id, work.versions[-1].doc_id
    return None, None


def show_diff(workspace: Workspace, old: str | None, new: str | None) -> str:
    """The two chosen versions side by side, article by article."""
    store = workspace.library.store
    documents = [store.document(doc_id) if doc_id else None for doc_id in (old, new)]
    if documents[0] is None or documents[1] is None:
        return '<p class="pk-empty">Pick an old and a new version to compare.</p>'
    sides = [
        (d.doc_id, articles(d.text, store.provisions(d.doc_id))) for d in documents if d is not None
    ]
    result = diff_versions(sides[0][0], sides[0][1], sides[1][0], sides[1][1])
    heads = tuple(
        f"{d.meta.title} · {d.meta.date or '?'} · {status_label(store.version_status(d.doc_id))}"
        for d in documents
        if d is not None
    )
    return diff_html(result, heads[0], heads[1])


def _ended_by(doc_id: str | None) -> str:
    """Which document repealed or amended a version (a notice, or its new version)."""
    if not doc_id:
        return ""
    return f' <small class="pk-ended-by">by <code>{_e(doc_id[:10])}</code></small>'


def works_html(works: Sequence[VersionedWork]) -> str:
    """One row per work: title, issuer, and each version's date, status and id."""
    if not works:
        return '<p class="pk-empty">No laws, regulations or official documents yet.</p>'
    rows = []
    for work in works:
        items = "".join(
            f'<li data-doc="{_e(v.doc_id)}" data-status="{_e(v.status.value)}">'
            f"{_e(v.date or '?')} "
            f'<span class="pk-status-{_e(v.status.value)}">{_e(status_label(v.status))}</span>'
            f" <code>{_e(v.doc_id[:10])}</code>{_ended_by(v.ended_by)}</li>"
            for v in work.versions
        )
        rows.append(
            f'<tr data-work="{_e(work.work_id)}"><td>{_e(work.title)}</td>'
            f"<td>{_e(work.issuer or '—')}</td><td><ul>{items}</ul></td></tr>"
        )
    return (
        '<table class="pk-works"><colgroup><col style="width:40%"><col style="width:25%"><col>'
        "</colgroup><thead><tr><th>Work</th><th>Issuer</th><th>Versions (date, status, id)</th>"
        f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def diff_html(result: VersionDiff, old_head: str, new_head: str) -> str:
    """The changes as a table, old | new, with the counts above it; all text escaped."""
    counts = " · ".join(
        f'<b data-count="{c}">{result.count(Change(c))}</b> {c}' for c in STATUS_COLUMNS
    )
    summary = (
        f'<p class="pk-diff-summary">{counts} · '
        f'<b data-count="unchanged">{result.unchanged}</b> unchanged</p>'
    )
    if not result.changes:
        return (
            summary + '<p class="pk-empty">The two versions say the same, article by article.</p>'
        )
    rows = "".join(_diff_row(item) for item in result.changes)
    return (
        f'{summary}<table class="pk-diff"><colgroup><col class="pk-diff-kind"><col><col>'
        f"</colgroup><thead><tr><th>Change</th><th>Old: {_e(old_head)}</th>"
        f"<th>New: {_e(new_head)}</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _diff_row(item: ArticleChange) -> str:
    """One article's row: the label, then each side's locator and (marked) text."""
    old_text, new_text = marked_sides(item.old, item.new)
    label = item.change.value
    if item.change is Change.MOVED and item.old and item.new:
        label += f"<br><small>{_e(item.old.locator)} → {_e(item.new.locator)}</small>"
    return (
        f'<tr data-change="{item.change.value}"><td>{label}</td>'
        f"<td>{_side(item.old, old_text)}</td><td>{_side(item.new, new_text)}</td></tr>"
    )


def _side(article: Article | None, marked: str) -> str:
    if article is None:
        return '<span class="pk-empty">—</span>'
    return f'<span class="pk-loc">{_e(article.locator)}</span>{marked}'


def marked_sides(old: Article | None, new: Article | None) -> tuple[str, str]:
    """Each side's text (its article number left out) as HTML, the differing characters in
    ``<del>`` (old) and ``<ins>`` (new); an article on one side only is not marked."""
    old_text = ARTICLE.sub("", old.text.strip()).strip() if old else ""
    new_text = ARTICLE.sub("", new.text.strip()).strip() if new else ""
    if old is None or new is None:
        return _e(old_text), _e(new_text)
    left: list[str] = []
    right: list[str] = []
    matcher = SequenceMatcher(None, old_text, new_text, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            left.append(_e(old_text[i1:i2]))
            right.append(_e(new_text[j1:j2]))
            continue
        if i2 > i1:
            left.append(f"<del>{_e(old_text[i1:i2])}</del>")
        if j2 > j1:
            right.append(f"<ins>{_e(new_text[j1:j2])}</ins>")
    return "".join(left), "".join(right)


def show_timeline(
    workspace: Workspace, kind: str | None, term: str | None
) -> tuple[str, list[list[str]], str]:
    """The chart with its citation panel, the event rows, and the CSV's path."""
    library = workspace.library
    mentions = select_mentions(library.store.measures(), None, kind or None)
    rows = timeline(library.store, library.gazetteer, mentions, (term or "").strip() or None)
    path = workspace.downloads / "timeline.csv"
    write_timeline_csv(rows, path)
    return timeline_html(rows), timeline_table(rows), str(path)


def write_timeline_csv(rows: Sequence[Adoption], path: Path) -> None:
    """``policykg timeline --csv``'s columns, UTF-8 with a BOM so Excel reads the Chinese."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(TIMELINE_COLUMNS)
        for row in rows:
            data = row.to_json()
            writer.writerow(["" if data[c] is None else data[c] for c in TIMELINE_COLUMNS])


def timeline_table(rows: Sequence[Adoption]) -> list[list[str]]:
    """The event rows as the tab's table shows them (``TABLE_HEADERS``)."""
    return [
        [
            r.first_date or "",
            r.region,
            r.adcode,
            r.measure,
            r.incentive_type,
            r.status,
            r.citation.doc_title,
            r.citation.locator,
        ]
        for r in rows
    ]
