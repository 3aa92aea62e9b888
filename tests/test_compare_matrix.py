"""The Compare matrix (merge rule, citation numbering), the CSV zip's BOM, the landing
summary and the SPARQL tab's handlers, on the bundled corpus."""

from __future__ import annotations

import codecs
import contextlib
import html
import sqlite3
import threading
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest

from policykg.kg.compare import (
    compare,
    merge_near_duplicates,
    near_duplicate_labels,
    normalised_label,
)
from policykg.kg.export import ExportFormat, export
from policykg.library import Library
from policykg.ui.app.tabs.compare import (
    compare_matrix,
    compare_table,
    matrix_html,
    number_sources,
    sources_html,
)
from policykg.ui.app.tabs.export import export_graph
from policykg.ui.app.tabs.sparql import sparql
from policykg.ui.app.workspace import RunningQueries, Workspace, library_summary

SHANGHAI, JIANGSU, ZHEJIANG, ANHUI = "310000", "320000", "330000", "340000"


@pytest.fixture(scope="module")
def workspace(seed_library: Library) -> Workspace:
    return Workspace(seed_library)


def labels_of(library: Library) -> set[str]:
    return {m.label_zh for m in library.store.measures()}


# --- the merge rule ------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ("问责调查与容错纠错评估同步启动机制", "问责调查与容错评估同步启动制度", True),
        ("容错情形与程序", "容错情形和程序", True),
        ("人民满意的公务员", "人民满意的公务员集体", False),  # two awards
        ("职级晋升制度", "职级晋升力度", False),
        ("职级晋升制度", "职级晋升预公告制度", False),
        ("协议年薪", "协议年薪、一职一薪", False),
    ],
)
def test_near_duplicate_labels_on_the_corpus_labels(
    seed_library: Library, first: str, second: str, merged: bool
) -> None:
    assert {first, second} <= labels_of(seed_library)  # real labels, not made up
    assert near_duplicate_labels(first, second) is merged
    assert near_duplicate_labels(second, first) is merged


def test_normalised_label_drops_one_institution_word_and_conjunctions() -> None:
    assert normalised_label("问责调查与容错评估同步启动制度") == "问责调查容错评估同步启动"
    assert normalised_label("容错情形和程序") == normalised_label("容错情形与程序")
    assert normalised_label("机制") == "机制"  # nothing left to name: kept


def test_zhejiang_fault_tolerance_reads_as_two_measures(seed_library: Library) -> None:
    lib = seed_library
    result = compare(lib.graph, lib.store, lib.gazetteer, [ZHEJIANG], "fault_tolerance")
    raw = result.cell(ZHEJIANG, "fault_tolerance")
    assert {m.label_zh for m in raw} == {
        "6类21种具体容错情形",
        "容错纠错评估同步启动机制",  # the same phrase cut short, in the same provision
        "问责调查与容错纠错评估同步启动机制",
        "问责调查与容错评估同步启动制度",
    }
    merged = {m.label_zh: m for m in merge_near_duplicates(raw)}
    assert set(merged) == {"6类21种具体容错情形", "问责调查与容错纠错评估同步启动机制"}
    one = merged["问责调查与容错纠错评估同步启动机制"]
    assert set(one.also) == {"容错纠错评估同步启动机制", "问责调查与容错评估同步启动制度"}
    text = (Path(__file__).resolve().parent.parent / "corpus").glob("*.txt")
    corpus = next(text).read_text(encoding="utf-8")
    assert len(one.citations) == 2  # two sentences, each quoted once
    assert all(corpus[c.start : c.end] == c.quote for c in one.citations)


def test_lists_and_distinct_measures_stay_apart(seed_library: Library) -> None:
    lib = seed_library
    result = compare(lib.graph, lib.store, lib.gazetteer, [SHANGHAI])
    material = [m.label_zh for m in merge_near_duplicates(result.cell(SHANGHAI, "material"))]
    assert {"协议年薪", "一职一薪", "协议年薪、一职一薪"} <= set(material)
    honor = [m.label_zh for m in merge_near_duplicates(result.cell(SHANGHAI, "honor"))]
    assert {"人民满意的公务员", "人民满意的公务员集体"} <= set(honor)
    for kind in result.types:  # merging never adds or loses a label
        cell = result.cell(SHANGHAI, kind)
        kept = merge_near_duplicates(cell)
        assert sorted(m.label_zh for m in cell) == sorted(
            label for m in kept for label in (m.label_zh, *m.also)
        )


# --- the matrix ------------------------------------------------------------------


