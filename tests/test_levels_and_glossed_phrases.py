"""Reading a question: two levels asked at once, a glossary phrase that hides a shorter
term, and a payment the yes must name though other provisions rank above it. Fixtures
written for these tests."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.models import RegionLevel
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.ask import ask
from policykg.retrieval.english_terms import english_terms
from policykg.retrieval.levels_asked import requested_level
from policykg.retrieval.translate import translate_query
from tests.test_answers import library_of, quotes


def test_two_levels_each_asked_with_which_ask_for_places_of_both() -> None:
    both = "Which sending city organises a family visit, and in which county do they serve?"
    assert requested_level(both) is None
    assert requested_level("Which sending city organises a family visit?") is (
        RegionLevel.PREFECTURE
    )
    assert requested_level("哪个市组织家属探亲？在哪个县挂职？") is None
    assert requested_level("哪些县组织家属探亲？") is RegionLevel.COUNTY


def test_a_glossary_phrase_hides_the_shorter_term_inside_it() -> None:
    vocabulary = load_vocabulary()
    # "merit" alone is one way to say 注重实绩; "third-class merit" is 三等功.
    assert "注重实绩" not in english_terms(
        "Which documents record a third-class merit?", vocabulary
    )
    assert "三等功" in translate_query("record a third-class merit").zh_terms
    assert "注重实绩" in english_terms("Which regions put merit first?", vocabulary)


SECONDMENT = {
    "tongzhou.txt": "关于开展两地干部双向挂职工作的通知\n\n"
    "一、每年由通州区选派30名干部到三河市、香河县挂职，由两县各选派10名干部到通州区挂职。\n\n"
    "二、通州区选派的挂职干部由接收单位日常管理，通州区组织部门定期了解挂职干部情况。\n\n"
    "三、通州区选派的挂职干部，工资福利由派出单位发放，"
    "通州区按每人每月1200元标准发放挂职生活补助。\n\n"
    "四、通州区选派的挂职干部考核为优秀的，在职级晋升时同等条件下优先考虑。\n",
}


def test_mountain_townships_and_a_separate_quota_read_in_the_texts_senses() -> None:
    # 山区乡镇 and 单列 (职级晋升计划单列) in the texts; the dictionary's first senses are
    # 山岳 and 分离.
    assert translate_query("a separate quota for mountain townships").zh_terms == (
        "单列",
        "山区",
        "乡镇",
    )


def test_the_yes_names_the_payment_asked_though_others_rank_above(tmp_path: Path) -> None:
    # "living allowance" is 生活补助 (our glossary; the dictionary's "living" is 活生生), a
    # payment the evidence must name: the yes cites the provision paying it.
    assert translate_query("a living allowance").zh_terms == ("生活补助",)
    with library_of(tmp_path, SECONDMENT) as library:
        for question in (
            "通州区是否为选派的挂职干部发放挂职生活补助？",
            "Does Tongzhou district pay a monthly living allowance to the officials it sends"
            " on secondment to the two counties?",
        ):
            answer = ask(library, question)
            assert answer.answer.startswith(("是", "Yes")), answer.answer
            assert "1200元标准发放挂职生活补助" in quotes(answer), answer.answer


STUDY = {
    "kunshan.txt": "昆山市三镇干部激励比较研究\n\n"
    "周市镇对镇机关干部实行“项目积分”考核，积分占年度考核的60%。"
    "锦溪镇设立干部关爱基金，每年安排20万元。\n",
}


def test_a_town_named_in_english_under_a_named_county_is_asked(tmp_path: Path) -> None:
    # Qiandeng Town is a town of 昆山市 the library says nothing about: asked, the answer
    # says so, rather than answering for Kunshan; a yes/no says no first.
    with library_of(tmp_path, STUDY) as library:
        answer = ask(
            library, "What incentives has Qiandeng town in Kunshan adopted for its officials?"
        )
        assert answer.citations == () and "千灯镇" in answer.answer, answer.answer
        yes_no = ask(
            library, "Does Qiandeng town in Kunshan score its officials by project points?"
        )
        assert yes_no.answer.startswith("No"), yes_no.answer
        known = ask(library, "What incentives has Jinxi town in Kunshan adopted for its officials?")
        assert "关爱基金" in quotes(known), known.answer
