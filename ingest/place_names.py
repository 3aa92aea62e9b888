"""English names of places as CC-CEDICT gives them: Shigatse, Kashgar, Bainang, Lhokha.

Pinyin names a place in Chinese (日喀则 → Rikaze), but the English texts and the people
who ask in English use the names in use: Tibetan, Uyghur and Mongolian places are
Shigatse (日喀则), Kashgar (喀什), Bainang (白朗), Nyingchi (林芝), Hohhot (呼和浩特).
CC-CEDICT glosses a place by those names, first thing in its first sense ("Bainang
county, Tibetan: Pa snam rdzong, in Shigatse prefecture, Tibet"), so a proper-name
entry for a region's full or short name whose first sense says what kind of place it
is gives the region its English names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from policykg.ingest.cedict import cedict_entries
from policykg.ingest.models import Region, RegionLevel

# A first sense that names a place says which kind of place it is.
_PLACE = re.compile(
    r"\b(?:county|city|prefecture|district|town|banner|province|municipality|capital)\b",
    re.IGNORECASE,
)
# The name itself: capitalised words (Ürümqi, Ge'ermu, Shangri-La) …
_NAME = re.compile(r"^[A-ZÀ-Þ][\w'’\-]*(?: [A-ZÀ-Þ][\w'’\-]*)*")
# … without a capitalised kind word after it (Dechen County).
_WORD = re.compile(r"\b[a-z]+\b")
_KIND = re.compile(r"(?: (?:County|City|Prefecture|District|Town|Banner|League|Province))+$")
# An autonomous prefecture is named by its first word, before its peoples ("Golog Tibetan
# autonomous prefecture", "Ngawa Tibetan and Qiang Autonomous Prefecture"); a county is
# left whole, its peoples' word telling it from a namesake (Qinglong Manchu, 晴隆's Qinglong).
_AUTONOMOUS = re.compile(
    r"^([A-ZÀ-Þ][\w'’\-]*)(?:\s+(?:and\s+)?[A-ZÀ-Þ][\w'’\-]*)*\s+[Aa]utonomous\s+[Pp]refecture\b"
)


def english_place_names(first_sense: str) -> list[str]:
    """The names a CC-CEDICT first sense gives a place, or none if it is not a place.

    Example:
        >>> english_place_names("Kashgar or Qeshqer (Kāshí) city and prefecture in Xinjiang")
        ['Kashgar', 'Qeshqer']
    """
    if not _PLACE.search(first_sense):
        return []
    head = re.split(r"[(,;:\[]", first_sense, maxsplit=1)[0]
    # The head lists the place's names (Sanji or Changji Hui autonomous prefecture), not a
    # place it lies in (Shangri-La County in Dêqên or Diqing Tibetan Autonomous Prefecture).
    *others, last = head.split(" or ")
    named_only = not any(re.search(r"\b[a-z]", other) for other in others)
    if named_only and (autonomous := _AUTONOMOUS.match(last.strip())):
        head = autonomous.group(1)
    names = []
    for part in head.split(" or "):
        match = _NAME.match(part.strip())
        if match and (name := _KIND.sub("", match.group())):
            names.append(name)
    return names


def place_aliases(regions: Iterable[Region]) -> dict[str, list[str]]:
    """Region code → the English names CC-CEDICT gives its full or short Chinese name."""
    wanted: dict[str, list[str]] = {}
    for region in regions:
        names = {region.name_zh, region.short_zh}
        if region.level is RegionLevel.COUNTY and region.name_zh.endswith(("市", "区")):
            # A county made a city or a district (香格里拉县 → 香格里拉市) is in the
            # dictionary by its county name.
            names.add(region.name_zh[:-1] + "县")
        for name in names:
            if len(name) >= 2:
                wanted.setdefault(name, []).append(region.code)
    entries = cedict_entries()
    # A one-word name the dictionary also uses as a plain English word (北湖 → North,
    # 攸县 → You, 拜城 → Bay) would find a place in every question that says it.
    plain = {w for _, proper, senses in entries if not proper for w in _WORD.findall(senses)}
    aliases: dict[str, list[str]] = {}
    for word, proper, senses in entries:
        if proper and word in wanted:
            for name in english_place_names(senses.split("/")[0]):
                if " " not in name and name.lower() in plain:
                    continue
                # Bayan Nur is written Bayannur too.
                forms = [name, name.replace(" ", "")] if " " in name else [name]
                for code in wanted[word]:
                    aliases.setdefault(code, []).extend(forms)
    return aliases
