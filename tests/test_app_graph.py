"""The Graph tab in Debian chromium against a real `policykg serve`: one test per promise.

Expectations come from the same bundled corpus ingested in-process (``seed_library``),
never from the page itself. Screenshots of each state go to ``test-artifacts/screens/graph-*.png`` (``make screens``).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Frame, Page, expect

from policykg.ingest.iris import incentive_type_iri, measure_iri, region_iri
from policykg.ingest.models import Status
from policykg.ingest.vocab import load_vocabulary
from policykg.library import Library
from policykg.retrieval.records import expand_regions
from policykg.ui.app.network import STATUS_LABELS
from tests.conftest import REPO, SEED
from tests.test_app import browser, page, served, server  # noqa: F401
from tests.test_network import draw, nodes_of

pytestmark = pytest.mark.browser


@pytest.fixture
def tab(page: Page) -> Page:  # noqa: F811 - the fixture imported from tests.test_app
    """The app in a fresh browser page (each test opens the Graph tab itself)."""
    return page


SCREENS = REPO / "test-artifacts" / "screens"  # `make screens` copies them to docs/screens

# Pairs of overlapping boxes among the labels drawn and among the node bodies, on screen.
OVERLAPS = """() => {
  const cy = window.pkCy;
  const hit = (a, b) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
  const pairs = (boxes) => boxes.reduce((n, a, i) =>
    n + boxes.slice(i + 1).filter((b) => hit(a, b)).length, 0);
  const only = (labels) => ({ includeNodes: !labels, includeEdges: false,
                              includeLabels: labels, includeOverlays: false });
  const labelled = cy.nodes(".labelled");
  return {
    labels: pairs(labelled.map((n) => n.renderedBoundingBox(only(true)))),
    bodies: pairs(cy.nodes().map((n) => n.renderedBoundingBox(only(false)))),
    fontPx: Math.min(...labelled.map((n) => n.numericStyle("font-size") * cy.zoom())),
  };
}"""
LABELLED = """(kind) => window.pkCy.nodes(`[kind = "${kind}"]`).filter((n) => n.hasClass("labelled"))
  .map((n) => n.id())"""


def screen(tab: Page, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENS / f"graph-{name}.png"), full_page=True)


def network(tab: Page) -> Frame:
    """The drawn network's frame, once its script has laid it out (a new one after a redraw)."""
    tab.wait_for_function(
        """() => { const frame = document.querySelector("#pk-network");
                   const win = frame && frame.contentWindow;
                   return Boolean(win && win.pkReady && !win.pkSeen); }""",
        timeout=60_000,
    )
    frame = tab.locator("#pk-network").element_handle().content_frame()
    assert frame is not None
    tab.locator("#pk-network").scroll_into_view_if_needed()
    return frame


def redraw(tab: Page, frame: Frame) -> None:
    """Mark the network on screen, so ``network`` waits for the one drawn next."""
    frame.evaluate("window.pkSeen = true")


def open_graph(tab: Page) -> Frame:
    """Select the Graph tab (again): the network it draws, not one already on screen."""
    tab.evaluate(
        """() => { const frame = document.querySelector("#pk-network");
                   if (frame && frame.contentWindow) frame.contentWindow.pkSeen = true; }"""
    )
    tab.get_by_role("tab", name="Graph").click()
    return network(tab)


def node_ids(frame: Frame) -> set[str]:
    return set(frame.evaluate("window.pkCy.nodes().map((n) => n.id())"))


def point_at(frame: Frame, node: str) -> tuple[float, float]:
    """Where ``node`` is on the tab, for the mouse."""
    position = frame.evaluate("(id) => window.pkCy.getElementById(id).renderedPosition()", node)
    canvas = frame.locator("#cy").bounding_box()
    assert canvas is not None
    return canvas["x"] + position["x"], canvas["y"] + position["y"]


def choose(tab: Page, label: str, option: str) -> None:
    """Pick ``option`` in the dropdown labelled ``label``, as a person does: type, then click."""
    box = tab.get_by_label(label)
    box.click()
    box.fill(option)
    tab.get_by_role("option", name=option, exact=True).click()


def test_the_network_draws_when_the_tab_opens(tab: Page, seed_library: Library) -> None:
    frame = open_graph(tab)  # no Draw pressed
    assert node_ids(frame) == set(nodes_of(draw(seed_library)))
    screen(tab, "open")


