"""Places named in English or pinyin (questions, English texts) linked to gazetteer codes.

A name may be a place's English name (Xianju County) or a bare pinyin spelling
(Chenzhou, Jiashi); a level word after it (Dali prefecture) says which place of
that name is meant, and the other places the text names decide between several.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from policykg.ingest.gazetteer import Gazetteer, level_rank
from policykg.ingest.models import Region, RegionLevel
from policykg.ingest.region_towns import towns_in_english
from policykg.ingest.romanize import pinyin_readings
from policykg.ingest.towns import town_code


def find_regions_en(
    text: str, gazetteer: Gazetteer, context_codes: Iterable[str] = ()
) -> list[Region]:
    """Regions named in English or pinyin: Shanghai, Xianju County, Chenzhou, Lingang.

    A name several places bear (Qinglong: 青龙 in Hebei, 晴隆 in Guizhou) is the one
    under another place the text names (Qinhuangdao), else the one ``context_codes``
    holds (the regions the library names), else the higher level.
    """
    context = set(context_codes)
    towns = towns_in_english(text, gazetteer, context)
    for start, end, _ in towns:  # Yushan Town is not 玉山县 (Yushan County)
        text = text[:start] + " " * (end - start) + text[end:]
    named: list[tuple[list[Region], list[Region]]] = []  # each name's places, in text order
    text = _peoples().sub(lambda m: _without_peoples(m, gazetteer), text)
    for match in _NAME_PHRASE.finditer(text):
        phrase = re.sub(r"['’]s\b", "", match.group())  # Guangzhou's → Guangzhou
        after = re.match(r"\s+([a-z]+)", text[match.end() :])
        levels = _LEVEL_WORDS.get(after.group(1), ()) if after else ()
        below = after is not None and after.group(1) in _BELOW_COUNTIES_AND_TOWNS
        words = phrase.split()
        taken: set[int] = set()  # words of a longer name found: Hui in Ningxia Hui … is not 徽县
        for size in range(len(words), 0, -1):
            for offset in range(len(words) - size + 1):
                span = set(range(offset, offset + size))
                if span & taken or words[offset] == "and" or words[offset + size - 1] == "and":
                    continue
                ends_phrase = offset + size == len(words)
                if ends_phrase and below:
                    continue  # Xiaogang village is not 小港区: no village is in the gazetteer
                matches, others = _english_matches(
                    " ".join(words[offset : offset + size]),
                    gazetteer,
                    levels if ends_phrase else (),
                )
                if matches:
                    named.append((matches, others))
                    taken |= span
    # The places named that can be one place only (Qinhuangdao); what holds them is not
    # named (Xiamen does not make Jinan 福州's 晋安区 of 福建).
    anchors = {matches[0].code for matches, others in named if len(matches) == 1 and not others}
    found: dict[str, Region] = {
        code: region for _, _, code in towns if (region := gazetteer.get(code)) is not None
    }
    for place, (matches, others) in enumerate(named):
        # Two names that fit together, one under the other, are those places though each
        # could be several (Guangling county in Datong: 大同市's 广灵县, not 扬州's 广陵区).
        fitting = {r.code for i, (m, o) in enumerate(named) if i != place for r in [*m, *o]}
        region = _choose(matches, others, gazetteer, anchors, context, fitting)
        if region is not None:
            found.setdefault(region.code, region)
    # A town of a county the text names, though the library holds none of its words
    # (Qiandeng Town in Kunshan): asked, it is a place the library may know nothing about.
    counties = [r.code for r in found.values() if r.level is RegionLevel.COUNTY]
    if counties:
        by_county = gazetteer.towns().by_county
        under = [town_code(c, name) for c in counties for name in by_county.get(c, ())]
        for _, _, code in towns_in_english(text, gazetteer, under):
            if (region := gazetteer.get(code)) is not None:
                found.setdefault(code, region)
    return list(found.values())


# Capitalised words, joined by "and" too: Xinjiang Production and Construction Corps is one
# name (Tianjin and Hebei, two: no name holds both).
_NAME_PHRASE = re.compile(r"[A-Z][a-z']+(?:(?:[ -]| and )[A-Z][a-z']+)*")


# The peoples an autonomous place is named for, written between its name and its kind
# (Hualong Hui Autonomous County, Changyang Tujia Autonomous County): our English names
# leave them out, as the texts' short names do (化隆县).
@lru_cache(maxsize=1)
def _peoples() -> re.Pattern[str]:
    """A name, the peoples after it (``data/peoples_en.txt``), and its autonomous kind."""
    text = resources.files("policykg.ingest").joinpath("data", "peoples_en.txt").read_text("utf-8")
    names = [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]
    peoples = "|".join(re.escape(name) for name in names)
    return re.compile(
        rf"\b([A-Z][a-z']+)(?:\s+(?:and\s+)?(?:{peoples}))+"
        r"\s+(Autonomous\s+(?:County|Prefecture|Banner|Region))"
    )


def _without_peoples(match: re.Match[str], gazetteer: Gazetteer) -> str:
    """Hualong Hui Autonomous County as Hualong Autonomous County, unless the name with its
    peoples is one the gazetteer knows (Hoboksar Mongol)."""
    named = match.group()[: match.start(2) - match.start()].strip()
    return match.group() if gazetteer.by_name(named) else f"{match.group(1)} {match.group(2)}"


# A level word written after a name, lower-case ("Dali prefecture"), says which of the
# places of that name is meant: 大理白族自治州, not 大理市 or 大荔县.
_LEVEL_WORDS = {
    "province": (RegionLevel.PROVINCE,),
    "prefecture": (RegionLevel.PREFECTURE,),
    "league": (RegionLevel.PREFECTURE,),
    "city": (RegionLevel.PREFECTURE, RegionLevel.COUNTY),
    "county": (RegionLevel.COUNTY,),
    "district": (RegionLevel.COUNTY,),
    "banner": (RegionLevel.COUNTY,),
}


# Level words of places the gazetteer does not hold: a name written before one is not the
# district or county that shares its spelling.
_BELOW_COUNTIES_AND_TOWNS = frozenset({"village", "villages", "hamlet", "community"})


def _english_matches(
    name: str, gazetteer: Gazetteer, levels: tuple[RegionLevel, ...] = ()
) -> tuple[list[Region], list[Region]]:
    """The places an English or pinyin name means (its English name's, else those it
    spells; with a level written after it, those of that level), and the other places it
    spells: Qinglong is 晴隆县's English name and spells 青龙满族自治县 too."""
    spelled = _by_pinyin(name, gazetteer)
    matches = gazetteer.by_name(name) or spelled
    if levels:  # every place of the name, then those of the level written after it
        named = {r.code: r for r in [*matches, *spelled]}
        matches = [r for r in named.values() if r.level in levels] or matches
    codes = {r.code for r in matches}
    return matches, [
        r for r in spelled if r.code not in codes and (not levels or r.level in levels)
    ]


