"""Which provision of another version says the same thing, changed. Fixtures written for
these tests."""

from __future__ import annotations

import json
from pathlib import Path

from policykg.ingest.models import VersionStatus
from policykg.ingest.versions import Version, Work
from policykg.retrieval.ask import ask
from policykg.retrieval.catalog import Catalog
from policykg.retrieval.counterparts import (
    VersionChange,
    asks_article_in_years,
    counterparts,
    only_in_its_version,
)
from tests.test_answers import library_of, quotes

OLD = {
    "o5": "在边境乡镇工作的，每人每月再增加不低于一百元。",
    "o7": "第七条 乡镇干部因公下村的，按照每人每月不低于二百元的标准发放下乡交通补助。",
}
NEW = {
    "n5": "在边境乡镇工作的，每人每月再增加不低于二百元。",
    "n6": "原下乡交通补助并入乡镇工作补贴，不再单独发放。",
}


def _catalog() -> Catalog:
    texts = {**OLD, **NEW}
    docs = {pid: ("old" if pid in OLD else "new") for pid in texts}
    return Catalog(measures=[], provision_regions={}, provision_text=texts, provision_doc=docs)


WORK = Work(
    "w",
    "某区乡镇干部激励关爱条例",
    None,
    (
        Version("old", "某区乡镇干部激励关爱条例", "2019-01-01", VersionStatus.SUPERSEDED),
        Version("new", "某区乡镇干部激励关爱条例", "2025-01-01", VersionStatus.IN_FORCE),
    ),
)


def test_a_provision_is_the_counterpart_of_its_own_earlier_text_only() -> None:
    catalog = _catalog()
    assert counterparts(catalog, [WORK], "o5") == ["n5"]
    # Alike in its template to n5, but n5 is o5 changed: o7 was taken out.
    assert counterparts(catalog, [WORK], "o7") == []
    assert only_in_its_version(catalog, [WORK], "o7", VersionChange.REMOVED)


RULES = {
    "rules-2019.md": (
        "# 某市乡镇干部关爱条例\n\n第一条 为了关心关爱乡镇干部，制定本条例。\n\n"
        "第二条 乡镇干部按照规定享受乡镇工作补贴。\n\n"
        "第三条 县级党委组织部门每年与乡镇党政正职谈心谈话一次。\n",
        "2019-03-01",
    ),
    "rules-2025.md": (
        "# 某市乡镇干部关爱条例（2025年修订）\n\n第一条 为了关心关爱乡镇干部，制定本条例。\n\n"
        "第二条 乡镇干部配偶申请调动到干部工作地工作的，有关部门应当优先安排。\n\n"
        "第三条 乡镇干部按照规定享受乡镇工作补贴。\n\n"
        "第四条 县级党委组织部门每年与乡镇党政正职谈心谈话一次。\n",
        "2025-03-01",
    ),
}


def _versions(tmp_path: Path) -> dict[str, str]:
    for name, (_, date) in RULES.items():
        meta = {"issuer": "某市人民代表大会常务委员会", "date": date, "doc_kind": "地方性法规"}
        (tmp_path / name.replace(".md", ".meta.json")).write_text(json.dumps(meta), "utf-8")
    return {name: text for name, (text, _) in RULES.items()}


def test_asked_for_the_article_of_that_number_in_the_other_version_it_is_quoted(
    tmp_path: Path,
) -> None:
    with library_of(tmp_path, _versions(tmp_path)) as library:
        answer = ask(
            library,
            "Which article of the 2025 revision helps officials' spouses move jobs, and what"
            " did the article with that number say in the 2019 text?",
        )
        cited = quotes(answer)
        assert "第二条 乡镇干部配偶申请调动" in cited, answer.answer
        assert "第二条 乡镇干部按照规定享受乡镇工作补贴" in cited, answer.answer


def test_an_article_asked_of_two_years_versions_is_asked_by_its_number() -> None:
    # Article 19 asked of the 2019 version and of the 2025 revision: the article of that
    # number in each; asked what number an article became, the same text renumbered.
    assert asks_article_in_years(
        "What does Article 19 deal with in the 2019 version, and in the 2025 revision?", ("19",)
    )
    assert not asks_article_in_years("第十四条在2020年版和2025年版变成第几条了？", ("14",))
    assert not asks_article_in_years("What does Article 19 of the 2025 revision say?", ("19",))
    assert not asks_article_in_years("2019年和2025年的条例有什么不同？", ())