def test_the_layout_spreads_nodes_and_no_labels_overlap(tab: Page, seed_library: Library) -> None:
    frame = open_graph(tab)
    overlaps = frame.evaluate(OVERLAPS)
    assert overlaps["bodies"] == 0 and overlaps["labels"] == 0
    assert overlaps["fontPx"] >= 12  # the old view drew 9-px labels at every zoom
    nodes = nodes_of(draw(seed_library))
    types = {n for n, d in nodes.items() if d["kind"] == "IncentiveType"}
    regions = {n for n, d in nodes.items() if d["kind"] == "Region"}
    # The clusters' names: every type and most regions are labelled at the opening zoom.
    assert set(frame.evaluate(LABELLED, "IncentiveType")) == types
    assert len(frame.evaluate(LABELLED, "Region")) >= 0.8 * len(regions)
    # Measures are named on hover, or once zoomed in (here the network is too dense at first).
    assert frame.evaluate("window.pkFitZoom < window.pkLabelZoom")
    assert frame.evaluate(LABELLED, "Measure") == []


def test_measure_labels_appear_on_hover_and_on_zoom(tab: Page) -> None:
    frame = open_graph(tab)
    measure = frame.evaluate(
        """() => window.pkCy.nodes('[kind = "Measure"]').filter((n) => !n.hasClass("labelled"))
             .sort((a, b) => b.degree() - a.degree())[0].id()"""
    )
    label = "(id) => window.pkCy.getElementById(id).style('label')"
    assert frame.evaluate(label, measure) == ""
    tab.mouse.move(*point_at(frame, measure))
    name = frame.evaluate("(id) => window.pkCy.getElementById(id).data('label')", measure)
    shown = "([id, name]) => window.pkCy.getElementById(id).style('label') === name"
    frame.wait_for_function(shown, arg=[measure, name], timeout=10_000)
    screen(tab, "hover")
    tab.mouse.move(*point_at(frame, measure))
    for _ in range(30):  # the wheel, as a person zooms, until measures are due their labels
        if frame.evaluate("window.pkCy.zoom() >= window.pkLabelZoom"):
            break
        tab.mouse.wheel(0, -50)
        frame.wait_for_timeout(50)
    frame.wait_for_function(
        """() => window.pkCy.nodes('.labelled[kind = "Measure"]').length > 10""", timeout=10_000
    )
    overlaps = frame.evaluate(OVERLAPS)
    assert overlaps["labels"] == 0 and overlaps["fontPx"] >= 12
    legend = frame.locator("#legend").bounding_box()
    assert legend is not None
    tab.mouse.move(legend["x"] + 4, legend["y"] + 4)  # off the node: the view unfaded
    frame.wait_for_function("() => window.pkCy.elements('.faded').length === 0", timeout=10_000)
    screen(tab, "zoom")


def test_the_legend_names_types_and_statuses_in_chinese_and_english(tab: Page) -> None:
    frame = open_graph(tab)
    for entry in load_vocabulary().types:
        item = frame.locator(f'#legend li.pk-type[data-code="{entry.code}"]')
        expect(item).to_have_text(f"{entry.label_zh} {entry.label_en}")
        swatch = item.locator(".pk-swatch").evaluate("(s) => getComputedStyle(s).backgroundColor")
        red, green, blue = (int(entry.colour[i : i + 2], 16) for i in (1, 3, 5))
        assert swatch == f"rgb({red}, {green}, {blue})"
    for status in Status:
        zh, en = STATUS_LABELS[status]
        item = frame.locator(f'#legend li.pk-status[data-code="{status.value}"]')
        expect(item).to_have_text(f"{zh} {en}")
    expect(frame.locator("#legend")).to_contain_text("地区 region")
    SCREENS.mkdir(parents=True, exist_ok=True)
    frame.locator("#legend").screenshot(path=str(SCREENS / "graph-legend.png"))


