"""The documents a question names: by 《title》, by a title's tail (公务员法), or in
English by its kind and title words ("Liaoning's regulation on …").

A named document's provisions weigh more as evidence, and the words naming it tell
none of its provisions apart.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from difflib import SequenceMatcher
from functools import lru_cache

from policykg.retrieval.catalog import TITLE_KINDS, Catalog, DocumentInfo
from policykg.retrieval.intent_rules import Intent
from policykg.retrieval.question import Question

YEAR = re.compile(r"(19|20)\d{2}")
_TITLED = re.compile(r"《([^》]{2,60})》")
# A named document restricts the evidence to it: 《公务员法》 is 中华人民共和国公务员法.
_TITLE_PREFIXES = ("中华人民共和国",)
_TITLE_KINDS = re.compile(r"(?:法|条例|规定|办法|细则|意见|通知|决定|报告|纲要|方案)$")
MIN_TITLE_REFERENCE = 3  # characters: 监察法 names a law, 法 does not
MIN_HEADLINE_REFERENCE = 6  # characters of a headline: 组织部长会议, not 激励干部


def named_titles(question: Question) -> tuple[str, ...]:
    titles = []
    for match in _TITLED.finditer(question.text):
        title = match.group(1)
        for prefix in _TITLE_PREFIXES:
            title = title.removeprefix(prefix)
        titles.append(title)
    return tuple(titles)


def referenced_documents(question: Question, catalog: Catalog) -> set[str]:
    """Documents the question names: by 《title》, or by the tail of a title (公务员法).

    A reference that fits many documents (政府工作报告) names none in particular;
    the year, when given, narrows it. Asked which of them say something (哪几年的政府
    工作报告…, which work reports …), it names them all: the answer lists only those.
    """
    titles = named_titles(question)
    documents = catalog.documents.values()
    years = {m.group() for m in YEAR.finditer(question.text)}

    def of_the_years(named: set[str]) -> set[str]:  # 2019年版《…条例》: that version
        return {d for d in named if catalog.documents[d].years & years} or named

    if titles:
        named = {d.doc_id for d in documents if any(t in d.title for t in titles)}
        if named:
            return of_the_years(named)
    if question.lang == "en":
        named = {d.doc_id for d in documents if _title_reference_en(question.text, d)}
    else:
        named = {d.doc_id for d in documents if _title_reference(question.text, d.title)}
        # Only when no title is named as written: 职级晋升细则 for 职级晋升实施细则.
        named = named or {
            d.doc_id for d in documents if _shortened_title_reference(question.text, d.title)
        }
    named = of_the_years(named) or _of_year_and_kind(question, documents)
    if question.intent is Intent.DOCUMENTS and len(named) > MAX_REFERENCED:
        return named  # a family of documents, named by their kind
    return named if 0 < len(named) <= MAX_REFERENCED else set()


MAX_REFERENCED = 3


# How English names each kind of title (the catalog's TITLE_KINDS).
KIND_WORDS_EN = {
    "legal": ("law", "regulation", "rule", "provisions", "act", "code", "measures", "ordinance"),
    "report": ("report",),
    "notice": ("notice", "circular"),
    "opinion": ("opinion", "guideline", "guidance"),
    "decision": ("decision",),
}


def _of_year_and_kind(question: Question, documents: Iterable[DocumentInfo]) -> set[str]:
    """Documents named by a year and their kind alone (2007年的报告, the 2006 report):
    those of that kind whose title or date names that year, or another year the question
    names (the 2025 regulation … the 2019 version: both)."""
    pattern = _year_kind_zh() if question.lang == "zh" else _year_kind_en()
    kinds = set()
    for match in pattern.finditer(question.text):
        found = {name: value for name, value in match.groupdict().items() if value}
        kinds.add(_kind_of_word(found.get("kind") or found["kind2"]))
    years = {m.group() for m in YEAR.finditer(question.text)}
    return {d.doc_id for d in documents if d.kind in kinds and d.years & years}


def _kind_of_word(word: str) -> str | None:
    word = word.lower()
    for kind, words in KIND_WORDS_EN.items():
        if word.startswith(words):
            return kind
    return TITLE_KINDS.get(word)


@lru_cache(maxsize=1)
def _year_kind_zh() -> re.Pattern[str]:
    kinds = "|".join(sorted(TITLE_KINDS, key=len, reverse=True))
    return re.compile(rf"(?P<year>(?:19|20)\d{{2}})年(?:的|版|度)?(?P<kind>{kinds})")


@lru_cache(maxsize=1)
def _year_kind_en() -> re.Pattern[str]:
    words = "|".join(w for ws in KIND_WORDS_EN.values() for w in ws)
    return re.compile(
        rf"\b(?:(?P<year>(?:19|20)\d{{2}})(?:'s)?\s+(?:[a-z-]+\s+){{0,2}}?(?P<kind>{words})s?"
        rf"|(?P<kind2>{words})s?\s+(?:of|for|from|in)\s+(?P<year_after>(?:19|20)\d{{2}}))\b",
        re.IGNORECASE,
    )


def _title_reference_en(text: str, document: DocumentInfo) -> bool:
    """An English question naming a document: its kind, and its other title words."""
    if document.kind is None or not document.title_en:
        return False
    words = re.findall(r"[a-z]{3,}", text.lower())
    stems = {w[:5] for w in words}
    if not any(w.startswith(KIND_WORDS_EN[document.kind]) for w in words):
        return False
    # Distinct stems: official and officer, one title's two renderings of 干部, are one.
    title_stems = {word[:5] for word in document.title_en}
    return len(title_stems & stems) >= min(2, len(title_stems))


def _plain_title(title: str) -> str:
    """The title without asides, dates and the state's prefix (中华人民共和国)."""
    title = re.sub(r"[（(][^）)]*[）)]|\d{4}-\d{2}-\d{2}", "", title)
    for prefix in _TITLE_PREFIXES:
        title = title.removeprefix(prefix)
    return title


def _title_reference(text: str, title: str) -> bool:
    """Whether ``text`` holds a title's tail of a few characters ending in its kind word."""
    title = _plain_title(title)
    kind = _TITLE_KINDS.search(title)
    if kind is None:
        # A title without a kind word (a news headline) is named by a long enough run of
        # it: "全国组织部长会议" names "全国组织部长会议在京召开 蔡奇出席并讲话".
        match = SequenceMatcher(None, text, title, autojunk=False).find_longest_match()
        return match.size >= MIN_HEADLINE_REFERENCE
    for start in range(0, kind.start() - MIN_TITLE_REFERENCE + 2):
        tail = title[start:]
        if len(tail) >= MIN_TITLE_REFERENCE and tail in text:
            return True
    return False


def _shortened_title_reference(text: str, title: str) -> bool:
    """Whether ``text`` names the title shortened by words left out (职级晋升细则 for
    公务员职级晋升实施细则): the kind word after a run of characters that all come, in
    order, in the title before it."""
    title = _plain_title(title)
    found = _TITLE_KINDS.search(title)
    if found is None:
        return False
    stem, kind = title[: found.start()], found.group()
    for match in re.finditer(re.escape(kind), text):
        held, end = 0, len(stem)
        for char in reversed(text[: match.start()]):
            end = stem.rfind(char, 0, end)
            if end < 0:
                break
            held += 1
        if held >= MIN_ABBREVIATED_TITLE:
            return True
    return False


MIN_ABBREVIATED_TITLE = 4  # characters before the kind word: 职级晋升 (细则), not 干部 (条例)
