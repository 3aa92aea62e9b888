"""The level of place a question asks for (哪个县, which towns) and its words.

"Which towns" and 哪些乡 ask a level: they are no content words of the question, and
the answer's places are of that level. Level words are in ``retrieval/data/intents.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from policykg.ingest.models import RegionLevel
from policykg.ingest.segment import load_segmenter
from policykg.retrieval.intent_rules import intent_rules


def requested_level(text: str) -> RegionLevel | None:
    """The level a question asks for (哪个县, which counties). A capitalised level word is
    part of a name (Fuzhou City, Bainang County), not what is asked; a phrase (which
    town: "town" alone is often a modifier, township officials) may open the sentence."""
    # The level asked with which/哪 goes first (Which townships in Lhasa's Dazi district:
    # towns), then the one named first.
    found: list[tuple[bool, int, str, int]] = []
    for level, words in intent_rules().level_words.items():
        for w in words:
            pattern = rf"(?<![A-Za-z]){re.escape(w)}(?![a-z])"
            match = re.search(pattern, text, re.IGNORECASE if " " in w else 0)
            if match is not None:
                before = text[max(0, match.start() - 30) : match.start()]
                asked = w.startswith(("哪", "which", "what")) or bool(_ASKED_BEFORE.search(before))
                found.append((not asked, match.start(), level, match.end()))
    if not found:
        return None
    not_asked, _, level, end = min(found)
    if not not_asked and _another_level_joined(text[end:], level):
        return None  # 哪些县或镇, which counties or towns: places of either level
    if len({lv for na, _, lv, _ in found if not na}) > 1:
        return None  # which sending city … and in which county: places of both levels
    return RegionLevel(level) if level != "district" else RegionLevel.COUNTY


# "which city", "which sending city": which/what, at most one word, then the level word.
_ASKED_BEFORE = re.compile(r"\b(?:which|what)\s+(?:[a-z-]+\s+)?$", re.IGNORECASE)


def _another_level_joined(rest: str, level: str) -> bool:
    """Whether another level's word follows the one asked, joined to it (或镇, or towns)."""
    return any(pattern.match(rest) for other, pattern in _joined_levels().items() if other != level)


@lru_cache(maxsize=1)
def _joined_levels() -> dict[str, re.Pattern[str]]:
    """Per level: its bare words (县, 乡镇, towns) after a joiner (或, 、, or)."""
    patterns = {}
    for level, words in intent_rules().level_words.items():
        bare = {re.sub(r"^(?:哪些|哪个|哪一|which |what )", "", w) for w in words}
        alternation = "|".join(sorted(map(re.escape, bare), key=len, reverse=True))
        patterns[level] = re.compile(
            rf"\s*(?:或者?|、|和|及|与|/|or\b|and\b)\s*(?:{alternation})", re.IGNORECASE
        )
    return patterns


@lru_cache(maxsize=1)
def level_asked_en() -> re.Pattern[str]:
    """ "which towns", "what county": the intents' English level words after which/what."""
    words = {w.split()[-1] for ws in intent_rules().level_words.values() for w in ws if w.isascii()}
    words |= {f"{w}s" for w in words if not w.endswith("s")}  # which town → towns
    alternation = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    return re.compile(rf"\b(which|what)\s+(?:{alternation})\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _level_asked_zh() -> re.Pattern[str]:
    """哪些乡, 哪个县: the intents' Chinese level words asked with 哪."""
    asked = {w for ws in intent_rules().level_words.values() for w in ws if w.startswith("哪")}
    return re.compile("|".join(sorted(map(re.escape, asked), key=len, reverse=True)))


def without_level_asked(text: str, words: list[str]) -> list[str]:
    """The words of a Chinese question without the level it asks for (哪些乡为援藏干部…
    is cut 哪些/乡为: 乡为 is no word of its content), nor the kind of document (哪些材料
    提到…: 材料 is what it asks for, as 哪些乡 is)."""
    stripped = _document_asked_zh().sub("，", _level_asked_zh().sub("，", text))
    return words if stripped == text else load_segmenter().words(stripped)


@lru_cache(maxsize=1)
def _document_asked_zh() -> re.Pattern[str]:
    """哪些文件, 哪几篇报道: the intents' general document nouns asked with 哪."""
    nouns = "|".join(map(re.escape, intent_rules().document_nouns_zh))
    return re.compile(rf"哪(?:些|几|几份|几篇|几部|份|篇|部|个)(?:{nouns})")