def test_clicking_a_region_lists_its_measures_with_citations(
    tab: Page, seed_library: Library
) -> None:
    mentions = seed_library.catalog().measures
    busiest = max(
        {code for m in mentions for code in m.region_codes},
        key=lambda code: sum(code in m.region_codes for m in mentions),
    )
    expected = set()
    for mention in (m for m in mentions if busiest in m.region_codes):
        citation = seed_library.store.citation(mention.provision_id)
        assert citation is not None
        expected.add((mention.label_zh, citation.quote, citation.doc_title, citation.locator))
    frame = open_graph(tab)
    tab.mouse.click(*point_at(frame, str(region_iri(busiest))))
    rows = frame.locator("#pk-rows > li")
    expect(rows).to_have_count(len(expected))
    listed = set()
    for item in rows.all():
        source = item.locator(".pk-source").inner_text()
        match = re.fullmatch(r"《(.+)》 (.+)", source)
        assert match, source
        quote = item.locator(".pk-quote").inner_text().strip("“”")
        measure = item.locator(".pk-measure").evaluate("(m) => m.firstChild.textContent")
        listed.add((measure, quote, match[1], match[2]))
    assert listed == expected
    text = SEED.read_text(encoding="utf-8")
    assert all(quote in text for _, quote, _, _ in listed)
    name = seed_library.gazetteer.get(busiest)
    assert name is not None
    expect(frame.locator("#details h3")).to_have_text(name.name_zh)
    screen(tab, "region")


def test_a_filter_that_matches_nothing_says_so(tab: Page, seed_library: Library) -> None:
    mentions = seed_library.catalog().measures
    region, status = next(
        (code, status)
        for code in sorted({c for m in mentions for c in m.region_codes})
        for status in Status
        if not any(
            m.status is status
            and expand_regions(seed_library.gazetteer, [code]).intersection(m.region_codes)
            for m in mentions
        )
    )
    place = seed_library.gazetteer.get(region)
    assert place is not None
    frame = open_graph(tab)
    choose(tab, "Region (with its sub-regions)", f"{place.name_zh} {place.name_en}")
    for other in Status:
        if other is not status:
            tab.get_by_label(" ".join(STATUS_LABELS[other]), exact=True).uncheck()
    redraw(tab, frame)
    tab.get_by_role("button", name="Draw").click()
    message = tab.locator("#pk-network-empty")
    expect(message).to_contain_text("No measure matches these filters")
    expect(message).to_contain_text(f"{place.name_zh} {place.name_en}")
    expect(message).to_contain_text(" ".join(STATUS_LABELS[status]))
    expect(tab.locator("#pk-network")).to_have_count(0)
    screen(tab, "empty")


def test_the_ego_view_shows_one_node_and_its_neighbours(tab: Page, seed_library: Library) -> None:
    mentions = seed_library.catalog().measures
    frame = open_graph(tab)
    redraw(tab, frame)
    choose(tab, "Ego view: one region or measure and its neighbours", "合肥市 (地区 region)")
    frame = network(tab)
    hefei = [m for m in mentions if "340100" in m.region_codes]
    assert hefei
    assert node_ids(frame) == {str(region_iri("340100"))} | {str(measure_iri(m.key)) for m in hefei}
    screen(tab, "ego-region")
    redraw(tab, frame)
    choose(tab, "Ego view: one region or measure and its neighbours", "容错纠错机制 (措施 measure)")
    frame = network(tab)
    same = [m for m in mentions if m.key == "容错纠错"]
    regions = {str(region_iri(code)) for m in same for code in m.region_codes}
    centre = {str(measure_iri("容错纠错")), str(incentive_type_iri("fault_tolerance"))}
    assert len(regions) == 2 and node_ids(frame) == centre | regions
    screen(tab, "ego-measure")


# Last in this module: it adds a document to the module's server.
def test_an_uploaded_region_appears_in_the_graph_choices_without_a_reload(
    tab: Page, tmp_path
) -> None:
    open_graph(tab)
    tab.get_by_label("Region (with its sub-regions)").click()
    expect(tab.get_by_role("option", name="苏州市 Suzhou City")).to_have_count(0)
    tab.keyboard.press("Escape")
    upload = tmp_path / "苏州市激励干部通知.txt"
    upload.write_text(
        "苏州市关于激励干部担当作为的通知\n一、总体要求\n"
        "苏州市建立容错纠错机制，推行干部谈心谈话制度，对改革创新中的失误予以容错。\n",
        encoding="utf-8",
    )
    tab.get_by_role("tab", name="Library").click()
    tab.locator("#pk-upload input[type=file]").set_input_files(str(upload))
    expect(tab.locator("#pk-upload-report")).to_contain_text("ingested", timeout=120_000)
    frame = open_graph(tab)
    choose(tab, "Region (with its sub-regions)", "苏州市 Suzhou City")
    redraw(tab, frame)
    tab.get_by_role("button", name="Draw").click()
    frame = network(tab)
    assert str(region_iri("320500")) in node_ids(frame)
    screen(tab, "after-upload")
