"""The serve command: the Gradio workspace on loopback (or elsewhere, only with --auth)."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Annotated

import typer

from policykg.ui.cli_common import DataDir, err, fail, open_library, settings_from

LOOPBACK_NAMES = {"localhost"}


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def parse_auth(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    user, sep, password = value.partition(":")
    if not sep or not user or not password:
        raise fail("--auth takes USER:PASS (both non-empty)")
    return user, password


def serve(
    ctx: typer.Context,
    data_dir: DataDir = None,
    host: Annotated[
        str, typer.Option(help="Address to bind (loopback unless --auth).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.", min=1, max=65535)] = 7860,
    auth: Annotated[
        str | None, typer.Option(help="USER:PASS; required to bind a non-loopback address.")
    ] = None,
) -> None:
    """Start the web app (Ask, Compare, Graph, Library, SPARQL, Export); the first start ingests corpus/."""
    credentials = parse_auth(auth)
    if not is_loopback(host) and credentials is None:
        raise fail(f"refusing to serve on {host} without --auth USER:PASS (loopback needs none)")
    from policykg.ui.app import first_start, launch  # gradio is imported only for this command

    with open_library(settings_from(ctx, data_dir)) as library:
        if not library.store.doc_ids():
            err.print("first start: ingesting the bundled corpus …")

            def on_progress(path: Path, done: int, total: int) -> None:
                err.print(f"  [{done}/{total}] {path.name}", highlight=False)

            added = first_start(library, on_progress)
            err.print(f"ingested {added} documents")
        err.print(f"serving on http://{host}:{port}")
        launch(library, host, port, credentials)
