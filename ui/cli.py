"""The ``policykg`` command line: a thin layer over the library.

Every command is imported and registered here, in the order ``--help`` lists them.
The global options go into typer's context (``ctx.obj``); each command builds its
settings from it once (``cli_common.settings_from``).

Example:
    $ policykg ingest corpus/ --json
    $ policykg measures --region 浙江 --type material --format csv
"""

from __future__ import annotations

import os
import sys
import warnings
from typing import Annotated

import typer

from policykg.ui.cli_common import CliOptions, UsageError, err
from policykg.ui.commands_ask import ask_command, eval_command, reindex
from policykg.ui.commands_graph import compare_regions, export_graph, graph_stats, sparql, validate
from policykg.ui.commands_library import documents, ingest, measures, remove, show
from policykg.ui.commands_meta import diff, meta, timeline_command, versions
from policykg.ui.commands_serve import serve
from policykg.ui.commands_store import pull, push

app = typer.Typer(
    name="policykg",
    help="Offline knowledge graph and retrieval over Chinese cadre-incentive policy texts.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def global_options(
    ctx: typer.Context,
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
    # A fresh context per invocation: one command's choice never leaks into the next.
    ctx.obj = CliOptions(store=store)


app.command()(ingest)
app.command()(documents)
app.command()(show)
app.command()(meta)
app.command()(versions)
app.command()(diff)
app.command(name="timeline")(timeline_command)
app.command()(remove)
app.command()(measures)
app.command()(sparql)
app.command()(validate)
app.command(name="compare")(compare_regions)
app.command(name="export")(export_graph)
app.command(name="graph-stats")(graph_stats)
app.command(name="ask")(ask_command)
app.command(name="eval")(eval_command)
app.command()(reindex)
app.command()(serve)
app.command()(push)
app.command()(pull)


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
