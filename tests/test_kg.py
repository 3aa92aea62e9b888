from __future__ import annotations

import json
import multiprocessing
import signal
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from rdflib import Graph
from typer.testing import CliRunner

from policykg.ingest.iris import region_iri
from policykg.ingest.records import CompareRow
from policykg.ingest.settings import Settings
from policykg.kg import sparql_worker
from policykg.kg.compare import compare, comparison_rows
from policykg.kg.export import ExportFormat, export
from policykg.kg.sparql import QueryRefused, run_query
from policykg.kg.validate import validate_graph
from policykg.library import Library
from policykg.ui.cli import app
from tests.conftest import CORPUS_REAL, REPO, needs_shared

QUERIES = REPO / "kg" / "queries"
MEASURES_IN = """
SELECT DISTINCT ?label ?scope WHERE {
  ?mention pkg:mentionOf ?m ; pkg:region ?r .
  ?r (schema:containedInPlace|pkg:memberOf)* ?scope .
  ?m skos:prefLabel ?label . FILTER(lang(?label) = "zh")
}
"""


def labels_in(library: Library, code: str) -> set[str]:
    return {str(row[0]) for row in library.graph.rows(MEASURES_IN, {"scope": region_iri(code)})}


def test_province_query_reaches_its_counties(seed_library: Library) -> None:
    zhejiang = labels_in(seed_library, "330000")
    assert {"以职培优", "职级晋升预公告制度", "一事一奖", "差异化乡镇补贴政策"} <= zhejiang
    assert "协议年薪" not in zhejiang


def test_macro_region_reaches_all_four_provinces(seed_library: Library) -> None:
    rows = seed_library.graph.rows(
        "SELECT DISTINCT ?code ?scope WHERE { ?r (schema:containedInPlace|pkg:memberOf)+ ?scope ;"
        " pkg:level 'province' ; pkg:adminCode ?code }",
        {"scope": region_iri("M01")},
    )
    assert {str(r[0]) for r in rows} == {"310000", "320000", "330000", "340000"}


def test_one_concept_many_mentions(seed_library: Library) -> None:
    rows = seed_library.graph.rows(
        "SELECT ?m (COUNT(DISTINCT ?mention) AS ?n) WHERE { ?m a pkg:Measure ; skos:prefLabel '一事一奖'@zh ;"
        " pkg:hasMention ?mention } GROUP BY ?m"
    )
    assert len(rows) == 1 and int(rows[0][1]) == 2


def test_iris_are_stable_across_rebuilds(seed_library: Library, tmp_path: Path) -> None:
    with Library(Settings(data_dir=tmp_path)) as other:
        other.ingest([REPO / "corpus"])
        assert other.graph.union_graph() == seed_library.graph.union_graph() or _same_triples(
            other, seed_library
        )


def _same_triples(a: Library, b: Library) -> bool:
    return set(a.graph.union_graph()) == set(b.graph.union_graph())


def test_removal_leaves_no_triples(tmp_path: Path) -> None:
    with Library(Settings(data_dir=tmp_path)) as library:
        empty = library.graph.triple_count()
        library.ingest([REPO / "corpus"])
        assert library.graph.triple_count() > empty + 500
        (doc_id,) = library.store.doc_ids()
        library.remove(doc_id)
        assert library.graph.triple_count() == empty
        assert library.graph.rows("SELECT ?m WHERE { ?m a pkg:Measure }") == []


def test_updates_and_service_calls_are_refused(seed_library: Library) -> None:
    before = seed_library.graph.triple_count()
    for request in (
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "# comment\nPREFIX x: <urn:x>\nDELETE WHERE { ?s ?p ?o }",
        "DROP ALL",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    ):
        with pytest.raises(QueryRefused):
            run_query(seed_library.graph, request)
    assert seed_library.graph.triple_count() == before


def test_a_query_worker_ends_at_its_limit_without_its_parent(seed_library: Library) -> None:
    """A worker whose parent never stops it (a server killed mid-query) ends on its own."""
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    context = multiprocessing.get_context("spawn")
    receiver, sender = context.Pipe(duplex=False)
    path = str(seed_library.graph.path)
    worker = context.Process(target=sparql_worker.work, args=(path, runaway, {}, sender, 1.0))
    worker.start()
    sender.close()
    worker.join(60)  # a guard: the worker's own limit is 1 s
    left_running = worker.is_alive()
    if left_running:
        worker.kill()
        worker.join()
    receiver.close()
    assert not left_running
    assert worker.exitcode == -signal.SIGALRM


def test_a_query_reads_a_checkpoint_that_sees_new_writes_and_goes_after(tmp_path: Path) -> None:
    # Opening the live store read-only while this process writes or compacts it lost
    # table files under the reader ("IO error: No such file"); each query reads its own
    # checkpoint of the store as it is now.
    count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    with Library(Settings(data_dir=tmp_path)) as library:
        before = int(run_query(library.graph, count).rows[0][0])
        library.ingest([REPO / "corpus"])
        after = int(run_query(library.graph, count).rows[0][0])
        assert library.graph.path is not None
        readers = library.graph.path.with_name("graph.readers")
        assert after == before + 1 and list(readers.iterdir()) == []
    (readers / "left-by-a-killed-process").mkdir()
    with Library(Settings(data_dir=tmp_path)):
        assert not readers.exists()


