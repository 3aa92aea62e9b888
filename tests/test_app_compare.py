"""Compare, Library, Export and SPARQL in a real browser (Debian chromium) on a real server:
the matrix fits and cites, choices follow uploads, removal asks first, the landing summary
counts the store, the CSV zip carries a BOM, the SPARQL tab opens ready and stops."""

from __future__ import annotations

import codecs
import subprocess
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests import test_app
from tests.conftest import REPO
from tests.test_app import sparql_workers
from tests.test_compare_matrix import store_counts

pytestmark = pytest.mark.browser
# test_app's fixtures, one server and one browser for this module.
browser, page, served, server = test_app.browser, test_app.page, test_app.served, test_app.server

SCREENS = REPO / "test-artifacts" / "screens"  # `make screens` copies them to docs/screens
FOUR = ("上海市", "浙江省", "江苏省", "安徽省")
NEW_REGION = "丽水市"
NOTICE = (
    "丽水市关于激励干部担当作为的通知\n"
    "一、丽水市推行“山区干部先锋榜”激励机制，对表现突出的干部及时奖励。\n"
)
RUNAWAY_SPARQL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def shoot(page: Page, name: str, full_page: bool = False) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / name), full_page=full_page)


def data_dir(served: tuple[subprocess.Popen, str]) -> Path:
    """The served data dir, from the server's own command line."""
    args = list(served[0].args)  # type: ignore[arg-type]
    return Path(args[args.index("--data-dir") + 1])


def pick_regions(page: Page, names: tuple[str, ...]) -> None:
    regions = page.get_by_label("Regions")
    for name in names:
        regions.click()
        page.get_by_role("option", name=name, exact=False).first.click()
    page.keyboard.press("Escape")


def region_options(page: Page, tab: str) -> list[str]:
    """The region choices a tab offers, read by opening its dropdown."""
    page.get_by_role("tab", name=tab).click()
    label = "Regions" if tab == "Compare" else "Region (with its sub-regions)"
    page.get_by_label(label).click()
    options = page.get_by_role("option")
    options.first.wait_for()
    names = options.all_inner_texts()
    page.keyboard.press("Escape")
    return names


# --- the landing summary ------------------------------------------------------


def test_the_landing_summary_counts_what_the_store_holds(page: Page, served) -> None:
    summary = page.locator("#pk-summary")
    summary.locator("[data-count=documents]").wait_for(timeout=30_000)
    counts = store_counts(data_dir(served) / "policykg.sqlite")
    shown = {
        name: summary.locator(f"[data-count={name}]").inner_text()
        for name in ("documents", "provisions", "regions")
    }
    assert shown == {k: str(counts[k]) for k in ("documents", "provisions", "regions")}
    by_type = counts["by_type"]
    assert isinstance(by_type, dict) and by_type
    for code, n in by_type.items():
        assert summary.locator(f"[data-type={code}]").inner_text() == str(n)
    assert summary.locator("[data-count=last-ingest]").inner_text() == f"{counts['last']} UTC"
    shoot(page, "library-landing-summary.png")


# --- Compare -------------------------------------------------------------------


def test_four_regions_by_eight_types_fit_and_every_source_says_whose(page: Page) -> None:
    page.get_by_role("tab", name="Compare").click()
    pick_regions(page, FOUR)
    page.get_by_role("button", name="Compare", exact=True).click()
    matrix = page.locator("#pk-compare-table table.pk-matrix")
    expect(matrix).to_contain_text("协议年薪", timeout=60_000)
    # Regions are the columns, and all of them are on screen: nothing scrolls sideways.
    headers = matrix.locator("thead th").all_inner_texts()
    assert [h.split("\n")[0] for h in headers[1:]] == list(FOUR)
    width = page.viewport_size["width"] if page.viewport_size else 0
    sizes = matrix.evaluate(
        "t => ({scroll: t.scrollWidth, client: t.clientWidth,"
        " right: t.getBoundingClientRect().right,"
        " page: document.documentElement.scrollWidth})"
    )
    assert sizes["scroll"] <= sizes["client"] + 2, sizes
    assert sizes["right"] <= width and sizes["page"] <= width, sizes
    rows = matrix.locator("tbody tr")
    assert rows.count() + len(page.locator(".pk-empty").all()) >= 1
    types_shown = rows.evaluate_all("rows => rows.map(r => r.dataset.type)")
    assert len(types_shown) >= 7  # the seed has measures of seven of the eight types
    shoot(page, "compare-matrix.png")

    # Each quote once; each source row names the regions and measures citing it.
    sources = page.locator("#pk-compare-sources table.pk-sources tbody tr")
    quotes = sources.locator("td:nth-child(3)").all_inner_texts()
    assert quotes and len(quotes) == len(set(quotes))
    items = matrix.locator("li").all_inner_texts()
    for where in sources.locator("td:nth-child(2)").all_inner_texts():
        for line in where.splitlines():
            region, _, labels = line.partition(" · ")
            assert region in FOUR, line
            assert all(
                any(item.startswith(label) for item in items) for label in labels.split("；")
            )
    # Near-duplicates of one region are one measure: the other labels listed under it.
    zhejiang = matrix.locator("tbody tr[data-type=fault_tolerance] td").nth(1)
    kept = zhejiang.locator("li").all_inner_texts()
    assert sum("同步启动" in item.split("\n")[0] for item in kept) == 1
    assert "= 问责调查与容错评估同步启动制度" in zhejiang.inner_text()
    page.locator("#pk-compare-sources").scroll_into_view_if_needed()
    shoot(page, "compare-sources.png")


