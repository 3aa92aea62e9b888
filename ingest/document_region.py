"""The document's own region: the place a notice, law or report speaks for.

It is what 我市, 本省 and 全县 mean, the holder of measures no sentence assigns,
and the context that decides shared names (鼓楼区 in a 南京 notice). Sources, the
most explicit first: metadata (a sidecar's code or name), the issuing authority
(中共郴州市委组织部), the title (山东省人才发展促进条例), the header lines above the
body (郴州市人民政府办公室), and last the region the text keeps naming, as deep in
the hierarchy as it dominates (芝罘区 in a report on one district of 烟台, 山东).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.metadata import without_dateline
from policykg.ingest.models import Document, RegionLevel, RegionMention
from policykg.ingest.region_self import LEVEL_CHARS
from policykg.ingest.regions import OUTLET_AFTER, link_regions
from policykg.ingest.towns import is_town_code

# A region named this often, and in this share of the located mentions under its
# parent, is what the document is about (a provincial report that never names itself).
DOMINANT_MIN_MENTIONS = 3
DOMINANT_MIN_SHARE = 0.6
HEADER_LINES = 4
HEADER_MAX_CHARS = 30
# Levels that dominate by being named; a macro-region is named as a topic, and
# 中国 in a title (中国特色…) is context, never the issuer.
OWN_LEVELS = (RegionLevel.PROVINCE, RegionLevel.PREFECTURE, RegionLevel.COUNTY, RegionLevel.ZONE)
# 《安徽日报》 in a commentary's header: the paper's place, which its 我省 speaks for.
OUTLET = re.compile(rf"([\u4e00-\u9fff]{{2,8}}?)(?:{OUTLET_AFTER.pattern})")
OUTLETS_FILE = "news_outlets.tsv"
POSSESSIVE_SELF = re.compile(rf"[我本]([{LEVEL_CHARS}])")


def document_region(
    document: Document, mentions: Iterable[RegionMention], gazetteer: Gazetteer
) -> str | None:
    """The code of the region the document speaks for, or None.

    Example:
        >>> document_region(notice, mentions, load_gazetteer())  # doctest: +SKIP
        '431000'
    """
    given = document.meta.region_code
    if given and gazetteer.get(given) is not None:
        return given
    code = _region_of_sources(document, gazetteer)
    if code is None:
        code = dominant_region(mentions, gazetteer) or outlet_region(document, gazetteer)
    return (code and _town_of_title(document, code, gazetteer)) or code


def _region_of_sources(document: Document, gazetteer: Gazetteer) -> str | None:
    """The region the sidecar, issuer, title or header lines name (the most specific of a
    chain: 郴州市苏仙区 → 苏仙区); a sidecar may name it (郴州市) instead of giving its code."""
    sources = [
        document.meta.region_code,
        document.meta.authority,
        document.meta.title,
        *header_lines(document.text),
    ]
    for source in sources:
        source = without_dateline(source or "")  # 新华社郑州…电: not what it is about
        if not source.strip():
            continue
        # 在京召开 says where a meeting was held, not whom the document speaks for.
        named = [m for m in link_regions(source, gazetteer) if not m.implicit]
        found = [m.code for m in named if _own_level(m.code, gazetteer)]
        if found:
            return _most_specific_chain(found, gazetteer)
    return None


# A town's own committee as its title opens: 中共莫干山镇委员会关于…
_PARTY_PREFIX = "中共"


def _town_of_title(document: Document, code: str, gazetteer: Gazetteer) -> str | None:
    """A town of the region that the title (or issuer) opens with: a town's own notice,
    minutes or report (莫干山镇2025年度考核结果公示, 桃花潭镇党委书记…述职报告) speaks for
    the town, though only its county is named in full."""
    for source in (document.meta.authority, document.meta.title):
        source = (source or "").removeprefix(_PARTY_PREFIX)
        named = link_regions(source, gazetteer, context_codes=[code]) if source else []
        if (
            named
            and named[0].start == 0
            and is_town_code(named[0].code)
            and gazetteer.contains(code, named[0].code)
        ):
            return named[0].code
    return None


def outlet_region(document: Document, gazetteer: Gazetteer) -> str | None:
    """The place of the outlet in the header (《安徽日报》, or 《新华日报》 by our list of papers
    not named after their place) when the text calls a place of that level its own (我省):
    a provincial paper's commentary speaks for its province."""
    own_levels = set(POSSESSIVE_SELF.findall(document.text))
    listed = news_outlets()
    for line in header_lines(document.text):
        named = [gazetteer.get(code) for outlet, code in listed.items() if outlet in line]
        for match in OUTLET.finditer(line):
            named.extend(gazetteer.by_name(match.group(1)))
        for region in named:
            if region and region.name_zh[-1] in own_levels and region.level in OWN_LEVELS:
                return region.code
    return None


