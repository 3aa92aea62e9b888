"""Exports for triple stores (Turtle, N-Triples, JSON-LD) and graph tools
(GraphML, GEXF, Cytoscape.js JSON, Neo4j-ready CSV).

Every export is written to a temporary file beside its target and renamed into
place, so an interrupted export never leaves a half-written file.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from enum import Enum
from pathlib import Path

import networkx as nx

from policykg.kg.analytics import project
from policykg.kg.base import GraphStore
from policykg.kg.build import PREFIXES

# Gephi colours by node type.
TYPE_COLOURS = {
    "Region": (31, 119, 180),
    "Measure": (255, 127, 14),
    "IncentiveType": (44, 160, 44),
    "Document": (148, 103, 189),
    "Provision": (140, 140, 140),
}


class ExportFormat(str, Enum):
    TURTLE = "turtle"
    NTRIPLES = "ntriples"
    JSONLD = "jsonld"
    GRAPHML = "graphml"
    GEXF = "gexf"
    CYTOSCAPE = "cytoscape"
    CSV = "csv"


class CsvEncoding(str, Enum):
    """How the CSV export is encoded: plain UTF-8 for tools, or with the BOM Excel needs.

    Excel on Chinese Windows opens a CSV without a byte-order mark as GBK and shows
    UTF-8 Chinese as mojibake; with the BOM it reads UTF-8.
    """

    UTF8 = "utf-8"
    EXCEL = "utf-8-sig"


def export(
    graph: GraphStore,
    export_format: ExportFormat,
    target: Path,
    csv_encoding: CsvEncoding = CsvEncoding.UTF8,
) -> Path:
    """Write the graph in ``export_format`` to ``target`` (a folder for CSV, in ``csv_encoding``)."""
    target = target.expanduser().resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    if export_format is ExportFormat.CSV:
        network = project(graph)
        _atomic_folder(target, lambda folder: write_csv(network, folder, csv_encoding))
        return target
    writer = _WRITERS[export_format]
    _atomic_file(target, lambda path: writer(graph, path))
    return target


def _shared_mode(full: int) -> int:
    """The mode a plain ``open`` would give: ``full`` less the process umask."""
    umask = os.umask(0)
    os.umask(umask)
    return full & ~umask


def _atomic_file(target: Path, write: Callable[[Path], None]) -> None:
    handle, temporary = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.", suffix=".part"
    )
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, _shared_mode(0o666))  # mkstemp's 0600 would hide the export
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _atomic_folder(target: Path, write: Callable[[Path], None]) -> None:
    temporary = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part"))
    try:
        write(temporary)
        os.chmod(temporary, _shared_mode(0o777))
        if target.exists():
            shutil.rmtree(target)
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            shutil.rmtree(temporary)


def _rdf(rdf_format: str) -> Callable[[GraphStore, Path], None]:
    def write(graph: GraphStore, path: Path) -> None:
        union = graph.union_graph()
        if rdf_format == "json-ld":
            context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
            union.serialize(
                destination=str(path), format="json-ld", context=context, auto_compact=True
            )
        else:
            union.serialize(destination=str(path), format=rdf_format, encoding="utf-8")

    return write


def _graphml(graph: GraphStore, path: Path) -> None:
    nx.write_graphml(_simple(project(graph)), path)


def _gexf(graph: GraphStore, path: Path) -> None:
    network = _simple(project(graph))
    for _, data in network.nodes(data=True):
        red, green, blue = TYPE_COLOURS.get(str(data.get("type")), (0, 0, 0))
        data["viz"] = {"color": {"r": red, "g": green, "b": blue, "a": 1.0}}
    nx.write_gexf(network, path)


def _cytoscape(graph: GraphStore, path: Path) -> None:
    network = project(graph)
    nodes = [{"data": {"id": node, **data}} for node, data in network.nodes(data=True)]
    edges = [
        {"data": {"id": f"e{index}", "source": a, "target": b, **data}}
        for index, (a, b, data) in enumerate(network.edges(data=True))
    ]
    path.write_text(
        json.dumps({"elements": {"nodes": nodes, "edges": edges}}, ensure_ascii=False), "utf-8"
    )


def _simple(network: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Attributes as plain strings, which GraphML and GEXF both accept."""
    copy = nx.MultiDiGraph()
    for node, data in network.nodes(data=True):
        copy.add_node(node, **{k: str(v) for k, v in data.items()})
    for a, b, key, data in network.edges(keys=True, data=True):
        copy.add_edge(a, b, key=key, **{k: str(v) for k, v in data.items()})
    return copy


def write_csv(
    network: nx.MultiDiGraph, folder: Path, encoding: CsvEncoding = CsvEncoding.UTF8
) -> None:
    """nodes.csv and edges.csv with the headers neo4j-admin's bulk import reads."""
    with (folder / "nodes.csv").open("w", newline="", encoding=encoding.value) as handle:
        writer = csv.writer(handle)
        writer.writerow(["id:ID", ":LABEL", "label", "label_en", "type"])
        for node, data in network.nodes(data=True):
            writer.writerow(
                [node, data.get("type"), data.get("label"), data.get("label_en"), data.get("type")]
            )
    with (folder / "edges.csv").open("w", newline="", encoding=encoding.value) as handle:
        writer = csv.writer(handle)
        writer.writerow([":START_ID", ":END_ID", ":TYPE", "status"])
        for a, b, data in network.edges(data=True):
            writer.writerow([a, b, data.get("relation"), data.get("status", "")])


_WRITERS: dict[ExportFormat, Callable[[GraphStore, Path], None]] = {
    ExportFormat.TURTLE: _rdf("turtle"),
    ExportFormat.NTRIPLES: _rdf("nt"),
    ExportFormat.JSONLD: _rdf("json-ld"),
    ExportFormat.GRAPHML: _graphml,
    ExportFormat.GEXF: _gexf,
    ExportFormat.CYTOSCAPE: _cytoscape,
}
