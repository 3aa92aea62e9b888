"""The Graph tab's network: elements from the bundled corpus, filters, the ego view, the page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from policykg.ingest.iris import incentive_type_iri, measure_iri, region_iri
from policykg.ingest.models import Citation, MeasureMention, Status
from policykg.ingest.vocab import load_vocabulary
from policykg.kg.analytics import project
from policykg.library import Library
from policykg.retrieval.records import expand_regions
from policykg.ui.app import Workspace
from policykg.ui.app.network import (
    FILE_URL,
    SCRIPTS,
    STATIC,
    ego_choices,
    ego_elements,
    group_by_iri,
    legend_html,
    network_elements,
    network_page,
)
from policykg.ui.app.tabs.graph import network_html
from tests.conftest import SEED

ALL_TYPES = list(load_vocabulary().codes)
ALL_STATUSES = [status.value for status in Status]


def draw(library: Library, scope: set[str] | None = None, **kwargs: object) -> list[dict]:
    """The elements of the bundled corpus's network with ``kwargs`` as the filters."""
    filters: dict = {"types": ALL_TYPES, "statuses": ALL_STATUSES} | kwargs
    return network_elements(
        project(library.graph, with_provisions=False),
        group_by_iri(library.catalog().measures),
        library.store.citation,
        scope,
        filters["types"],
        filters["statuses"],
        filters.get("ego"),
    )


def nodes_of(elements: list[dict]) -> dict[str, dict]:
    return {e["data"]["id"]: e["data"] for e in elements if "source" not in e["data"]}


def edges_of(elements: list[dict]) -> set[tuple[str, str, str]]:
    return {
        (e["data"]["source"], e["data"]["target"], e["data"]["relation"])
        for e in elements
        if "source" in e["data"]
    }


def test_each_measure_links_to_its_type_and_the_regions_of_its_mentions(
    seed_library: Library,
) -> None:
    elements = draw(seed_library)
    mentions = seed_library.catalog().measures
    measures = {str(measure_iri(m.key)) for m in mentions}
    regions = {str(region_iri(code)) for m in mentions for code in m.region_codes}
    concepts = {str(incentive_type_iri(m.incentive_type)) for m in mentions}
    nodes = nodes_of(elements)
    assert set(nodes) == measures | regions | concepts
    expected = {
        (str(measure_iri(m.key)), str(incentive_type_iri(m.incentive_type)), "hasType")
        for m in mentions
    }
    expected |= {
        (str(measure_iri(m.key)), str(region_iri(code)), "inRegion")
        for m in mentions
        for code in m.region_codes
    }
    assert edges_of(elements) == expected
    assert nodes[str(region_iri("330000"))]["label"] == "浙江省"


def test_a_region_filter_keeps_only_the_regions_in_scope(seed_library: Library) -> None:
    scope = expand_regions(seed_library.gazetteer, ["330000"])
    nodes = nodes_of(draw(seed_library, scope))
    regions = {n["id"].rsplit("/", 1)[-1] for n in nodes.values() if n["kind"] == "Region"}
    assert regions == {"330000", "331024", "330226", "330100", "330324"}
    in_scope = {
        str(measure_iri(m.key))
        for m in seed_library.catalog().measures
        if scope.intersection(m.region_codes)
    }
    assert {n for n, d in nodes.items() if d["kind"] == "Measure"} == in_scope


def test_a_region_lists_its_measures_with_verbatim_citations(seed_library: Library) -> None:
    region = nodes_of(draw(seed_library))[str(region_iri("340100"))]
    mentions = [m for m in seed_library.catalog().measures if "340100" in m.region_codes]
    expected = set()
    for mention in mentions:
        citation = seed_library.store.citation(mention.provision_id)
        assert citation is not None
        expected.add((mention.label_zh, citation.quote, citation.doc_title, citation.locator))
    rows = region["rows"]
    assert {(r["measure"], r["quote"], r["document"], r["locator"]) for r in rows} == expected
    text = SEED.read_text(encoding="utf-8")
    assert all(r["quote"] in text and r["regions"] == ["合肥市"] for r in rows)
    assert region["measures"] == len({m.key for m in mentions}) == 6


def test_the_status_filter_and_edge_style_follow_the_mentions(seed_library: Library) -> None:
    jiangsu = str(region_iri("320000"))
    recommended = draw(seed_library, statuses=["recommended"])
    assert jiangsu in nodes_of(recommended)
    statuses = {e["data"]["status"] for e in recommended if e["data"].get("relation") == "inRegion"}
    assert statuses == {"recommended"}
    assert jiangsu not in nodes_of(draw(seed_library, statuses=["adopted"]))


def one_measure_network(statuses: list[Status]) -> tuple[nx.MultiDiGraph, dict]:
    """A measure mentioned once per status in one region: the firmest status draws the edge."""
    measure, region, concept = (
        str(measure_iri("容错")),
        str(region_iri("330000")),
        str(incentive_type_iri("fault_tolerance")),
    )
    network = nx.MultiDiGraph()
    network.add_node(measure, type="Measure", label="容错", label_en="fault tolerance")
    network.add_node(region, type="Region", label="浙江省", label_en="Zhejiang", level="province")
    network.add_node(concept, type="IncentiveType", label="容错纠错", label_en="fault tolerance")
    mentions = [
        MeasureMention(
            "容错",
            "容错",
            "fault tolerance",
            "fault_tolerance",
            status,
            ("330000",),
            "d",
            f"p{n}",
            0,
            2,
        )
        for n, status in enumerate(statuses)
    ]
    return network, {measure: mentions}


