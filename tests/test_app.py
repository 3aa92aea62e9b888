"""The app, served for real: the /ask API through gradio_client, and Debian chromium."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from gradio_client import Client
from playwright.sync_api import expect

from benchmarks.local_servers import start_policykg, stop
from tests.conftest import REPO, SEED

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = REPO / "test-artifacts"
XSS_TEXT = (
    "关于防注入演练的通知\n"
    "一、总体要求\n"
    "淳安县推行“防注入容错演练”机制<script>window.__pwned = 1</script>，"
    '并建立<img src="x" onerror="window.__pwned = 2">备案制度。\n'
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `policykg serve` on an empty data dir: the first start ingests corpus/."""
    process, url = start_policykg(tmp_path_factory.mktemp("app-data"))
    yield url
    stop(process)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is missing: `make test` installs it (make browser)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server: str):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.dialogs = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))  # type: ignore[attr-defined]
    page.goto(server)
    page.get_by_role("tab", name="Ask").wait_for()
    yield page
    context.close()


def ask_in_chat(page, question: str) -> None:
    box = page.locator("#pk-question textarea")
    box.fill(question)
    box.press("Enter")


# --- the API ------------------------------------------------------------------


def test_api_ask_returns_the_cli_json_with_verbatim_citations(server: str) -> None:
    client = Client(server, verbose=False)
    answer = client.predict("哪些地区实行协议年薪？", api_name="/ask")
    assert [r["iri"].rsplit("/", 1)[-1] for r in answer["regions"]] == ["Z31001"]
    text = SEED.read_text(encoding="utf-8")
    assert answer["citations"]
    for citation in answer["citations"]:
        assert text[citation["start"] : citation["end"]] == citation["quote"]
    assert set(answer) >= {
        "question",
        "lang",
        "intent",
        "answer",
        "regions",
        "measures",
        "citations",
    }


def test_concurrent_clients_are_served_through_the_queue(server: str) -> None:
    questions = ["哪些地区实行协议年薪？", "Which county runs a 'cadre star' selection?"] * 4

    def one(question: str) -> dict:
        return Client(server, verbose=False).predict(question, api_name="/ask")

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(one, questions))
    assert all(a["regions"] for a in answers)
    assert {json.dumps(a["regions"]) for a in answers[::2]} == {json.dumps(answers[0]["regions"])}


def test_a_short_load_run_has_no_errors(server: str) -> None:
    """The load benchmark (benchmarks/load.py), shorter: 8 clients for 10 seconds."""
    from benchmarks.load import run_load

    result = run_load(server, clients=8, seconds=10)
    assert result.errors == 0, result.first_error
    assert result.requests >= 8


# --- the browser ------------------------------------------------------------


def test_ask_shows_an_answer_and_opens_the_highlighted_quote(page) -> None:
    ask_in_chat(page, "哪些地区实行协议年薪？")
    page.locator("#pk-chat").get_by_text("协议年薪").first.wait_for(timeout=60_000)
    quote = page.locator("#pk-panel mark.pk-quote")
    quote.wait_for(timeout=30_000)
    assert "协议年薪" in quote.inner_text()
    assert "临港新片区" in page.locator("#pk-chat").inner_text()
    reference = page.locator("#pk-reference textarea").input_value()
    assert reference.startswith("《") and "协议年薪" in reference
    page.screenshot(path=str(ARTIFACTS / "tab-ask.png"), full_page=True)


def test_follow_up_keeps_the_topic(page) -> None:
    ask_in_chat(page, "上海在物质激励方面有哪些做法？")
    page.locator("#pk-chat").get_by_text("协议年薪").first.wait_for(timeout=60_000)
    ask_in_chat(page, "那浙江呢？")
    page.locator("#pk-chat").get_by_text("绩效工资").first.wait_for(timeout=60_000)


def test_upload_answers_and_hostile_markup_stays_text(page, tmp_path: Path) -> None:
    upload = tmp_path / "xss-通知.txt"
    upload.write_text(XSS_TEXT, encoding="utf-8")
    page.get_by_role("tab", name="Library").click()
    page.locator("#pk-upload input[type=file]").set_input_files(str(upload))
    expect(page.locator("#pk-upload-report")).to_contain_text("ingested", timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "tab-library.png"), full_page=True)
    page.get_by_role("tab", name="Ask").click()
    ask_in_chat(page, "淳安县有哪些容错纠错做法？")
    page.locator("#pk-chat").get_by_text("防注入容错演练", exact=False).first.wait_for(
        timeout=60_000
    )
    panel = page.locator("#pk-panel")
    panel.get_by_text("<script>", exact=False).first.wait_for(timeout=30_000)
    assert "<script>window.__pwned = 1</script>" in panel.inner_text()
    page.wait_for_timeout(500)
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#pk-panel img, #pk-chat img[src='x']").count() == 0
    assert page.dialogs == []  # type: ignore[attr-defined]


def test_graph_tab_renders_nodes(page) -> None:
    page.get_by_role("tab", name="Graph").click()
    page.get_by_role("button", name="Draw").click()
    frame = page.frame_locator("#pk-network")
    frame.locator("#cy canvas").first.wait_for(timeout=60_000)
    count = (
        page.locator("#pk-network").element_handle().content_frame().evaluate("window.pkNodeCount")
    )
    assert count > 20
    page.screenshot(path=str(ARTIFACTS / "tab-graph.png"), full_page=True)


def test_compare_sparql_and_export_tabs_work(page) -> None:
    page.get_by_role("tab", name="SPARQL").click()
    page.get_by_label("Example queries").click()
    page.get_by_role("option", name="regions-using-a-measure").click()
    page.get_by_role("button", name="Run", exact=True).click()
    page.get_by_text("rows", exact=False).first.wait_for(timeout=30_000)
    assert "临港新片区" in page.locator("body").inner_text()
    page.screenshot(path=str(ARTIFACTS / "tab-sparql.png"), full_page=True)

    page.get_by_role("tab", name="Export").click()
    page.get_by_role("button", name="Export", exact=True).click()
    expect(page.locator("#pk-export-file")).to_contain_text(".ttl", timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "tab-export.png"), full_page=True)

    page.get_by_role("tab", name="Compare").click()
    regions = page.get_by_label("Regions")
    for name in ("上海市", "浙江省"):
        regions.click()
        page.get_by_role("option", name=name, exact=False).first.click()
    page.get_by_role("button", name="Compare", exact=True).click()
    expect(page.locator("#pk-compare-table")).to_contain_text("协议年薪", timeout=60_000)
    expect(page.locator("#pk-compare-csv")).to_contain_text(".csv", timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "tab-compare.png"), full_page=True)


# --- server behaviour -----------------------------------------------------------


def test_other_addresses_need_auth(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "policykg.ui.cli",
            "serve",
            "--data-dir",
            str(tmp_path),
            "--host",
            "0.0.0.0",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 2
    assert "without --auth" in result.stderr


def test_auth_is_required_when_given(tmp_path: Path) -> None:
    process, url = start_policykg(tmp_path, "--auth", "reader:secret-pass")
    try:
        with pytest.raises(Exception):  # noqa: B017 - any refusal will do
            Client(url, verbose=False).predict("协议年薪", api_name="/ask")
        answer = Client(url, auth=("reader", "secret-pass"), verbose=False).predict(
            "哪些地区实行协议年薪？", api_name="/ask"
        )
        assert answer["regions"]
    finally:
        stop(process)
