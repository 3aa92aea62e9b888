"""The app, served for real: the /ask API through gradio_client, and Debian chromium."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest
from gradio_client import Client
from gradio_client.utils import Status
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


# Every (a, b, c, d, e, f, g, h, i) of three triples: far more than the time limit allows.
RUNAWAY_SPARQL = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SPARQL_LIMIT_S = 20


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[subprocess.Popen, str]]:
    """A real `policykg serve` on an empty data dir: the first start ingests corpus/."""
    data = tmp_path_factory.mktemp("app-data")
    (data / "settings.toml").write_text(f"sparql_timeout_s = {SPARQL_LIMIT_S}\n", encoding="utf-8")
    process, url = start_policykg(data)
    yield process, url
    stop(process)


@pytest.fixture(scope="module")
def server(served: tuple[subprocess.Popen, str]) -> str:
    return served[1]


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


def sparql_workers(server_pid: int) -> set[int]:
    """The server's SPARQL query processes (multiprocessing ``spawn`` children)."""
    workers = set()
    for child in psutil.Process(server_pid).children(recursive=True):
        with contextlib.suppress(psutil.Error):  # one that ended while we looked
            if "spawn_main" in " ".join(child.cmdline()):
                workers.add(child.pid)
    return workers


def test_a_question_is_answered_while_a_long_sparql_query_runs(
    served: tuple[subprocess.Popen, str],
) -> None:
    """One user's runaway SPARQL query once held the one lock: /ask waited ~27 s behind it."""
    process, url = served
    earlier = sparql_workers(process.pid)  # another test's worker may still be ending
    query = Client(url, verbose=False).submit(RUNAWAY_SPARQL, api_name="/sparql")
    deadline = time.monotonic() + 60  # a guard, not a measurement
    # The query is running, in its own worker process, and the client has been told so.
    while not (sparql_workers(process.pid) - earlier) or query.status().code is not (
        Status.PROCESSING
    ):
        assert time.monotonic() < deadline and not query.done(), query.status()
        time.sleep(0.05)
    answer = Client(url, verbose=False).predict("哪些地区实行协议年薪？", api_name="/ask")
    query_was_running = not query.done() and bool(sparql_workers(process.pid) - earlier)
    _, status = query.result(timeout=SPARQL_LIMIT_S + 60)
    assert answer["regions"] and answer["citations"]
    assert query_was_running  # the answer came back first
    assert (
        status == f"Refused: the query ran over the {SPARQL_LIMIT_S}-second limit and was stopped"
    )
    assert not sparql_workers(process.pid)  # killed at the limit, not left running


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


def big_notice(items: int) -> str:
    """A notice of ``items`` articles, three sentences each: some seconds of embedding."""
    lines = ["关于开展公共图书馆延时服务试点工作的通知"]
    for i in range(1, items + 1):
        lines.append(
            f"第{i}条 试点第{i}号馆每周延长开放{i % 9 + 1}小时。"
            f"第{i}号馆应当公布第{i}批延时服务的时段和项目。"
            f"读者对第{i}号馆延时服务的意见应当在{i % 20 + 5}日内答复。"
        )
    return "\n".join(lines) + "\n"


def stored_from(data: Path, name: str) -> int:
    """How many stored documents came from a file called ``name`` (the store read, read-only)."""
    uri = f"file:{data / 'policykg.sqlite'}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=30)) as db:
        query = "SELECT count(*) FROM documents WHERE source_path LIKE ?"
        return int(db.execute(query, (f"%/{name}",)).fetchone()[0])


def test_a_question_is_answered_while_an_upload_is_prepared(browser, tmp_path: Path) -> None:
    """An upload once held the library alone from reading the file to the last index write:
    /ask waited for the whole ingest. Now the file is read, parsed and embedded beside the
    questions, and only written alone."""
    name = "延时服务-通知.txt"
    upload = tmp_path / name
    upload.write_text(big_notice(1200), encoding="utf-8")
    data = tmp_path / "data"
    process, url = start_policykg(data)
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url)
        page.get_by_role("tab", name="Library").click()
        page.locator("#pk-upload input[type=file]").set_input_files(str(upload))
        deadline = time.monotonic() + 120  # a guard, not a measurement
        while not list((data / "uploads").glob(f"*/{name}")):  # its ingest starts next
            assert time.monotonic() < deadline, "the upload never reached the server"
            time.sleep(0.05)
        answer = Client(url, verbose=False).predict("哪些地区实行协议年薪？", api_name="/ask")
        stored_when_answered = stored_from(data, name)
        assert answer["regions"] and answer["citations"]
        assert stored_when_answered == 0  # answered before the upload was written, not after
        report = page.locator("#pk-upload-report")
        expect(report).to_contain_text("ingested", timeout=300_000)
        assert stored_from(data, name) == 1
    finally:
        context.close()
        stop(process)


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
