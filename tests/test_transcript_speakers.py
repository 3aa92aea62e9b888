"""A transcript's turns are their speakers' places': a guest introduced with a post
(黟县宏村镇党委书记 陈晓峰) speaks for that place in each of their turns (陈晓峰：我们推行…),
the city's official for the city. Fixture written for this test."""

from __future__ import annotations

from pathlib import Path

from tests.test_answers import library_of
from tests.test_who_holds_a_practice import _holders

INTERVIEW = (
    "安徽广播电视台《政风热线》访谈文字实录\n"
    "为敢担当的干部撑腰——黄山市推进容错纠错工作\n\n"
    "嘉　宾：黄山市纪委副书记　王立群\n"
    "　　　　黟县宏村镇党委书记　陈晓峰\n\n"
    "主持人：观众朋友们好。王书记，黄山这两年有什么新做法？\n\n"
    "王立群：我们制定了容错纠错“负面清单”，列出9种不予容错的情形，在各级党委政府网站公开。\n\n"
    "主持人：陈书记，镇里呢？\n\n"
    "陈晓峰：我们推行重大事项“事前备案”，干部先行先试的，事先向镇党委报备思路和风险。\n\n"
    "主持人：干部反映怎么样？\n\n"
    "陈晓峰：大家心里踏实了，今年全镇干部主动承担了三项改革试点。\n\n"
    "主持人：下一步有什么打算？\n\n"
    "王立群：明年我们准备上线“黄山护航”平台，干部可以在线提交容错申请。\n"
)
HUANGSHAN, HONGCUN = "341000", "341023-bf26e9"


def test_each_turn_is_held_by_its_speakers_place(tmp_path: Path) -> None:
    with library_of(tmp_path, {"fangtan.txt": INTERVIEW}) as library:
        holders = _holders(library)
        town = [codes for label, codes in holders.items() if "事前备案" in label]
        city = [
            codes for label, codes in holders.items() if "负面清单" in label or "黄山护航" in label
        ]
        assert town == [{HONGCUN}], holders
        assert city == [{HUANGSHAN}, {HUANGSHAN}], holders
