"""A question about one place that asks yes or no and then what (县里是不是有补助？按什么
标准给？) is answered yes first, then with the place's measures and the provision stating
the figure. Fixture written for this test."""

from __future__ import annotations

from pathlib import Path

from policykg.retrieval.ask import ask
from tests.test_answers import library_of

MINUTES = (
    "望谟县人民政府第12次常务会议纪要\n\n"
    "2025年5月20日，县长主持召开县人民政府常务会议，研究乡镇干部工作生活保障有关事项。\n\n"
    "一、提高乡镇工作补贴标准。会议同意将全县乡镇工作补贴由每人每月350元提高到每人每月500元。\n\n"
    "二、办好乡镇机关食堂。会议同意对乡镇机关食堂按在岗人数每人每天10元的标准给予伙食补助，"
    "由县财政局按季度拨付。\n\n"
    "三、加快乡镇干部周转房建设。会议同意2025年新建乡镇干部周转房60套。\n"
)


def test_a_yes_or_no_asked_of_a_place_beside_a_figure_says_yes_first(tmp_path: Path) -> None:
    with library_of(tmp_path, {"jiyao.txt": MINUTES}) as library:
        answer = ask(library, "望谟县乡镇食堂吃饭，县里是不是给补助？按什么标准给？")
        assert answer.intent == "region_measures", answer.intent
        assert answer.answer.startswith("是。"), answer.answer
        assert any("每人每天10元" in c.quote for c in answer.citations), answer.answer
