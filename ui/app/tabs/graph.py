"""The Graph tab: measures, regions and incentive types as an interactive network.

The network draws when the tab is opened (and on Draw, and when a node is picked for
the ego view); its region and ego choices are read again each time, so regions an
upload added appear without a reload.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from policykg.ingest.models import Status
from policykg.kg.analytics import project
from policykg.retrieval.records import expand_regions
from policykg.ui.app.network import (
    STATUS_LABELS,
    WHOLE_NETWORK,
    ego_choices,
    empty_message,
    group_by_iri,
    network_elements,
    network_iframe,
    network_page,
    status_label,
)
from policykg.ui.app.views import type_labels
from policykg.ui.app.wiring import Work, on
from policykg.ui.app.workspace import Workspace, region_choices

ALL_REGIONS = ""  # the region choice that means no region filter


def build(workspace: Workspace) -> None:
    """Region, type, status and ego filters, and the network drawn on opening the tab."""
    labels = type_labels()
    statuses = [(status_label(status), status.value) for status in STATUS_LABELS]
    with gr.Tab("Graph", id="graph") as tab:
        with gr.Row():
            region = gr.Dropdown(label="Region (with its sub-regions)", choices=[])
            ego = gr.Dropdown(
                label="Ego view: one region or measure and its neighbours",
                choices=[],
                elem_id="pk-ego",
            )
        with gr.Row():
            types = gr.CheckboxGroup(
                [(label, code) for code, label in labels.items()], value=list(labels), label="Types"
            )
            status = gr.CheckboxGroup(
                statuses, value=[value for _, value in statuses], label="Status"
            )
        draw = gr.Button("Draw", variant="primary")
        network = gr.HTML(elem_id="pk-network-box")
    filters = [region, types, status, ego]
    on(
        workspace,
        [tab.select, draw.click, ego.input],
        network_html,
        filters,
        network,
        work=Work.BROWSE,
    )
    # On page load (no inputs: Gradio would also run it on their changes) and on each opening.
    on(workspace, None, fill_choices, None, [region, ego], work=Work.BROWSE)
    on(workspace, tab.select, fill_choices, [region, ego], [region, ego], work=Work.BROWSE)


def fill_choices(
    workspace: Workspace, region: str | None = None, ego: str | None = None
) -> tuple[Any, Any]:
    """The regions the library mentions and the ego view's nodes, as they are now."""
    regions = [("全部地区 all regions", ALL_REGIONS), *region_choices(workspace)]
    nodes = ego_choices(project(workspace.library.graph, with_provisions=False))
    # A choice an upload or a removal took away is dropped rather than kept dangling.
    region_value = region if region in {code for _, code in regions} else ALL_REGIONS
    ego_value = ego if ego in {node for _, node in nodes} else WHOLE_NETWORK
    return (
        gr.update(choices=regions, value=region_value),
        gr.update(choices=nodes, value=ego_value),
    )


def network_html(
    workspace: Workspace,
    region: str | None,
    types: list[str],
    statuses: list[str],
    ego: str | None = None,
) -> str:
    """The network of the chosen region (and its sub-regions), types and statuses.

    With ``ego`` (a region or measure IRI), only that node and its neighbours. When
    nothing passes the filters, a message that names them instead of an empty canvas.
    """
    library = workspace.library
    network = project(library.graph, with_provisions=False)
    catalog = library.catalog()
    scope = expand_regions(library.gazetteer, [region]) if region else None
    centre = ego if ego and ego != WHOLE_NETWORK else None
    # Citations are looked up only for the nodes drawn, not for every measure.
    elements = network_elements(
        network,
        group_by_iri(catalog.measures),
        library.store.citation,
        scope,
        types,
        statuses,
        centre,
    )
    if not elements:
        focus = str(network.nodes[centre].get("label", centre)) if centre in network else centre
        return empty_message(_filter_lines(workspace, region, types, statuses, focus))
    return network_iframe(network_page(elements))


def _filter_lines(
    workspace: Workspace, region: str | None, types: list[str], statuses: list[str], ego: str | None
) -> list[str]:
    """The chosen filters in words, for the message shown when they match nothing."""
    place = workspace.library.gazetteer.get(region) if region else None
    labels = type_labels()
    chosen = {status.value: status_label(status) for status in Status}
    lines = [
        f"地区 Region: {f'{place.name_zh} {place.name_en}' if place else region or '全部 all'}",
        f"类型 Types: {'、'.join(labels.get(t, t) for t in types) or '— none chosen'}",
        f"状态 Status: {'、'.join(chosen.get(s, s) for s in statuses) or '— none chosen'}",
    ]
    if ego:
        lines.append(f"只看 Ego view of: {ego}")
    return lines
