"""The Export tab: the graph as a file to download, in any export format."""

from __future__ import annotations

import shutil

import gradio as gr

from policykg.kg.export import CsvEncoding, ExportFormat, export
from policykg.ui.app.wiring import Work, on
from policykg.ui.app.workspace import Workspace

SUFFIXES = {
    ExportFormat.TURTLE: ".ttl",
    ExportFormat.NTRIPLES: ".nt",
    ExportFormat.JSONLD: ".jsonld",
    ExportFormat.GRAPHML: ".graphml",
    ExportFormat.GEXF: ".gexf",
    ExportFormat.CYTOSCAPE: ".cyjs.json",
    ExportFormat.CSV: "",  # a folder, downloaded as a zip
}


def build(workspace: Workspace) -> None:
    """A format choice, Export, and the file."""
    with gr.Tab("Export", id="export"):
        chosen = gr.Radio([f.value for f in ExportFormat], value="turtle", label="Format")
        button = gr.Button("Export", variant="primary")
        download = gr.File(label="Download", elem_id="pk-export-file")
    on(workspace, button.click, export_graph, chosen, download, work=Work.EXPORT)


def export_graph(workspace: Workspace, export_format: str) -> str:
    """The path of the exported file (a zip for the csv folder, each CSV with the UTF-8 BOM).

    The zip is for people who open it in Excel (on Chinese Windows it needs the BOM);
    ``policykg export --format csv`` writes plain UTF-8 for neo4j-admin.
    """
    chosen = ExportFormat(export_format)
    target = workspace.downloads / f"policykg{SUFFIXES[chosen]}"
    written = export(workspace.library.graph, chosen, target, CsvEncoding.EXCEL)
    if written.is_dir():
        return shutil.make_archive(str(written), "zip", written)
    return str(written)
