"""The Graph tab: measures, regions and incentive types as an interactive network."""

from __future__ import annotations

from typing import Any

import gradio as gr

from policykg.ingest.models import Status
from policykg.kg.analytics import project
from policykg.retrieval.records import expand_regions
from policykg.ui.app.views import (
    CYTOSCAPE_JS,
    group_by_iri,
    network_elements,
    network_iframe,
    network_page,
    type_labels,
)
from policykg.ui.app.wiring import Work, on
from policykg.ui.app.workspace import Workspace, region_choices


def build(workspace: Workspace) -> None:
    """Region, type and status filters, and the network drawn on demand."""
    labels = type_labels()
    statuses = [status.value for status in Status]
    with gr.Tab("Graph", id="graph"):
        with gr.Row():
            region = gr.Dropdown(label="Region (with its sub-regions)", choices=[])
            types = gr.CheckboxGroup(
                [(label, code) for code, label in labels.items()], value=list(labels), label="Types"
            )
            status = gr.CheckboxGroup(statuses, value=statuses, label="Status")
        draw = gr.Button("Draw", variant="primary")
        network = gr.HTML(elem_id="pk-network-box")
    on(workspace, draw.click, network_html, [region, types, status], network, work=Work.BROWSE)
    on(workspace, None, fill_regions, None, region, work=Work.BROWSE)


def fill_regions(workspace: Workspace) -> Any:
    """On page load: the regions the library mentions."""
    return gr.update(choices=region_choices(workspace))


def network_html(
    workspace: Workspace, region: str | None, types: list[str], statuses: list[str]
) -> str:
    """The network of the chosen region (and its sub-regions), types and statuses."""
    library = workspace.library
    network = project(library.graph, with_provisions=False)
    catalog = library.catalog()
    scope = expand_regions(library.gazetteer, [region]) if region else None
    # Citations are looked up only for the nodes drawn, not for every measure.
    elements = network_elements(
        network, group_by_iri(catalog.measures), library.store.citation, scope, types, statuses
    )
    page = network_page(elements, f"/gradio_api/file={CYTOSCAPE_JS}")
    return network_iframe(page)