def quote_of(provision_id: str) -> Citation:
    return Citation(
        "d", "《通知》", provision_id, "一、", 0, 2, f"容错 {provision_id}", "x", "第1条"
    )


def test_an_edge_carries_the_firmest_status_of_its_mentions() -> None:
    network, mentions = one_measure_network([Status.RECOMMENDED, Status.ADOPTED])
    elements = network_elements(network, mentions, quote_of, None, ALL_TYPES, ALL_STATUSES)
    (edge,) = [e["data"] for e in elements if e["data"].get("relation") == "inRegion"]
    assert edge["status"] == "adopted"
    elements = network_elements(network, mentions, quote_of, None, ALL_TYPES, ["recommended"])
    (edge,) = [e["data"] for e in elements if e["data"].get("relation") == "inRegion"]
    assert edge["status"] == "recommended"
    assert [r["quote"] for r in nodes_of(elements)[str(region_iri("330000"))]["rows"]] == [
        "容错 p0"
    ]


def test_the_ego_view_of_a_region_is_it_and_its_measures(seed_library: Library) -> None:
    hefei = str(region_iri("340100"))
    elements = draw(seed_library, ego=hefei)
    measures = {
        str(measure_iri(m.key))
        for m in seed_library.catalog().measures
        if "340100" in m.region_codes
    }
    assert set(nodes_of(elements)) == {hefei} | measures
    assert edges_of(elements) == {(m, hefei, "inRegion") for m in measures}


def test_the_ego_view_of_a_measure_is_it_its_type_and_its_regions(seed_library: Library) -> None:
    mention = next(m for m in seed_library.catalog().measures if m.key == "容错纠错")
    centre = str(measure_iri(mention.key))
    regions = {
        str(region_iri(code))
        for m in seed_library.catalog().measures
        if m.key == mention.key
        for code in m.region_codes
    }
    assert len(regions) == 2  # 上海市 adopted, 江苏省 recommended
    elements = draw(seed_library, ego=centre)
    assert set(nodes_of(elements)) == {centre, str(incentive_type_iri("fault_tolerance"))} | regions


def test_an_ego_view_of_a_node_the_filters_dropped_is_empty(seed_library: Library) -> None:
    whole = draw(seed_library)
    assert ego_elements(whole, "https://w3id.org/policykg/id/region/999999") == []
    assert draw(seed_library, statuses=["adopted"], ego=str(region_iri("320000"))) == []


def test_a_filter_that_matches_nothing_is_named_in_a_message(seed_library: Library) -> None:
    workspace = Workspace(seed_library)
    assert (
        draw(seed_library, expand_regions(seed_library.gazetteer, ["320000"]), statuses=["adopted"])
        == []
    )
    message = network_html(workspace, "320000", ALL_TYPES, ["adopted"])
    assert 'id="pk-network-empty"' in message and "<iframe" not in message
    assert "江苏省 Jiangsu" in message and "已实行 adopted" in message
    drawn = network_html(workspace, "320000", ALL_TYPES, ["recommended"])
    assert "<iframe" in drawn and "pk-network-empty" not in drawn


def test_ego_choices_are_the_regions_and_measures(seed_library: Library) -> None:
    network = project(seed_library.graph, with_provisions=False)
    choices = dict((value, label) for label, value in ego_choices(network))
    assert choices["whole"] == "整个网络 whole network"
    assert choices[str(region_iri("340100"))] == "合肥市 (地区 region)"
    assert choices[str(measure_iri("容错纠错"))] == "容错纠错机制 (措施 measure)"
    kinds = {network.nodes[n]["type"] for n in choices if n != "whole"}
    assert kinds == {"Region", "Measure"}


def test_the_legend_names_every_type_and_status_in_chinese_and_english() -> None:
    legend = legend_html()
    for entry in load_vocabulary().types:
        item = re.search(rf'<li class="pk-type" data-code="{entry.code}">(.*?)</li>', legend)
        assert item and entry.label_zh in item[1] and entry.label_en in item[1]
        assert entry.colour in item[1]
    for code, zh in (("adopted", "已实行"), ("required", "上级要求"), ("recommended", "建议推行")):
        item = re.search(rf'<li class="pk-status" data-code="{code}">(.*?)</li>', legend)
        assert item and zh in item[1] and code in item[1]


class StartTags(HTMLParser):
    """The elements a browser's parser would open, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.seen.append(tag)


def test_the_page_loads_local_files_and_keeps_document_text_out_of_markup() -> None:
    hostile = "</script><img src=x onerror=alert(1)>"
    elements = [{"data": {"id": "n", "label": hostile, "kind": "Measure", "rows": []}}]
    page = network_page(elements)
    tags = StartTags()
    tags.feed(page)
    assert "img" not in tags.seen and tags.seen.count("script") == len(SCRIPTS) + 2
    payload = re.search(r'<script type="application/json" id="pk-elements">(.*?)</script>', page)
    assert payload and json.loads(payload[1])[0]["data"]["label"] == hostile
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert len(sources) == len(SCRIPTS) + 1
    for source in sources:
        assert source.startswith(FILE_URL) and (STATIC / source.rsplit("/", 1)[-1]).is_file()


@pytest.mark.parametrize("name", ["cytoscape", "cytoscape-fcose", "cose-base", "layout-base"])
def test_each_shipped_script_has_its_licence_beside_it(name: str) -> None:
    assert (
        (STATIC / f"{name}.LICENSE.txt")
        .read_text(encoding="utf-8")
        .startswith(("MIT License", "Copyright"))
    )
    assert any(path.name.startswith(name) for path in SCRIPTS)
