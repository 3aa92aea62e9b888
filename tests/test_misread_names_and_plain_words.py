"""A place name read with its characters' everyday readings (乐清, Yueqing, as Leqing),
and readers' plain words: 老伴 for 配偶, 多发 for 增发, "step down" for 离任, "frontline"
for 一线, "lent" for 借调; 除了…还有哪些好处 asks what else, not about 好处. Fixtures
written for these tests."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.regions_en import find_regions_en
from policykg.ingest.romanize import pinyin_readings
from policykg.retrieval.ask import ask
from policykg.retrieval.intent_rules import intent_rules
from policykg.retrieval.question import keywords
from policykg.retrieval.shares import same_sense
from policykg.retrieval.translate import translate_query
from tests.test_answers import library_of

YUEQING, LESHAN = "330382", "511100"


def test_a_name_read_as_its_characters_read_elsewhere_is_still_found() -> None:
    assert pinyin_readings("乐清")[0] == "Yueqing"  # the name's own reading first
    assert "Leqing" in pinyin_readings("乐清")
    gazetteer = load_gazetteer()
    for question in ("How much does Leqing pay its officials?", "Does Yueqing insure them?"):
        assert [r.code for r in find_regions_en(question, gazetteer)] == [YUEQING], question
    # A name whose own reading is the everyday one is not taken for another place.
    assert [r.code for r in find_regions_en("Leshan city", gazetteer)] == [LESHAN]


def test_readers_plain_words() -> None:
    assert same_sense("能不能带老伴一起去") == same_sense("能不能带配偶一起去")
    assert same_sense("给牧区干部多发钱") == same_sense("给牧区干部增发钱")
    assert same_sense("沙漠边上") == same_sense("沙漠边缘")
    stop = intent_rules().stopwords_en
    for question, term in (
        ("a secretary who steps down after nine years", "离任"),
        ("How much can frontline units raise it?", "一线"),
        ("What share of officials may be rated excellent?", "比例"),
        ("officials temporarily lent to another office", "借调"),
        ("insured against altitude sickness", "高原疾病"),
        ("Which places rank officials' points?", "积分"),
        ("Which places rank officials' points?", "排名"),
        ("They post the results every month", "公示"),
        ("They post the results every month", "每月"),
    ):
        assert term in translate_query(question, stop).zh_terms, question


DECISION = (
    "关于表彰2025年度担当作为先进个人的决定\n\n"
    "中共某县县委　某县人民政府\n\n"
    "对先进个人，每人给予一次性奖励5000元，其当年年度考核直接确定为优秀等次，不占所在单位名额。\n"
    "希望受到表彰的先进个人珍惜荣誉、再接再厉。\n"
)


def test_what_else_besides_is_asked_of_the_rest(tmp_path: Path) -> None:
    question = "这次受表彰的先进个人，除了奖金还有哪些好处？"
    words = ["这次", "受", "表彰", "的", "先进个人", "除了", "奖金", "还有", "哪些", "好处"]
    assert keywords(question, "zh", words) == ("表彰", "先进个人", "奖金")
    with library_of(tmp_path, {"jueding.txt": DECISION}) as library:
        answer = ask(library, question)
        assert any("直接确定为优秀等次" in c.quote for c in answer.citations), answer.answer
