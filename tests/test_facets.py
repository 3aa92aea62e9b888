"""Facets on a small real library: the bundled article, two versions of one regulation
and a news report; each facet narrows what the answer reads, not what it shows."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policykg.ingest.settings import Settings
from policykg.library import Library
from policykg.retrieval.ask import ask
from policykg.retrieval.facets import FacetError, Facets, parse_facets, search_within
from policykg.retrieval.records import expand_regions
from policykg.ui.cli import app
from tests.conftest import SEED

OLD_RULES = """# 江西省干部容错纠错条例
第一条 为了建立健全干部容错纠错机制，制定本条例。
第五条 干部在改革创新中出现失误，符合容错情形的，可以从轻问责。
"""
NEW_RULES = """# 江西省干部容错纠错条例（2023年修订）
第一条 为了建立健全干部容错纠错机制，制定本条例。
第五条 干部在改革创新中出现失误，符合容错情形的，应当免予问责，并在一个月内予以澄清正名。
"""
NEWS = """作风建设专项行动取得新进展
专项行动开展以来，江西、湖南、湖北等地坚持边查边改，对突出问题展开集中整治。
湖南坚持边查边改，对6类突出问题展开集中整治。
"""
ISSUER = "江西省人民代表大会常务委员会"
FILES = {
    "rules-2019.md": (
        OLD_RULES,
        {"issuer": ISSUER, "date": "2019-05-01", "doc_kind": "地方性法规"},
    ),
    "rules-2023.md": (
        NEW_RULES,
        {"issuer": ISSUER, "date": "2023-09-01", "doc_kind": "地方性法规"},
    ),
    "news.txt": (NEWS, {"date": "2024-03-01", "doc_kind": "新闻报道"}),
}
NOT_FOUND = "资料库中没有找到与该问题相关的规定。"


def write_corpus(folder: Path) -> Path:
    """The fixture files with their sidecars, and the bundled article with its own."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (text, meta) in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
        sidecar = folder / (name.rsplit(".", 1)[0] + ".meta.json")
        sidecar.write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(SEED.with_name(SEED.stem + ".meta.json"), folder)
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("facet-corpus") / "corpus")


@pytest.fixture(scope="module")
def library(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    opened = Library(Settings(data_dir=tmp_path_factory.mktemp("facet-data")))
    report = opened.ingest([corpus])
    assert not report.failed and len(report.ingested) == 4
    yield opened
    opened.close()


def doc_id(library: Library, file_name: str) -> str:
    return next(d.doc_id for d in library.store.documents() if d.source_path.endswith(file_name))


def provisions_of(library: Library, file_name: str) -> set[str]:
    return {p.provision_id for p in library.store.provisions(doc_id(library, file_name))}


def facets(library: Library, **given: object) -> Facets:
    return parse_facets(library.store, library.gazetteer, **given)  # type: ignore[arg-type]


def allowed(library: Library, chosen: Facets) -> frozenset[str]:
    return chosen.allowed(library.store, library.gazetteer, library.catalog())


def code_of(library: Library, name: str) -> str:
    return library.gazetteer.by_name(name)[0].code


# --- reading what a person typed ---------------------------------------------------


def test_names_and_prefixes_become_codes_and_ids(library: Library) -> None:
    news = doc_id(library, "news.txt")
    parsed = facets(
        library,
        regions=["浙江", "Shanghai", " "],
        types=["honor"],
        documents=[news[:10]],
        kinds=["news", "地方性法规"],
        date_from="2020/5",
        date_to="2024",
        in_force=True,
    )
    assert parsed.regions == (code_of(library, "浙江"), code_of(library, "上海"))
    assert parsed.types == ("honor",)
    assert parsed.documents == (news,)
    assert [k.value for k in parsed.kinds] == ["新闻报道", "地方性法规"]
    assert (parsed.date_from, parsed.date_to, parsed.in_force) == ("2020-05", "2024", True)
    assert parsed.active and not Facets().active


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"regions": ["火星"]}, "unknown region '火星'"),
        ({"types": ["bonus"]}, "unknown incentive type 'bonus'"),
        ({"kinds": ["法规汇编"]}, "unknown document kind '法规汇编'"),
        ({"documents": ["zzzz"]}, "no document 'zzzz'"),
        ({"date_from": "2024-13"}, "date from: no such date '2024-13'"),
        ({"date_from": "2024", "date_to": "2023-12"}, "the date range is empty"),
    ],
)
def test_a_bad_facet_is_refused_by_name(library: Library, given: dict, message: str) -> None:
    with pytest.raises(FacetError, match=message):
        facets(library, **given)


# --- what each facet allows ----------------------------------------------------------


def test_a_region_facet_takes_in_its_sub_regions(library: Library) -> None:
    catalog, zhejiang = library.catalog(), code_of(library, "浙江")
    ninghai = code_of(library, "宁海县")
    assert ninghai in expand_regions(library.gazetteer, [zhejiang])
    county_only = {pid for pid, codes in catalog.provision_regions.items() if codes == {ninghai}}
    shanghai = expand_regions(library.gazetteer, [code_of(library, "上海")])
    shanghai_only = {
        pid for pid, codes in catalog.provision_regions.items() if codes and codes <= shanghai
    }
    passed = allowed(library, facets(library, regions=["浙江"]))
    assert county_only and county_only <= passed  # named 宁海县 only, still 浙江's
    assert shanghai_only and not shanghai_only & passed


