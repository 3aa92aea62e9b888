"""A briefing outline in bullets (- 浦市镇：改建周转房20套), which-places questions that
ask a figure too, and readers' plain words: 还其清白 for 澄清正名, 精神压力 for 心理疏导,
没过关 for 不合格, a birthday as care, 要是 and 一点 that ask nothing, a counsellor seen
free of charge. Fixtures written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.ingest.headings import markers_end
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.ask import ask
from policykg.retrieval.intent_rules import Intent, classify_intent
from policykg.retrieval.question import keywords
from policykg.retrieval.shares import practice_within, same_sense
from policykg.retrieval.translate import translate_query
from policykg.retrieval.wording import is_furniture
from tests.test_answers import library_of

BRIEFING = (
    "泸溪县关心关爱基层干部工作汇报提纲\n"
    "（向州委调研组汇报用）\n"
    "中共泸溪县委组织部　2025年10月\n\n"
    "一、主要做法\n\n"
    "（一）关心关爱\n"
    "- 周转房：全县新建60套\n"
    "- 浦市镇：利用闲置校舍改建干部周转房20套，已全部入住\n"
    "- 武溪镇：开办干部食堂，工作日午餐免费\n"
    "- 健康体检：乡镇干部每年1次\n\n"
    "（二）基层减负\n"
    "- 督查检查考核：由30项压减到12项\n"
)
LUXI, PUSHI = "433122", "433122-23636f"


def test_a_bulleted_item_is_content_and_its_town_holds_it(tmp_path: Path) -> None:
    line = "- 浦市镇：利用闲置校舍改建干部周转房20套，已全部入住"
    assert markers_end(line) == 2  # the bullet opens an item, as （一） does
    assert not is_furniture(line)
    assert not is_furniture("- 督查检查考核：由30项压减到12项")
    with library_of(tmp_path, {"tigang.txt": BRIEFING}) as library:
        document = library.store.documents()[0]
        measures = library.store.measures(document.doc_id)
        assert not [m.label_zh for m in measures if m.label_zh.startswith("-")]
        housing = [m for m in measures if "周转房20套" in m.label_zh]
        assert housing and housing[0].region_codes == (PUSHI,), housing
        answer = ask(library, "泸溪县的督查检查考核压减到了多少项？")
        assert any("由30项压减到12项" in c.quote for c in answer.citations), answer.answer
        town = ask(library, "泸溪县哪个镇把闲置校舍改成了干部住房？")
        assert PUSHI in {r.code for r in town.regions}, town.answer


def test_several_places_asked_with_a_figure_are_listed() -> None:
    for question in (
        "哪些地方压减了要填的报表？分别从多少减到多少？",
        "Which counties pay a monthly frontier allowance, and how much?",
    ):
        assert classify_intent(question, 0) is Intent.WHICH_REGIONS, question
    # One place asked for: its figure, quoted.
    assert classify_intent("湖北哪个县给高山乡镇干部发补助？标准是多少？", 0) is Intent.FACT


ZHENGMING = (
    "某市关于激励干部担当作为的若干措施\n\n"
    "（一）对受到失实举报的干部，在一个月内召开澄清正名会，消除负面影响。\n"
)
REPORTS = (
    "某县纪委监委信访举报工作要点\n\n"
    "（一）对干部的实名举报，在15个工作日内受理并告知举报人办理结果。\n"
)


def test_readers_plain_words() -> None:
    assert same_sense("年度考核没过关") == same_sense("年度考核没合格")
    words = ["要是", "驻村", "绩效", "系数", "会高", "一点", "讲到", "如果"]
    assert keywords("要是去驻村，绩效系数会高一点吗？", "zh", words) == (
        "驻村",
        "绩效",
        "系数",
        "会高",
    )
    terms = translate_query("Can officials see a counsellor free of charge?").zh_terms
    assert "心理咨询" in terms and "免费" in terms, terms
    assert "复核" in translate_query("Can the decision be reconsidered?").zh_terms


def test_a_birthday_kept_for_cadres_is_care() -> None:
    assert load_vocabulary().classify("干部生日当天，由所在单位送上贺卡") == "care"
    terms = translate_query("Which places send officials wishes on their birthday?").zh_terms
    assert "生日" in terms, terms
    warm = translate_query("an allowance to keep warm in winter").zh_terms
    assert "取暖" in warm, warm
    photos = translate_query("staff must photograph their routine work").zh_terms
    assert "拍照" in photos, photos


MENTAL_HEALTH = (
    "某县关心关爱基层干部若干措施\n\n（一）每个乡镇设立干部心理服务站，由专业人员提供心理疏导。\n"
)
CANTEEN = "某县乡镇机关食堂管理办法\n\n（一）乡镇机关食堂为干部提供工作日午餐，每餐收费5元。\n"


@pytest.mark.parametrize(
    ("plain", "official", "texts", "question", "title"),
    [
        (
            "还其清白",
            "还其澄清正名",
            {"zhengming.txt": ZHENGMING, "jubao.txt": REPORTS},
            "哪些文件讲到给被人不实举报的干部还其清白？",
            "某市关于激励干部担当作为的若干措施",
        ),
        (
            "排解精神压力",
            "排解心理疏导",
            {"xinli.txt": MENTAL_HEALTH, "shitang.txt": CANTEEN},
            "哪些文件讲到帮干部排解精神压力？",
            "某县关心关爱基层干部若干措施",
        ),
    ],
)
def test_a_practice_asked_in_plain_words_names_its_documents(
    tmp_path: Path, plain: str, official: str, texts: dict[str, str], question: str, title: str
) -> None:
    assert same_sense(plain) == same_sense(official)
    with library_of(tmp_path, texts) as library:
        answer = ask(library, question)
        assert {c.doc_title for c in answer.citations} == {title}, answer.answer


def test_a_practice_inside_a_longer_word() -> None:
    assert practice_within("食堂难题") == "食堂"
    assert practice_within("周转房") == "周转房"
    assert practice_within("年轻干部") is None
    assert "记功" in translate_query("What share of merit awards go to townships?").zh_terms
