"""Towns, townships and subdistricts: linked beside a place that holds them, scoped under
their county, holding their own measures, asked for, and in the graph."""

from __future__ import annotations

import pytest

from policykg.ingest.gazetteer import Gazetteer, load_gazetteer
from policykg.ingest.iris import region_iri
from policykg.ingest.models import Document, DocumentMeta, RegionLevel, document_id
from policykg.ingest.pipeline import parse_document
from policykg.ingest.regions import link_regions
from policykg.ingest.towns import TownTable, is_town_code, town_code
from policykg.kg.build import PKG, SCHEMA, document_triples
from policykg.retrieval.levels_asked import requested_level

XIN_COUNTY = "411523"  # 河南省信阳市新县
LONGXI = "621122"  # 甘肃省定西市陇西县
AIHUI = "231102"  # 黑龙江省黑河市爱辉区
MENTOUGOU = "110109"  # 北京市门头沟区


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def towns(text: str, gazetteer: Gazetteer, **context: object) -> list[tuple[str, list[str]]]:
    return [
        (m.surface, gazetteer.path_zh(m.code))
        for m in link_regions(text, gazetteer, **context)  # type: ignore[arg-type]
        if is_town_code(m.code)
    ]


def test_a_town_beside_its_county_is_linked_under_it(gazetteer: Gazetteer) -> None:
    assert towns("陇西县首阳镇奖励村干部。", gazetteer) == [
        ("首阳镇", ["甘肃省", "定西市", "陇西县", "首阳镇"])
    ]
    town = gazetteer.get(town_code(LONGXI, "首阳镇"))
    assert town is not None
    assert (town.level, town.parent_code, town.name_en) == (
        RegionLevel.TOWN,
        LONGXI,
        "Shouyang Town",
    )


def test_a_town_named_alone_is_linked_by_the_county_the_text_names(gazetteer: Gazetteer) -> None:
    text = "在新县，干部减负见了成效。周河乡在县里的基础上又往前走了一步。"
    assert towns(text, gazetteer) == [("周河乡", ["河南省", "信阳市", "新县", "周河乡"])]
    # or that the document (or a library) is about
    assert towns("周河乡的报表少了。", gazetteer, document_region=XIN_COUNTY) == [
        ("周河乡", ["河南省", "信阳市", "新县", "周河乡"])
    ]


def test_a_town_name_without_a_place_holding_it_stays_unlinked(gazetteer: Gazetteer) -> None:
    assert towns("周河乡的报表少了。", gazetteer) == []
    # 96 counties hold a 城关镇: a province names no one of them
    assert towns("河南省城关镇的干部。", gazetteer) == []


def test_ethnic_townships_are_written_with_their_nation(gazetteer: Gazetteer) -> None:
    assert towns("黑河市爱辉区新生鄂伦春族乡推行积分制。", gazetteer) == [
        ("新生鄂伦春族乡", ["黑龙江省", "黑河市", "爱辉区", "新生乡"])
    ]
    assert [r.code for r in gazetteer.by_name("新生鄂伦春族乡")] == [
        r.code for r in gazetteer.by_name("新生乡")
    ]


def test_words_that_hold_a_town_name_are_not_towns(gazetteer: Gazetteer) -> None:
    # 海岛乡镇: island towns and townships; 川西南山乡: 西南 and 山乡 (mountain villages)
    assert towns("霞浦县海岛乡镇干部补贴。", gazetteer) == []
    assert towns("江西省玉山县干部扎根川西南山乡。", gazetteer) == []


def test_a_town_after_its_county_or_a_preposition_starts_its_own_word(
    gazetteer: Gazetteer,
) -> None:
    # 市南 and 对白 are words of the dictionary; here 南坪镇 follows 和龙市, 白狼镇 follows 对.
    assert towns("在和龙市南坪镇，干部记守边积分。", gazetteer) == [
        ("南坪镇", ["吉林省", "延边朝鲜族自治州", "和龙市", "南坪镇"])
    ]
    assert [s for s, _ in towns("阿尔山市对白狼镇的干部发放补贴。", gazetteer)] == ["白狼镇"]


def test_towns_listed_under_their_countys_full_name_are_the_towns(gazetteer: Gazetteer) -> None:
    # The data writes 阿尔山市白狼镇 and 化德县七号镇 for some counties' towns.
    assert gazetteer.get(town_code("152202", "白狼镇")) is not None
    assert gazetteer.get(town_code("150922", "七号镇")) is not None
    assert gazetteer.get(town_code("152202", "阿尔山市白狼镇")) is None


