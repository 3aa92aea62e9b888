"""Who speaks for a document and what its places are called: joint signatures, a web
page's 来源 line, short names a text defines (简称“莫旗”), a study's 省级层面 and the
enumerators before a clause's subject (一是建议…). Fixtures written for these tests."""

from __future__ import annotations

import pytest

from policykg.ingest.document_region import document_region
from policykg.ingest.gazetteer import Gazetteer, load_gazetteer
from policykg.ingest.metadata import extract_metadata, read_footer
from policykg.ingest.models import Document, document_id
from policykg.ingest.regions import link_regions
from tests.test_measure_genres import parse

TONGZHOU, LANGFANG, MORIN_DAWA, OROQEN = "110112", "131000", "150722", "150723"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def document(text: str) -> Document:
    return Document(
        document_id(text), "/tmp/t.txt", "txt", "utf-8", text, extract_metadata(text, "t")
    )


JOINT_NOTICE = (
    "关于开展两地干部双向挂职工作的通知\n\n"
    "每年由通州区选派30名干部到三河市挂职。挂职干部由接收单位日常管理。\n\n"
    "中共北京市通州区委组织部\n"
    "中共廊坊市委组织部\n"
    "2025年3月3日\n"
)


def test_a_joint_signature_names_every_issuer_and_the_lead_speaks_for_it(
    gazetteer: Gazetteer,
) -> None:
    footer = read_footer(JOINT_NOTICE)
    assert footer is not None
    assert footer.issuer == "中共北京市通州区委组织部 中共廊坊市委组织部"
    notice = document(JOINT_NOTICE)
    mentions = link_regions(notice.text, gazetteer)
    assert document_region(notice, mentions, gazetteer) == TONGZHOU  # not the last signer


def test_a_web_pages_source_line_is_its_issuer(gazetteer: Gazetteer) -> None:
    text = (
        "省委组织部有关负责同志就《关于关心关爱鲁渝协作挂职干部人才的若干措施》答记者问\n\n"
        "来源：山东省委组织部　发布时间：2025年3月21日\n\n"
        "答：彭水苗族土家族自治县、石柱土家族自治县、巫山县为挂职干部安排周转公寓。"
        "派出单位按每人每月3000元的标准发放协作工作补助。\n"
    )
    page = document(text)
    assert page.meta.authority == "山东省委组织部"
    # The counties it names are in 重庆; the page speaks for 山东.
    assert document_region(page, link_regions(text, gazetteer), gazetteer) == "370000"
    newspaper = document(
        "标题很长很长很长很长很长很长很长很长很长很长很长很长很长\n来源：人民日报\n正文。"
    )
    assert newspaper.meta.authority != "人民日报"  # an outlet, not an organ


def test_a_short_name_the_text_defines_names_the_place_after(gazetteer: Gazetteer) -> None:
    text = (
        "与鄂伦春自治旗隔山相望的莫力达瓦达斡尔族自治旗，当地人习惯简称“莫旗”。"
        "莫旗对乡镇干部实行季度考核。"
    )
    found = [(m.surface, m.code) for m in link_regions(text, gazetteer)]
    assert found == [
        ("鄂伦春自治旗", OROQEN),
        ("莫力达瓦达斡尔族自治旗", MORIN_DAWA),
        ("莫旗", MORIN_DAWA),
    ]
    listed = "三河市、大厂回族自治县、香河县（以下简称“北三县”）。北三县各选派10名干部。"
    assert "北三县" not in [m.surface for m in link_regions(listed, gazetteer)]


def test_a_study_advising_the_provincial_level_advises_its_province() -> None:
    text = (
        "吕梁山区乡镇干部考核评价调研报告\n\n"
        "调研组赴临汾市吉县、隰县、永和县开展调研。\n\n"
        "一是建议省级层面出台乡镇干部考核评价指导意见，对乡镇干部实行分类考核。\n"
        "二是建议省财政对山区县乡镇工作补贴给予专项补助。\n"
    )
    parsed = parse(text, "吕梁山区乡镇干部考核评价调研报告", "141000")
    held = {m.label_zh: m.region_codes for m in parsed.measures}
    assert held.get("分类考核") == ("140000",), held
    # 省财政: the province's purse, as 省委 is its committee.
    assert [c for label, c in held.items() if "乡镇工作补贴" in label] == [("140000",)], held
