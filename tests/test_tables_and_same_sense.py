"""A table row's place holds the task in its cells; a question's words and a text's
read alike when they name one thing (恢复名誉 and 澄清正名). Fixtures written for these
tests."""

from __future__ import annotations

from policykg.retrieval.shares import bigrams, same_sense, share_in
from policykg.retrieval.wording import holds
from tests.test_measure_genres import parse

LUYI, DANCHENG, ZHOUKOU = "411628", "411625", "411600"

PILOT_NOTICE = (
    "关于开展基层减负试点工作的通知\n\n"
    "各县（市、区）按照试点任务分解表落实试点任务。\n\n"
    "附件：试点任务分解表\n\n"
    "| 序号 | 试点县（市、区） | 试点任务 | 完成时限 |\n"
    "|---|---|---|---|\n"
    "| 1 | 鹿邑县 | 乡镇干部周转房保障 | 2025年12月底前 |\n"
    "| 2 | 郸城县 | 乡镇工作群“瘦身” | 2025年9月底前 |\n"
)


def test_a_table_rows_place_holds_the_task_in_its_cells() -> None:
    parsed = parse(PILOT_NOTICE, "关于开展基层减负试点工作的通知", ZHOUKOU)
    held = {m.label_zh: m.region_codes for m in parsed.measures}
    # Each task is its county's, labelled by its cell (no pipes, no row number).
    assert held == {"乡镇干部周转房保障": (LUYI,), "乡镇工作群“瘦身”": (DANCHENG,)}, held


def test_words_of_one_sense_are_read_alike() -> None:
    text = "对受到失实举报的干部，应当在一个月内予以澄清正名。"
    assert share_in(bigrams(["恢复名誉"]), text) == 1.0
    assert holds("健康检查", "乡镇干部每年安排一次健康体检。")
    assert same_sense("组织干部参加体检") == "组织干部参加健康体检"
    # 体检 inside 健康体检 is that word, not a second one.
    assert same_sense("健康体检") == "健康体检"


def test_other_things_stay_apart() -> None:
    assert share_in(bigrams(["恢复名誉"]), "对受到诫勉的干部进行提醒谈话。") == 0.0
    assert not holds("健康检查", "安全生产检查每季度开展一次。")
