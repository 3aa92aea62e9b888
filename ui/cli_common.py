"""Shared pieces of the command line: options, output and error helpers."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from policykg.ingest.settings import load_settings
from policykg.kg.graph import GraphStoreBusy
from policykg.kg.remote import StoreUnavailable
from policykg.library import Library
from policykg.retrieval.index import IndexMismatchError

err = Console(stderr=True, soft_wrap=True)  # one error, one line, whatever the width

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Data directory (default: $POLICYKG_DATA_DIR or ~/.local/share/policykg).",
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


class UsageError(Exception):
    """A user-facing error: printed as one line, exit code 2."""


# The global --store option of this invocation (see ui.cli.global_options).
store_override: str | None = None


@contextmanager
def open_library(data_dir: Path | None) -> Iterator[Library]:
    try:
        settings = load_settings(data_dir=data_dir, store=store_override)
    except ValueError as error:  # a store value that is neither 'embedded' nor a server URL
        raise fail(str(error)) from None
    try:
        library = Library(settings)
    except GraphStoreBusy as error:
        raise fail(
            f"{error}; close the other policykg process (an app or an ingest) first"
        ) from None
    except IndexMismatchError as error:
        raise fail(str(error)) from None
    except StoreUnavailable as error:
        raise fail(str(error)) from None
    with library:
        for notice in library.notices:
            err.print(f"[yellow]note:[/yellow] {notice}", highlight=False)
        yield library


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one readable error line; raise the returned Exit."""
    err.print(f"[red]error:[/red] {message}", highlight=False)
    return typer.Exit(code)


def print_json(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