@lru_cache(maxsize=1)
def news_outlets() -> dict[str, str]:
    """Papers not named after their place (新华日报 → 江苏省's code), from ``data``."""
    text = resources.files("policykg.ingest").joinpath("data", OUTLETS_FILE).read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return {row[0]: row[1] for row in rows}


def header_lines(text: str) -> list[str]:
    """Short lines above the body: issuing bodies, 文号 lines, a subtitle."""
    lines: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if len(lines) >= HEADER_LINES or len(stripped) > HEADER_MAX_CHARS:
            break
        if re.search(r"[。；！？]", stripped):  # a short line with a comma is a headline
            break
        lines.append(stripped)
    return lines


def _own_level(code: str, gazetteer: Gazetteer) -> bool:
    region = gazetteer.get(code)
    return region is not None and region.level is not RegionLevel.NATIONAL


def _most_specific_chain(codes: list[str], gazetteer: Gazetteer) -> str:
    """郴州市苏仙区 in one title → 苏仙区; a place named with several of its parts
    (恩施州巴东、鹤峰、宣恩三县) → that place; parts of one place (岳西、太湖、宿松三县)
    → the place holding them; unrelated names → the first (with the place it names
    within it: 杭州市余杭区与苍溪县 → 余杭区)."""
    first = codes[0]
    for code in codes[1:]:
        if gazetteer.contains(first, code):
            first = code

    def within(outer: str, code: str) -> bool:
        return code == outer or gazetteer.contains(outer, code)

    if all(within(first, c) or within(c, first) for c in codes):
        return first
    holding_all = [c for c in codes if all(within(c, other) for other in codes)]
    if holding_all:
        return holding_all[0]
    # Parts of one place side by side (基于岳西、太湖、宿松三县的调研): the place they share,
    # unless that is only the nation (杭州市余杭区与苍溪县: the first).
    shared = _shared_place(codes, gazetteer)
    return shared or first


def _shared_place(codes: list[str], gazetteer: Gazetteer) -> str | None:
    """The nearest place below the nation holding every one of ``codes``."""
    for ancestor in gazetteer.ancestors(codes[0]):
        if ancestor.level in (RegionLevel.NATIONAL, RegionLevel.MACRO):
            return None
        if all(gazetteer.contains(ancestor.code, code) for code in codes[1:]):
            return ancestor.code
    return None


def dominant_region(mentions: Iterable[RegionMention], gazetteer: Gazetteer) -> str | None:
    """The province the named regions keep falling in, then the city and county
    below it, as far down as one of them keeps dominating."""
    counts: Counter[str] = Counter()
    for mention in mentions:
        if mention.implicit:
            continue
        region = gazetteer.get(mention.code)
        if region is None or region.level not in OWN_LEVELS:
            continue
        for code in (region.code, *(a.code for a in gazetteer.ancestors(region.code))):
            counts[code] += 1
    provinces = {c: n for c, n in counts.items() if _level(c, gazetteer) is RegionLevel.PROVINCE}
    current = _dominant(provinces, sum(provinces.values()))
    while current is not None:
        children = {c: n for c, n in counts.items() if _parent(c, gazetteer) == current}
        below = _dominant(children, counts[current])
        if below is None:
            return current
        current = below
    return None


def _dominant(counts: dict[str, int], total: int) -> str | None:
    if not counts or not total:
        return None
    code, count = max(counts.items(), key=lambda item: (item[1], item[0]))
    share = count / total
    return code if count >= DOMINANT_MIN_MENTIONS and share >= DOMINANT_MIN_SHARE else None


def _level(code: str, gazetteer: Gazetteer) -> RegionLevel | None:
    region = gazetteer.get(code)
    return region.level if region else None


def _parent(code: str, gazetteer: Gazetteer) -> str | None:
    region = gazetteer.get(code)
    return region.parent_code if region else None
