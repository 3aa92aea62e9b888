"""A study group's byline speaks for its report, though its title names the places it
visited; an English yes/no may open with a phrase holding commas. Fixtures written for
these tests."""

from __future__ import annotations

import pytest

from policykg.ingest.document_region import document_region
from policykg.ingest.gazetteer import Gazetteer, load_gazetteer
from policykg.ingest.metadata import extract_metadata
from policykg.ingest.models import Document, document_id
from policykg.ingest.regions import link_regions
from policykg.retrieval.intent_rules import Intent, classify_intent

NANCHONG, KUNSHAN = "511300", "320583"

STUDY = (
    "学习借鉴江苏昆山经验　推进基层减负的调研报告\n\n"
    "南充市人大常委会“基层减负”专题调研组\n"
    "（2025年6月）\n\n"
    "一、昆山的主要做法\n\n"
    "昆山市对面向镇（街道）的报表实行准入管理，同一数据只采集一次。\n\n"
    "二、对我市的建议\n\n"
    "建议市政府对面向乡镇的报表实行准入管理。\n"
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def test_a_study_groups_byline_is_its_reports_author_and_place(gazetteer: Gazetteer) -> None:
    meta = extract_metadata(STUDY, "t")
    assert meta.authority == "南充市人大常委会“基层减负”专题调研组"
    report = Document(document_id(STUDY), "/tmp/t.txt", "txt", "utf-8", STUDY, meta)
    mentions = link_regions(STUDY, gazetteer)
    # The title names the place it learned from; 我市 is the group's own city.
    assert document_region(report, mentions, gazetteer) == NANCHONG
    assert KUNSHAN in {m.code for m in mentions}


@pytest.mark.parametrize(
    ("question", "yes_no"),
    [
        ("After the flood season in Yongzhou, Hunan, do township officials get days off?", True),
        ("In Wuyuan county, Jiangxi, are officials' families invited to visit?", True),
        ("When Jiangxi cleared up village certificates, were any scrapped?", True),
        (
            "When Hebei revised its rule in 2024, which article, the one on housing, was cut?",
            False,
        ),
    ],
)
def test_an_english_yes_no_may_open_with_a_phrase_holding_commas(
    question: str, yes_no: bool
) -> None:
    assert (classify_intent(question, 1) is Intent.YES_NO) is yes_no
