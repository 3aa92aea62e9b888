"""The Graph tab's network: which measures, regions and types to draw, and the page that draws them.

``network_elements`` turns the projected graph and the catalog's measure mentions into
cytoscape elements, filtered by region, type and status, optionally cut down to one
node and its neighbours (``ego_elements``). Each node carries the citations of the
measures it stands for, so a click lists them beside the network without a round trip.

``network_page`` is a self-contained page for an ``<iframe srcdoc>``: the scripts and
the stylesheet come from ``ui/static/`` (never from the network), the elements as JSON
that ``network.js`` reads, and the legend built here. Document text reaches the page
only inside that JSON and is put into the side list as text (``textContent``).
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import networkx as nx

from policykg.ingest.iris import incentive_type_iri, measure_iri, region_iri
from policykg.ingest.models import Citation, MeasureMention, Status
from policykg.ingest.vocab import load_vocabulary

STATIC = Path(str(resources.files("policykg.ui").joinpath("static")))
CYTOSCAPE_JS = STATIC / "cytoscape.min.js"
# Loaded in this order: fcose needs cose-base, which needs layout-base.
SCRIPTS = (
    CYTOSCAPE_JS,
    STATIC / "layout-base.js",
    STATIC / "cose-base.js",
    STATIC / "cytoscape-fcose.js",
    STATIC / "network.js",
)
STYLESHEET = STATIC / "network.css"
FILE_URL = "/gradio_api/file="  # how the app serves a file under ``STATIC``

UNKNOWN_COLOUR = "#333333"  # a node whose type the vocabulary does not know
REGION_COLOUR = "#7f7f7f"
MAX_ROWS = 100  # citations listed for one node; a province of a large library has more
WHOLE_NETWORK = "whole"  # the ego choice that means no ego view

# The vocabulary has no status labels; these name them as a drafter would.
STATUS_LABELS = {
    Status.ADOPTED: ("已实行", "adopted"),
    Status.REQUIRED: ("上级要求", "required"),
    Status.RECOMMENDED: ("建议推行", "recommended"),
}
STATUS_LINES = {Status.ADOPTED: "solid", Status.REQUIRED: "dashed", Status.RECOMMENDED: "dotted"}
# When a measure has several statuses in one region, the edge shows the firmest.
_STATUS_RANK = {Status.ADOPTED: 0, Status.REQUIRED: 1, Status.RECOMMENDED: 2}
KIND_LABELS = {
    "Measure": ("措施", "measure"),
    "Region": ("地区", "region"),
    "IncentiveType": ("激励类型", "incentive type"),
}


@dataclass(frozen=True, slots=True)
class CitationRow:
    """One entry of a node's side list: a measure, its type and status, and its source."""

    measure: str
    measure_en: str
    incentive_type: str
    status: str
    regions: tuple[str, ...]
    quote: str
    document: str
    locator: str

    def to_json(self) -> dict[str, object]:
        return {
            "measure": self.measure,
            "measure_en": self.measure_en,
            "type": self.incentive_type,
            "status": self.status,
            "regions": list(self.regions),
            "quote": self.quote,
            "document": self.document,
            "locator": self.locator,
        }


def group_by_iri(mentions: Iterable[MeasureMention]) -> dict[str, list[MeasureMention]]:
    """The mentions of each measure concept, keyed by the measure's IRI."""
    grouped: dict[str, list[MeasureMention]] = {}
    for mention in mentions:
        grouped.setdefault(str(measure_iri(mention.key)), []).append(mention)
    return grouped


def kept_mentions(
    mentions_by_iri: dict[str, list[MeasureMention]],
    region_scope: set[str] | None,
    types: Sequence[str],
    statuses: Sequence[str],
) -> dict[str, list[MeasureMention]]:
    """Each measure's mentions of a chosen type and status in the region scope (if any)."""
    kept: dict[str, list[MeasureMention]] = {}
    for iri, mentions in mentions_by_iri.items():
        chosen = [
            m
            for m in mentions
            if m.incentive_type in types
            and m.status.value in statuses
            and (region_scope is None or region_scope.intersection(m.region_codes))
        ]
        if chosen:
            kept[iri] = chosen
    return kept