# --- Library ----------------------------------------------------------------------


def test_the_library_headers_stay_on_one_line(page: Page) -> None:
    page.get_by_role("tab", name="Library").click()
    table = page.locator("#pk-documents")
    expect(table).to_contain_text("yangtze-delta", timeout=30_000)
    # How many lines each header's text takes: its height over its line height.
    heights = table.locator("th").evaluate_all(
        "ths => ths.map(th => {"
        " const text = th.querySelector('span.header') || th;"
        " const line = parseFloat(getComputedStyle(text).lineHeight);"
        " return [th.innerText.trim(), text.getBoundingClientRect().height / line]; })"
    )
    named = [(label, lines) for label, lines in heights if label]
    assert {label for label, _ in named} >= {"issuer", "date", "title", "文号"}
    assert all(lines < 1.5 for _, lines in named), named
    shoot(page, "library-table.png")


def test_an_upload_reaches_every_tab_and_remove_asks_first(
    page: Page, served, tmp_path: Path
) -> None:
    store = data_dir(served) / "policykg.sqlite"
    assert NEW_REGION not in region_options(page, "Compare")
    upload = tmp_path / "丽水-激励通知.txt"
    upload.write_text(NOTICE, encoding="utf-8")
    page.get_by_role("tab", name="Library").click()
    page.locator("#pk-upload input[type=file]").set_input_files(str(upload))
    expect(page.locator("#pk-upload-report")).to_contain_text("ingested", timeout=120_000)
    shoot(page, "library-uploaded.png")
    # The other tabs refresh their choices when opened: no reload.
    assert any(NEW_REGION in name for name in region_options(page, "Compare"))
    shoot(page, "compare-new-region.png")
    documents = store_counts(store)["documents"]
    # The landing summary follows too, once another tab is opened.
    summary = page.locator("#pk-summary [data-count=documents]")
    expect(summary).to_have_text(str(documents), timeout=30_000)

    page.get_by_role("tab", name="Library").click()
    page.get_by_label("Document (to remove or correct)").click()
    page.get_by_role("option", name="丽水市关于激励干部担当作为的通知", exact=False).click()
    page.get_by_role("button", name="Remove…").click()
    confirm = page.locator("#pk-remove-confirm")
    expect(confirm).to_be_visible(timeout=30_000)
    expect(page.locator("#pk-remove-question")).to_contain_text("Confirm remove")
    assert store_counts(store)["documents"] == documents  # asked, not removed
    shoot(page, "library-confirm-remove.png")
    page.locator("#pk-remove-cancel").click()
    expect(confirm).to_be_hidden(timeout=30_000)
    expect(page.locator("#pk-library-status")).to_contain_text("Nothing removed")
    assert store_counts(store)["documents"] == documents

    page.get_by_role("button", name="Remove…").click()
    confirm.click()
    expect(page.locator("#pk-library-status")).to_contain_text("Removed", timeout=60_000)
    expect(page.locator("#pk-documents")).not_to_contain_text("丽水-激励通知.txt")
    assert store_counts(store)["documents"] == documents - 1
    shoot(page, "library-removed.png")
    assert all(NEW_REGION not in name for name in region_options(page, "Compare"))


# --- Export ------------------------------------------------------------------------------


def test_the_csv_zip_downloads_with_a_bom_in_every_csv(page: Page, tmp_path: Path) -> None:
    page.get_by_role("tab", name="Export").click()
    page.get_by_label("csv").check()
    page.get_by_role("button", name="Export", exact=True).click()
    link = page.locator("#pk-export-file a[download$='.zip']").first
    link.wait_for(timeout=60_000)
    with page.expect_download() as download:
        link.click()
    path = tmp_path / "graph.zip"
    download.value.save_as(path)
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["edges.csv", "nodes.csv"]
        for name in archive.namelist():
            assert archive.read(name).startswith(codecs.BOM_UTF8), name
    shoot(page, "library-export-csv.png")


# --- SPARQL ------------------------------------------------------------------------------


def test_sparql_opens_with_its_example_and_a_long_query_can_be_stopped(page: Page, served) -> None:
    page.get_by_role("tab", name="SPARQL").click()
    editor = page.locator("#pk-sparql-query .cm-content")
    expect(editor).to_contain_text("SELECT", timeout=30_000)
    chosen = page.get_by_label("Example queries").input_value()
    example = (REPO / "kg" / "queries" / f"{chosen}.rq").read_text(encoding="utf-8")
    assert example.splitlines()[0] in editor.inner_text()
    page.get_by_role("button", name="Run", exact=True).click()
    status = page.locator("#pk-sparql-status")
    expect(status).to_contain_text("rows", timeout=30_000)
    assert "refused" not in status.inner_text()

    process = served[0]
    earlier = sparql_workers(process.pid)
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(RUNAWAY_SPARQL)
    page.get_by_role("button", name="Run", exact=True).click()
    running = page.get_by_text("Stop cancels it", exact=False).first
    running.wait_for(timeout=30_000)  # the progress line over the results
    assert sparql_workers(process.pid) - earlier  # a query process is running
    shoot(page, "sparql-running.png")
    page.get_by_role("button", name="Stop", exact=True).click()
    expect(status).to_have_text("Stopped: you cancelled the query.", timeout=30_000)
    assert not (sparql_workers(process.pid) - earlier)  # killed, not left to the limit
    shoot(page, "sparql-stopped.png")
