"""Rules numbered in parts and items (第二部分第（三）项), a township that became a town
(仪封镇 for 仪封乡) or a town a subdistrict (桠溪镇 for 桠溪街道), ethnic townships as texts
write them, a pilot zone and border cities by their English names, a diary's 乡里, and a
reader's words in a yes/no (考得好不好, 拿到手). Fixtures written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.ingest.gazetteer import Gazetteer, load_gazetteer
from policykg.ingest.regions import link_regions
from policykg.ingest.regions_en import find_regions_en
from policykg.ingest.segment import load_segmenter
from policykg.ingest.towns import town_code
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.ask import ask
from policykg.retrieval.documents_asked import domain_words
from policykg.retrieval.intent_rules import asked_articles
from policykg.retrieval.question import understand
from policykg.retrieval.reader import question_words
from policykg.retrieval.wording import holds
from tests.test_answers import library_of, quotes
from tests.test_measure_genres import parse

LANKAO, PINGTAN, KHORGAS, TURPAN = "410225", "350128", "654004", "650400"
CANGYUAN = "530927"
GAOCHUN = "320118"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def test_a_parts_item_is_asked_by_its_numbers() -> None:
    assert asked_articles("实施细则第二部分第（三）项规定了什么？") == ("二、（三）",)
    assert asked_articles("第六部分第3项讲的是什么") == ("六、（三）",)
    assert asked_articles("What does item (3) of part six deal with?") == ("六、（三）",)
    assert asked_articles("What does part 2, item 4 say?") == ("二、（四）",)
    assert asked_articles("第七条第二款") == ("第七条第二款",)  # articles as before


RULES = {
    "2021": "示范市关心关爱基层干部实施细则（试行）\n\n"
    "示委办〔2021〕8号　2021年3月1日印发\n\n"
    "为关心关爱基层干部，制定本细则。\n\n"
    "## 一、考核评价\n\n"
    "（一）平时考核。各级机关对干部实行平时考核，按季度进行。\n\n"
    "## 二、待遇保障\n\n"
    "（一）乡镇工作补贴。乡镇工作人员按每人每月不低于500元的标准发放乡镇工作补贴。\n\n"
    "（二）周转房。各县统筹建设乡镇干部周转房，每个乡镇不少于10套。\n\n"
    "## 三、容错纠错\n\n"
    "（一）认定程序。容错申请由本人或者所在单位党组织提出，县级以上党委组织部门"
    "自受理之日起30日内作出认定。\n",
    "2026": "示范市关心关爱基层干部实施细则\n\n"
    "示委办〔2026〕3号　2026年2月1日印发\n\n"
    "为关心关爱基层干部，制定本细则。\n\n"
    "## 一、考核评价\n\n"
    "（一）平时考核。各级机关对干部实行平时考核，按季度进行。\n\n"
    "## 二、待遇保障\n\n"
    "（一）乡镇工作补贴。乡镇工作人员按每人每月不低于600元的标准发放乡镇工作补贴。\n\n"
    "（二）协议年薪。乡镇对专业性较强的岗位，可以实行聘任制，按照协议年薪确定薪酬。\n\n"
    "（三）周转房。各县统筹建设乡镇干部周转房，每个乡镇不少于15套。\n\n"
    "## 三、容错纠错\n\n"
    "（一）认定程序。容错申请由本人或者所在单位党组织提出，县级以上党委组织部门"
    "自受理之日起15个工作日内作出认定。\n",
}


def test_an_item_of_one_version_is_quoted_beside_the_same_item_of_the_other(
    tmp_path: Path,
) -> None:
    texts = {f"shifan-xize-{year}.md": text for year, text in RULES.items()}
    with library_of(tmp_path, texts) as library:
        answer = ask(
            library, "2026年的示范市实施细则第二部分第（二）项规定了什么？2021年版同一位置呢？"
        )
        cited = quotes(answer)
        assert "（二）协议年薪。" in cited, answer.answer
        assert "（二）周转房。" in cited, answer.answer
        assert "乡镇工作补贴" not in cited, answer.answer  # the items asked, not their neighbours
        # Which item, in English: the deadline for ruling on a request to excuse a mistake.
        answer = ask(
            library,
            "Which item of Shifan's rules sets the deadline for deciding on a request to "
            "excuse an official's mistake, and how did it change between 2021 and 2026?",
        )
        first = "".join(c.quote for c in answer.citations[:2])
        assert "30日内作出认定" in first and "15个工作日内作出认定" in first, answer.answer


def test_a_township_written_as_the_town_it_became(gazetteer: Gazetteer) -> None:
    township = town_code(LANKAO, "仪封乡")
    assert township in [r.code for r in gazetteer.by_name("仪封镇")]
    named = link_regions("兰考县南彰镇新建干部职工食堂；仪封镇改造干部周转宿舍16间。", gazetteer)
    assert township in [m.code for m in named], named
    # A town of the name as written comes first (茅坪镇 is a town in six counties).
    assert gazetteer.by_name("茅坪镇")[0].name_zh == "茅坪镇"


def test_a_town_written_as_the_subdistrict_it_became(gazetteer: Gazetteer) -> None:
    # 撤镇设街道: the gazetteer lists 桠溪街道; a document of the county still writes 桠溪镇.
    subdistrict = town_code(GAOCHUN, "桠溪街道")
    assert subdistrict in [r.code for r in gazetteer.by_name("桠溪镇")]
    named = link_regions("南京市高淳区桠溪镇机关实行AB岗工作制度。", gazetteer)
    assert subdistrict in [m.code for m in named], named


def test_ethnic_townships_the_table_lists_with_minzu_or_a_variant_character(
    gazetteer: Gazetteer,
) -> None:
    # The table writes 杜拉尔鄂温克民族乡 and 祁丰蔵族乡; texts write 鄂温克族乡 and 藏族乡.
    for name, county in (("杜拉尔鄂温克族乡", "150722"), ("祁丰藏族乡", "620721")):
        found = [r.code for r in gazetteer.by_name(name)]
        assert found and found[0].startswith(county + "-"), (name, found)
    named = link_regions("莫力达瓦达斡尔族自治旗杜拉尔鄂温克族乡建起了周转小院。", gazetteer)
    assert any(m.code.startswith("150722-") for m in named), named


def test_a_pilot_zone_and_border_cities_by_their_english_names(gazetteer: Gazetteer) -> None:
    zone = [
        m.code for m in link_regions("平潭综合实验区决定面向社会公开招聘聘任制公务员", gazetteer)
    ]
    assert len(zone) == 1 and gazetteer.contains(PINGTAN, zone[0]), zone
    asked = "What does Khorgas city offer the officials sent from Turpan?"
    assert {r.code for r in find_regions_en(asked, gazetteer)} >= {KHORGAS, TURPAN}


def test_a_town_named_in_english_beside_its_county(gazetteer: Gazetteer) -> None:
    township = town_code(CANGYUAN, "班洪乡")
    asked = "Can a township official in Banhong, Cangyuan county, take days off?"
    assert township in [r.code for r in find_regions_en(asked, gazetteer, [township])]
    # Without its county, a bare pinyin name is no town: it may be a county's name too.
    alone = "Can a township official in Banhong take days off?"
    assert township not in [r.code for r in find_regions_en(alone, gazetteer, [township])]


def test_a_diarys_township_does_what_it_decided_from_this_year() -> None:
    diary = (
        "【基层日记】在班洪守边的这一年\n\n"
        "编者按：班洪乡位于沧源佤族自治县西部，与缅甸接壤。本报今天刊发班洪乡一名干部的工作日记。\n\n"
        "1月9日　阴\n\n"
        "元旦刚过，乡党委召开全体干部会。书记宣布，今年起乡里实行“周五下午不开会”，把时间留给进村入户。"
        "散会后，大家都说这条规矩定得好。这一年，我跑遍了全乡的每一个村民小组，认识了很多人。\n\n"
        "3月19日　多云\n\n"
        "下点了。按照乡里的规定，值守结束后补休2天。我搭班车回了县城，陪爸妈吃了顿饭。\n"
    )
    parsed = parse(diary, "在班洪守边的这一年", CANGYUAN)
    township = town_code(CANGYUAN, "班洪乡")
    holders = {m.label_zh: m.region_codes for m in parsed.measures}
    meeting_free = [codes for label, codes in holders.items() if "不开会" in label]
    rest = [codes for label, codes in holders.items() if "补休" in label]
    assert meeting_free and all(codes == (township,) for codes in meeting_free), holders
    assert rest and all(codes == (township,) for codes in rest), holders


def test_an_aside_inside_a_term_is_read_through() -> None:
    assert holds("乡镇干部", "年度考核为优秀等次的乡镇（街道）干部，绩效奖励上浮")
    assert holds("党委", "乡镇（街道）党（工）委具体实施")


ASSESSMENT = {
    "yunnan.txt": "云南省乡镇干部年度实绩考核办法\n\n"
    "第一条 为树立重实干重实绩的导向，制定本办法。\n\n"
    "第十条 考核结果与绩效奖励挂钩。年度考核为优秀等次的乡镇（街道）干部，"
    "绩效奖励不低于称职等次人员平均水平的1.3倍。\n\n"
    "第十一条 对年度实绩得分排名靠后的干部，由乡镇（街道）党（工）委主要负责人进行谈心谈话。\n",
    "other.txt": "关于规范乡镇督查检查考核工作的通知\n\n"
    "各乡镇面向村（社区）的督查检查考核事项，一律报县委督查室统筹。\n",
}


def test_a_yes_no_in_a_readers_words_says_yes(tmp_path: Path) -> None:
    with library_of(tmp_path, ASSESSMENT) as library:
        answer = ask(library, "在云南，乡镇干部年度考核考得好不好，会不会影响拿到手的绩效奖励？")
        assert answer.answer.startswith("是"), answer.answer
        assert "1.3倍" in quotes(answer), answer.answer


def test_an_english_questions_own_terms_count_though_its_type_lists_them() -> None:
    # 心理疏导 is one of the care type's cues too: what the question's words render is
    # what a document must name, and what evidence must hold, whatever the type lists.
    text = "Which documents mention psychological counselling or mental-health support?"
    words = load_segmenter().words(text)
    question = understand(text, load_gazetteer(), load_vocabulary(), words)
    assert "心理疏导" in question.topic
    assert "心理疏导" in domain_words(question)
    held = question_words(question, ())
    assert "心理疏导" in held and "健康体检" not in held, held
