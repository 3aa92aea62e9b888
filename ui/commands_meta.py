"""Documents in time: ``meta DOC [--set key=value …]``, ``versions``, ``diff``, ``timeline``."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from policykg.ingest.meta_fields import (
    MetaCorrection,
    MetaFieldError,
    parse_correction,
)
from policykg.ingest.models import DocumentMeta, RepealClause
from policykg.retrieval.diff import Article, Change, articles, diff_versions
from policykg.retrieval.records import select_mentions
from policykg.retrieval.timeline import TIMELINE_COLUMNS, timeline
from policykg.ui.cli_common import (
    AsOfOption,
    CsvFlag,
    DataDir,
    FormatOption,
    JsonFlag,
    OutputFormat,
    TypeOption,
    as_of_day,
    chosen_format,
    fail,
    open_library,
    print_csv,
    print_json,
    settings_from,
)

SetOption = Annotated[
    list[str] | None,
    typer.Option(
        "--set",
        metavar="KEY=VALUE",
        help="Correct a field (repeatable): title, issuer, doc_number, date, doc_kind, level,"
        " status, author, publisher, region_code, source_url, license; KEY= clears it. Kept"
        " across re-ingest.",
    ),
]


def meta(
    ctx: typer.Context,
    doc_id: Annotated[str, typer.Argument(help="Document id (a unique prefix is enough).")],
    assignments: SetOption = None,
    reset: Annotated[
        bool, typer.Option("--reset", help="Forget this document's earlier corrections.")
    ] = False,
    data_dir: DataDir = None,
    output: FormatOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Show a document's metadata (title, issuer, 文号, dates, kind, level), or correct it."""
    chosen = chosen_format(output, as_json)
    try:
        corrections = [parse_correction(item) for item in assignments or ()]
    except MetaFieldError as error:
        raise fail(str(error)) from None
    with open_library(settings_from(ctx, data_dir)) as library:
        full_id = library.store.resolve_doc_id(doc_id)
        document = library.store.document(full_id) if full_id else None
        if full_id is None or document is None:
            raise fail(f"no document {doc_id!r} (see `policykg documents`)")
        found = document.meta
        if corrections or reset:
            found = library.correct_meta(full_id, corrections, reset=reset) or found
        corrected = library.store.corrections(full_id)
        status = library.store.version_status(full_id)
    if status is not None:  # the version's status among its work's versions
        found = replace(found, status=status)
    if chosen is OutputFormat.JSON:
        print_json(meta_json(full_id, found, corrected))
    elif chosen is OutputFormat.CSV:
        rows = meta_rows(found, corrected)
        print_csv(("field", "value", "corrected"), rows)
    else:
        table = Table("field", "value", "corrected", title=full_id)
        for field, value, was_corrected in meta_rows(found, corrected):
            table.add_row(field, value, "yes" if was_corrected else "")
        Console().print(table)


def meta_json(
    doc_id: str, meta: DocumentMeta, corrections: list[MetaCorrection]
) -> dict[str, object]:
    """The metadata as ``policykg meta --json`` prints it, with the corrected fields named."""
    data = meta.to_json()
    data["dates"] = [{"event": e.event, "date": e.date, "text": e.text} for e in meta.dates]
    return {"doc_id": doc_id, **data, "corrected": [c.field for c in corrections]}


def meta_rows(meta: DocumentMeta, corrections: list[MetaCorrection]) -> list[tuple[str, str, bool]]:
    """(field, value, corrected) rows: the fields, then one row per dated event."""
    corrected = {c.field for c in corrections}
    fields = (
        ("title", meta.title),
        ("issuer", meta.authority),
        ("doc_number", meta.doc_number),
        ("date", meta.date),
        ("doc_kind", meta.doc_kind.value if meta.doc_kind else None),
        ("level", meta.level.value if meta.level else None),
        ("status", meta.status.value if meta.status else None),
        ("author", meta.author),
        ("publisher", meta.publisher),
        ("region_code", meta.region_code),
        ("source_url", meta.source_url),
        ("license", meta.license),
    )
    rows = [
        (name, value or "", ("authority" if name == "issuer" else name) in corrected)
        for name, value in fields
    ]
    rows += [(f"dates.{e.event}", e.date, False) for e in meta.dates]
    rows += [(f"repeals.{c.effect.value}", _named(c), False) for c in meta.repeals]
    return rows


def _named(clause: RepealClause) -> str:
    """A document a notice repeals or amends, as it names it: 《title》（文号）."""
    title = f"《{clause.title}》" if clause.title else ""
    return title + (f"（{clause.doc_number}）" if clause.doc_number else "")


