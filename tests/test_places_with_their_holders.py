"""A place written with the place holding it (舟山市普陀区), a town's English name written
with pinyin's syllable mark (Hong'an town), every place a "which places" question asks
for (the best answer's close followers included), a meeting's decision to pilot in its
towns, a term the texts say by its core (挂职 for 挂职锻炼), and a document's title and
issuers past the lines around them. Fixtures written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.ingest.gazetteer import Gazetteer, load_gazetteer
from policykg.ingest.metadata import extract_metadata
from policykg.ingest.regions_en import find_regions_en
from policykg.ingest.towns import town_code
from policykg.retrieval.ask import ask
from policykg.retrieval.citing import citable
from policykg.retrieval.reader import Scored, threshold
from policykg.retrieval.translate import translate_query
from policykg.retrieval.which_places import PLACES_FLOOR_DROP
from policykg.retrieval.wording import term_forms
from tests.test_answers import library_of, quotes
from tests.test_measure_genres import labelled, parse

ZHOUSHAN_PUTUO, SHANGHAI_PUTUO, SHANTING, XIUSHAN = "330903", "310107", "370406", "500241"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("舟山市普陀区", ZHOUSHAN_PUTUO),
        ("上海市普陀区", SHANGHAI_PUTUO),
        ("浙江省舟山市普陀区", ZHOUSHAN_PUTUO),
        ("枣庄市山亭区", SHANTING),
    ],
)
def test_a_place_written_with_its_city(gazetteer: Gazetteer, name: str, code: str) -> None:
    assert [r.code for r in gazetteer.by_name(name)] == [code]


def test_a_town_written_with_its_county(gazetteer: Gazetteer) -> None:
    assert [r.code for r in gazetteer.by_name("秀山县洪安镇")] == [town_code(XIUSHAN, "洪安镇")]


def test_a_place_under_another_city_is_no_such_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.by_name("舟山市杨浦区") == []
    assert gazetteer.by_name("舟山市普") == []


@pytest.mark.parametrize("spelled", ["Hong'an town", "Hong’an Town", "Hongan town"])
def test_a_town_in_english_with_pinyins_syllable_mark(gazetteer: Gazetteer, spelled: str) -> None:
    town = town_code(XIUSHAN, "洪安镇")
    asked = f"According to the Xiushan county WeChat post, what did {spelled} do for its officials?"
    found = [r.name_zh for r in find_regions_en(asked, gazetteer, [town, XIUSHAN])]
    assert "洪安镇" in found and "红安县" not in found, found


def test_every_place_asked_for_includes_those_just_below_the_answering_line() -> None:
    line = threshold("zh")
    scored = [
        Scored("best", line + 0.2, 0.5, 0.5, True),
        Scored("close", line - PLACES_FLOOR_DROP / 2, 0.3, 0.3, True),
        Scored("far", line - 2 * PLACES_FLOOR_DROP, 0.2, 0.2, True),
    ]
    assert [s.provision_id for s in citable(scored, "zh", 15)] == ["best"]
    places = citable(scored, "zh", 15, floor_drop=PLACES_FLOOR_DROP)
    assert [s.provision_id for s in places] == ["best", "close"]
    # Nothing answers when the best is below the line itself.
    assert citable(scored[1:], "zh", 15, floor_drop=PLACES_FLOOR_DROP) == []


MINUTES = (
    "某区人民政府第5次常务会议纪要\n\n"
    "会议听取了区卫健局关于乡镇卫生院绩效工资改革试点的汇报，研究了待遇保障有关事项。\n\n"
    "会议同意在北庄镇、徐庄镇两个镇卫生院开展绩效工资总量动态调整试点，试点期一年。\n\n"
    "会议同意，对在偏远山区学校任教的教师，每人每月发放山区教师津贴300元。\n\n"
    "会议同意区直机关选派25名35岁以下年轻干部到乡镇挂职，期限1年。\n"
)


def test_minutes_decision_to_pilot_in_towns_is_the_towns() -> None:
    parsed = parse(MINUTES, title="枣庄市山亭区人民政府第5次常务会议纪要", region_code=SHANTING)
    pilot = labelled(parsed, "绩效工资总量动态调整试点")
    assert set(pilot.region_codes) == {town_code(SHANTING, "北庄镇"), town_code(SHANTING, "徐庄镇")}
    assert labelled(parsed, "山区教师津贴").region_codes == (SHANTING,)


def test_no_measure_is_named_by_a_fragment_or_a_generic_matter() -> None:
    parsed = parse(MINUTES, title="枣庄市山亭区人民政府第5次常务会议纪要", region_code=SHANTING)
    labels = {m.label_zh for m in parsed.measures}
    assert not any(label.startswith("的") for label in labels), labels
    assert "有关事项" not in labels
    assert not any(label.startswith("岁") for label in labels), labels


def test_a_term_is_held_by_a_text_saying_its_core() -> None:
    assert term_forms("挂职锻炼") == ("挂职锻炼", "挂职")
    assert term_forms("容错纠错机制") == ("容错纠错机制", "容错纠错")
    assert term_forms("协议年薪") == ("协议年薪",)  # what makes it specific stays


def test_places_and_documents_asked_by_a_term_the_texts_say_in_its_core(
    tmp_path: Path,
) -> None:
    texts = {
        "putuo.txt": "舟山市普陀区关心关爱海岛乡镇干部清单\n\n"
        "每年选派20名区直机关35岁以下干部到海岛乡镇挂职，期限1年。\n",
        "anhua.txt": "安化县乡镇干部健康体检安排\n\n每年组织乡镇干部健康体检一次。\n",
    }
    with library_of(tmp_path, texts) as library:
        answer = ask(library, "哪些地方每年从机关挑年轻干部下到乡镇去挂职锻炼？")
        assert "普陀区" in {r.label_zh for r in answer.regions}, answer.answer
        assert "到海岛乡镇挂职" in quotes(answer)
        listed = ask(library, "哪些文件提到了挂职锻炼？").answer
        assert "舟山市普陀区关心关爱海岛乡镇干部清单" in listed and "安化县" not in listed, listed


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (  # the issuer on its own line above a summary and plans
            "泰安市人民政府国有资产监督管理委员会\n2025年工作总结及2026年工作打算\n\n"
            "2025年，我委完善考核评价。现将有关情况总结如下。\n",
            "泰安市人民政府国有资产监督管理委员会2025年工作总结及2026年工作打算",
        ),
        (  # a newspaper's masthead line above the headline
            "《泰安日报》2025年11月6日　第2版　要闻\n\n宁阳：让村干部干事有奔头\n\n本报记者　王明\n\n"
            "宁阳县提高村干部报酬。\n",
            "宁阳：让村干部干事有奔头",
        ),
        (  # a headline that exclaims
            "宁阳：这份“暖心礼包”，请乡镇干部查收！\n\n宁阳组工　2025-09-19\n\n县里推出十条措施。\n",
            "宁阳：这份“暖心礼包”，请乡镇干部查收！",
        ),
    ],
)
def test_the_title_line_past_issuers_and_mastheads(text: str, title: str) -> None:
    assert extract_metadata(text, "fallback").title == title


def test_a_line_that_only_exclaims_is_no_title() -> None:
    assert extract_metadata("同志们好！\n\n今天召开全县大会。\n", "fallback").title == "fallback"


def test_joint_issuers_are_all_named() -> None:
    text = (
        "# 泰安市基层干部激励保障办法\n\n"
        "（2021年6月18日中共泰安市委组织部、泰安市人力资源和社会保障局、泰安市财政局印发）\n\n"
        "**第一条**　为了激励基层干部担当作为，制定本办法。\n"
    )
    assert extract_metadata(text, "x").authority == (
        "中共泰安市委组织部、泰安市人力资源和社会保障局、泰安市财政局"
    )
    news = "记我市援疆干部\n\n今年市委组织部、市人社局、市财政局联合印发通知，提高补助。\n"
    assert extract_metadata(news, "x").authority == "市委组织部、市人社局、市财政局"


def test_a_yearly_salary_is_an_annual_salary() -> None:
    assert "年薪" in translate_query("Who pays managers a fixed yearly salary?").zh_terms
    assert "年薪" in translate_query("Is their yearly pay agreed by contract?").zh_terms


def test_places_asked_for_a_practice_no_text_names_are_none(tmp_path: Path) -> None:
    texts = {
        "a.txt": "宁阳县关心关爱乡镇干部措施\n\n对从外地调入的干部，乡镇党委要帮助解决工作和生活中的实际问题。\n",
        "b.txt": "东平县干部体检安排\n\n每年组织乡镇干部健康体检一次。\n",
    }
    with library_of(tmp_path, texts) as library:
        answer = ask(library, "哪些地方帮调过来的干部解决另一半的工作问题？")
        assert not answer.regions and not answer.citations, answer.answer
        # … while a practice a text names in other words is found (另一半: 配偶).
        texts["c.txt"] = (
            "肥城市引进干部服务办法\n\n对引进干部的配偶，由市人社局帮助解决工作问题。\n"
        )
    (tmp_path / "more").mkdir()
    with library_of(tmp_path / "more", texts) as library:
        answer = ask(library, "哪些地方帮调过来的干部解决另一半的工作问题？")
        assert "肥城市" in {r.label_zh for r in answer.regions}, answer.answer
