"""A yes/no asked in the reader's own words (借到县里帮忙 for 借调到县级机关, 干的年头
for 工作年限) shares few of the provision's words; when the provision is very close in
meaning it still says yes. Fixture written for this test."""

from __future__ import annotations

from pathlib import Path

from policykg.retrieval.ask import ask
from tests.test_answers import library_of

RULES = (
    "兰陵县委组织部关于进一步规范基层干部管理的通知\n\n"
    "第一条 为加强基层干部队伍建设，制定本通知。\n\n"
    "第二条 乡镇公务员在乡镇机关连续工作的时间，计入乡镇工作年限。\n\n"
    "第三条 乡镇公务员被借调到县级机关工作超过6个月的，超出时间不计入乡镇工作年限。\n\n"
    "第四条 乡镇公务员在乡镇工作满10年的，优先晋升职级。\n"
)


def test_a_yes_in_the_readers_words_is_said_by_a_provision_very_close_in_meaning(
    tmp_path: Path,
) -> None:
    with library_of(tmp_path, {"nianxian.txt": RULES}) as library:
        answer = ask(
            library,
            "兰陵的乡镇公务员被借到县里帮忙超过半年的，多出来的时间是不是不计入在乡镇干的年头？",
        )
        assert answer.answer.startswith("是"), answer.answer
        assert "超出时间不计入乡镇工作年限" in answer.citations[0].quote, answer.answer
