"""A province's rank-promotion rules asked in a reader's words: the rules named short
(职级晋升细则 for 公务员职级晋升实施细则), the chapter a revision added asked whole
(加了一章), "time served" and "shorten" in English, 借到 and 停掉 for 借调 and 停发; and
乡村振兴 is no place (振兴区 of 丹东). Fixtures written for these tests."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.regions import link_regions
from policykg.retrieval.ask import ask
from policykg.retrieval.intent_rules import intent_rules
from policykg.retrieval.shares import same_sense
from policykg.retrieval.translate import translate_query
from tests.test_answers import library_of

OLD = (
    "# 青海省公务员职级晋升实施细则\n\n"
    "（2019年6月1日中共青海省委组织部、青海省公务员局印发）\n\n<!-- INFO END -->\n\n"
    "## 第一章　总则\n\n"
    "**第一条**　为了规范全省公务员职级晋升工作，制定本细则。\n\n"
    "## 第二章　晋升条件\n\n"
    "**第二条**　晋升四级主任科员，应当任一级科员3年以上。\n\n"
    "**第三条**　乡镇机关公务员晋升职级的，任职年限可以放宽半年。\n\n"
    "## 第三章　附则\n\n"
    "**第四条**　本细则自2019年7月1日起施行。\n"
)
NEW = (
    "# 青海省公务员职级晋升实施细则\n\n"
    "（2025年6月1日中共青海省委组织部、青海省公务员局印发）\n\n<!-- INFO END -->\n\n"
    "## 第一章　总则\n\n"
    "**第一条**　为了规范全省公务员职级晋升工作，制定本细则。\n\n"
    "## 第二章　晋升条件\n\n"
    "**第二条**　晋升四级主任科员，应当任一级科员3年以上。\n\n"
    "## 第三章　向基层一线倾斜\n\n"
    "**第三条**　乡镇机关公务员晋升职级的，任职年限可以放宽1年。\n\n"
    "**第四条**　在艰苦边远地区乡镇连续工作满10年的，可以晋升至三级主任科员。\n\n"
    "## 第四章　附则\n\n"
    "**第五条**　本细则自2025年7月1日起施行。\n"
)


def test_the_chapter_a_revision_added_is_quoted_whole_from_the_rules_named_short(
    tmp_path: Path,
) -> None:
    # 第三条 was moved into the new chapter (its figure changed): the chapter is asked,
    # so it is quoted with the article that is new.
    with library_of(tmp_path, {"xize-2019.md": OLD, "xize-2025.md": NEW}) as library:
        answer = ask(library, "青海的职级晋升细则2025年改版时加了一章，这一章的几条定了些什么？")
        quoted = " ".join(c.quote for c in answer.citations)
        assert "任职年限可以放宽1年" in quoted and "晋升至三级主任科员" in quoted, answer.answer
        assert "放宽半年" not in quoted and "任一级科员3年以上" not in quoted, answer.answer


def test_readers_words_for_time_served_and_for_being_lent() -> None:
    stop = intent_rules().stopwords_en
    served = translate_query("how much extra slack on time served do they get", stop).zh_terms
    assert {"任职年限", "放宽"} <= set(served), served
    shorter = translate_query("good appraisals can shorten the wait", stop).zh_terms
    assert "缩短" in shorter, shorter
    assert same_sense("被借到县里帮忙") == same_sense("被借调县里帮忙")
    assert same_sense("补贴会不会停掉") == same_sense("补贴会不会停发")


def test_rural_revitalisation_names_no_district() -> None:
    gazetteer = load_gazetteer()
    text = "丹东市全面推进乡村振兴，设立乡村振兴实干奖。"
    assert [m.code for m in link_regions(text, gazetteer)] == ["210600"]
    assert "210603" in [m.code for m in link_regions("丹东市振兴区推进工作。", gazetteer)]


def test_a_phrase_ending_in_a_participle_is_not_read_as_a_noun() -> None:
    # "official posted" is no compound: not 官位 (official post), but 派驻.
    terms = translate_query("Will an official posted to a lakeside township get more?").zh_terms
    assert "派驻" in terms and "官位" not in terms, terms
    law = translate_query("the city's rural revitalisation regulations").zh_terms
    assert "乡村振兴" in law, law


def test_a_care_fund_for_the_seriously_ill_in_readers_english() -> None:
    stop = intent_rules().stopwords_en
    terms = translate_query(
        "Which places set up a special fund for officials who fall seriously ill"
        " or whose families hit hard times?",
        stop,
    ).zh_terms
    assert {"基金", "重大疾病", "困难"} <= set(terms), terms


def test_more_readers_words_read_as_the_texts_say_them() -> None:
    assert same_sense("出了差错可以被宽容") == same_sense("出了差错可以被容错")
    assert same_sense("干部家里有难处") == same_sense("干部家里有困难")
    assert same_sense("干部生病了") == same_sense("干部患病了")
    assert same_sense("孩子到县城上学") == same_sense("孩子到县城入学")
