"""A question about what changed quotes every version: the provision of each other version
of the cited work that says the same thing (三十日内 in 2019, 二十个工作日内 in 2023).

Versions are grouped into works by ``ingest.versions``; within the other version, the
counterpart is the provision most alike in text, article numbers aside (an article
moved or renumbered is still found), and only when it is alike enough to be the same
provision changed, not a neighbour.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from enum import Enum

from policykg.ingest.headings import markers_end
from policykg.ingest.versions import Work
from policykg.retrieval.catalog import Catalog, numbered_unit
from policykg.retrieval.named_documents import YEAR

CHANGE_WORDS = re.compile(
    r"修订|修改|修正|变化|变动|改变|调整|前后|新旧|旧版|新版|原来|原先|之前|以前"
    r"|\bchang(?:e|ed|es)\b|\brevis(?:ed|ion|ions)\b|\bamend(?:ed|ment|ments)?\b"
    r"|\b(?:earlier|previous|older|old|new|newer|later) (?:version|text|edition)",
    re.IGNORECASE,
)
COUNTERPART_MIN_RATIO = 0.5  # most of a provision's text in common: the same one changed
# What a revision took out or put in: a provision found in one version only.
REMOVAL_WORDS = re.compile(
    r"删掉|删除|删去|去掉|拿掉|删了|不再保留|不再规定|不见了"
    r"|\b(?:removed|deleted|dropped|struck out|taken out|(?:left|leaves?) out|cut out|gone from)\b"
    r"|\bno longer (?:appears?|there|included|kept|carried|found|present)\b",
    re.IGNORECASE,
)
ADDITION_WORDS = re.compile(
    r"新增|新加|增设|增加了?(?:一|哪)?(?:条|款|项|章|节)|加了(?:一|哪)?(?:条|款|章|节)|原来没有|以前没有"
    r"|\b(?:added|inserted|newly introduced|new (?:article|provision|clause|chapter)s?)\b"
    r"|\b(?:did|does|do)\s[^?.,]{1,80}?\s(?:add|insert)\b"  # which articles did … add
    r"|\b(?:did not|didn't|does not|doesn't) (?:have|contain|include)\b",
    re.IGNORECASE,
)


# A question asking what the article of the same number said in another version (what
# did the article with that number say in the 2019 text?): renumbering puts other text there.
SAME_NUMBER_WORDS = re.compile(
    r"\b(?:article|provision|clause)s? (?:with|carrying|bearing|under|of) (?:that|the same|this)"
    r" number|\bsame[- ]numbered\b|同一条|同一序号|相同条号|条号相同|同样条号",
    re.IGNORECASE,
)


def asks_same_number(question: str) -> bool:
    return SAME_NUMBER_WORDS.search(question) is not None


_ASKS_WHICH_ARTICLE = re.compile(
    r"第几[条项]|哪一[条项]|which (?:article|item)|what number", re.IGNORECASE
)


def asks_article_in_years(question: str, articles: Sequence[str]) -> bool:
    """An article asked of two years' versions (Article 19 in the 2019 version, and in the
    2025 revision): the article of that number in each is asked, not the same text
    renumbered (第十四条…到了2025年版变成第几条 asks that)."""
    if not articles or _ASKS_WHICH_ARTICLE.search(question):
        return False
    return len({year.group() for year in YEAR.finditer(question)}) >= 2


def same_numbered(catalog: Catalog, works: Sequence[Work], provision_id: str) -> list[str]:
    """The first sentence of the article (or part's item) of the same number in each other
    version of the provision's work (第二十条 of 2019 beside 第二十条 of 2025), oldest first."""
    article = numbered_unit(catalog.provision_locator.get(provision_id, ""))
    doc_id = catalog.provision_doc.get(provision_id)
    work = _work_of(works, doc_id)
    if article is None or work is None:
        return []
    found = []
    for version in work.versions:
        if version.doc_id == doc_id:
            continue
        found += [
            pid
            for pid, other in catalog.provision_doc.items()
            if other == version.doc_id
            and numbered_unit(catalog.provision_locator.get(pid, "")) == article
        ][:1]
    return found


class VersionChange(str, Enum):
    """A question about a provision one version has and the other lacks."""

    REMOVED = "removed"  # in an earlier version, gone from the latest
    ADDED = "added"  # in the latest version, in no earlier one


def asks_about_change(question: str) -> bool:
    return CHANGE_WORDS.search(question) is not None


def asked_version_change(question: str) -> VersionChange | None:
    if REMOVAL_WORDS.search(question):
        return VersionChange.REMOVED
    if ADDITION_WORDS.search(question):
        return VersionChange.ADDED
    return None


def only_in_its_version(
    catalog: Catalog, works: Sequence[Work], provision_id: str, change: VersionChange
) -> bool:
    """Whether the provision is one a revision took out (``REMOVED``: of an earlier
    version, with no counterpart in the latest) or put in (``ADDED``: of the latest, with
    none in an earlier one)."""
    doc_id = catalog.provision_doc.get(provision_id)
    work = _work_of(works, doc_id)
    if work is None or len(work.versions) < 2:
        return False
    latest = work.versions[-1].doc_id
    if (doc_id == latest) != (change is VersionChange.ADDED):
        return False
    others = {catalog.provision_doc[pid] for pid in counterparts(catalog, [work], provision_id)}
    wanted = {latest} if change is VersionChange.REMOVED else {v.doc_id for v in work.versions}
    return not (others & (wanted - {doc_id}))


def counterparts(catalog: Catalog, works: Sequence[Work], provision_id: str) -> list[str]:
    """The provision saying the same thing in each other version of its work, oldest first.

    Each pair is the other's most alike: in two versions of one template (每人每月再增加不低于
    二百元 beside 发放二百元下乡交通补助) a provision is the counterpart of its own earlier
    text, not of another article the revision took out.
    """
    doc_id = catalog.provision_doc.get(provision_id)
    work = _work_of(works, doc_id)
    if work is None or doc_id is None:
        return []
    text = _body(catalog.provision_text.get(provision_id, ""))
    found = []
    for version in work.versions:
        if version.doc_id == doc_id:
            continue
        best = _most_alike(catalog, text, version.doc_id)
        if best is None:
            continue
        back = _most_alike(catalog, _body(catalog.provision_text[best]), doc_id)
        if back == provision_id:
            found.append(best)
    return found


def _most_alike(catalog: Catalog, text: str, doc_id: str) -> str | None:
    """The provision of the document most alike ``text``, if alike enough to be it changed."""
    best: tuple[float, str] | None = None
    for pid, other_doc in catalog.provision_doc.items():
        if other_doc != doc_id:
            continue
        matcher = SequenceMatcher(None, text, _body(catalog.provision_text[pid]), False)
        if matcher.real_quick_ratio() < COUNTERPART_MIN_RATIO:
            continue
        ratio = matcher.ratio()
        if ratio >= COUNTERPART_MIN_RATIO and (best is None or ratio > best[0]):
            best = (ratio, pid)
    return best[1] if best is not None else None


def _work_of(works: Sequence[Work], doc_id: str | None) -> Work | None:
    """The work the document is a version of."""
    return next((w for w in works if any(v.doc_id == doc_id for v in w.versions)), None)


def _body(text: str) -> str:
    """The provision without its article number or item markers (第十五条, （二）)."""
    return text[markers_end(text) :]
