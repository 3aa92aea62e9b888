from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.gold import load_gold, score
from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.models import (
    Document,
    DocumentMeta,
    ParsedDocument,
    Status,
    document_id,
)
from policykg.ingest.pipeline import parse_document
from policykg.ingest.readers import read_document
from policykg.ingest.settings import Settings
from tests.conftest import EVAL, SEED, needs_shared


def parse_text(text: str, authority: str | None = None) -> ParsedDocument:
    meta = DocumentMeta(title="测试", authority=authority)
    return parse_document(Document(document_id(text), "/tmp/t.txt", "txt", "utf-8", text, meta))


@pytest.fixture(scope="module")
def seed() -> ParsedDocument:
    return parse_document(read_document(SEED, Settings()))


def by_label(parsed: ParsedDocument, label: str):
    return next(m for m in parsed.measures if m.label_zh == label)


@needs_shared
def test_seed_against_gold_triples(seed: ParsedDocument) -> None:
    result = score(seed, load_gold(EVAL / "seed_gold_triples.tsv"), load_gazetteer())
    assert result.recall >= 0.9, result.missing
    assert result.wrong_rate <= 0.05, result.wrong
    assert result.status_right == result.found


def test_quoted_enumeration_gives_one_measure_per_item(seed: ParsedDocument) -> None:
    salary = by_label(seed, "协议年薪")
    assert salary.region_codes == ("Z31001",)
    assert salary.incentive_type == "material"
    assert by_label(seed, "一职一薪").provision_id == salary.provision_id
    assert seed.document.text[salary.start : salary.end] == "协议年薪"


def test_enumerated_subjects_own_the_clause(seed: ParsedDocument) -> None:
    bonus = next(m for m in seed.measures if m.label_zh.startswith("绩效奖金"))
    assert bonus.region_codes == ("310110", "310114")


def test_nested_region_keeps_the_most_specific(seed: ParsedDocument) -> None:
    assert by_label(seed, "干部之星").region_codes == ("341125",)


def test_paragraph_topic_region_owns_unmarked_sentences(seed: ParsedDocument) -> None:
    guidance = next(m for m in seed.measures if "典型案例指导" in m.label_zh)
    assert guidance.region_codes == ("340000",)


def test_advice_section_is_recommended_to_its_region(seed: ParsedDocument) -> None:
    advice = [m for m in seed.measures if m.label_zh == "一事一奖"]
    assert {(m.region_codes, m.status) for m in advice} == {
        (("330226",), Status.ADOPTED),
        (("320000",), Status.RECOMMENDED),
    }
    assert len({m.key for m in advice}) == 1  # one concept, two mentions


def test_verb_chain_splits_into_items() -> None:
    parsed = parse_text(
        "仙居县推行“以职培优”激励机制,通过统筹职级职数资源、建立量化考评机制、探索职级晋升预公告制度等举措,畅通晋升通道。"
    )
    labels = [m.label_zh for m in parsed.measures]
    assert labels[:4] == ["以职培优", "职级职数资源", "量化考评机制", "职级晋升预公告制度"]
    assert all(m.region_codes == ("331024",) for m in parsed.measures)


def test_directive_from_above_is_required() -> None:
    parsed = parse_text(
        "中共中央办公厅印发《关于进一步激励广大干部新时代新担当新作为的意见》。\n"
        "《意见》指出，要建立健全容错纠错机制，宽容干部在改革创新中的失误错误。",
        authority="中共中央办公厅",
    )
    measure = next(m for m in parsed.measures if "容错纠错" in m.label_zh)
    assert measure.status is Status.REQUIRED
    assert measure.region_codes == ("CN",)  # national scope, explicitly


def test_gb18030_copy_gives_the_same_provisions_and_measures(tmp_path: Path) -> None:
    copy = tmp_path / "seed.txt"
    copy.write_bytes(SEED.read_text(encoding="utf-8").encode("gb18030"))
    original = parse_document(read_document(SEED, Settings()))
    recoded = parse_document(read_document(copy, Settings()))
    assert recoded.provisions == original.provisions
    strip = [replace(m, doc_id="") for m in original.measures]
    assert [replace(m, doc_id="") for m in recoded.measures] == strip