VERSION_COLUMNS = (
    "work_id",
    "work_title",
    "issuer",
    "doc_id",
    "title",
    "date",
    "status",
    "ended_by",
)


def versions(
    ctx: typer.Context,
    query: Annotated[
        str | None, typer.Argument(help="Only works whose title contains this (监察法).")
    ] = None,
    as_of: AsOfOption = None,
    data_dir: DataDir = None,
    output: FormatOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the works (laws, regulations, official documents) with their versions and status.

    A version repealed or amended by another document (a notice saying 《…》同时废止, or a
    new regulation replacing it) names that document's id (``ended_by``).
    """
    chosen = chosen_format(output, as_json)
    day = as_of_day(as_of)
    with open_library(settings_from(ctx, data_dir)) as library:
        works = [w for w in library.store.works(day) if not query or query in w.title]
    if chosen is OutputFormat.JSON:
        print_json([work.to_json() for work in works])
    elif chosen is OutputFormat.CSV:
        rows = [
            (w.work_id, w.title, w.issuer, v.doc_id, v.title, v.date, v.status.value, v.ended_by)
            for w in works
            for v in w.versions
        ]
        print_csv(VERSION_COLUMNS, rows)
    else:
        table = Table("work", "issuer", "versions (date status doc)")
        for work in works:
            listed = "\n".join(
                f"{v.date or '?'} {v.status.value} {v.doc_id[:10]}"
                + (f" (by {v.ended_by[:10]})" if v.ended_by else "")
                for v in work.versions
            )
            table.add_row(work.title, work.issuer or "", listed)
        Console().print(table)


DIFF_COLUMNS = ("change", "old_locator", "new_locator", "old_text", "new_text", "marked")


def diff(
    ctx: typer.Context,
    old: Annotated[str, typer.Argument(help="The earlier version's document id (a prefix).")],
    new: Annotated[str, typer.Argument(help="The later version's document id (a prefix).")],
    data_dir: DataDir = None,
    output: FormatOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Compare two versions article by article: added, removed, changed (marked), moved."""
    chosen = chosen_format(output, as_json)
    with open_library(settings_from(ctx, data_dir)) as library:
        store = library.store
        sides = []
        for given in (old, new):
            full_id = store.resolve_doc_id(given)
            document = store.document(full_id) if full_id else None
            if full_id is None or document is None:
                raise fail(f"no document {given!r} (see `policykg versions`)")
            sides.append((full_id, articles(document.text, store.provisions(full_id))))
    result = diff_versions(sides[0][0], sides[0][1], sides[1][0], sides[1][1])
    if chosen is OutputFormat.JSON:
        print_json(result.to_json())
    elif chosen is OutputFormat.CSV:
        rows = [[item.to_json()[column] for column in DIFF_COLUMNS] for item in result.changes]
        print_csv(DIFF_COLUMNS, rows)
    else:
        console = Console()
        counts = ", ".join(f"{result.count(c)} {c.value}" for c in Change)
        console.print(f"{counts}, {result.unchanged} unchanged", highlight=False)
        for item in result.changes:
            where = " → ".join(a.locator for a in (item.old, item.new) if a)
            text = item.marked or (item.new or item.old or Article("", "")).text
            console.print(f"{item.change.value} {where}\n    {text}", highlight=False, markup=False)


def timeline_command(
    ctx: typer.Context,
    measure: Annotated[
        str | None,
        typer.Option("--measure", help="Only measures whose label or key contains this (容错)."),
    ] = None,
    incentive_type: TypeOption = None,
    data_dir: DataDir = None,
    output: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
) -> None:
    """When each region first adopted each measure: one row per (region, measure)."""
    chosen = chosen_format(output, as_json, as_csv)
    with open_library(settings_from(ctx, data_dir)) as library:
        mentions = select_mentions(library.store.measures(), None, incentive_type)
        rows = [
            row.to_json() for row in timeline(library.store, library.gazetteer, mentions, measure)
        ]
    if chosen is OutputFormat.JSON:
        print_json(rows)
    elif chosen is OutputFormat.CSV:
        print_csv(TIMELINE_COLUMNS, [[row[column] for column in TIMELINE_COLUMNS] for row in rows])
    else:
        table = Table("first date", "region", "measure", "type", "status", "document")
        for row in rows:
            cells = ("first_date", "region", "measure", "incentive_type", "status", "doc_title")
            table.add_row(*(str(row[cell] or "") for cell in cells))
        Console().print(table)
