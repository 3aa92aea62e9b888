"""The Ask tab in Debian chromium on a real `policykg serve`: every answer keeps its own
citations, Clear starts over, filters show as chips and narrow the answer, and ``/ask``
with and without filters returns what ``policykg ask --json`` prints."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from gradio_client import Client
from playwright.sync_api import expect

from tests.conftest import REPO, cli_json
from tests.test_app import ask_in_chat, browser, page, served, server  # noqa: F401

pytestmark = pytest.mark.browser

SCREENS = REPO / "test-artifacts" / "screens"  # `make screens` copies them to docs/screens
WAIT_MS = 90_000  # a guard against a hang, not a measurement
FAULT_TOLERANCE = "有哪些容错纠错做法？"


def last_answer(view):
    return view.locator('#pk-chat [data-testid="bot"]').last


def wait_for_answer(view, number: int) -> None:
    """Until answer ``number`` has arrived with its sources listed (its first one open)."""
    expect(view.locator('#pk-chat [data-testid="bot"]')).to_have_count(number, timeout=WAIT_MS)
    expect(view.locator("#pk-sources")).to_contain_text(f"Sources of answer {number} ")


def screenshot(view, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    view.screenshot(path=str(SCREENS / name), full_page=True)


def test_each_answer_opens_its_own_citations(page, server: str) -> None:  # noqa: F811
    first = Client(server, verbose=False).predict(FAULT_TOLERANCE, api_name="/ask")
    assert len(first["citations"]) >= 2
    ask_in_chat(page, FAULT_TOLERANCE)
    wait_for_answer(page, 1)
    ask_in_chat(page, "哪些地区实行协议年薪？")
    wait_for_answer(page, 2)
    expect(page.locator("#pk-panel mark.pk-quote")).to_contain_text("协议年薪")
    # [2] of the first answer, clicked after the second answer came: the first's source 2.
    page.locator('#pk-chat a[href="#pk-cite-1-2"]').first.click()
    expect(page.locator("#pk-panel .pk-cite-head")).to_contain_text("Answer 1 · source [2]")
    quote = first["citations"][1]["quote"]
    expect(page.locator("#pk-panel mark.pk-quote")).to_have_text(quote)
    expect(page.locator("#pk-panel")).to_contain_text(first["citations"][1]["locator"])
    legal = f"{first['citations'][1]['reference']}：“{quote}”"  # then GB/T 7714
    expect(page.locator("#pk-reference textarea")).to_have_value(re.compile(re.escape(legal)))
    sources = page.locator("#pk-sources")
    expect(sources).to_contain_text("Sources of answer 1")
    assert sources.locator("input[type=radio]").count() == len(first["citations"])
    expect(sources.locator("input[type=radio]").nth(1)).to_be_checked()
    screenshot(page, "ask-citation-of-an-earlier-answer.png")
    # And back to the second answer's own [1].
    page.locator('#pk-chat a[href="#pk-cite-2-1"]').first.click()
    expect(page.locator("#pk-panel .pk-cite-head")).to_contain_text("Answer 2 · source [1]")
    expect(page.locator("#pk-panel mark.pk-quote")).to_contain_text("协议年薪")


def test_clear_forgets_the_topic_and_empties_the_panel(page, server: str) -> None:  # noqa: F811
    ask_in_chat(page, "上海在物质激励方面有哪些做法？")
    wait_for_answer(page, 1)
    ask_in_chat(page, "那浙江呢？")  # a follow-up: 浙江 on the topic asked before
    wait_for_answer(page, 2)
    followed = last_answer(page).inner_text()
    assert "绩效工资" in followed
    page.locator("#pk-chat").get_by_role("button", name="Clear").click()
    expect(page.locator("#pk-panel")).to_have_text("")
    expect(page.locator("#pk-reference textarea")).to_have_value("")
    expect(page.locator("#pk-sources input[type=radio]")).to_have_count(0)
    screenshot(page, "ask-cleared.png")
    ask_in_chat(page, "那浙江呢？")
    fresh = Client(server, verbose=False).predict("那浙江呢？", api_name="/ask")
    expect(last_answer(page)).to_contain_text(fresh["answer"], timeout=WAIT_MS)
    assert "绩效工资" not in last_answer(page).inner_text()  # no topic carried over
    screenshot(page, "ask-after-clear.png")


def choose(view, field: str, option: str) -> None:
    view.locator(f"#{field} input").first.click()
    view.get_by_role("option", name=option).click()
    view.keyboard.press("Escape")


def test_filters_show_as_chips_and_narrow_the_answer(page) -> None:  # noqa: F811
    ask_in_chat(page, FAULT_TOLERANCE)
    wait_for_answer(page, 1)
    unfiltered = last_answer(page).inner_text()
    assert "上海市" in unfiltered and "浙江省" in unfiltered
    page.get_by_text("Filters 筛选").click()
    chips = page.locator("#pk-facet-chips")
    expect(chips).to_contain_text("No filters")
    choose(page, "pk-facet-regions", "浙江省 Zhejiang")
    expect(chips.locator(".pk-chip")).to_have_text(["地区 浙江省"])
    page.locator("#pk-chat").get_by_role("button", name="Clear").click()  # a new topic
    ask_in_chat(page, FAULT_TOLERANCE)
    wait_for_answer(page, 1)
    answer = last_answer(page)
    expect(answer).to_contain_text("筛选 Filters: 地区 浙江省")
    assert "浙江省" in answer.inner_text() and "上海市" not in answer.inner_text()
    screenshot(page, "ask-filtered-by-region.png")
    page.locator("#pk-facet-from textarea, #pk-facet-from input").first.fill("2024-13")
    page.locator("#pk-facet-from textarea, #pk-facet-from input").first.press("Tab")
    expect(chips.locator(".pk-chip-error")).to_contain_text("no such date '2024-13'")
    ask_in_chat(page, FAULT_TOLERANCE)
    expect(last_answer(page)).to_contain_text("no such date '2024-13'", timeout=WAIT_MS)
    screenshot(page, "ask-filter-refused.png")


def test_api_with_and_without_filters_returns_the_cli_json(
    served: tuple[subprocess.Popen, str],  # noqa: F811
    tmp_path: Path,
) -> None:
    process, url = served
    arguments = [str(argument) for argument in process.args]  # type: ignore[union-attr]
    data_dir = Path(arguments[arguments.index("--data-dir") + 1])
    copy = tmp_path / "data"  # the server holds its own; the CLI reads the same data
    shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns("LOCK"))
    client = Client(url, verbose=False)
    plain = client.predict(FAULT_TOLERANCE, api_name="/ask")
    assert plain == cli_json(copy, "ask", FAULT_TOLERANCE)
    filtered = client.predict(
        FAULT_TOLERANCE, regions=["安徽"], types=["fault_tolerance"], api_name="/ask"
    )
    options = ("--region", "安徽", "--type", "fault_tolerance")
    assert filtered == cli_json(copy, "ask", FAULT_TOLERANCE, *options)
    assert filtered != plain and [r["label_zh"] for r in filtered["regions"]] == ["安徽省"]
    empty = client.predict(FAULT_TOLERANCE, date_from="1990", date_to="1991", api_name="/ask")
    assert empty == cli_json(copy, "ask", FAULT_TOLERANCE, "--from", "1990", "--to", "1991")
    assert (empty["regions"], empty["citations"]) == ([], [])
    refused = client.predict(FAULT_TOLERANCE, kinds=["法规汇编"], api_name="/ask")
    assert "unknown document kind '法规汇编'" in refused["error"]
