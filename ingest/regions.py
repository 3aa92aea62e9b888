"""Linking region names in text to gazetteer codes (English names: ``regions_en``).

Aho-Corasick (pyahocorasick) finds every name and alias; the longest match
wins. Short names of counties and districts are ordinary words too often to
trust alone: they count when an enumeration licenses them (杨浦、嘉定等区) or an
ancestor is named nearby (杨浦 with 上海). Names shared by several places (four
鼓楼区) are resolved by the regions around them and the document's own region, or
left unlinked rather than guessed. Abbreviations (``region_shorthand``), words
for the document's own region (``region_self``) and senders and receivers of
transfers (``region_roles``) complete the mentions.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick

from policykg.ingest.gazetteer import LEVEL_RANK, Gazetteer, level_rank
from policykg.ingest.models import Region, RegionLevel, RegionMention
from policykg.ingest.region_aliases import alias_mentions
from policykg.ingest.region_roles import assign_roles
from policykg.ingest.region_self import self_references
from policykg.ingest.region_shorthand import shorthand_mentions
from policykg.ingest.region_towns import leftmost_longest, town_mentions

_NOT_AN_OFFICE = r"(?![\u4e00-\u9fff]{0,1}[长委府])"  # 县长, 县委, 市政府
_COUNTED = r"[一二两三四五六七八九十\d]{1,2}个?[区县市旗]" + _NOT_AN_OFFICE  # 三县, 5个区
ENUMERATION_AFTER = re.compile(
    r"(?:[、和及与][\u4e00-\u9fff]{2,4})*等?[区县市旗]"
    + _NOT_AN_OFFICE
    # … or a list counted (岳西、太湖、宿松三县), never a count alone (全州13个县)
    + r"|(?:[、和及与][\u4e00-\u9fff]{2,4})+"
    + _COUNTED
)
# The last of a counted list: 、宿松三县.
COUNTED_AFTER = re.compile(_COUNTED)
# 《河北日报》, 浙江卫视: a place naming a news outlet is where it publishes, not what it
# reports on.
OUTLET_AFTER = re.compile(r"日报|晚报|都市报|电视台|广播电视台|卫视|新闻网|融媒体中心")
HIGH_LEVELS = (RegionLevel.NATIONAL, RegionLevel.MACRO, RegionLevel.PROVINCE, RegionLevel.ZONE)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    surface: str
    codes: tuple[str, ...]


@lru_cache(maxsize=1)
def _common_words() -> dict[str, int]:
    """jieba's general dictionary (word → frequency), without our domain terms."""
    import jieba  # imported late: it loads pkg_resources

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return dict(tokenizer.FREQ)


@lru_cache(maxsize=1)
def stoplist() -> frozenset[str]:
    text = (
        resources.files("policykg.ingest")
        .joinpath("data", "region_stoplist.txt")
        .read_text("utf-8")
    )
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=4)
def _automaton(gazetteer: Gazetteer) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    stop = stoplist()
    for form, codes in gazetteer.surface_forms().items():
        if len(form) >= 2 and not form.isascii() and form not in stop:
            automaton.add_word(form, (form, tuple(codes)))
    automaton.make_automaton()
    return automaton