def test_each_quote_is_numbered_once_and_names_who_cites_it(workspace: Workspace) -> None:
    matrix, path = compare_matrix(workspace, [SHANGHAI, ZHEJIANG, JIANGSU, ANHUI], [])
    assert matrix is not None and path is not None
    quotes = [(s.citation.doc_id, s.citation.quote) for s in matrix.sources]
    assert len(quotes) == len(set(quotes))
    assert [s.number for s in matrix.sources] == list(range(1, len(quotes) + 1))
    names = {code: name for code, name, _ in matrix.regions}
    cited: set[tuple[str, str, int]] = set()
    for (code, _), entries in matrix.cells.items():
        for entry in entries:
            assert entry.numbers, entry  # every measure of the seed is cited
            cited.update((names[code], entry.measure.label_zh, n) for n in entry.numbers)
    listed = {(r, label, s.number) for s in matrix.sources for r, label in s.cited_for}
    assert listed == cited
    # The same quote serves several measures: one number, reused.
    assert any(len(s.cited_for) > 1 for s in matrix.sources)


def test_the_matrix_has_regions_as_columns(workspace: Workspace) -> None:
    matrix, _ = compare_matrix(workspace, [SHANGHAI, ZHEJIANG], ["material", "career"])
    assert matrix is not None
    page = matrix_html(matrix)
    assert (
        page.index("上海市")
        < page.index("浙江省")
        < page.index("物质激励")
        < page.index("政治激励")
    )
    assert page.count('<th scope="col">') == 3 and page.count('<th scope="row">') == 2


def test_the_matrix_and_its_sources_escape_document_text(workspace: Workspace) -> None:
    matrix, _ = compare_matrix(workspace, [SHANGHAI], ["material"])
    assert matrix is not None
    hostile = '<img src=x onerror="alert(1)">'
    measure = matrix.cell(SHANGHAI, "material")[0].measure
    cited = replace(measure.citations[0], quote=f'"{hostile}', doc_title=hostile)
    planted = replace(measure, label_zh=hostile, also=(hostile,), citations=(cited,))
    again = number_sources(matrix.regions, matrix.kinds, {(SHANGHAI, "material"): (planted,)})
    for page in (matrix_html(again), sources_html(again)):
        assert hostile in html.unescape(page) and "<img" not in page


def test_the_plain_text_table_keeps_its_shape(workspace: Workspace) -> None:
    table, sources, path = compare_table(workspace, [SHANGHAI], ["material"])
    assert table[0][0] == "上海市" and "协议年薪 [" in table[0][1]
    assert all(row[4].startswith("上海市 · ") for row in sources)
    assert path is not None and Path(path).read_bytes().startswith(codecs.BOM_UTF8)


# --- exports ---------------------------------------------------------------------


def test_the_csv_zip_has_a_bom_in_every_csv(workspace: Workspace, tmp_path: Path) -> None:
    with zipfile.ZipFile(export_graph(workspace, "csv")) as archive:
        names = sorted(archive.namelist())
        assert names == ["edges.csv", "nodes.csv"]
        for name in names:
            data = archive.read(name)
            assert data.startswith(codecs.BOM_UTF8), name
            assert "上海市" in data.decode("utf-8-sig") or name == "edges.csv"
    # The command line's export is for neo4j-admin: plain UTF-8, as before.
    folder = export(workspace.library.graph, ExportFormat.CSV, tmp_path / "csv")
    assert not (folder / "nodes.csv").read_bytes().startswith(codecs.BOM_UTF8)


# --- the landing summary ---------------------------------------------------------------


def store_counts(store_path: Path) -> dict[str, object]:
    """The counts the landing summary shows, read from the store file with plain SQL."""
    uri = f"file:{store_path}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
        one = lambda sql: db.execute(sql).fetchone()[0]  # noqa: E731
        regions = {
            row[0]
            for row in db.execute(
                "SELECT code FROM region_mentions UNION"
                " SELECT j.value FROM measures, json_each(measures.region_codes) AS j"
            )
        }
        by_type = dict(
            db.execute("SELECT incentive_type, count(DISTINCT key) FROM measures GROUP BY 1")
        )
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "provisions": one("SELECT count(*) FROM provisions"),
            "regions": len(regions),
            "by_type": by_type,
            "last": one("SELECT max(ingested_at) FROM documents"),
        }


def test_the_summary_counts_what_the_store_holds(workspace: Workspace) -> None:
    summary = library_summary(workspace)
    counts = store_counts(workspace.settings.store_path)
    assert summary.documents == counts["documents"] == 1
    assert summary.provisions == counts["provisions"]
    assert summary.regions == counts["regions"]
    assert {k: n for k, n in summary.measures_by_type if n} == counts["by_type"]
    assert summary.last_ingest == counts["last"]


# --- SPARQL ---------------------------------------------------------------------


def test_a_blank_query_asks_for_one(workspace: Workspace) -> None:
    _, status = sparql(workspace, "  \n", None)  # type: ignore[arg-type]
    assert status == "Write a query, or pick an example, first."


def test_a_running_query_is_cancelled_by_its_own_session_only() -> None:
    queries = RunningQueries()
    stop = threading.Event()
    assert not queries.cancel("a")  # nothing runs
    with queries.running("a", stop) as cancelled:
        assert not queries.cancel("b") and not stop.is_set()
        assert queries.cancel("a") and stop.is_set() and cancelled()
    assert not queries.cancel("a")  # ended: nothing to stop
