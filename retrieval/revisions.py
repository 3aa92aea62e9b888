"""Asked what a revision added or took out, all of it (新增了哪些条目, which articles did the
2024 revision add): the two versions compared article by article, and every unit one has
and the other lacks quoted whole, in order.

A search ranks what a revision added by the question's words, and a question asking for
all of them holds none of theirs; the diff of the two versions is the answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from policykg.ingest.models import Citation, Section
from policykg.ingest.versions import Version
from policykg.retrieval.counterparts import VersionChange, asked_version_change
from policykg.retrieval.diff import BLANKS, Article, Change, articles, diff_versions
from policykg.retrieval.evidence import Draft, Evidence, own_region
from policykg.retrieval.wording import holds

# Asked for several units (新增了哪些条目, 哪几条, which articles) or a whole one (加了一章):
# not for what a revision says on a topic (新增了哪些要求…防止妨碍企业经营), which the
# search answers.
SEVERAL = re.compile(
    r"(?:哪些|哪几|几)个?(?:条|款|项|章|节|部分)|[一整](?:章|节|部分)"
    r"|\b(?:which|what)\b[^?？]{0,40}?\b(?:articles|items|clauses|chapters|sections|parts)\b"
    r"|\b(?:a|the) (?:whole )?new (?:chapter|section|part)\b",
    re.IGNORECASE,
)
# Asked for a part or chapter (加了一章, a new chapter), not articles; not 规章 or 章程,
# 春节 or 节假日, nor 部分乡镇 (some towns).
ASKS_PART = re.compile(
    r"(?<!规)章(?!程)|[一整这该本](?:节|部分)|\b(?:chapter|part|section)s?\b", re.IGNORECASE
)
# A part or chapter a revision added whole is quoted whole, from its heading, when no
# longer than this; a longer one item by item.
MAX_WHOLE_PART = 900
_PART_NUMBER = re.compile(r"^(?:第[一二三四五六七八九十百零〇]+[章节]|[一二三四五六七八九十]+、)")


def asks_every_change(question: str) -> VersionChange | None:
    """Whether the question asks for everything a revision added (or took out)."""
    change = asked_version_change(question)
    return change if change is not None and SEVERAL.search(question) else None


def revision_listed(evidence: Evidence, answer: Draft) -> bool:
    """Answer with every unit the asked revision added (or took out); False when the
    question does not ask so or names no work in two versions."""
    change = asks_every_change(evidence.question.text)
    compared = _versions_compared(evidence) if change is not None else None
    if change is None or compared is None:
        return False
    store = evidence.store
    sides = []
    for version in compared:
        document = store.document(version.doc_id)
        if document is None:
            return False
        sides.append((document, articles(document.text, store.provisions(document.doc_id))))
    (old_doc, old), (new_doc, new) = sides
    result = diff_versions(old_doc.doc_id, old, new_doc.doc_id, new)
    wanted = Change.ADDED if change is VersionChange.ADDED else Change.REMOVED
    units = [c.new or c.old for c in result.changes if c.change is wanted]
    document, every = (new_doc, new) if change is VersionChange.ADDED else (old_doc, old)
    parts = _parts(store.sections(document.doc_id))
    listed = _on_topic(evidence, [u for u in units if u is not None])
    if ASKS_PART.search(evidence.question.text):  # 加了一章: each of its articles, moved or new
        other = old_doc if change is VersionChange.ADDED else new_doc
        whole = _in_parts_of_one_version(parts, _parts(store.sections(other.doc_id)), every)
        by_locator = {u.locator: u for u in [*listed, *whole]}
        listed = sorted(by_locator.values(), key=lambda u: u.start)
    if not listed:
        return False
    quotes = [
        (answer.cite(citation), citation.quote)
        for citation in _quoted(evidence, parts, document.text, listed, every)
    ]
    years = [v.date[:4] if v.date else "" for v in compared]
    answer.text = _lead(evidence.zh, change, years, len(quotes)) + " ".join(
        f"「{quote}」{marker}" for marker, quote in quotes
    )
    own = own_region(evidence.catalog.documents.get(document.doc_id))
    answer.region_codes = list(
        dict.fromkeys([*evidence.question.region_codes, *([own] if own else [])])
    )
    cited = {c.provision_id for c in answer.citations}
    answer.mentions.extend(m for m in evidence.catalog.measures if m.provision_id in cited)
    return True


def _versions_compared(evidence: Evidence) -> tuple[Version, Version] | None:
    """The earlier and the later version asked about: the two the question names, or the
    one it names and the version before it (after it, if it names the first)."""
    referenced = evidence.referenced
    for work in evidence.store.works():
        versions = work.versions
        named = [at for at, v in enumerate(versions) if v.doc_id in referenced]
        if len(versions) < 2 or not named:
            continue
        if len(named) >= 2:
            return versions[named[-2]], versions[named[-1]]
        at = max(named[0], 1)
        return versions[at - 1], versions[at]
    return None


def _on_topic(evidence: Evidence, units: list[Article]) -> list[Article]:
    """The units holding a term the question names (新增了哪些容错的规定), else all."""
    terms = evidence.question.terms
    topical = [u for u in units if any(holds(term, u.text) for term in terms)]
    return topical or units


def _quoted(
    evidence: Evidence,
    parts: list[Section],
    text: str,
    units: list[Article],
    every: list[Article],
) -> list[Citation]:
    """Each unit quoted whole; a part or chapter all of whose units are listed, from its
    heading to its last unit, when short enough."""
    listed = {u.locator for u in units}
    citations: list[Citation] = []
    done: set[str] = set()
    for part in parts:
        inside = [u for u in every if part.start <= u.start and u.end <= part.end]
        whole = bool(inside) and all(u.locator in listed for u in inside)
        if whole and inside[-1].end - part.start <= MAX_WHOLE_PART:
            first = _unit_citation(evidence, inside[0])
            if first is not None:
                number = _PART_NUMBER.match(part.path[0])
                start, end = part.start, inside[-1].end
                citations.append(
                    replace(
                        first,
                        start=start,
                        end=end,
                        quote=text[start:end],
                        locator=number.group() if number else part.path[0],
                    )
                )
                done.update(u.locator for u in inside)
    citations += [
        c for u in units if u.locator not in done if (c := _unit_citation(evidence, u)) is not None
    ]
    return sorted(citations, key=lambda c: c.start)


def _in_parts_of_one_version(
    parts: list[Section], other_parts: list[Section], every: list[Article]
) -> list[Article]:
    """The units under a part or chapter heading the other version lacks (第四章 向基层一线
    倾斜, put in by the revision): an article moved into it belongs to it too."""
    headings = {_heading_words(p.path[0]) for p in other_parts}
    return [
        unit
        for part in parts
        if _heading_words(part.path[0]) not in headings
        for unit in every
        if part.start <= unit.start and unit.end <= part.end
    ]


def _heading_words(heading: str) -> str:
    """A heading without its number and blanks (第四章　向基层一线倾斜 → 向基层一线倾斜)."""
    return BLANKS.sub("", _PART_NUMBER.sub("", heading.strip()))


def _parts(sections: Sequence[Section]) -> list[Section]:
    """The top-level parts and chapters (二、待遇保障; 第三章)."""
    return [s for s in sections if len(s.path) == 1 and _PART_NUMBER.match(s.path[0])]


def _unit_citation(evidence: Evidence, unit: Article) -> Citation | None:
    if not unit.provision_ids:
        return None
    first = evidence.store.citation(unit.provision_ids[0])
    if first is None or len(unit.provision_ids) == 1:
        return first
    return evidence.store.span_citation(first, unit.provision_ids[-1], unit.locator)


def _lead(zh: bool, change: VersionChange, years: list[str], count: int) -> str:
    old, new = years
    if zh:
        verb = "新增" if change is VersionChange.ADDED else "删去"
        versions = f"{new}年版较{old}年版" if old and new else "修订后的版本较原版本"
        return f"{versions}{verb}{count}处：" if count > 1 else f"{versions}{verb}："
    verb = "adds" if change is VersionChange.ADDED else "drops"
    versions = (
        f"Compared with the {old} version, the {new} version"
        if old and new
        else "The revised version"
    )
    return f"{versions} {verb} these {count}: " if count > 1 else f"{versions} {verb}: "