def test_cli_refuses_an_insert_with_exit_2(tmp_path: Path) -> None:
    runner, data = CliRunner(), str(tmp_path)
    assert runner.invoke(app, ["ingest", str(REPO / "corpus"), "--data-dir", data]).exit_code == 0
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = runner.invoke(app, ["sparql", count, "--format", "csv", "--data-dir", data]).stdout
    result = runner.invoke(
        app, ["sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "--data-dir", data]
    )
    assert result.exit_code == 2
    after = runner.invoke(app, ["sparql", count, "--format", "csv", "--data-dir", data]).stdout
    assert before == after and int(after.splitlines()[1]) > 1000


@pytest.mark.parametrize("name", sorted(p.name for p in QUERIES.glob("*.rq")))
def test_bundled_queries_answer_on_the_seed(seed_library: Library, name: str) -> None:
    table = run_query(seed_library.graph, (QUERIES / name).read_text(encoding="utf-8"))
    flat = {cell for row in table.rows for cell in row}
    expected = {
        "regions-using-a-measure.rq": {"中国(上海)自由贸易试验区临港新片区", "协议年薪"},
        "measures-of-a-region.rq": {"仙居县", "宁海县", "以职培优", "领雁指数"},
        "compare-two-regions.rq": {"上海市", "浙江省", "协议年薪", "事业单位绩效工资分配指导意见"},
        "documents-citing-three-distinctions.rq": {
            "长三角地区激励干部担当作为的创新举措与对江苏的启示"
        },
    }[name]
    assert expected <= flat


def test_compare_shanghai_and_zhejiang_on_material(seed_library: Library) -> None:
    result = compare(
        seed_library.graph,
        seed_library.store,
        seed_library.gazetteer,
        ["310000", "330000"],
        "material",
    )
    rows = comparison_rows(result, seed_library.gazetteer)
    held = {(r.region, r.measure): r.held_by for r in rows}
    assert held[("上海市", "协议年薪")] == ("中国(上海)自由贸易试验区临港新片区",)
    assert held[("上海市", "聘任制改革")] == ("中国(上海)自由贸易试验区临港新片区",)
    assert set(held[("上海市", "绩效奖金向一线倾斜")]) == {"杨浦区", "嘉定区"}
    assert ("上海市", "市场化薪酬制度") in held
    assert held[("浙江省", "事业单位绩效工资分配指导意见")] == ("杭州市",)
    assert held[("浙江省", "差异化乡镇补贴政策")] == ("永嘉县",)
    assert ("浙江省", "绩效分配方式") in held
    text = (REPO / "corpus" / "yangtze-delta-cadre-incentives.txt").read_text(encoding="utf-8")
    for row in rows:
        assert row.citation is not None
        assert text[row.citation.start : row.citation.end] == row.citation.quote
        assert CompareRow.from_json(row.to_json()) == row


def test_shacl_and_quotes_hold_on_the_seed(seed_library: Library) -> None:
    report = validate_graph(seed_library.graph, seed_library.store)
    assert report.conforms, report.problems[:5]
    assert report.checked_quotes == len(seed_library.store.measures())


@needs_shared
def test_shacl_holds_on_the_real_corpus(tmp_path: Path) -> None:
    with Library(Settings(data_dir=tmp_path)) as library:
        library.ingest([REPO / "corpus", CORPUS_REAL])
        report = validate_graph(library.graph, library.store)
        assert report.conforms, report.problems[:5]


@pytest.mark.parametrize(
    ("fmt", "rdflib_name", "ox_format"),
    [
        (ExportFormat.TURTLE, "turtle", pyoxigraph.RdfFormat.TURTLE),
        (ExportFormat.NTRIPLES, "nt", pyoxigraph.RdfFormat.N_TRIPLES),
        (ExportFormat.JSONLD, "json-ld", pyoxigraph.RdfFormat.JSON_LD),
    ],
)
def test_rdf_exports_parse_in_two_parsers(
    seed_library: Library,
    tmp_path: Path,
    fmt: ExportFormat,
    rdflib_name: str,
    ox_format: pyoxigraph.RdfFormat,
) -> None:
    path = export(seed_library.graph, fmt, tmp_path / f"graph.{fmt.value}")
    parsed = Graph().parse(str(path), format=rdflib_name)
    oxigraph_count = len(list(pyoxigraph.parse(path=str(path), format=ox_format)))
    assert len(parsed) == oxigraph_count == len(seed_library.graph.union_graph())


def test_graph_tool_exports(seed_library: Library, tmp_path: Path) -> None:
    for fmt, reader in ((ExportFormat.GRAPHML, nx.read_graphml), (ExportFormat.GEXF, nx.read_gexf)):
        network = reader(export(seed_library.graph, fmt, tmp_path / f"g.{fmt.value}"))
        assert network.number_of_nodes() > 50
        assert all("type" in data and "label_en" in data for _, data in network.nodes(data=True))
        assert {d["type"] for _, d in network.nodes(data=True)} == {
            "Region",
            "Measure",
            "IncentiveType",
            "Document",
            "Provision",
        }
    cytoscape = json.loads(
        export(seed_library.graph, ExportFormat.CYTOSCAPE, tmp_path / "c.json").read_text()
    )
    assert cytoscape["elements"]["nodes"] and cytoscape["elements"]["edges"]
    assert all("relation" in e["data"] for e in cytoscape["elements"]["edges"])
    folder = export(seed_library.graph, ExportFormat.CSV, tmp_path / "csv")
    assert (folder / "nodes.csv").read_text(encoding="utf-8").splitlines()[
        0
    ] == "id:ID,:LABEL,label,label_en,type"
    assert (folder / "edges.csv").read_text(encoding="utf-8").splitlines()[
        0
    ] == ":START_ID,:END_ID,:TYPE,status"
    assert not list(tmp_path.glob(".*part"))  # no temporary files left behind
