"""Towns, townships and subdistricts named in text (陇西县首阳镇, 周河乡在县里…).

There are some 39,000 of them and their names repeat (96 counties hold a 城关镇), so a
town's name counts only where a place that holds a town of that name is named too: its
county first, else its city, else its province, in the text itself or in the context
given (the document's own region, the places a library holds). Where two such places
are equally near, the name stays unlinked rather than guessed. Ethnic townships are
written with their nation (新生鄂伦春族乡) and listed without it (新生乡).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import TypeVar

import ahocorasick

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import RegionMention
from policykg.ingest.towns import TownTable, county_of, is_town_code, other_types, town_code

T = TypeVar("T")
# The county itself, its city, its province: how far up a named place may hold a town.
GENERATIONS = 3
_NAME_CHARACTER = re.compile(r"[\u4e00-\u9fff]")
# Prepositions and conjunctions a place name follows: 对, 在, 到, 和, 与, 向, 从, 把, 为, 及.
BEFORE_A_NAME = frozenset("对在到和与向从把为及、，,；：")


def town_mentions(
    text: str,
    named: Sequence[RegionMention],
    gazetteer: Gazetteer,
    context_codes: Iterable[str] = (),
    common_words: Mapping[str, int] | None = None,
) -> list[RegionMention]:
    """Towns named in ``text`` that a named place, or one of ``context_codes``, holds.

    With ``common_words`` (a general dictionary), a name inside another word is no town
    (川西南山乡 is not 南山乡), nor is a common word (小城镇) held only by a province.

    Example:
        >>> named = link_regions("陇西县首阳镇奖励村干部", load_gazetteer())  # doctest: +SKIP
        >>> [m.surface for m in named]  # doctest: +SKIP
        ['陇西县', '首阳镇']
    """
    table = gazetteer.towns()
    if not table.by_name:
        return []
    support = {m.code for m in named} | set(context_codes)
    support |= {county_of(code) for code in support if is_town_code(code)}
    words = common_words or {}
    place_ends = {m.end for m in named}
    mentions = []
    for start, end, name in _town_names(text, table):
        if _inside_words(text, start, end, words, place_ends):
            continue
        # The name as written first, then as the township it was or the town it became.
        for listed in (name, *other_types(name)):
            counties = table.by_name.get(listed, ())
            county = _holder(listed, counties, support, gazetteer, name in words)
            if county is not None:
                mentions.append(
                    RegionMention(town_code(county, listed), start, end, text[start:end])
                )
                break
    return mentions


def _inside_words(
    text: str, start: int, end: int, words: Mapping[str, int], place_ends: set[int]
) -> bool:
    """海岛乡镇 (island towns and townships), 川西南山乡 (西南 and 山乡): no town. After a
    place named (和龙市南坪镇: not 市南) or a preposition (对白狼镇: not 对白) a town
    starts its own word."""
    if text[end - 1 : end + 1] in ("乡镇", "镇乡"):
        return True
    if start == 0 or start in place_ends or text[start - 1] in BEFORE_A_NAME:
        return False
    return bool(words.get(text[start - 1 : start + 1]))


def _holder(
    name: str,
    counties: Sequence[str],
    support: set[str],
    gazetteer: Gazetteer,
    common: bool = False,
) -> str | None:
    """The one county holding a town of this name nearest a named place, or None; a
    common word only with its county or city named."""
    named_town = [c for c in counties if town_code(c, name) in support]
    if named_town:  # the library's own 首阳镇
        return named_town[0] if len(named_town) == 1 else None
    chains = {c: [c, *(a.code for a in gazetteer.ancestors(c))] for c in counties}
    for generation in range(GENERATIONS - 1 if common else GENERATIONS):
        held = [
            c
            for c, chain in chains.items()
            if generation < len(chain) and chain[generation] in support
        ]
        if held:
            return held[0] if len(held) == 1 else None
    return None


def leftmost_longest(found: Iterable[tuple[int, int, T]]) -> list[tuple[int, int, T]]:
    """Non-overlapping (start, end, payload) matches: the longest at each position, left
    to right (place names in text, 龙潭镇 over 龙潭)."""
    chosen: list[tuple[int, int, T]] = []
    cursor = 0
    for start, end, payload in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        if start >= cursor:
            chosen.append((start, end, payload))
            cursor = end
    return chosen


def _town_names(text: str, table: TownTable) -> list[tuple[int, int, str]]:
    """(start, end, the table's name) of each town name in text."""
    found = [
        (end + 1 - len(form), end + 1, name) for end, (form, name) in _automaton(table).iter(text)
    ]
    return leftmost_longest([*found, *_ethnic_townships(text, table)])


def _ethnic_townships(text: str, table: TownTable) -> Iterator[tuple[int, int, str]]:
    for match in _nation_pattern(table.nations).finditer(text):
        for length in (2, 3, 4):  # the name before the nation: 新生 in 新生鄂伦春族乡
            start = match.start() - length
            if start < 0 or not _NAME_CHARACTER.fullmatch(text[start]):
                break
            name = text[start : match.start()] + match.group("type")
            if name in table.by_name:
                yield start, match.end(), name
                break


@lru_cache(maxsize=2)
def _nation_pattern(nations: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in nations if n.endswith("族"))
    return re.compile(rf"(?:{alternatives})(?P<type>[乡镇])" if alternatives else r"(?!x)x")


@lru_cache(maxsize=2)
def _automaton(table: TownTable) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for name in table.by_name:
        automaton.add_word(name, (name, name))
        for other in other_types(name):  # 仪封镇 written for the table's 仪封乡
            if other not in table.by_name:
                automaton.add_word(other, (other, other))
    automaton.make_automaton()
    return automaton


def towns_in_english(
    text: str, gazetteer: Gazetteer, context_codes: Iterable[str]
) -> list[tuple[int, int, str]]:
    """(start, end, code) of the towns among ``context_codes`` (a library's places) named
    in English with their type word: Yushan Town, Zhouhe Township; or without it, beside
    their county's name (Banhong, Cangyuan county). A pinyin name alone is as likely a
    county's (Yushan is 玉山县 too)."""
    found = []
    for code in context_codes:
        region = gazetteer.get(code) if is_town_code(code) else None
        if region is None:
            continue
        names = [region.name_en]
        county = gazetteer.get(region.parent_code or "")
        stem = region.name_en.rsplit(" ", 1)[0]  # Banhong Township → Banhong
        county_stem = county.name_en.split()[0] if county is not None else ""
        # … not a town named as its county is (Biru Town of Biru County): that is the county.
        if county_stem and stem.lower() != county_stem.lower() and _named_en(county_stem, text):
            names.append(stem)
        pattern = "|".join(rf"\b{_spelled(name)}\b" for name in names)
        found += [(m.start(), m.end(), code) for m in re.finditer(pattern, text, re.IGNORECASE)]
    return sorted(found)


def _spelled(name: str) -> str:
    """A pattern for an English name written with or without pinyin's syllable marks
    (Hong'an for Hongan, Xi’an for Xian)."""
    return "['’]?".join(re.escape(char) for char in name)


def _named_en(name: str, text: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE) is not None
