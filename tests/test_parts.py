"""Questions asked in parts: each part's own words, in Chinese or, for an English
question, its Chinese renderings. Fixtures written for these tests."""

from __future__ import annotations

from collections import Counter

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.segment import load_segmenter
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.catalog import Catalog
from policykg.retrieval.parts import part_evidence
from policykg.retrieval.question import understand
from policykg.retrieval.reader import Scored

TEXTS = {
    "p1": "（一）哈密市每年选派60名干部到我省挂职锻炼一年。",
    "p2": "挂职期满，由接收单位出具鉴定意见。",
    "p3": "（二）来豫挂职干部在豫期间的住宿由我省接收单位免费提供。",
}


def _catalog() -> Catalog:
    counts: Counter[str] = Counter()
    for text in TEXTS.values():
        counts.update({text[i : i + 2] for i in range(len(text) - 1)})
    return Catalog(
        measures=[],
        provision_regions={},
        provision_text=dict(TEXTS),
        provision_doc=dict.fromkeys(TEXTS, "d"),
        bigram_counts=dict(counts),
    )


def test_an_english_question_in_two_parts_cites_evidence_for_each() -> None:
    catalog = _catalog()
    text = (
        "How many officials does Hami send to Henan each year on secondment,"
        " and who provides their accommodation while they are there?"
    )
    words = load_segmenter().words(text)
    question = understand(text, load_gazetteer(), load_vocabulary(), words, (), catalog.usage)
    scored = [
        Scored(pid, score, 0.2, 0.2, True) for pid, score in (("p1", 2.1), ("p2", 2.0), ("p3", 1.8))
    ]
    assert part_evidence(question, scored, catalog, ["哈密市", "河南省"], ["p1"]) == ["p3"]
