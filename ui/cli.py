"""The ``policykg`` command line: a thin layer over the library.

Example:
    $ policykg ingest corpus/ --json
    $ policykg measures --region 浙江 --type material --json
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import import_module
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from policykg.ingest.models import IncentiveType
from policykg.ingest.vocab import incentive_type_code, load_vocabulary
from policykg.retrieval.records import expand_regions, measure_records, select_mentions
from policykg.ui import cli_common
from policykg.ui.cli_common import (
    DataDir,
    JsonFlag,
    UsageError,
    err,
    fail,
    open_library,
    print_json,
)

COMMAND_MODULES: tuple[str, ...] = (
    "policykg.ui.commands_graph",
    "policykg.ui.commands_ask",
    "policykg.ui.commands_serve",
    "policykg.ui.commands_store",
)

app = typer.Typer(
    name="policykg",
    help="Offline knowledge graph and retrieval over Chinese cadre-incentive policy texts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def global_options(
    store: Annotated[
        str | None,
        typer.Option(
            "--store",
            help="Graph store: 'embedded' (default) or sparql+http://HOST:PORT/… "
            "(also $POLICYKG_STORE or store= in DATA_DIR/settings.toml).",
        ),
    ] = None,
) -> None:
    """Offline knowledge graph and retrieval over Chinese cadre-incentive policy texts."""
    # Set on every invocation (None when absent), so one command's choice never
    # leaks into the next one run in the same process.
    cli_common.store_override = store


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (recursive).")],
    data_dir: DataDir = None,
    as_json: JsonFlag = False,
) -> None:
    """Read policy files into the library. Exit 1 when some input failed (the rest is kept)."""
    with open_library(data_dir) as library, _progress() as progress:
        task = progress.add_task("ingesting", total=None)

        def on_progress(path: Path, done: int, total: int) -> None:
            progress.update(task, completed=done, total=total, description=path.name[:40])

        report = library.ingest([p.expanduser() for p in paths], on_progress=on_progress)
        counts = library.store.counts()
    summary = {
        "ingested": len(report.ingested),
        "unchanged": len(report.unchanged),
        "failed": [{"path": f.path, "error": f.error} for f in report.failed],
        "documents": counts["documents"],
        "provisions": counts["provisions"],
    }
    if as_json:
        print_json(summary)
    else:
        for failure in report.failed:
            err.print(f"[yellow]failed:[/yellow] {failure.error}", highlight=False)
        print(
            f"{summary['ingested']} ingested, {summary['unchanged']} unchanged, "
            f"{len(report.failed)} failed; {counts['documents']} documents, "
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


@app.command()
def documents(data_dir: DataDir = None, as_json: JsonFlag = False) -> None:
    """List the documents in the library with their metadata."""
    with open_library(data_dir) as library:
        rows = [
            {
                "doc_id": doc.doc_id,
                "title": doc.meta.title,
                "title_supplied": doc.meta.title_supplied,
                "author": doc.meta.author,
                "authority": doc.meta.authority,
                "doc_number": doc.meta.doc_number,
                "date": doc.meta.date,
                "format": doc.format,
                "encoding": doc.encoding,
                "chars": len(doc.text),
                "source_path": doc.source_path,
            }
            for doc in library.store.documents()
        ]
    if as_json:
        print_json(rows)
        return
    table = Table("doc_id", "title", "date", "chars")
    for row in rows:
        table.add_row(
            str(row["doc_id"]), str(row["title"]), str(row["date"] or ""), str(row["chars"])
        )
    Console().print(table)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id (a unique prefix is enough).")],
    data_dir: DataDir = None,
) -> None:
    """Print a document's stored text exactly as decoded."""
    with open_library(data_dir) as library:
        full_id = library.store.resolve_doc_id(doc_id)
        document = library.store.document(full_id) if full_id else None
        if document is None:
            raise fail(f"no document {doc_id!r} (see `policykg documents`)")
    sys.stdout.write(document.text)  # exactly as stored: offsets index into this


@app.command()
def remove(
    doc_id: Annotated[str, typer.Argument(help="Document id (a unique prefix is enough).")],
    data_dir: DataDir = None,
) -> None:
    """Delete a document and everything derived from it (graph, indexes, answers)."""
    with open_library(data_dir) as library:
        full_id = library.store.resolve_doc_id(doc_id)
        if full_id is None or not library.remove(full_id):
            raise fail(f"no document {doc_id!r} (see `policykg documents`)")
    print(f"removed {full_id}")


@app.command()
def measures(
    region: Annotated[
        str | None, typer.Option(help="Region name (includes its sub-regions): 浙江, Xianju.")
    ] = None,
    incentive_type: Annotated[
        IncentiveType | None,
        typer.Option(
            "--type",
            parser=incentive_type_code,
            metavar="CODE",
            help=f"Incentive-type code: {', '.join(load_vocabulary().codes)}.",
        ),
    ] = None,
    data_dir: DataDir = None,
    as_json: JsonFlag = False,
) -> None:
    """List measure concepts with their regions, status and verbatim citations."""
    with open_library(data_dir) as library:
        codes = None
        if region:
            found = library.gazetteer.by_name(region)
            if not found:
                raise fail(f"unknown region {region!r}")
            codes = expand_regions(library.gazetteer, [r.code for r in found])
        mentions = select_mentions(library.store.measures(), codes, incentive_type)
        records = measure_records(library.store, library.gazetteer, mentions, codes)
    if as_json:
        print_json([record.to_json() for record in records])
        return
    table = Table("measure", "type", "status", "regions")
    for record in records:
        regions = "、".join(region.label_zh for region in record.regions)
        table.add_row(record.label_zh, record.incentive_type, record.status.value, regions)
    Console().print(table)


# Each feature area registers its own commands (see ui/commands_*.py).
for _module in COMMAND_MODULES:
    import_module(_module).register(app)


def main() -> None:
    """Console entry point: errors are one readable line, never a traceback."""
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    # jieba and cpca import pkg_resources; the warning is noise on a user's terminal.
    warnings.filterwarnings("ignore", message="pkg_resources is deprecated")
    try:
        app()
    except UsageError as error:
        err.print(f"[red]error:[/red] {error}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last guard: one line, not a traceback
        err.print(f"[red]error:[/red] {type(error).__name__}: {error}", highlight=False)
        sys.exit(1)


if __name__ == "__main__":
    main()