def candidates(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Non-overlapping name matches, the longest at each position, left to right; a short
    form gives way to a longer full name it overlaps (和安吉县委: 安吉县, not 和安 of 和安县
    and then 吉县)."""
    matches = [
        (end + 1 - len(form), end + 1, (form, codes))
        for end, (form, codes) in _automaton(gazetteer).iter(text)
    ]
    full = [
        (start, end)
        for start, end, (form, codes) in matches
        if any((r := gazetteer.get(c)) is not None and r.name_zh == form for c in codes)
    ]
    kept = [
        match
        for match in matches
        if not any(
            s < match[1] and match[0] < e and e - s > match[1] - match[0] and (s, e) != match[:2]
            for s, e in full
        )
    ]
    found = leftmost_longest(kept)
    return [Candidate(start, end, form, codes) for start, end, (form, codes) in found]


def _is_short_local(region: Region, surface: str) -> bool:
    """A county or district named by its short form (杨浦 for 杨浦区)."""
    return region.level is RegionLevel.COUNTY and surface == region.short_zh != region.name_zh


def link_regions(
    text: str,
    gazetteer: Gazetteer,
    context_codes: Iterable[str] = (),
    document_region: str | None = None,
) -> list[RegionMention]:
    """Region mentions in ``text`` in text order, each ``text[start:end] == surface``.

    Named regions, abbreviations in safe contexts (沪苏浙皖, 援疆), and, given the
    document's own region, the words that stand for it (我市, 全省); senders and
    receivers of transfers carry a ``role``. The document region and its
    ancestors also decide shared names (鼓楼区 in a 南京 notice).

    Example:
        >>> [m.code for m in link_regions("杨浦、嘉定等区推动绩效奖金", load_gazetteer())]
        ['310110', '310114']
    """
    context = [*context_codes, *([document_region] if document_region else [])]
    raw = candidates(text, gazetteer)
    named = _named_mentions(text, raw, gazetteer, context)
    words = _common_words()
    towns = town_mentions(text, named, gazetteer, context, words)
    if towns:  # 龙潭镇 is the town, not 龙潭区 by its short name
        named = sorted(
            [m for m in named if not any(t.start < m.end and m.start < t.end for t in towns)]
            + towns,
            key=lambda m: m.start,
        )
    named = _short_for_named(named, gazetteer)
    spans = [(c.start, c.end) for c in raw] + [(t.start, t.end) for t in towns]
    aliases = alias_mentions(text, named, spans)  # 简称“莫旗”: later uses name the place
    spans += [(a.start, a.end) for a in aliases]
    found = [
        *sorted([*named, *aliases], key=lambda m: m.start),
        *shorthand_mentions(text, spans, words),
        *self_references(text, document_region, gazetteer, spans, words, named),
    ]
    found = [m for m in found if not OUTLET_AFTER.match(text, m.end)]
    return assign_roles(text, found, gazetteer)


def _named_mentions(
    text: str, raw: list[Candidate], gazetteer: Gazetteer, context_codes: Iterable[str]
) -> list[RegionMention]:
    ends = {c.end for c in raw}
    found = [c for c in raw if _at_word_start(text, c, gazetteer, c.start in ends)]
    near = _Neighbours({c.start: c for c in found}, {c.end: c for c in found})
    found = [
        c
        for c in found
        if not _common_word_alone(text, c, near, gazetteer)
        and not _conjoined_level(text, c, near, gazetteer)
        and not _organ_verb(text, c)
    ]
    # Anchors: names that can mean only one place; they and their ancestors are context.
    anchors: dict[str, int] = {}
    for code in context_codes:
        if gazetteer.get(code) is not None:
            for known in (code, *(a.code for a in gazetteer.ancestors(code))):
                anchors.setdefault(known, -(10**9))
    for candidate in found:
        viable = [
            c
            for c in candidate.codes
            if not _is_short_local(_region(gazetteer, c), candidate.surface)
        ]
        if len(viable) == 1:
            for code in (viable[0], *(a.code for a in gazetteer.ancestors(viable[0]))):
                anchors.setdefault(code, candidate.start)
    mentions = []
    for candidate in found:
        resolved = _resolve(text, candidate, gazetteer, anchors)
        if resolved is not None:
            mentions.append(
                RegionMention(resolved, candidate.start, candidate.end, candidate.surface)
            )
    return mentions


def _short_for_named(mentions: list[RegionMention], gazetteer: Gazetteer) -> list[RegionMention]:
    """A bare name after a place it begins (湖滨街道…“湖滨服务之星”) is that place, not
    another bearing the name as its short form (湖滨区 of 三门峡)."""
    kept: list[RegionMention] = []
    for mention in mentions:
        region = gazetteer.get(mention.code)
        bare = region is not None and mention.surface == region.short_zh != region.name_zh
        begun = (
            m
            for m in reversed(kept)
            if bare and m.surface != mention.surface and m.surface.startswith(mention.surface)
        )
        earlier = next(begun, None)
        # 五峰 after 五峰镇 is still 五峰县: the town lies in the county its short form names.
        if earlier is not None and not gazetteer.contains(mention.code, earlier.code):
            mention = RegionMention(earlier.code, mention.start, mention.end, mention.surface)
        kept.append(mention)
    return kept


# A county's short form this common in general text (资源 for 资源县, 合作 for 合作市, 和平
# for 和平区) is a word, not a place, unless listed beside another place (江北、渝北等区).
COMMON_WORD_FREQUENCY = 1000


@dataclass(frozen=True, slots=True)
class _Neighbours:
    """The name candidates of a text by where they start and where they end."""

    by_start: dict[int, Candidate]
    by_end: dict[int, Candidate]


def _common_word_alone(
    text: str, candidate: Candidate, near: _Neighbours, gazetteer: Gazetteer
) -> bool:
    regions = [_region(gazetteer, c) for c in candidate.codes]
    if not all(_is_short_local(r, candidate.surface) for r in regions):
        return False
    if _common_words().get(candidate.surface, 0) < COMMON_WORD_FREQUENCY:
        return False
    joined_after = text[candidate.end : candidate.end + 1] in LIST_JOINERS
    joined_before = candidate.start > 0 and text[candidate.start - 1] in LIST_JOINERS
    return not (
        (joined_after and candidate.end + 1 in near.by_start)
        or (joined_before and candidate.start - 1 in near.by_end)
    )


LIST_JOINERS = frozenset("、和及与")
# 市里和县里, 省市和县: "和县" after a level word joins two levels, it is not 和县 of 马鞍山.
_LEVEL_CHARS = frozenset("省市区县乡镇村州盟旗级里")


def _conjoined_level(
    text: str, candidate: Candidate, near: _Neighbours, gazetteer: Gazetteer
) -> bool:
    surface = candidate.surface
    if not (
        len(surface) == 2
        and surface[0] in LIST_JOINERS
        and surface[1] in _LEVEL_CHARS
        and candidate.start > 0
        and text[candidate.start - 1] in _LEVEL_CHARS
    ):
        return False
    # 马鞍山市和县: after its own city it is the county.
    before = near.by_end.get(candidate.start)
    return before is None or not any(
        gazetteer.contains(parent, code) for parent in before.codes for code in candidate.codes
    )


# 县纪委会同县委组织部: after an organ, 会同 is "together with", not 会同县 of 怀化.
ORGAN_VERBS = ("会同",)
_ORGAN_ENDS = frozenset("委局部办厅院府室组会")


def _organ_verb(text: str, candidate: Candidate) -> bool:
    return (
        candidate.surface.startswith(ORGAN_VERBS)
        and candidate.start > 0
        and text[candidate.start - 1] in _ORGAN_ENDS
    )


def _region(gazetteer: Gazetteer, code: str) -> Region:
    region = gazetteer.get(code)
    if region is None:
        raise KeyError(code)
    return region


def _at_word_start(
    text: str, candidate: Candidate, gazetteer: Gazetteer, after_name: bool = False
) -> bool:
    """A prefecture's short name inside a word (贯通化 holds 通化) is not a mention."""
    regions = [_region(gazetteer, c) for c in candidate.codes]
    if any(r.level in HIGH_LEVELS or candidate.surface != r.short_zh for r in regions):
        return True
    # The character before and the name's first one forming a word (贯通) means the
    # name sits inside another word; 麓西 (…北麓西安…) is no word, so 西安 stands; nor
    # does a name right after another (陕西汉中: 西汉 is a word, but 陕西 ends there).
    words = _common_words()
    before = candidate.start and not after_name
    straddling = text[candidate.start - 1 : candidate.start + 1] if before else ""
    extended = text[candidate.start : candidate.end + 1]  # 贺兰山 is a mountain, not 贺兰县
    return not words.get(straddling) and not words.get(extended)


def _resolve(
    text: str, candidate: Candidate, gazetteer: Gazetteer, anchors: dict[str, int]
) -> str | None:
    regions = [_region(gazetteer, c) for c in candidate.codes]
    licensed = bool(ENUMERATION_AFTER.match(text, candidate.end)) or (
        candidate.start > 0
        and text[candidate.start - 1] in LIST_JOINERS
        and bool(COUNTED_AFTER.match(text, candidate.end))
    )
    viable = [
        r
        for r in regions
        if not _is_short_local(r, candidate.surface)
        or licensed
        or any(a.code in anchors for a in gazetteer.ancestors(r.code))
    ]
    if len(viable) <= 1:
        return viable[0].code if viable else None
    # 吉林 is the province unless 吉林市 is written, whatever else the context holds.
    provinces = [
        r for r in viable if r.level is RegionLevel.PROVINCE and r.short_zh == candidate.surface
    ]
    if len(provinces) == 1:
        return provinces[0].code
    distances = {r.code: _distance(candidate, r, gazetteer, anchors) for r in viable}
    near = sorted((d, code) for code, d in distances.items() if d is not None)
    if near and (len(near) == 1 or near[0][0] < near[1][0]):
        return near[0][1]
    best_rank = min(level_rank(r) for r in viable)
    top = [r for r in viable if level_rank(r) == best_rank]
    # 吉林 is the province unless 吉林市 is written; an unexplained 鼓楼区 stays unlinked.
    return top[0].code if len(top) == 1 and best_rank < LEVEL_RANK[RegionLevel.COUNTY] else None


def _distance(
    candidate: Candidate, region: Region, gazetteer: Gazetteer, anchors: dict[str, int]
) -> tuple[int, int] | None:
    """How close the nearest named ancestor is: (generations up, characters back).

    南京市鼓楼区: 南京市 is the parent of one 鼓楼区 but only a cousin of the others.
    """
    for generation, ancestor in enumerate(gazetteer.ancestors(region.code)):
        spot = anchors.get(ancestor.code)
        if spot is not None and spot < candidate.start:
            return generation, candidate.start - spot
    return None
