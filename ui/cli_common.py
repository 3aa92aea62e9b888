"""Shared pieces of the command line: the global options, one output option, errors."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from policykg.ingest.meta_fields import MetaFieldError, normalise_date
from policykg.ingest.models import IncentiveType
from policykg.ingest.settings import Settings, load_settings
from policykg.ingest.vocab import incentive_type_code, load_vocabulary
from policykg.kg.graph import GraphStoreBusy, GraphStoreDamaged
from policykg.kg.remote import StoreUnavailable
from policykg.kg.sparql import OutputFormat
from policykg.library import DataDirRefused, Library
from policykg.retrieval.index import IndexMismatchError

err = Console(stderr=True, soft_wrap=True)  # one error, one line, whatever the width

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Data directory (default: $POLICYKG_DATA_DIR or ~/.local/share/policykg).",
    ),
]
# The one output option of every command that prints records (like sqlite-utils'
# output_options); --json (and --csv on compare) stay as aliases.
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="As of this day: documents made later are left out, the versions in force then"
        " are preferred.",
    ),
]


def as_of_day(text: str | None) -> str | None:
    """The ``--as-of`` value as an ISO date, or one error line."""
    try:
        return normalise_date(text) if text else None
    except MetaFieldError as error:
        raise fail(f"--as-of: {error}") from None


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option("--format", "-f", help="Output: table (the default), json or csv."),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
CsvFlag = Annotated[bool, typer.Option("--csv", help="Same as --format csv.")]
# The codes come from the vocabulary file: a new incentive type needs no change here.
TypeOption = Annotated[
    IncentiveType | None,
    typer.Option(
        "--type",
        parser=incentive_type_code,
        metavar="CODE",
        help=f"Only this incentive type: {', '.join(load_vocabulary().codes)}.",
    ),
]


class UsageError(Exception):
    """A user-facing error: printed as one line, exit code 2."""


@dataclass(frozen=True, slots=True)
class CliOptions:
    """The global options of one invocation (``policykg --store URL COMMAND``), in ``ctx.obj``."""

    store: str | None = None


def settings_from(ctx: typer.Context, data_dir: Path | None) -> Settings:
    """The settings of this command: its data dir and the invocation's global options."""
    options = ctx.find_object(CliOptions) or CliOptions()
    try:
        return load_settings(data_dir=data_dir, store=options.store)
    except ValueError as error:  # a store value that is neither 'embedded' nor a server URL
        raise fail(str(error)) from None


@contextmanager
def open_library(settings: Settings) -> Iterator[Library]:
    """The library at ``settings``; an unusable one is one readable error line."""
    try:
        library = Library(settings)
    except GraphStoreBusy as error:
        raise fail(
            f"{error}; close the other policykg process (an app or an ingest) first"
        ) from None
    except (IndexMismatchError, StoreUnavailable, DataDirRefused, GraphStoreDamaged) as error:
        raise fail(str(error)) from None
    with library:
        for notice in library.notices:
            err.print(f"[yellow]note:[/yellow] {notice}", highlight=False)
        yield library


def chosen_format(
    output: OutputFormat | None, as_json: bool = False, as_csv: bool = False
) -> OutputFormat:
    """The one format asked for by ``--format`` or an alias flag; table when none is."""
    asked = {output} if output else set()
    asked |= {OutputFormat.JSON} if as_json else set()
    asked |= {OutputFormat.CSV} if as_csv else set()
    if len(asked) > 1:
        raise fail("choose one output format (--format, --json or --csv)")
    return asked.pop() if asked else OutputFormat.TABLE


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one readable error line; raise the returned Exit."""
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")


def print_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> None:
    """A header row and one row per record on stdout (``None`` as an empty cell)."""
    writer = csv.writer(sys.stdout)
    writer.writerow(header)
    writer.writerows(rows)
