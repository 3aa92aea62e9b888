"""Documents questions: which of a family of documents say something, and a term an
English question singles out by quoting it."""

from __future__ import annotations

from pathlib import Path

from policykg.retrieval.ask import ask
from policykg.retrieval.reader import holds
from tests.test_answers import library_of, quotes

# Four years of one city's work reports and a commentary, all on keeping spending tight.
REPORTS = {
    f"report-{year}.txt": f"{year}年宁波市政府工作报告\n"
    f"过去一年，全市经济运行总体平稳，重点项目有序推进。\n"
    f"各级政府要坚持过紧日子，“三公”经费只减不增。\n"
    f"今年将继续深化改革，扩大开放，办好民生实事。\n"
    for year in (2019, 2020, 2021, 2022)
}
COMMENTARY = {
    "commentary.txt": "宁波日报评论：节用为民\n"
    "各级政府要坚持过紧日子，省下的钱要用在民生上。\n"
    "一些单位公共支出仍有压减空间，应当精打细算。\n"
}
OTHER = {
    "notice.txt": "宁波市关于做好节日期间工作的通知\n"
    "各单位要做好值班安排，确保节日期间公共服务正常运转。\n"
}


def test_asked_which_of_a_kind_of_document_only_those_are_listed(tmp_path: Path) -> None:
    with library_of(tmp_path, {**REPORTS, **COMMENTARY}) as library:
        answer = ask(library, "哪几年的政府工作报告要求坚持过紧日子？")
        titles = [line for line in answer.answer.splitlines() if line.startswith("- ")]
        assert len(titles) == 4 and all("政府工作报告" in title for title in titles)
        assert "宁波日报评论" not in answer.answer


def test_a_quoted_english_phrase_is_what_the_documents_must_name(tmp_path: Path) -> None:
    with library_of(tmp_path, {**REPORTS, **COMMENTARY, **OTHER}) as library:
        answer = ask(library, "Which documents mention the 'three public expenses'?")
        assert answer.answer.count("政府工作报告") == 4
        assert "宁波日报评论" not in answer.answer and "通知" not in answer.answer
        assert "“三公”经费只减不增" in quotes(answer)


def test_quotation_marks_inside_a_term_do_not_part_it() -> None:
    assert holds("三公经费", "“三公”经费只减不增")
    assert holds("放管服改革", "深化“放管服”改革")
    assert not holds("三公经费", "三项公共支出")


# A city's reward rule that names its honour 称号, where the English renders 荣誉称号.
REWARDS = {
    "changzhi.md": "# 长治市事业单位工作人员奖励实施办法\n\n"
    "第五条 奖励分为嘉奖、记功、记大功和授予称号。\n\n"
    "第十二条 对获得奖励的工作人员，按照下列标准给予一次性奖金：嘉奖每人一千元，"
    "记功每人一千五百元，记大功每人三千元，授予称号的每人五千元。\n"
}


def test_an_english_term_the_texts_word_otherwise_is_still_answered(tmp_path: Path) -> None:
    with library_of(tmp_path, REWARDS) as library:
        answer = ask(
            library,
            "Under Changzhi's measures, how large is the one-off bonus for the city's"
            " honorary title?",
        )
        assert "授予称号的每人五千元" in quotes(answer)
