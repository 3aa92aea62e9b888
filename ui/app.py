"""The Gradio workspace: ask, read the source, compare, see the graph, manage the library, export.

The layout and the server; the handlers and their state are ``ui.workspace.Workspace``.
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported

from typing import Any

import gradio as gr

from policykg.ingest.models import Status
from policykg.ingest.readers import SUPPORTED
from policykg.ingest.vocab import load_vocabulary
from policykg.kg.export import ExportFormat
from policykg.library import BUNDLED_CORPUS, Library
from policykg.ui.views import (
    CYTOSCAPE_JS,
)
from policykg.ui.workspace import Workspace, example_queries

EXAMPLES = [
    "哪些地区实行协议年薪？",
    "Which regions use negotiated annual salaries?",
    "上海和浙江在物质激励方面有何不同?",
    "宁海县的快速响应奖励机制是什么？",
    "Which county runs a 'cadre star' selection?",
    "对江苏推进干部跨区域交流有什么建议？",
]
CSS = """
.pk-provision mark.pk-quote { background: #ffe58a; padding: 0 1px; }
.pk-facts th { text-align: left; padding-right: 8px; white-space: nowrap; }
"""


def type_labels() -> dict[str, str]:
    """Incentive-type code → "容错纠错 fault tolerance and error correction", from the vocabulary."""
    return {entry.code: f"{entry.label_zh} {entry.label_en}" for entry in load_vocabulary().types}


def build_app(workspace: Workspace) -> gr.Blocks:
    """The six tabs, wired to the workspace."""
    labels = type_labels()
    type_choices = [(label, code) for code, label in labels.items()]
    status_choices = [status.value for status in Status]
    queries = example_queries()
    with gr.Blocks(title="policykg") as app:
        gr.Markdown("## policykg — cadre-incentive policies, with verbatim citations")
        with gr.Tabs():
            with gr.Tab("Ask", id="ask"):
                previous = gr.State(None)
                citations = gr.State([])
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(label="Answers", height=460, elem_id="pk-chat")
                        question = gr.Textbox(
                            label="Question (中文 or English)",
                            placeholder="哪些地区实行协议年薪？",
                            submit_btn=True,
                            elem_id="pk-question",
                        )
                        gr.Examples(EXAMPLES, inputs=question, label="Examples")
                    with gr.Column(scale=2):
                        sources = gr.Radio(
                            label="Sources — open one", choices=[], elem_id="pk-sources"
                        )
                        panel = gr.HTML(elem_id="pk-panel")
                        reference = gr.Textbox(
                            label="Citation for drafters",
                            buttons=["copy"],
                            interactive=False,
                            elem_id="pk-reference",
                        )
                question.submit(
                    workspace.chat,
                    [question, chatbot, previous],
                    [chatbot, question, previous, citations, sources, panel, reference],
                    api_visibility="private",
                )
                sources.change(
                    workspace.open_citation,
                    [sources, citations],
                    [panel, reference],
                    api_visibility="private",
                )
            with gr.Tab("Compare", id="compare"):
                with gr.Row():
                    regions = gr.Dropdown(label="Regions", multiselect=True, choices=[])
                    kinds = gr.CheckboxGroup(type_choices, label="Incentive types (none = all)")
                run_compare = gr.Button("Compare", variant="primary")
                compare_table = gr.Dataframe(
                    label="Region × incentive type", wrap=True, elem_id="pk-compare-table"
                )
                compare_sources = gr.Dataframe(
                    headers=["#", "quote", "document", "span"], label="Citations", wrap=True
                )
                compare_csv = gr.File(label="Download CSV", elem_id="pk-compare-csv")

                def _compare(codes: list[str], types: list[str]) -> tuple[Any, Any, Any]:
                    table, cited, path = workspace.compare_table(codes, types)
                    headers = ["region"] + [labels[t] for t in (types or list(labels))]
                    return gr.update(value=table, headers=headers), cited, path

                run_compare.click(
                    _compare,
                    [regions, kinds],
                    [compare_table, compare_sources, compare_csv],
                    api_visibility="private",
                )
            with gr.Tab("Graph", id="graph"):
                with gr.Row():
                    graph_region = gr.Dropdown(label="Region (with its sub-regions)", choices=[])
                    graph_types = gr.CheckboxGroup(type_choices, value=list(labels), label="Types")
                    graph_status = gr.CheckboxGroup(
                        status_choices, value=status_choices, label="Status"
                    )
                draw = gr.Button("Draw", variant="primary")
                network = gr.HTML(elem_id="pk-network-box")
                draw.click(
                    workspace.network_html,
                    [graph_region, graph_types, graph_status],
                    network,
                    api_visibility="private",
                )
            with gr.Tab("Library", id="library"):
                documents = gr.Dataframe(
                    headers=["id", "title", "authority", "文号", "date", "chars", "file"],
                    label="Documents",
                    wrap=True,
                )
                uploads = gr.File(
                    label=f"Upload ({' '.join(sorted(SUPPORTED))}; "
                    f"up to {workspace.settings.max_file_bytes // (1024 * 1024)} MB each)",
                    file_count="multiple",
                    elem_id="pk-upload",
                )
                upload_report = gr.Dataframe(
                    headers=["file", "outcome", "reason"],
                    label="Upload results",
                    elem_id="pk-upload-report",
                )
                with gr.Row():
                    to_remove = gr.Dropdown(label="Document to remove", choices=[])
                    remove_button = gr.Button("Remove", variant="stop")
                    reindex_button = gr.Button("Re-index")
                library_status = gr.Markdown()

                # Gradio finds the progress tracker by this default value.
                def _upload(
                    files: list[str] | None,
                    progress: gr.Progress = gr.Progress(),  # noqa: B008
                ) -> tuple[Any, Any, Any]:
                    results = workspace.upload(files, progress)
                    table = workspace.documents_table()
                    return (
                        [[r.name, r.outcome, r.reason] for r in results],
                        table,
                        gr.update(choices=workspace.document_choices(table)),
                    )

                uploads.upload(
                    _upload,
                    uploads,
                    [upload_report, documents, to_remove],
                    api_visibility="private",
                )

                def _remove(doc_id: str | None) -> tuple[str, Any, Any]:
                    message = workspace.remove(doc_id)
                    table = workspace.documents_table()
                    return (
                        message,
                        table,
                        gr.update(choices=workspace.document_choices(table), value=None),
                    )

                remove_button.click(
                    _remove,
                    to_remove,
                    [library_status, documents, to_remove],
                    api_visibility="private",
                )
                reindex_button.click(
                    workspace.reindex, None, library_status, api_visibility="private"
                )
            with gr.Tab("SPARQL", id="sparql"):
                example = gr.Dropdown(list(queries), label="Example queries")
                query = gr.Code(language="sql", label="Read-only SPARQL", lines=10)
                run_query_button = gr.Button("Run", variant="primary")
                query_status = gr.Markdown()
                results = gr.Dataframe(label="Results", wrap=True)
                example.change(
                    lambda name: queries.get(name, ""), example, query, api_visibility="private"
                )
                run_query_button.click(
                    workspace.sparql, query, [results, query_status], api_visibility="private"
                )
            with gr.Tab("Export", id="export"):
                export_format = gr.Radio(
                    [f.value for f in ExportFormat], value="turtle", label="Format"
                )
                export_button = gr.Button("Export", variant="primary")
                export_file = gr.File(label="Download", elem_id="pk-export-file")
                export_button.click(
                    workspace.export, export_format, export_file, api_visibility="private"
                )

        # The named API: the same JSON object as `policykg ask --json`.
        gr.api(workspace.ask_json, api_name="ask")

        def _load() -> tuple[Any, Any, Any, Any]:
            choices = workspace.region_choices()
            table = workspace.documents_table()
            return (
                gr.update(choices=choices),
                gr.update(choices=choices),
                table,
                gr.update(choices=workspace.document_choices(table)),
            )

        app.load(
            _load, None, [regions, graph_region, documents, to_remove], api_visibility="private"
        )
    return app


def first_start(library: Library, on_progress: Any = None) -> int:
    """Ingest the bundled corpus into an empty library; the number of documents added."""
    if library.store.doc_ids():
        return 0
    report = library.ingest([BUNDLED_CORPUS], on_progress=on_progress)
    return len(report.ingested)


def launch(
    library: Library, host: str, port: int, auth: tuple[str, str] | None, block: bool = True
) -> gr.Blocks:
    """Serve the app on ``host:port`` through Gradio's queue; never a share link."""
    workspace = Workspace(library)
    workspace.warm()
    app = build_app(workspace)
    gr.set_static_paths([str(CYTOSCAPE_JS.parent)])
    app.queue(default_concurrency_limit=4)
    app.launch(
        server_name=host,
        server_port=port,
        auth=auth,
        share=False,
        inbrowser=False,
        prevent_thread_lock=not block,
        allowed_paths=[str(CYTOSCAPE_JS.parent), str(workspace.downloads)],
        max_file_size=library.settings.max_file_bytes,
        footer_links=["api"],
        css=CSS,
        # Local fonts only: the default theme would fetch web fonts.
        theme=gr.themes.Default(
            font=["WenQuanYi Micro Hei", "sans-serif"], font_mono=["monospace"]
        ),
    )
    return app
