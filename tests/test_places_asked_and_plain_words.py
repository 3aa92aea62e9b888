"""Places asked as readers ask them (哪个地方, 哪几个县), a provision a revision dropped
(no longer appears, 不见了), and readers' words for policy terms (手机聊天群 for 工作群,
第二天 for 次日, looked at again for 复核, credited with merit for 记功). Fixtures
written for these tests."""

from __future__ import annotations

import pytest

from policykg.retrieval.counterparts import VersionChange, asked_version_change
from policykg.retrieval.intent_rules import Intent, classify_intent
from policykg.retrieval.shares import same_sense
from policykg.retrieval.translate import translate_query


@pytest.mark.parametrize(
    "question",
    [
        "黄石市下面哪个地方在乡镇试点把干部的季度积分做成实绩画像？",
        "哪几个县给驻村干部买了意外伤害保险？",
        "哪几个地方实行了两班轮休？",
    ],
)
def test_places_asked_with_which_one_or_which_few(question: str) -> None:
    assert classify_intent(question, 1) is Intent.WHICH_REGIONS


def test_readers_words_read_as_the_texts_words() -> None:
    assert same_sense("哪些文件管到了手机聊天群") == same_sense("哪些文件管到了手机工作群")
    assert same_sense("值了夜班第二天可以补休") == same_sense("值了夜班次日可以补休")


def test_looked_at_again_is_a_review() -> None:
    terms = translate_query("Can a civil servant ask for the rating to be looked at again?")
    assert "复核" in terms.zh_terms
    assert (
        "记功" in translate_query("How large is the award for being credited with merit?").zh_terms
    )


@pytest.mark.parametrize(
    "question",
    [
        "Which requirement in the 2018 rules no longer appears in the 2025 revision?",
        "What did the 2025 text leave out of the 2018 one?",
        "2018年版里的哪条规定在新版里不见了？",
    ],
)
def test_a_provision_gone_from_the_revision_asked_in_readers_words(question: str) -> None:
    assert asked_version_change(question) is VersionChange.REMOVED
