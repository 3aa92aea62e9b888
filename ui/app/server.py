"""The app's frame and its server: the tabs in order, the queue, the launch."""

from __future__ import annotations

import html
from typing import Any

import gradio as gr

from policykg.ingest.vocab import load_vocabulary
from policykg.library import BUNDLED_CORPUS, Library
from policykg.ui.app.network import CYTOSCAPE_JS
from policykg.ui.app.tabs import ask, compare, export, graph, library, sparql, versions
from policykg.ui.app.wiring import Work, api, on
from policykg.ui.app.workspace import LibrarySummary, Workspace, library_summary

TABS = (
    ask.build,
    compare.build,
    graph.build,
    library.build,
    versions.build,
    sparql.build,
    export.build,
)
CSS = """
.pk-provision mark.pk-quote { background: #ffe58a; padding: 0 1px; }
.pk-facts th { text-align: left; padding-right: 8px; white-space: nowrap; }
.pk-chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 2px 0 6px; }
.pk-chip { background: #e8f0fe; border: 1px solid #a8c0f0; border-radius: 12px; padding: 1px 10px; font-size: 13px; }
.pk-chip-error { background: #fde8e8; border-color: #e0a0a0; color: #8a1c1c; }
.pk-chip-none { color: #777; font-size: 13px; }
#pk-chat a[href^="#pk-cite-"] { color: #1a56c4; font-weight: 600; text-decoration: none; cursor: pointer; }
#pk-chat a[href^="#pk-cite-"]:hover { text-decoration: underline; }
.pk-answer-facets { font-size: 12px; color: #555; background: #f2f5fb; border-radius: 8px; padding: 1px 8px; }
.pk-cite-head { font-weight: 600; margin: 0 0 4px; }
"""

TAB_CSS = compare.CSS + library.CSS  # the tabs' own rules, kept beside their markup


def build_app(workspace: Workspace) -> gr.Blocks:
    """The tabs, each built and wired by its own module, and the ``/ask`` API."""
    with gr.Blocks(title="policykg") as app:
        gr.Markdown("## policykg — cadre-incentive policies, with verbatim citations")
        summary = gr.HTML(elem_id="pk-summary")
        on(workspace, None, summary_html, None, summary, work=Work.BROWSE)
        with gr.Tabs() as tabs:
            for build in TABS:
                build(workspace)
        # Uploads and removals change the counts: opening any tab brings them up to date.
        on(workspace, tabs.select, summary_html, None, summary, work=Work.BROWSE)
        # The named API, outside the tabs: the same JSON object as `policykg ask --json`.
        api(workspace, ask.ask_json, "ask", Work.ASK)
    return app


def summary_html(workspace: Workspace) -> str:
    """The first page's line on the library, refreshed on page load and tab changes."""
    return render_summary(library_summary(workspace))


def render_summary(summary: LibrarySummary) -> str:
    """Documents, provisions, regions, measures by type and the last ingest, as one block."""
    vocab = load_vocabulary()

    def count(name: str, value: int, label: str) -> str:
        return f'{html.escape(label)} <b data-count="{name}">{value}</b>'

    totals = " · ".join(
        [
            count("documents", summary.documents, "Documents"),
            count("provisions", summary.provisions, "provisions"),
            count("regions", summary.regions, "regions named"),
        ]
    )
    kinds = " · ".join(
        f'{html.escape(vocab.type(code).label_zh)} <b data-type="{html.escape(code)}">{n}</b>'
        for code, n in summary.measures_by_type
    )
    when = f"{summary.last_ingest} UTC" if summary.last_ingest else "never"
    return (
        f'<div class="pk-summary"><div>{totals} · last ingest '
        f'<span data-count="last-ingest">{html.escape(when)}</span></div>'
        f"<div>Measures by incentive type: {kinds}</div></div>"
    )


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
        css=CSS + TAB_CSS,
        # Local fonts only: the default theme would fetch web fonts.
        theme=gr.themes.Default(
            font=["WenQuanYi Micro Hei", "sans-serif"], font_mono=["monospace"]
        ),
    )
    return app