def _choose(
    matches: list[Region],
    others: list[Region],
    gazetteer: Gazetteer,
    anchors: set[str],
    context: set[str],
    fitting: set[str] | None = None,
) -> Region | None:
    """The place meant: one under another place the text names (one that can be one
    place only, else any place another name may be), else one the library names (the
    name's own places first), else the one of the highest level."""

    def under(named: set[str]) -> list[Region]:
        return [
            r
            for r in [*matches, *others]
            if any(a.code in named for a in gazetteer.ancestors(r.code))
        ]

    # A province's name means the province, whatever else it spells under a place the text
    # names (Hebei beside Tianjin is not its 河北区, Xinjiang beside Shanxi not 新绛县);
    # a level word after it ("Hainan prefecture") has already kept the others.
    provinces = [r for r in matches if r.level is RegionLevel.PROVINCE]
    if len(provinces) == 1:
        return provinces[0]
    within = under(anchors) or (under(fitting) if fitting and len(matches) > 1 else [])
    in_context = [r for r in matches if r.code in context] or [
        r for r in others if r.code in context
    ]
    matches = within or in_context or matches
    top_rank = min(level_rank(r) for r in matches)
    top = [r for r in matches if level_rank(r) == top_rank]
    return top[0] if len(top) == 1 else None


def _by_pinyin(name: str, gazetteer: Gazetteer) -> list[Region]:
    """A bare pinyin name (Xianju, Chenzhou) matches the regions whose English name starts
    so; failing those, the regions it spells in another reading of their characters
    (伽师 is Gashi in our names, Jiashi as people say it; 塔什库尔干 Tashikuergan)."""
    primary, other = _pinyin_index(gazetteer)
    key = _pinyin_key(name)
    return list(primary.get(key) or other.get(key, []))


def _pinyin_key(name: str) -> str:
    """A pinyin name as written with or without its syllable mark: Ruo'ergai, Ruoergai."""
    return re.sub(r"['’\-]", "", name.lower())


@lru_cache(maxsize=4)
def _pinyin_index(
    gazetteer: Gazetteer,
) -> tuple[dict[str, list[Region]], dict[str, list[Region]]]:
    """Regions by the first word of their English name, and by their other spellings."""
    primary: dict[str, list[Region]] = {}
    other: dict[str, list[Region]] = {}
    for region in gazetteer.regions():
        words = region.name_en.split()
        if len(words) < 2 or region.level in (RegionLevel.MACRO, RegionLevel.NATIONAL):
            continue
        key = _pinyin_key(words[0])
        primary.setdefault(key, []).append(region)
        for spelling in pinyin_readings(region.short_zh) if region.short_zh else ():
            if _pinyin_key(spelling) != key:
                other.setdefault(_pinyin_key(spelling), []).append(region)
    for regions in [*primary.values(), *other.values()]:
        regions.sort(key=lambda r: (level_rank(r), r.code))
    return primary, other