def spread_parse(text: str, title: str, region_code: str | None) -> ParsedDocument:
    meta = DocumentMeta(title=title, region_code=region_code)
    return parse_document(Document(document_id(text), "/tmp/s.txt", "txt", "utf-8", text, meta))


def test_a_place_spreading_anothers_practice_holds_it_too() -> None:
    # 要在全市推广子洲县“一表通”做法: the city will do what the county did; the county keeps
    # its own. In a provincial reply, a pilot's experience spread 条件成熟时 is a plan.
    city = spread_parse(
        "2025年榆林市政府工作报告\n"
        "子洲县推行村级报表“一表通”，村里需要填报的报表由37张减少到9张。\n"
        "要在全市推广子洲县“一表通”做法，村级报表再压减三成。\n",
        "2025年榆林市政府工作报告",
        "610800",
    )
    held = {code for m in city.measures if "一表通" in m.label_zh for code in m.region_codes}
    assert held == {"610831", "610800"}, [(m.label_zh, m.region_codes) for m in city.measures]
    reply = spread_parse(
        "关于加快乡镇干部职级晋升的答复\n"
        "环县试行乡镇干部职级晋升“积分制”，积分排名作为晋升依据。\n"
        "（三）总结环县的试点经验，条件成熟时在全省推广。\n",
        "甘肃省委组织部关于加快乡镇干部职级晋升的答复",
        "620000",
    )
    (spread,) = [m for m in reply.measures if "在全省推广" in m.label_zh]
    assert spread.region_codes == ("620000",)
    assert spread.status is Status.RECOMMENDED
    # A practice told of in the sentence needs no 做法 to be spread; learning from another
    # place's (借鉴) is taking it up.
    county = spread_parse(
        "修水县关心关爱乡镇干部若干措施\n"
        "何市镇探索的村级报表“一表通”，把各类报表整合为一张基础信息表，由县委社会工作部负责在全县推广。\n"
        "各乡镇要借鉴渣津镇做法，每月至少组织两次干部夜学。\n",
        "修水县关心关爱乡镇干部若干措施",
        "360424",
    )
    by_label = {m.label_zh: m.region_codes for m in county.measures}
    assert any("在全县推广" in label and codes == ("360424",) for label, codes in by_label.items())
    assert any("夜学" in label and codes == ("360424",) for label, codes in by_label.items())


def test_a_clause_taken_whole_is_labelled_after_the_time_it_opens_with() -> None:
    # 2025年底前 and 从2024年起 say when; the measure is what follows.
    plan = spread_parse(
        "紫云苗族布依族自治县关心关爱乡镇干部实施方案\n"
        "一、改善工作生活条件\n"
        "1. 从2024年起，乡镇干部每年体检一次。\n"
        "2. 2025年底前在各乡镇新建改建干部周转房120套，实现乡镇干部住宿“一人一间”。\n",
        "紫云苗族布依族自治县关心关爱乡镇干部实施方案",
        "520425",
    )
    labels = {m.label_zh: m.region_codes for m in plan.measures}
    assert labels == {
        "乡镇干部每年体检一次": ("520425",),
        "各乡镇新建改建干部周转房120套": ("520425",),
    }


def test_a_place_advised_to_set_up_an_institution_holds_it_as_advice() -> None:
    # 建议X建立…机制: X is told to do it; the institution needs no type word of its own.
    study = spread_parse(
        "乌兰察布市乡镇干部队伍稳定情况调研报告\n"
        "调研发现，三旗县对乡镇干部的关心关爱仍有短板，一些年轻干部流失。\n"
        "三、对策建议\n"
        "（一）建议乌兰察布市建立乡镇干部流失预警机制，对流失率高的旗县约谈其组织部门负责同志。\n",
        "乌兰察布市乡镇干部队伍稳定情况调研报告",
        None,
    )
    (warning,) = [m for m in study.measures if m.label_zh == "乡镇干部流失预警机制"]
    assert warning.region_codes == ("150900",)
    assert warning.status is Status.RECOMMENDED