def test_a_town_name_longer_than_a_county_short_name_wins(gazetteer: Gazetteer) -> None:
    linked = [(m.surface, m.code) for m in link_regions("重庆酉阳县龙潭镇党委", gazetteer)]
    assert ("龙潭镇", town_code("500242", "龙潭镇")) in linked
    assert not any(surface == "龙潭" for surface, _ in linked)  # not 吉林市's 龙潭区


def test_a_county_and_its_province_reach_its_towns(gazetteer: Gazetteer) -> None:
    town = town_code(XIN_COUNTY, "周河乡")
    assert town in gazetteer.descendants(XIN_COUNTY)
    assert town in gazetteer.descendants("410000")
    assert town not in gazetteer.descendants("420000")
    assert gazetteer.contains("410000", town)


def parse(text: str, region_code: str | None = None, title: str = "测试"):
    meta = DocumentMeta(title=title, region_code=region_code)
    return parse_document(Document(document_id(text), "/tmp/t.txt", "txt", "utf-8", text, meta))


def test_a_town_holds_what_it_does(gazetteer: Gazetteer) -> None:
    parsed = parse("新县减负调查\n\n新县八里畈镇建立干部集中轮休制度，茶季后分批安排轮休。")
    holders = {c for m in parsed.measures for c in m.region_codes}
    assert town_code(XIN_COUNTY, "八里畈镇") in holders


def test_a_towns_compensatory_leave_is_its_care_measure(gazetteer: Gazetteer) -> None:
    parsed = parse(
        "阿尔山市关爱林区干部\n\n阿尔山市对白狼镇的干部发放取暖补贴。\n\n"
        "白狼镇旺季值班任务重，镇里对旺季值班的干部实行错峰补休。"
    )
    leave = [m for m in parsed.measures if "补休" in m.label_zh]
    assert leave and leave[0].incentive_type == "care"
    assert leave[0].region_codes == (town_code("152202", "白狼镇"),)


def test_a_town_where_something_is_done_does_not_hold_it(gazetteer: Gazetteer) -> None:
    # 在…建设: the place where; the district's notice holds what it builds there
    parsed = parse(
        "门头沟区关心关爱基层干部若干措施\n\n在斋堂镇、清水镇建设干部周转房80套。",
        region_code=MENTOUGOU,
    )
    holders = {c for m in parsed.measures for c in m.region_codes}
    assert holders == {MENTOUGOU}


def test_a_town_named_as_a_persons_post_does_not_hold_the_sentence(gazetteer: Gazetteer) -> None:
    parsed = parse(
        "武进区实绩档案\n\n打开手机上的“武进实绩通”，湖塘镇党委副书记孙某参与的项目一目了然。",
        region_code="320412",
    )
    assert not any(is_town_code(c) for m in parsed.measures for c in m.region_codes)


@pytest.mark.parametrize(
    ("question", "level"),
    [
        ("河南有哪个乡把报表砍掉了一大半？", RegionLevel.TOWN),
        ("哪些乡镇建了干部周转房？", RegionLevel.TOWN),
        ("Which town in Chongqing built a home for seconded officials?", RegionLevel.TOWN),
        ("Which township in Henan tolerates honest mistakes?", RegionLevel.TOWN),
        ("Which provinces pay township officials an allowance?", RegionLevel.PROVINCE),
        ("Which regions pay township officials an allowance?", None),
    ],
)
def test_questions_ask_for_towns(question: str, level: RegionLevel | None) -> None:
    assert requested_level(question) is level


def test_the_graph_describes_the_towns_a_document_names(gazetteer: Gazetteer) -> None:
    parsed = parse("陇西县减负\n\n陇西县首阳镇把村干部报酬与集体经济收入挂钩。")
    town = region_iri(town_code(LONGXI, "首阳镇"))
    triples = set(document_triples(parsed))
    assert (town, SCHEMA.containedInPlace, region_iri(LONGXI)) in triples
    assert any(s == town and p == PKG.level for s, p, _ in triples)


def test_without_the_town_data_places_down_to_counties_still_link(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def missing() -> TownTable:
        raise RuntimeError("the jionlp package (town data) is not installed")

    full = load_gazetteer()
    bare = Gazetteer(full.regions(), {}, towns=missing)
    assert [m.code for m in link_regions("陇西县首阳镇奖励村干部。", bare)] == [LONGXI]
    assert "town data" in caplog.text
    assert bare.descendants(LONGXI) == frozenset()
