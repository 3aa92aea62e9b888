"""Graph commands: sparql, validate, compare, export, graph-stats."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table as RichTable

from policykg.kg.analytics import central_nodes, project, similar_regions
from policykg.kg.compare import Comparison, comparison_rows, write_comparison_csv
from policykg.kg.export import ExportFormat, export
from policykg.kg.sparql import QueryRefused, render, run_query
from policykg.kg.validate import validate_graph
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
from policykg.ui.comparing import compare_in_force


def sparql(
    ctx: typer.Context,
    query: Annotated[str, typer.Argument(help="A SPARQL query, or @FILE to read one.")],
    output: FormatOption = None,
    as_json: JsonFlag = False,
    data_dir: DataDir = None,
) -> None:
    """Run a read-only SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE); updates exit 2."""
    chosen = chosen_format(output, as_json)
    text = Path(query[1:]).read_text(encoding="utf-8") if query.startswith("@") else query
    with open_library(settings_from(ctx, data_dir)) as library:
        try:
            table = run_query(library.graph, text)
        except QueryRefused as error:
            raise fail(str(error)) from None
    text = render(table, chosen)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")  # CSV ends its own rows


def validate(ctx: typer.Context, data_dir: DataDir = None) -> None:
    """Check the graph against the SHACL shapes and every quote against its source text."""
    with open_library(settings_from(ctx, data_dir)) as library:
        report = validate_graph(library.graph, library.store)
    if report.conforms:
        print(f"valid: SHACL shapes hold and {report.checked_quotes} quotes are verbatim")
        return
    for problem in report.problems:
        print(problem)
    raise fail(f"{len(report.problems)} problems", code=1)


def compare_regions(
    ctx: typer.Context,
    regions: Annotated[
        list[str], typer.Argument(help="Two or more regions: 上海 浙江, Shanghai Zhejiang.")
    ],
    incentive_type: TypeOption = None,
    as_of: AsOfOption = None,
    output: FormatOption = None,
    as_json: JsonFlag = False,
    as_csv: CsvFlag = False,
    data_dir: DataDir = None,
) -> None:
    """Compare regions (with their sub-regions) by incentive type, with a citation per measure.

    Versions in force are preferred: what an outdated version says of a measure its
    version in force states is left out, and a measure only outdated versions state is
    marked so. ``--as-of`` compares as of a day.
    """
    chosen = chosen_format(output, as_json, as_csv)
    day = as_of_day(as_of)
    with open_library(settings_from(ctx, data_dir)) as library:
        codes = []
        for name in regions:
            found = library.gazetteer.by_name(name)
            if not found:
                raise fail(f"unknown region {name!r}")
            codes.append(found[0].code)
        result = compare_in_force(library, codes, incentive_type, day)
        names = {code: library.gazetteer.path_zh(code)[-1] for code in codes}
    if chosen is OutputFormat.JSON:
        print_json([row.to_json() for row in comparison_rows(result, library.gazetteer)])
        return
    if chosen is OutputFormat.CSV:
        write_comparison_csv(result, names, sys.stdout)
        return
    _print_comparison(result, names)


def _print_comparison(result: Comparison, names: dict[str, str]) -> None:
    """One table row per measure: region, type, measure, who holds it, its quote (cut)."""
    table = RichTable("region", "type", "measure", "held by", "quote")
    for (code, kind_code), measures in result.cells.items():
        for m in measures:
            quote = m.citation.quote[:60] if m.citation else ""
            outdated = m.citation is not None and m.citation.in_force is False
            label = f"{m.label_zh} (outdated version)" if outdated else m.label_zh
            table.add_row(names[code], kind_code, label, "、".join(m.regions), quote)
    Console().print(table)


def export_graph(
    ctx: typer.Context,
    export_format: Annotated[ExportFormat, typer.Option("--format", help="Export format.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Target file (a folder for csv).")],
    data_dir: DataDir = None,
) -> None:
    """Export the graph: turtle, ntriples, jsonld, graphml, gexf, cytoscape or csv."""
    with open_library(settings_from(ctx, data_dir)) as library:
        written = export(library.graph, export_format, output)
    print(f"wrote {written}")


def graph_stats(
    ctx: typer.Context,
    data_dir: DataDir = None,
    output: FormatOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Counts, the most central measures and regions, and regions that share measures."""
    chosen = chosen_format(output, as_json)
    with open_library(settings_from(ctx, data_dir)) as library:
        network = project(library.graph, with_provisions=False)
        stats = {
            "triples": library.graph.triple_count(),
            "nodes": network.number_of_nodes(),
            "edges": network.number_of_edges(),
            "central_measures": central_nodes(network, "Measure"),
            "central_regions": central_nodes(network, "Region"),
            "similar_regions": similar_regions(network),
        }
    if chosen is OutputFormat.JSON:
        print_json(stats)
    elif chosen is OutputFormat.CSV:
        print_csv(("statistic", "name", "other", "value"), _stat_rows(stats))
    else:
        for key, value in stats.items():
            print(f"{key}: {value}")


def _stat_rows(stats: dict[str, Any]) -> list[tuple[object, ...]]:
    """One row per count, per central node (its score) and per similar pair (its overlap)."""
    rows: list[tuple[object, ...]] = [
        (key, "", "", stats[key]) for key in ("triples", "nodes", "edges")
    ]
    for key in ("central_measures", "central_regions"):
        rows += [(key, name, "", score) for name, score in stats[key]]
    rows += [("similar_regions", a, b, overlap) for a, b, overlap in stats["similar_regions"]]
    return rows
