"""HTML and text views the app shows: citations, the provision panel, the network.

Everything from a document is escaped before it meets HTML; the network view
puts node details in as text (``textContent``), never as markup.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Iterable, Sequence
from importlib import resources
from pathlib import Path

import networkx as nx

from policykg.ingest.iris import measure_iri
from policykg.ingest.models import Citation, MeasureMention, VersionStatus
from policykg.ingest.records import Answer
from policykg.ingest.references import CiteStyle, reference
from policykg.ingest.store import Store
from policykg.ingest.vocab import load_vocabulary

STATIC = Path(str(resources.files("policykg.ui").joinpath("static")))
CYTOSCAPE_JS = STATIC / "cytoscape.min.js"

UNKNOWN_COLOUR = "#333"  # a node whose type the vocabulary does not know
REGION_COLOUR = "#7f7f7f"

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def markdown_text(text: str) -> str:
    """Document text inside chat markdown: shown literally, never interpreted."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def type_labels() -> dict[str, str]:
    """Incentive-type code → "容错纠错 fault tolerance and error correction", from the vocabulary."""
    return {entry.code: f"{entry.label_zh} {entry.label_en}" for entry in load_vocabulary().types}


def type_colours() -> dict[str, str]:
    """Incentive-type code → colour, in the vocabulary's order."""
    return {entry.code: entry.colour for entry in load_vocabulary().types}


def source_line(number: int, citation: Citation) -> str:
    """One numbered source under an answer: [n] 《title》 section: "quote"."""
    section = f" {citation.section}" if citation.section else ""
    title = markdown_text(citation.doc_title)
    quote = markdown_text(citation.quote)
    return f"\\[{number}\\] 《{title}》{markdown_text(section)}：“{quote}”"


def answer_markdown(answer: Answer) -> str:
    """The answer text (ours, markdown tables included) and its numbered sources."""
    sources = [source_line(n, c) for n, c in enumerate(answer.citations, start=1)]
    return answer.answer + ("\n\n" + "\n\n".join(sources) if sources else "")


def drafter_reference(citation: Citation) -> str:
    """What the copy button gives: the legal-style reference with the quote, then GB/T 7714."""
    legal = reference(citation, CiteStyle.LEGAL)
    return f"{legal}：“{citation.quote}”\n{reference(citation, CiteStyle.GBT7714)}"


def provision_panel(store: Store, citation: Citation) -> str:
    """The cited provision in its paragraph, the quoted span highlighted (all escaped)."""
    document = store.document(citation.doc_id)
    if document is None:
        return "<p>The cited document is no longer in the library.</p>"
    provision = store.provision(citation.provision_id)
    start, end = citation.start, citation.end
    if provision is not None:
        same = [p for p in store.provisions(citation.doc_id) if p.paragraph == provision.paragraph]
        start = min((p.start for p in same), default=start)
        end = max((p.end for p in same), default=end)
    text = document.text
    before = html.escape(text[start : citation.start])
    quoted = html.escape(text[citation.start : citation.end])
    after = html.escape(text[citation.end : end])
    meta = document.meta
    facts = [
        ("Document", meta.title),
        ("Section", citation.section or "—"),
        ("Issuer", meta.authority or "—"),
        ("Document number", meta.doc_number or "—"),
        ("Date", meta.date or "—"),
        ("Kind", meta.doc_kind.value if meta.doc_kind else "—"),
        ("Version", _status_label(store.version_status(document.doc_id))),
        ("Span", f"[{citation.start}, {citation.end})"),
        ("Document id", document.doc_id),
    ]
    rows = "".join(
        f"<tr><th>{html.escape(label)}</th><td>{html.escape(str(value))}</td></tr>"
        for label, value in facts
    )
    return (
        '<div class="pk-provision">'
        f'<table class="pk-facts">{rows}</table>'
        f'<p class="pk-paragraph">{before}<mark class="pk-quote">{quoted}</mark>{after}</p>'
        "</div>"
    )


def _status_label(status: VersionStatus | None) -> str:
    """A version's status as 北大法宝 names it (时效性), with the code."""
    labels = {
        VersionStatus.IN_FORCE: "现行有效 (in force)",
        VersionStatus.SUPERSEDED: "已被修改 (superseded)",
        VersionStatus.REPEALED: "已废止 (repealed)",
        VersionStatus.UNKNOWN: "未知 (unknown)",
    }
    return labels[status] if status else "—"


def network_elements(
    network: nx.MultiDiGraph,
    mentions_by_iri: dict[str, list[MeasureMention]],
    cite: Callable[[str], Citation | None],
    region_scope: set[str] | None,
    types: Sequence[str],
    statuses: Sequence[str],
) -> list[dict]:
    """Cytoscape elements: measures that pass the filters, their types and regions."""
    keep = _kept_measures(network, mentions_by_iri, region_scope, types, statuses)
    elements: list[dict] = []
    added: set[str] = set()
    colours = type_colours()

    def add_node(node: str) -> None:
        if node in added:
            return
        added.add(node)
        data = network.nodes[node]
        kind = data.get("type", "")
        info = _node_info(node, data, mentions_by_iri, cite)
        colour = _node_colour(node, kind, mentions_by_iri, colours)
        label = str(data.get("label", ""))
        node_data = {"id": node, "label": label, "kind": kind, "colour": colour, "info": info}
        elements.append({"data": node_data})

    for node in sorted(keep):
        add_node(node)
        for _, target, edge in network.out_edges(node, data=True):
            if edge.get("relation") in ("hasType", "inRegion"):
                add_node(target)
                relation = edge["relation"]
                edge_id = f"{node}>{target}>{relation}"
                edge_data = {"id": edge_id, "source": node, "target": target, "relation": relation}
                elements.append({"data": edge_data})
    return elements


