"""Library commands: ingest, documents, show, remove, measures."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from policykg.ingest.records import MeasureRecord
from policykg.retrieval.records import (
    current_mentions,
    expand_regions,
    measure_records,
    select_mentions,
)
from policykg.retrieval.validity import versions_as_of
from policykg.ui.cli_common import (
    AsOfOption,
    DataDir,
    FormatOption,
    JsonFlag,
    OutputFormat,
    TypeOption,
    as_of_day,
    chosen_format,
    err,
    fail,
    open_library,
    print_csv,
    print_json,
    settings_from,
)

DocId = Annotated[str, typer.Argument(help="Document id (a unique prefix is enough).")]


def ingest(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
    data_dir: DataDir = None,
    output: FormatOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Read policy files into the library. Exit 1 when some input failed (the rest is kept)."""
    chosen = chosen_format(output, as_json)
    with open_library(settings_from(ctx, data_dir)) as library, _progress() as progress:
        task = progress.add_task("ingesting", total=None)

        def on_progress(path: Path, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, description=path.name[:40])

        report = library.ingest([p.expanduser() for p in paths], on_progress=on_progress)
        counts = library.store.counts()
    summary = {
        "ingested": len(report.ingested),
        "unchanged": len(report.unchanged),
        "failed": [{"path": f.path, "error": f.error} for f in report.failed],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "documents": counts["documents"],
        "provisions": counts["provisions"],
    }
    if chosen is OutputFormat.JSON:
        print_json(summary)
    else:
        for failure in report.failed:
            err.print(f"[yellow]failed:[/yellow] {failure.error}", highlight=False)
        for skip in report.skipped:
            err.print(f"[yellow]skipped:[/yellow] {skip.path}: {skip.reason}", highlight=False)
    if chosen is OutputFormat.CSV:
        counted = {**summary, "failed": len(report.failed), "skipped": len(report.skipped)}
        print_csv(list(counted), [list(counted.values())])
    elif chosen is OutputFormat.TABLE:
        print(
            f"{summary['ingested']} ingested, {summary['unchanged']} unchanged, "
            f"{len(report.failed)} failed, {len(report.skipped)} skipped; "
            f"{counts['documents']} documents, "
            f"{counts['provisions']} provisions in the library"
        )
    if report.failed:
        raise typer.Exit(1)


@contextmanager
def _progress() -> Iterator[Progress]:
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        disable=not err.is_terminal,
        transient=True,
    )
    with progress:
        yield progress


def documents(
    ctx: typer.Context,
    data_dir: DataDir = None,
    output: FormatOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List the documents in the library with their metadata."""
    chosen = chosen_format(output, as_json)
    with open_library(settings_from(ctx, data_dir)) as library:
        rows = [
            {
                "doc_id": doc.doc_id,
                "title": doc.meta.title,
                "title_supplied": doc.meta.title_supplied,
                "author": doc.meta.author,
                "authority": doc.meta.authority,
                "doc_number": doc.meta.doc_number,
                "date": doc.meta.date,
                "doc_kind": doc.meta.doc_kind.value if doc.meta.doc_kind else None,
                "level": doc.meta.level.value if doc.meta.level else None,
                "format": doc.format,
                "encoding": doc.encoding,
                "chars": len(doc.text),
                "source_path": doc.source_path,
            }
            for doc in library.store.documents()
        ]
    if chosen is OutputFormat.JSON:
        print_json(rows)
    elif chosen is OutputFormat.CSV:
        header = rows[0].keys() if rows else ("doc_id",)
        print_csv(list(header), [list(row.values()) for row in rows])
    else:
        table = Table("doc_id", "title", "date", "chars", "file")
        for row in rows:
            table.add_row(
                str(row["doc_id"]),
                str(row["title"]),
                str(row["date"] or ""),
                str(row["chars"]),
                Path(str(row["source_path"])).name,  # an upload's own name, not its folder
            )
        Console().print(table)


def show(ctx: typer.Context, doc_id: DocId, data_dir: DataDir = None) -> None:
    """Print a document's stored text exactly as decoded."""
    with open_library(settings_from(ctx, data_dir)) as library:
        full_id = library.store.resolve_doc_id(doc_id)
        document = library.store.document(full_id) if full_id else None
        if document is None:
            raise fail(f"no document {doc_id!r} (see `policykg documents`)")
    sys.stdout.write(document.text)  # exactly as stored: offsets index into this


def remove(ctx: typer.Context, doc_id: DocId, data_dir: DataDir = None) -> None:
    """Delete a document and everything derived from it (graph, indexes, answers)."""
    with open_library(settings_from(ctx, data_dir)) as library:
        full_id = library.store.resolve_doc_id(doc_id)
        if full_id is None or not library.remove(full_id):
            raise fail(f"no document {doc_id!r} (see `policykg documents`)")
    print(f"removed {full_id}")


def measures(
    ctx: typer.Context,
    region: Annotated[
        str | None, typer.Option(help="Region name (includes its sub-regions): 浙江, Xianju.")
    ] = None,
    incentive_type: TypeOption = None,
    as_of: AsOfOption = None,
    data_dir: DataDir = None,
    output: FormatOption = None,
    as_json: JsonFlag = False,
) -> None:
    """List measure concepts with their regions, status and verbatim citations.

    Versions in force are preferred: what an outdated version says of a measure its
    version in force states is left out, and a measure only outdated versions state is
    marked so. ``--as-of`` lists them as of a day.
    """
    chosen = chosen_format(output, as_json)
    day = as_of_day(as_of)
    with open_library(settings_from(ctx, data_dir)) as library:
        codes = None
        if region:
            found = library.gazetteer.by_name(region)
            if not found:
                raise fail(f"unknown region {region!r}")
            codes = expand_regions(library.gazetteer, [r.code for r in found])
        catalog = library.catalog()
        validity = versions_as_of(library.store, catalog, day)
        selected = select_mentions(catalog.measures, codes, incentive_type)
        mentions = current_mentions(selected, validity)
        records = measure_records(library.store, library.gazetteer, mentions, codes, validity)
    if chosen is OutputFormat.JSON:
        print_json([record.to_json() for record in records])
    elif chosen is OutputFormat.CSV:
        print_csv(MEASURE_COLUMNS, [_measure_row(record) for record in records])
    else:
        table = Table("measure", "type", "status", "regions")
        for record in records:
            regions = "、".join(region.label_zh for region in record.regions)
            outdated = bool(record.citations) and all(c.in_force is False for c in record.citations)
            label = f"{record.label_zh} (outdated version)" if outdated else record.label_zh
            table.add_row(label, record.incentive_type, record.status.value, regions)
        Console().print(table)


MEASURE_COLUMNS = (
    "iri",
    "label_zh",
    "label_en",
    "incentive_type",
    "status",
    "regions",
    "citations",
)


def _measure_row(record: MeasureRecord) -> tuple[str, ...]:
    """One CSV row: regions by name (、), citations by provision id (space-separated)."""
    return (
        record.iri,
        record.label_zh,
        record.label_en,
        record.incentive_type,
        record.status.value,
        "、".join(region.label_zh for region in record.regions),
        " ".join(citation.provision_id for citation in record.citations),
    )
