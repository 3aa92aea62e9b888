"""What the dense side embeds besides each sentence: the items of a long list sentence."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from policykg.ingest.models import Provision
from policykg.retrieval.pieces import item_vector_ids, list_items
from tests.test_answers import library_of

LIST_SENTENCE = (
    "各地在关心关爱基层干部方面积极探索：大同市两年内为乡镇干部建成周转房1360套，基本实现"
    "“一人一间”；长治市出台容错纠错实施办法，为37名在项目推进中出现失误的干部容错免责；"
    "吕梁市在县乡两级开展“实绩赛马”，按季度对重点任务完成情况排名通报；"
    "岢岚县由县委组织部牵头，帮助42名两地分居的乡镇干部协调配偶在县城就业。"
)


def provision(pid: str, text: str) -> Provision:
    return Provision(pid, "d", (), 0, 0, len(text), text, "第1段")


def test_a_long_list_sentence_is_embedded_item_by_item_too() -> None:
    items = list_items([provision("p1", LIST_SENTENCE), provision("p2", "短句；另一句。")])
    assert [pid for pid, _ in items] == ["p1"] * 4  # a short sentence is no list
    assert items[-1][1].startswith("岢岚县由县委组织部牵头")
    assert "".join(text for _, text in items) == LIST_SENTENCE  # nothing lost or moved
    assert len(set(item_vector_ids([pid for pid, _ in items]))) == 4
    # 一是…； is too short alone: it joins the item after it.
    short = list_items(
        [provision("p3", "一是；" + "干部周转房建设加快推进，" * 8 + "；二是完善考核办法。")]
    )
    assert short[0][1].startswith("一是；干部周转房")


def test_a_question_on_one_item_finds_the_list_sentence_by_that_item(tmp_path: Path) -> None:
    report = "示范省政府工作报告\n一、2024年工作回顾\n" + LIST_SENTENCE + "\n"
    with library_of(tmp_path, {"report.txt": report}) as library:
        index = library.index
        question = "有个县帮夫妻不在一处工作的乡镇干部把另一半安排到县城上班"
        (pid, score), *_ = index.dense_search(question, 3)
        assert library.catalog().provision_text[pid] == LIST_SENTENCE
        whole, asked = index.embedder.encode([LIST_SENTENCE, question])
        # The item lends the sentence a score its whole text does not reach.
        assert score > float(np.dot(whole, asked)) + 0.05
