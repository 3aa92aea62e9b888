"""Which places do something, when the sentence that matches tells of a place's trouble
and the next sentence of its paragraph tells what the place does about it. Fixtures
written for these tests."""

from __future__ import annotations

from pathlib import Path

from policykg.retrieval.ask import ask
from tests.test_answers import library_of, quotes

REPORTS = {
    "daishan.txt": "海岛乡镇干部的通勤难题\n\n"
    "在舟山市岱山县，一些乡镇干部每天要乘船上下班，遇到大风天气渡船停航，干部只能住在乡镇。"
    "对需要乘船往返的，每月补助船票300元，年底统一结算。\n\n"
    "嵊泗县乡镇干部跟班学习期间原有待遇不变。\n",
    "shengsi.txt": "嵊泗县乡镇干部队伍建设情况\n\n"
    "嵊泗县乡镇干部队伍总体稳定。\n\n"
    "不少乡镇干部上下班路上要花两个小时。\n\n"
    "乡镇干部的家大多在县城，上下班交通很不方便。\n\n"
    "年轻干部反映，上下班交通是最大的难题。\n\n"
    "遇到雨雪天气，乡镇干部上下班更加困难。\n\n"
    "乡镇干部下村走访主要靠步行。\n",
    "nanling.txt": "南陵县关心乡镇干部\n\n"
    "南陵县乡镇离县城较远，县里开通乡镇干部通勤班车，每周一早上把干部从县城送到乡镇。\n\n"
    "南陵县每年组织乡镇干部健康体检一次。\n",
}


def test_a_place_whose_paragraph_answers_is_listed(tmp_path: Path) -> None:
    with library_of(tmp_path, REPORTS) as library:
        answer = ask(library, "哪些县为乡镇干部上下班提供交通方面的支持？")
        names = {region.label_zh for region in answer.regions}
        assert {"岱山县", "南陵县"} <= names, answer.answer
        assert "每月补助船票300元" in quotes(answer)
