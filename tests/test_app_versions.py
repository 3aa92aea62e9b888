"""The Versions tab and metadata corrections in a real browser (Debian chromium) on a real
server: two versions uploaded through the Library tab form one work, their diff is marked
side by side, a timeline point opens its citation, and a correction reaches the store."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import REPO, cli_json
from tests.test_app import browser, page, served, server  # noqa: F401
from tests.test_versions_view import TITLE, VERSIONS, write_versions

pytestmark = pytest.mark.browser

SCREENS = REPO / "test-artifacts" / "screens"  # `make screens` copies them to docs/screens
WAIT_MS = 120_000


def shoot(page: Page, name: str) -> None:  # noqa: F811
    SCREENS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENS / name), full_page=True)


@pytest.fixture(scope="module")
def uploaded(browser, server: str, tmp_path_factory: pytest.TempPathFactory) -> str:  # noqa: F811
    """The two versions uploaded once, through the Library tab, for every test here."""
    paths = write_versions(tmp_path_factory.mktemp("versions-upload"))
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    view = context.new_page()
    view.goto(server)
    view.get_by_role("tab", name="Library").click()
    view.locator("#pk-upload input[type=file]").set_input_files([str(p) for p in paths])
    report = view.locator("#pk-upload-report")
    for name in VERSIONS:
        expect(report).to_contain_text(name, timeout=WAIT_MS)
    outcomes = report.inner_text()  # the report comes back whole, once every file is done
    assert outcomes.count("ingested") == 2, outcomes
    context.close()
    return server


def open_versions(page: Page) -> None:  # noqa: F811
    page.get_by_role("tab", name="Versions").click()
    expect(page.locator("#pk-works")).to_contain_text(TITLE, timeout=WAIT_MS)


def pick(page: Page, label: str, text: str) -> None:  # noqa: F811
    """Choose the option of dropdown ``label`` that contains ``text``, then close the list."""
    box = page.get_by_label(label)
    box.click()
    listbox = page.locator(f"#{box.get_attribute('aria-controls')}")
    listbox.get_by_role("option", name=text, exact=False).click()
    expect(box).to_have_value(re.compile(re.escape(text)))
    box.blur()


def test_the_work_lists_both_versions_and_the_diff_is_marked(page: Page, uploaded: str) -> None:  # noqa: F811
    open_versions(page)
    work = page.locator("#pk-works tr", has_text=TITLE)
    versions = work.locator("li")
    expect(versions).to_have_count(2)
    expect(versions.nth(0)).to_have_attribute("data-status", "superseded")
    expect(versions.nth(0)).to_contain_text("2020-05-01")
    expect(versions.nth(1)).to_have_attribute("data-status", "in_force")
    expect(versions.nth(1)).to_contain_text("2024-06-01")
    # The default pair: the two versions of the first work that has two.
    expect(page.get_by_label("Old version")).to_have_value(re.compile("2020-05-01"))
    expect(page.get_by_label("New version")).to_have_value(re.compile("2024-06-01"))
    diff = page.locator("#pk-diff")
    changed = diff.locator('tr[data-change="changed"]', has_text="乡镇工作补贴")
    expect(changed).to_have_count(1, timeout=WAIT_MS)
    expect(changed.locator("td").nth(1).locator("del")).to_have_text("3")
    expect(changed.locator("td").nth(2).locator("ins")).to_have_text("5")
    added = diff.locator('tr[data-change="added"]')
    expect(added).to_contain_text("第四条全市推行干部职级晋升激励")
    expect(diff.locator('[data-count="unchanged"]')).to_have_text("2")
    shoot(page, "versions-diff.png")
    # Swapped, the allowance falls from 500 to 300: the marks follow the pick.
    pick(page, "Old version", "2024-06-01")
    pick(page, "New version", "2020-05-01")
    expect(changed.locator("td").nth(1).locator("del")).to_have_text("5", timeout=WAIT_MS)
    expect(diff.locator('tr[data-change="removed"]')).to_contain_text("干部职级晋升激励")


def test_a_timeline_point_opens_its_citation(page: Page, uploaded: str) -> None:  # noqa: F811
    open_versions(page)
    chart = page.locator("#pk-timeline")
    point = chart.locator("a.pk-tl-point", has=page.locator("title", has_text="干部职级晋升激励"))
    expect(point).to_have_count(1, timeout=WAIT_MS)
    title = point.locator("title").text_content()
    assert title == "丽水市 · 干部职级晋升激励 · 2024-06-01"
    expect(page.locator("#pk-tl-table")).to_contain_text("干部职级晋升激励")
    panels = chart.locator(".pk-tl-cite")
    assert chart.locator("a.pk-tl-point").count() == panels.count() >= 3  # a panel per point
    expect(chart.locator(".pk-tl-cite").first).to_be_hidden()
    point.locator("circle").click()
    shown = chart.locator(".pk-tl-cite:visible")
    expect(shown).to_have_count(1)
    expect(shown.locator("blockquote")).to_have_text(
        "第四条 全市推行干部职级晋升激励，对实绩突出的干部优先晋升职级。"
    )
    expect(shown).to_contain_text(f"《{TITLE}》 第四条")
    expect(chart.locator(".pk-tl-hint")).to_be_hidden()
    shoot(page, "versions-timeline-citation.png")
    page.locator("#pk-tl-measure textarea, #pk-tl-measure input").first.fill("乡镇工作补贴")
    page.locator("#pk-tl-run").click()
    expect(chart.locator("a.pk-tl-point")).to_have_count(1, timeout=WAIT_MS)
    expect(chart.locator("a.pk-tl-point title")).to_have_text("丽水市 · 乡镇工作补贴 · 2020-05-01")
    expect(page.locator("#pk-tl-csv a")).to_have_attribute("href", re.compile(r"timeline\.csv$"))
    shoot(page, "versions-timeline-filtered.png")


def test_a_metadata_correction_shows_in_the_table_and_the_store(
    page: Page,  # noqa: F811
    uploaded: str,
    served: tuple[subprocess.Popen, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    page.get_by_role("tab", name="Library").click()
    table = page.locator("#pk-documents")
    row = table.get_by_role("row").filter(has_text="丽水激励条例-2020.md")
    expect(row).to_have_count(1, timeout=WAIT_MS)
    doc_id = row.get_by_role("gridcell").first.inner_text().strip()
    number = "丽常〔2020〕5号"
    pick(page, "Document (to remove or correct)", doc_id[:10])
    pick(page, "Field to correct", "doc_number")
    page.locator("#pk-meta-value textarea, #pk-meta-value input").first.fill(number)
    page.locator("#pk-meta-save").click()
    expect(page.locator("#pk-library-status")).to_contain_text(f"Saved: doc_number = {number}")
    expect(row).to_contain_text(number, timeout=WAIT_MS)
    shoot(page, "versions-meta-corrected.png")
    arguments = [str(a) for a in served[0].args]  # type: ignore[union-attr]
    copy = tmp_path / "data"  # the server holds its own; the CLI reads the same data
    data = Path(arguments[arguments.index("--data-dir") + 1])
    shutil.copytree(data, copy, ignore=shutil.ignore_patterns("LOCK"))
    shown = cli_json(copy, "meta", doc_id)
    assert (shown["doc_id"], shown["doc_number"], shown["corrected"]) == (
        doc_id,
        number,
        ["doc_number"],
    )
    assert shown["title"] == TITLE  # the other fields as the text states them


def test_compare_as_of_a_day_before_the_new_version(page: Page, uploaded: str) -> None:  # noqa: F811
    """The Compare tab's as-of box does what `policykg compare --as-of` does: on 2023-01-01
    the 2020 version was in force, so its allowance is cited and the 2024 measure is not."""
    page.get_by_role("tab", name="Compare").click()
    page.get_by_label("Regions").click()
    page.get_by_role("option", name="丽水市", exact=False).first.click()
    page.keyboard.press("Escape")
    box = page.locator("#pk-compare-as-of textarea, #pk-compare-as-of input").first
    run = page.get_by_role("button", name="Compare", exact=True)
    table, sources = page.locator("#pk-compare-table"), page.locator("#pk-compare-sources")
    box.fill("2023-01-01")
    run.click()
    expect(table.locator(".pk-as-of")).to_have_attribute(
        "data-as-of", "2023-01-01", timeout=WAIT_MS
    )
    matrix = table.locator("table.pk-matrix")
    expect(matrix).to_contain_text("乡镇工作补贴")
    expect(matrix).not_to_contain_text("干部职级晋升激励")  # made in 2024
    expect(matrix.locator(".pk-outdated")).to_have_count(0)  # in force on that day
    expect(sources).to_contain_text("乡镇干部每人每月发放乡镇工作补贴300元。")
    expect(sources).to_contain_text("第三条 · 2020-05-01")  # the version cited, by its date
    expect(sources).not_to_contain_text("500元")
    shoot(page, "compare-as-of.png")

    box.fill("2023-13-01")
    run.click()
    expect(table.locator("#pk-compare-error")).to_contain_text("no such date", timeout=WAIT_MS)
    box.fill("")  # today: the version in force now
    run.click()
    expect(matrix).to_contain_text("干部职级晋升激励", timeout=WAIT_MS)
    expect(table.locator(".pk-as-of")).to_have_count(0)
    expect(sources).to_contain_text("乡镇干部每人每月发放乡镇工作补贴500元。")
    expect(sources).not_to_contain_text("300元")
