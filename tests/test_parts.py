"""Questions asked in parts: each part's own words, in Chinese or, for an English
question, its Chinese renderings. Fixtures written for these tests."""

from __future__ import annotations

from collections import Counter

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.segment import load_segmenter
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.catalog import Catalog
from policykg.retrieval.parts import part_evidence
from policykg.retrieval.question import Question, understand
from policykg.retrieval.reader import Scored

TEXTS = {
    "p1": "（一）哈密市每年选派60名干部到我省挂职锻炼一年。",
    "p2": "挂职期满，由接收单位出具鉴定意见。",
    "p3": "（二）来豫挂职干部在豫期间的住宿由我省接收单位免费提供。",
}


def _catalog(texts: dict[str, str] = TEXTS) -> Catalog:
    counts: Counter[str] = Counter()
    for text in texts.values():
        counts.update({text[i : i + 2] for i in range(len(text) - 1)})
    return Catalog(
        measures=[],
        provision_regions={},
        provision_text=dict(texts),
        provision_doc=dict.fromkeys(texts, "d"),
        bigram_counts=dict(counts),
    )


def _question(text: str, catalog: Catalog) -> Question:
    words = load_segmenter().words(text)
    return understand(text, load_gazetteer(), load_vocabulary(), words, (), catalog.usage)


def test_an_english_question_in_two_parts_cites_evidence_for_each() -> None:
    catalog = _catalog()
    text = (
        "How many officials does Hami send to Henan each year on secondment,"
        " and who provides their accommodation while they are there?"
    )
    question = _question(text, catalog)
    scored = [
        Scored(pid, score, 0.2, 0.2, True) for pid, score in (("p1", 2.1), ("p2", 2.0), ("p3", 1.8))
    ]
    assert part_evidence(question, scored, catalog, ["哈密市", "河南省"], ["p1"]) == ["p3"]


SERVICE = {
    "s1": "选调生录用后分配到乡镇工作，在本省的最低服务年限为5年。",
    "s2": "在乡镇工作满2年、表现优秀的，择优选派到省直机关跟班学习。",
    "s3": "到村任职期间，按照每人每月1000元的标准发放生活补助，所需经费由省级财政承担。",
}


def test_a_part_asking_a_figure_is_answered_by_the_provision_stating_it() -> None:
    # The village part's words are mostly not the text's (working → 工作, the text says
    # 任职; village → 农村, the text says 到村): only 每月 matches, but the provision is the
    # one stating the money the part asks for.
    catalog = _catalog(SERVICE)
    text = (
        "How long must recruits stay in the province,"
        " and how much do they get each month while working in a village?"
    )
    question = _question(text, catalog)
    scored = [
        Scored(pid, score, 0.2, 0.2, True) for pid, score in (("s1", 2.1), ("s2", 2.0), ("s3", 1.8))
    ]
    assert part_evidence(question, scored, catalog, [], ["s1"]) == ["s3"]


def test_a_part_answered_far_down_the_reading_is_still_cited() -> None:
    # The whole question's reading puts twenty provisions on secondments first; the one on
    # accommodation, which the second part asks about, comes twenty-first.
    texts = {f"f{i}": f"（{i}）哈密市选派干部到我省挂职锻炼，第{i}批挂职期满。" for i in range(20)}
    texts["home"] = "来豫挂职干部在豫期间的住宿由我省接收单位免费提供。"
    catalog = _catalog(texts)
    text = (
        "How many officials does Hami send to Henan on secondment,"
        " and who provides their accommodation while they are there?"
    )
    question = _question(text, catalog)
    scored = [Scored(pid, 2.1 - 0.01 * n, 0.2, 0.2, True) for n, pid in enumerate(texts)]
    assert part_evidence(question, scored, catalog, ["哈密市", "河南省"], ["f0"]) == ["home"]
