"""What changed between two versions of an instrument, article by article.

Articles (第X条; a part's items, 二、（三）, in a text numbered so; paragraphs in a
text with neither) are aligned in order by their text without the number, so an
article renumbered because one was inserted before it is unchanged, not changed. Within a replaced stretch, pairs
at least ``CHANGED_MIN_RATIO`` alike are one article changed; an article found
word for word (or nearly) elsewhere is moved; the rest are added or removed.
A changed article's characters are marked ``[-removed-]{+added+}`` (wdiff style).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum

from policykg.ingest.headings import markers_end
from policykg.ingest.models import Provision
from policykg.retrieval.catalog import numbered_unit

ARTICLE = re.compile(r"^第[一二三四五六七八九十百零〇]+条(?:之[一二三四五六七八九十]+)?")
BLANKS = re.compile(r"[\s\u200b\u3000]+")
# Two articles are one article changed when most of the shorter is in the longer (an
# article that grew by half is still itself) and they are not wholly unlike.
CHANGED_MIN_SHARED = 0.6
CHANGED_MIN_RATIO = 0.3
MOVED_MIN_RATIO = 0.9


class Change(str, Enum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class Article:
    """One article (or item, or paragraph) of a version: its locator and verbatim text,
    and where it lies in its document (``provision_ids`` its sentences, first to last)."""

    locator: str
    text: str
    start: int = 0
    end: int = 0
    provision_ids: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        """The text without its numbers and blanks: what is compared (an item renumbered
        （三） to （四） is itself)."""
        text = ARTICLE.sub("", self.text.strip())
        return BLANKS.sub("", text[markers_end(text) :])


@dataclass(frozen=True, slots=True)
class ArticleChange:
    """One article added, removed, changed or moved (``marked`` shows what changed)."""

    change: Change
    old: Article | None
    new: Article | None
    marked: str = ""

    def to_json(self) -> dict[str, object]:
        return {
            "change": self.change.value,
            "old_locator": self.old.locator if self.old else None,
            "new_locator": self.new.locator if self.new else None,
            "old_text": self.old.text if self.old else None,
            "new_text": self.new.text if self.new else None,
            "marked": self.marked or None,
        }


@dataclass(frozen=True, slots=True)
class VersionDiff:
    """The changes from ``old_id`` to ``new_id`` and how many articles stayed the same."""

    old_id: str
    new_id: str
    changes: tuple[ArticleChange, ...]
    unchanged: int

    def count(self, change: Change) -> int:
        return sum(1 for item in self.changes if item.change is change)

    def to_json(self) -> dict[str, object]:
        summary = {change.value: self.count(change) for change in Change}
        return {
            "old": self.old_id,
            "new": self.new_id,
            "summary": {**summary, "unchanged": self.unchanged},
            "changes": [item.to_json() for item in self.changes],
        }


def articles(text: str, provisions: list[Provision]) -> list[Article]:
    """The document's articles in order: provisions grouped by 第X条 or a part's item
    (二、（三）), else by paragraph."""
    groups: dict[str, list[Provision]] = {}
    for provision in provisions:
        unit = numbered_unit(provision.locator)
        if unit:
            groups.setdefault(unit, []).append(provision)
    if not groups:  # no articles: compare paragraphs
        for provision in provisions:
            groups.setdefault(f"第{provision.paragraph + 1}段", []).append(provision)
    return [
        Article(
            locator,
            text[members[0].start : members[-1].end],
            members[0].start,
            members[-1].end,
            tuple(p.provision_id for p in members),
        )
        for locator, members in groups.items()
    ]


def diff_versions(old_id: str, old: list[Article], new_id: str, new: list[Article]) -> VersionDiff:
    """Added, removed, changed and moved articles from ``old`` to ``new``.

    Example:
        >>> diff_versions("a", [Article("第一条", "第一条 甲。")], "b", []).count(Change.REMOVED)
        1
    """
    matcher = SequenceMatcher(None, [a.body for a in old], [a.body for a in new], autojunk=False)
    pairs: list[tuple[int, int]] = []  # (old index, new index) of articles kept in place
    unchanged = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            unchanged += i2 - i1
            pairs.extend(zip(range(i1, i2), range(j1, j2), strict=True))
        elif tag == "replace":
            pairs.extend(_pair(old, range(i1, i2), new, range(j1, j2)))
    changes = [
        ArticleChange(Change.CHANGED, old[i], new[j], marked(old[i].text, new[j].text))
        for i, j in pairs
        if old[i].body != new[j].body
    ]
    lone_old = sorted(set(range(len(old))) - {i for i, _ in pairs})
    lone_new = sorted(set(range(len(new))) - {j for _, j in pairs})
    changes += _leftovers(old, lone_old, new, lone_new, pairs)
    order = {id(a): n for n, a in enumerate(new)}
    changes.sort(key=lambda c: (order[id(c.new)] if c.new else -1, _old_key(c)))
    return VersionDiff(old_id, new_id, tuple(changes), unchanged)


def _old_key(change: ArticleChange) -> str:
    return change.old.locator if change.old else ""


def _pair(
    old: list[Article], olds: range, new: list[Article], news: range
) -> list[tuple[int, int]]:
    """Old and new articles of one replaced stretch paired in order when alike enough."""
    pairs: list[tuple[int, int]] = []
    start = news.start
    for i in olds:
        for j in range(start, news.stop):
            if _alike(old[i].body, new[j].body):
                pairs.append((i, j))
                start = j + 1
                break
    return pairs


def _leftovers(
    old: list[Article],
    lone_old: list[int],
    new: list[Article],
    lone_new: list[int],
    pairs: list[tuple[int, int]],
) -> list[ArticleChange]:
    """Articles not aligned in order: changed in place, moved elsewhere, removed or added.

    A leftover pair alike enough is changed when it keeps its place among the aligned
    articles (no aligned pair crosses it), and moved when it is nearly the same text.
    """
    changes: list[ArticleChange] = []
    candidates = sorted(
        ((_ratio(old[i].body, new[j].body), i, j) for i in lone_old for j in lone_new),
        reverse=True,
    )  # the most alike first
    used_old: set[int] = set()
    used_new: set[int] = set()
    for ratio, i, j in candidates:
        if i in used_old or j in used_new or not _alike(old[i].body, new[j].body):
            continue
        in_place = all((a < i) == (b < j) for a, b in pairs)
        if not in_place and ratio < MOVED_MIN_RATIO:
            continue
        same = old[i].body == new[j].body
        mark = "" if same else marked(old[i].text, new[j].text)
        kind = Change.CHANGED if in_place else Change.MOVED
        changes.append(ArticleChange(kind, old[i], new[j], mark))
        used_old.add(i)
        used_new.add(j)
        if in_place:
            pairs.append((i, j))
    changes += [ArticleChange(Change.REMOVED, old[i], None) for i in lone_old if i not in used_old]
    changes += [ArticleChange(Change.ADDED, None, new[j]) for j in lone_new if j not in used_new]
    return changes


def _ratio(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _alike(a: str, b: str) -> bool:
    """Whether two article bodies are one article, changed."""
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    shorter = max(1, min(len(a), len(b)))
    return shared / shorter >= CHANGED_MIN_SHARED and matcher.ratio() >= CHANGED_MIN_RATIO


def marked(old: str, new: str) -> str:
    """``new`` with characters taken out marked ``[-so-]`` and put in ``{+so+}``.

    Article numbers are left out: a renumbered article is not a change of its text.
    """
    old, new = ARTICLE.sub("", old.strip()).strip(), ARTICLE.sub("", new.strip()).strip()
    parts: list[str] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            parts.append(new[j1:j2])
            continue
        if i2 > i1:
            parts.append(f"[-{old[i1:i2]}-]")
        if j2 > j1:
            parts.append(f"{{+{new[j1:j2]}+}}")
    return "".join(parts)