def network_elements(
    network: nx.MultiDiGraph,
    mentions_by_iri: dict[str, list[MeasureMention]],
    cite: Callable[[str], Citation | None],
    region_scope: set[str] | None,
    types: Sequence[str],
    statuses: Sequence[str],
    ego: str | None = None,
) -> list[dict]:
    """Cytoscape elements: the measures that pass the filters, their types and regions.

    Edges come from the kept mentions, so a measure links only to the regions in scope,
    and a region edge carries the firmest status among them. With ``ego`` (a node IRI),
    only that node and its neighbours remain (``ego_elements``).
    """
    kept = {
        iri: mentions
        for iri, mentions in kept_mentions(mentions_by_iri, region_scope, types, statuses).items()
        if iri in network
    }
    members: dict[str, list[MeasureMention]] = {}  # node → the mentions it stands for
    statuses_of: dict[tuple[str, str], Status] = {}
    for iri in sorted(kept):
        members[iri] = kept[iri]
        for mention in kept[iri]:
            concept = str(incentive_type_iri(mention.incentive_type))
            if concept in network:
                members.setdefault(concept, []).append(mention)
                statuses_of.setdefault((iri, concept), mention.status)
            for code in mention.region_codes:
                region = str(region_iri(code))
                if region not in network or (region_scope and code not in region_scope):
                    continue
                members.setdefault(region, []).append(mention)
                known = statuses_of.get((iri, region), mention.status)
                statuses_of[(iri, region)] = min(
                    known, mention.status, key=_STATUS_RANK.__getitem__
                )
    rows = _Rows(network, cite)
    elements = [_node(network, node, mentions, rows) for node, mentions in members.items()]
    elements.extend(_edge(network, pair, status) for pair, status in statuses_of.items())
    return ego_elements(elements, ego) if ego else elements


def _edge(network: nx.MultiDiGraph, pair: tuple[str, str], status: Status) -> dict:
    source, target = pair
    is_type = network.nodes[target].get("type") == "IncentiveType"
    relation = "hasType" if is_type else "inRegion"
    data = {"id": f"{source}>{target}>{relation}", "source": source, "target": target}
    data |= {"relation": relation, "status": "" if is_type else status.value}
    return {"data": data}


def _node(network: nx.MultiDiGraph, node: str, mentions: list[MeasureMention], rows: _Rows) -> dict:
    data = network.nodes[node]
    kind = str(data.get("type", ""))
    node_data = {
        "id": node,
        "label": str(data.get("label", "")),
        "label_en": str(data.get("label_en", "")),
        "kind": kind,
        "colour": _node_colour(node, kind, mentions),
        "detail": str(data.get("level", "")),
        "measures": len({m.key for m in mentions}),
        "rows": [row.to_json() for row in rows.of(mentions[:MAX_ROWS])],
    }
    return {"data": node_data}


def _node_colour(node: str, kind: str, mentions: list[MeasureMention]) -> str:
    """A measure and an incentive type take their type's colour; a region is grey."""
    colours = {entry.code: entry.colour for entry in load_vocabulary().types}
    if kind == "Measure":
        return colours.get(mentions[0].incentive_type if mentions else "", UNKNOWN_COLOUR)
    if kind == "IncentiveType":
        return colours.get(node.rsplit("/", 1)[-1], UNKNOWN_COLOUR)
    return REGION_COLOUR


class _Rows:
    """Citation rows for mentions, each provision looked up once (state: the lookups so far)."""

    def __init__(self, network: nx.MultiDiGraph, cite: Callable[[str], Citation | None]) -> None:
        self._network = network
        self._cite = cite
        self._citations: dict[str, Citation | None] = {}

    def of(self, mentions: Iterable[MeasureMention]) -> list[CitationRow]:
        rows: dict[CitationRow, None] = {}  # in order, each once
        for mention in mentions:
            if mention.provision_id not in self._citations:
                self._citations[mention.provision_id] = self._cite(mention.provision_id)
            citation = self._citations[mention.provision_id]
            if citation is None:  # removed from the store since the graph was built
                continue
            rows.setdefault(self._row(mention, citation))
        return list(rows)

    def _row(self, mention: MeasureMention, citation: Citation) -> CitationRow:
        regions = tuple(
            str(self._network.nodes[iri].get("label", code))
            for code in mention.region_codes
            if (iri := str(region_iri(code))) in self._network
        )
        return CitationRow(
            measure=mention.label_zh,
            measure_en=mention.label_en,
            incentive_type=mention.incentive_type,
            status=mention.status.value,
            regions=regions,
            quote=citation.quote,
            document=citation.doc_title,
            locator=citation.locator or citation.section,
        )


