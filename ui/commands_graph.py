"""Graph commands: sparql, validate, compare, export, graph-stats."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table as RichTable

from policykg.ingest.models import IncentiveType
from policykg.ingest.vocab import incentive_type_code, load_vocabulary
from policykg.kg.analytics import central_nodes, project, similar_regions
from policykg.kg.compare import compare, comparison_rows, write_comparison_csv
from policykg.kg.export import ExportFormat, export
from policykg.kg.sparql import OutputFormat, QueryRefused, render, run_query
from policykg.kg.validate import validate_graph
from policykg.ui.cli_common import DataDir, JsonFlag, fail, open_library, print_json


def register(app: typer.Typer) -> None:
    app.command()(sparql)
    app.command()(validate)
    app.command(name="compare")(compare_regions)
    app.command(name="export")(export_graph)
    app.command(name="graph-stats")(graph_stats)


def sparql(
    query: Annotated[str, typer.Argument(help="A SPARQL query, or @FILE to read one.")],
    output: Annotated[
        OutputFormat, typer.Option("--format", help="Output format.")
    ] = OutputFormat.TABLE,
    data_dir: DataDir = None,
) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE); updates exit 2."""
    text = Path(query[1:]).read_text(encoding="utf-8") if query.startswith("@") else query
    with open_library(data_dir) as library:
        try:
            table = run_query(library.graph, text)
        except QueryRefused as error:
            raise fail(str(error)) from None
    sys.stdout.write(render(table, output) + "\n")


def validate(data_dir: DataDir = None) -> None:
    """Check the graph against the SHACL shapes and every quote against its source text."""
    with open_library(data_dir) as library:
        report = validate_graph(library.graph, library.store)
    if report.conforms:
        print(f"valid: SHACL shapes hold and {report.checked_quotes} quotes are verbatim")
        return
    for problem in report.problems:
        print(problem)
    raise fail(f"{len(report.problems)} problems", code=1)


def compare_regions(
    regions: Annotated[
        list[str], typer.Argument(help="Two or more regions: 上海 浙江, Shanghai Zhejiang.")
    ],
    incentive_type: Annotated[
        IncentiveType | None,
        typer.Option(
            "--type",
            parser=incentive_type_code,
            metavar="CODE",
            help=f"Only this incentive type: {', '.join(load_vocabulary().codes)}.",
        ),
    ] = None,
    as_json: JsonFlag = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="Print CSV.")] = False,
    data_dir: DataDir = None,
) -> None:
    """Compare regions (with their sub-regions) by incentive type, with a citation per measure."""
    with open_library(data_dir) as library:
        codes = []
        for name in regions:
            found = library.gazetteer.by_name(name)
            if not found:
                raise fail(f"unknown region {name!r}")
            codes.append(found[0].code)
        result = compare(library.graph, library.store, library.gazetteer, codes, incentive_type)
        names = {code: library.gazetteer.path_zh(code)[-1] for code in codes}
    if as_json:
        print_json([row.to_json() for row in comparison_rows(result, library.gazetteer)])
        return
    if as_csv:
        write_comparison_csv(result, names, sys.stdout)
        return
    rows = [
        (names[code], kind, measure)
        for (code, kind), measures in result.cells.items()
        for measure in measures
    ]
    table = RichTable("region", "type", "measure", "held by", "quote")
    for region, kind_code, m in rows:
        table.add_row(
            region,
            kind_code,
            m.label_zh,
            "、".join(m.regions),
            m.citation.quote[:60] if m.citation else "",
        )
    Console().print(table)


def export_graph(
    export_format: Annotated[ExportFormat, typer.Option("--format", help="Export format.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Target file (a folder for csv).")],
    data_dir: DataDir = None,
) -> None:
    """Export the graph: turtle, ntriples, jsonld, graphml, gexf, cytoscape or csv."""
    with open_library(data_dir) as library:
        written = export(library.graph, export_format, output)
    print(f"wrote {written}")


def graph_stats(data_dir: DataDir = None, as_json: JsonFlag = False) -> None:
    """Counts, the most central measures and regions, and regions that share measures."""
    with open_library(data_dir) as library:
        network = project(library.graph, with_provisions=False)
        stats = {
            "triples": library.graph.triple_count(),
            "nodes": network.number_of_nodes(),
            "edges": network.number_of_edges(),
            "central_measures": central_nodes(network, "Measure"),
            "central_regions": central_nodes(network, "Region"),
            "similar_regions": similar_regions(network),
        }
    if as_json:
        print_json(stats)
        return
    for key, value in stats.items():
        print(f"{key}: {value}")