def test_kind_date_and_document_facets_choose_documents(library: Library) -> None:
    news = provisions_of(library, "news.txt")
    assert allowed(library, facets(library, kinds=["新闻报道"])) == news
    assert allowed(library, facets(library, documents=[doc_id(library, "news.txt")])) == news
    # Dates compare at the facet's precision; the undated article passes no date facet.
    dated = allowed(library, facets(library, date_from="2020", date_to="2023-09"))
    assert dated == provisions_of(library, "rules-2023.md")


def test_in_force_leaves_out_the_superseded_version(library: Library) -> None:
    passed = allowed(library, facets(library, in_force=True))
    assert not passed & provisions_of(library, "rules-2019.md")
    assert provisions_of(library, "rules-2023.md") <= passed
    assert provisions_of(library, SEED.name) <= passed  # an article has no versions


def test_a_type_facet_allows_provisions_stating_that_type(library: Library) -> None:
    passed = allowed(library, facets(library, types=["honor"]))
    honours = {m.provision_id for m in library.catalog().measures if m.incentive_type == "honor"}
    assert passed and passed == honours


# --- answers under facets --------------------------------------------------------------


def test_a_region_facet_narrows_the_answer(library: Library) -> None:
    question = "有哪些容错纠错做法？"
    plain = ask(library, question)
    assert {"上海市", "浙江省"} <= {r.label_zh for r in plain.regions}
    chosen = facets(library, regions=["浙江"])
    narrowed = ask(library, question, facets=chosen)
    assert [r.label_zh for r in narrowed.regions] == ["浙江省"]
    assert narrowed.citations
    assert {c.provision_id for c in narrowed.citations} <= allowed(library, chosen)
    assert narrowed.retrieved and set(narrowed.retrieved) <= allowed(library, chosen)


def test_a_region_facet_answers_as_if_the_region_were_asked(library: Library) -> None:
    """安徽's 容错 paragraph never says 容错纠错: found for the region, as a question naming it."""
    chosen = facets(library, regions=["安徽"])
    narrowed = ask(library, "有哪些容错纠错做法？", facets=chosen)
    named = ask(library, "安徽有哪些容错纠错做法？")
    assert [r.label_zh for r in narrowed.regions] == ["安徽省"]
    assert narrowed.answer == named.answer
    assert narrowed.question == "有哪些容错纠错做法？"


def test_a_narrow_facet_searches_deeper_instead_of_answering_nothing(library: Library) -> None:
    news = provisions_of(library, "news.txt")
    query = "协议年薪 一职一薪"
    assert not {h.provision_id for h in library.index.search(query, 5)} & news
    found = search_within(library.index, query, 5, frozenset(news))
    assert {h.provision_id for h in found} == news  # all of them, though none ranks high
    answer = ask(library, "湖南如何整治突出问题？", facets=facets(library, kinds=["新闻报道"]))
    assert answer.citations and {c.provision_id for c in answer.citations} <= news


def test_a_kind_facet_quotes_only_documents_of_that_kind(library: Library) -> None:
    question = "有哪些容错纠错做法？"
    rules = {doc_id(library, "rules-2019.md"), doc_id(library, "rules-2023.md")}
    assert {c.doc_id for c in ask(library, question).citations} - rules  # the article too
    chosen = facets(library, kinds=["local_regulation"])
    answer = ask(library, question, facets=chosen)
    assert answer.citations and {c.doc_id for c in answer.citations} <= rules
    assert answer.retrieved and set(answer.retrieved) <= allowed(library, chosen)


def test_in_force_answers_quote_only_the_version_in_force(library: Library) -> None:
    answer = ask(library, "江西干部出现失误如何问责？", facets=facets(library, in_force=True))
    assert answer.citations
    assert {c.doc_id for c in answer.citations} == {doc_id(library, "rules-2023.md")}


def test_nothing_allowed_is_not_found_and_names_no_region(library: Library) -> None:
    empty = facets(library, date_from="1990", date_to="1991")
    assert not allowed(library, empty)
    answer = ask(library, "上海和浙江在物质激励方面有何不同?", facets=empty)
    assert (answer.answer, answer.regions, answer.citations) == (NOT_FOUND, (), ())
    assert answer.intent == "compare"  # the question as asked


def test_no_facet_is_the_plain_answer(library: Library) -> None:
    question = "哪些地区实行协议年薪？"
    assert ask(library, question, facets=Facets()).to_json() == ask(library, question).to_json()


# --- the command line ----------------------------------------------------------------


def test_cli_facets_print_the_same_json_and_refuse_bad_values(
    library: Library, corpus: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    data = str(tmp_path / "data")  # the same files ingested again: the same ids and index
    assert runner.invoke(app, ["ingest", str(corpus), "--data-dir", data]).exit_code == 0
    question = "有哪些容错纠错做法？"
    options = ["--region", "浙江", "--type", "fault_tolerance", "--from", "2000"]
    result = runner.invoke(app, ["ask", question, "--json", *options, "--data-dir", data])
    chosen = facets(library, regions=["浙江"], types=["fault_tolerance"], date_from="2000")
    assert json.loads(result.stdout) == ask(library, question, facets=chosen).to_json()
    assert json.loads(result.stdout)["answer"] == NOT_FOUND  # the article is undated
    result = runner.invoke(app, ["ask", question, "--json", "--region", "浙江", "--data-dir", data])
    assert [r["label_zh"] for r in json.loads(result.stdout)["regions"]] == ["浙江省"]
    refused = runner.invoke(app, ["ask", question, "--doc-kind", "法规汇编", "--data-dir", data])
    assert refused.exit_code == 2
    assert "unknown document kind '法规汇编'" in refused.stderr