def ego_elements(elements: list[dict], centre: str) -> list[dict]:
    """``centre``, the nodes one edge away from it and the edges among them; [] if absent."""
    edges = [e for e in elements if "source" in e["data"]]
    if not any(e["data"]["id"] == centre for e in elements if "source" not in e["data"]):
        return []
    near = {centre}
    for edge in edges:
        ends = {edge["data"]["source"], edge["data"]["target"]}
        if centre in ends:
            near |= ends
    return [
        element
        for element in elements
        if (
            _within(element, near) if "source" in element["data"] else element["data"]["id"] in near
        )
    ]


def _within(edge: dict, nodes: set[str]) -> bool:
    return edge["data"]["source"] in nodes and edge["data"]["target"] in nodes


def ego_choices(network: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """The ego view's choices: the whole network, then the regions, then the measures."""
    choices = [("整个网络 whole network", WHOLE_NETWORK)]
    for kind in ("Region", "Measure"):
        kind_zh, kind_en = KIND_LABELS[kind]
        nodes = sorted(
            (str(data.get("label", "")), node)
            for node, data in network.nodes(data=True)
            if data.get("type") == kind
        )
        choices.extend((f"{label} ({kind_zh} {kind_en})", node) for label, node in nodes)
    return choices


def status_label(status: Status) -> str:
    """A status as the legend and the filter name it: "已实行 adopted"."""
    return " ".join(STATUS_LABELS[status])


def legend_html() -> str:
    """Each incentive type's colour and its Chinese and English names; the shapes; the statuses."""
    items = [
        f'<li class="pk-type" data-code="{html.escape(t.code)}">'
        f'<span class="pk-swatch" style="background:{html.escape(t.colour)}"></span>'
        f"<b>{html.escape(t.label_zh)}</b> {html.escape(t.label_en)}</li>"
        for t in load_vocabulary().types
    ]
    items.append(
        f'<li class="pk-kind"><span class="pk-swatch pk-region" style="background:{REGION_COLOUR}">'
        "</span><b>地区</b> region</li>"
    )
    items.extend(
        f'<li class="pk-status" data-code="{status.value}">'
        f'<span class="pk-line" style="border-top-style:{STATUS_LINES[status]}"></span>'
        f"<b>{zh}</b> {en}</li>"
        for status, (zh, en) in STATUS_LABELS.items()
    )
    return f'<ul id="legend" aria-label="legend">{"".join(items)}</ul>'


def _vocabulary_json() -> dict[str, object]:
    """What ``network.js`` needs to name types, statuses and kinds in the side list."""
    types = {t.code: [t.label_zh, t.label_en, t.colour] for t in load_vocabulary().types}
    statuses = {s.value: list(labels) for s, labels in STATUS_LABELS.items()}
    return {"types": types, "statuses": statuses, "kinds": KIND_LABELS}


def _json_script(element_id: str, value: object) -> str:
    # "</" inside the JSON would end the script element early; "<\/" is the same JSON string.
    payload = json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="{element_id}">{payload}</script>'


def network_page(elements: list[dict], file_url: str = FILE_URL) -> str:
    """A self-contained page for an ``<iframe srcdoc>``: the network, its legend, a side list."""
    scripts = "".join(
        f'<script src="{html.escape(file_url + str(path))}"></script>' for path in SCRIPTS
    )
    stylesheet = html.escape(file_url + str(STYLESHEET))
    return (
        '<!doctype html><html lang="zh"><head><meta charset="utf-8">'
        f'<link rel="stylesheet" href="{stylesheet}"></head><body>'
        f'<main id="pk-main">{legend_html()}<div id="cy"></div>'
        '<button id="fit" type="button">适应窗口 fit</button></main>'
        '<aside id="details"><p class="pk-hint">Hover a node for its name, scroll to zoom; '
        "click a region, measure or type to list its measures with their citations.</p></aside>"
        f"{_json_script('pk-elements', elements)}{_json_script('pk-vocab', _vocabulary_json())}"
        f"{scripts}</body></html>"
    )


def network_iframe(page: str, height: int = 640) -> str:
    """The page in an iframe of its own, so its scripts never meet the app's."""
    return (
        f'<iframe id="pk-network" title="network" style="width:100%;height:{height}px;border:0" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>'
    )


def empty_message(filters: Sequence[str]) -> str:
    """What the tab shows instead of an empty canvas: which filters matched nothing."""
    chosen = "".join(f"<li>{html.escape(line)}</li>" for line in filters)
    return (
        '<div id="pk-network-empty" role="status" class="pk-network-empty">'
        "<p><b>没有符合条件的措施。No measure matches these filters:</b></p>"
        f"<ul>{chosen}</ul>"
        "<p>Choose another region, more types or statuses, or the whole network.</p></div>"
    )