def _kept_measures(
    network: nx.MultiDiGraph,
    mentions_by_iri: dict[str, list[MeasureMention]],
    region_scope: set[str] | None,
    types: Sequence[str],
    statuses: Sequence[str],
) -> set[str]:
    """The measure nodes with a mention of a chosen type and status in the region scope."""
    keep: set[str] = set()
    for node, data in network.nodes(data=True):
        if data.get("type") != "Measure":
            continue
        mentions = [
            m
            for m in mentions_by_iri.get(node, [])
            if m.incentive_type in types and m.status.value in statuses
        ]
        if region_scope is not None:
            mentions = [m for m in mentions if region_scope.intersection(m.region_codes)]
        if mentions:
            keep.add(node)
    return keep


def _node_colour(
    node: str, kind: str, mentions_by_iri: dict[str, list[MeasureMention]], colours: dict[str, str]
) -> str:
    """A measure and an incentive type take their type's colour; a region is grey."""
    if kind == "Measure":
        mentions = mentions_by_iri.get(node, [])
        kind_code = mentions[0].incentive_type if mentions else ""
        return colours.get(kind_code, UNKNOWN_COLOUR)
    if kind == "IncentiveType":
        return colours.get(node.rsplit("/", 1)[-1], UNKNOWN_COLOUR)
    return REGION_COLOUR


def _node_info(
    node: str,
    data: dict,
    mentions_by_iri: dict[str, list[MeasureMention]],
    cite: Callable[[str], Citation | None],
) -> str:
    lines = [str(data.get("label", "")), str(data.get("label_en", ""))]
    kind = data.get("type")
    if kind == "Region":
        lines.append(f"{data.get('level', '')} · code {data.get('code', '')}")
    for mention in mentions_by_iri.get(node, [])[:5]:
        lines.append(f"{mention.incentive_type} · {mention.status.value}")
        citation = cite(mention.provision_id)
        if citation is not None:
            lines.append(f"《{citation.doc_title}》 [{citation.start}:{citation.end}]")
            lines.append(f"“{citation.quote}”")
    return "\n".join(line for line in lines if line)


def group_by_iri(mentions: Iterable[MeasureMention]) -> dict[str, list[MeasureMention]]:
    grouped: dict[str, list[MeasureMention]] = {}
    for mention in mentions:
        grouped.setdefault(str(measure_iri(mention.key)), []).append(mention)
    return grouped


def network_page(elements: list[dict], script_url: str) -> str:
    """A self-contained page for an ``<iframe srcdoc>``: cytoscape.js, a legend, details."""
    payload = json.dumps(elements, ensure_ascii=False).replace("</", "<\\/")
    legend = "".join(
        f'<span style="color:{html.escape(colour)}">●</span> {html.escape(code)} '
        for code, colour in type_colours().items()
    )
    return f"""<!doctype html><html><head><meta charset="utf-8">
<style>
body {{ margin:0; font-family: "WenQuanYi Micro Hei", sans-serif; font-size:13px; }}
#cy {{ position:absolute; left:0; top:24px; right:320px; bottom:0; }}
#legend {{ position:absolute; left:4px; top:2px; }}
#details {{ position:absolute; right:0; top:0; bottom:0; width:310px; overflow:auto;
  white-space:pre-wrap; border-left:1px solid #ccc; padding:6px; }}
</style></head><body>
<div id="legend">{legend}<span style="color:{REGION_COLOUR}">●</span> region</div>
<div id="cy"></div><div id="details">Click a node to see its details and citations.</div>
<script src="{html.escape(script_url)}"></script>
<script>
const elements = {payload};
const cy = cytoscape({{
  container: document.getElementById("cy"),
  elements: elements,
  style: [
    {{ selector: "node", style: {{ "background-color": "data(colour)", "label": "data(label)",
       "font-size": 9, "width": 14, "height": 14 }} }},
    {{ selector: "node[kind = 'Region']", style: {{ "shape": "round-rectangle" }} }},
    {{ selector: "node[kind = 'IncentiveType']", style: {{ "shape": "diamond", "width": 22, "height": 22 }} }},
    {{ selector: "edge", style: {{ "width": 1, "line-color": "#bbb" }} }}
  ],
  layout: {{ name: elements.length > 400 ? "grid" : "cose", animate: false }}
}});
window.pkNodeCount = cy.nodes().length;
cy.on("tap", "node", (event) => {{
  document.getElementById("details").textContent = event.target.data("info");
}});
</script></body></html>"""


def network_iframe(page: str, height: int = 560) -> str:
    return (
        f'<iframe id="pk-network" title="network" style="width:100%;height:{height}px;border:0" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>'
    )
