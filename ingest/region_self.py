"""Words that stand for the document's own region: 我市, 本省, 全县, 市委, 区政府.

A city's notice says 我市 and 市委 for itself (a study 省级层面 or 省财政 for its
province), a provincial law says 本省, a congress report 全省, a county's news story
乡里 for the township it just named. Each word names a level by its type character
(省 市 县 区 州 旗 盟 乡 镇); it means the document's region, or its nearest ancestor,
whose name ends with that character (全市 in a 杨浦区 notice is 上海市; 全区 in a 宁夏
report is the autonomous region). Below the document's region (全县 in a province's
report on its counties) it is the place of that level named last before it inside the
document's region; else it means nothing. A text of no place of its own (a national
news transcript) still says 区里 for the district it just named.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import RegionLevel, RegionMention

LEVEL_CHARS = "省市县区州旗盟乡镇"
# 我市 本省 全县 …, and the level's own party committee, government or discipline
# commission (市委, 省政府, 县纪委监委).
# A study's 建议省级层面… (or 省财政) asks the province of its place to act, as 省委 would.
SELF_REFERENCE = re.compile(
    rf"(?:[我本全]([{LEVEL_CHARS}]))"
    rf"|(?:([{LEVEL_CHARS}])(?:委|人民政府|政府|人大常委会|人大|纪委|监委|人社局|里|直|级层面|财政))"
)
# 市里, 县直部门 as speeches and reports say it: the place of that level named just before
# (福建…省里没有…), else the document's own.
SPOKEN = ("里", "直")
SPOKEN_REACH = 150  # characters back to the place named
# 全市场 is the whole market and 全区域 any area; 市委 after 各/该 is every or some
# other city's committee, and after 省/县 (省市县三级) a list of levels.
NOT_AFTER = frozenset("场域块段间")
NOT_BEFORE = frozenset("各该其两三每省市县区州乡镇村旗盟地城")
LEVELS = (
    RegionLevel.PROVINCE,
    RegionLevel.PREFECTURE,
    RegionLevel.COUNTY,
    RegionLevel.TOWN,  # 乡里 after 达布达尔乡…: the township just named
    RegionLevel.ZONE,
)


def self_references(
    text: str,
    region_code: str | None,
    gazetteer: Gazetteer,
    named: Iterable[tuple[int, int]] = (),
    common_words: dict[str, int] | None = None,
    named_mentions: Sequence[RegionMention] = (),
) -> list[RegionMention]:
    """Mentions of the document's own region written as 我市/本省/全县/市委.

    ``named`` are the spans of regions named in full; a 委 right after one
    (杭州市委) belongs to that name, not to the document. ``common_words`` keeps
    健全县级 and 城市委员 from reading as 全县 and 市委.

    Example:
        >>> [m.code for m in self_references("我市建立容错机制", "431000", load_gazetteer())]
        ['431000']
    """
    own = region_code if region_code and gazetteer.get(region_code) is not None else None
    if own is None and not named_mentions:
        return []
    before = sorted(named_mentions, key=lambda m: m.start)
    taken: set[int] = set()
    for start, end in named:
        taken.update(range(start, end + 1))  # …市 + 委: the 市 is the name's own
    found = []
    for match in SELF_REFERENCE.finditer(text):
        level = match.group(1) or match.group(2)
        if not _is_reference(text, match, taken, common_words or {}):
            continue
        code = None
        if match.group().endswith(SPOKEN):  # 省里 after 福建…: the province just named
            code = _last_named_near(level, match.start(), before, gazetteer)
        if own is not None:
            code = code or _own_region_at(level, own, gazetteer)
        if code is None and own is not None:  # a province's feature on its counties: 全县
            code = _last_named_at(level, own, match.start(), before, gazetteer)
        if code is not None:
            found.append(RegionMention(code, match.start(), match.end(), match.group(), True))
    return found


def _is_reference(text: str, match: re.Match[str], taken: set[int], words: dict[str, int]) -> bool:
    start, end = match.span()
    if start in taken or (end < len(text) and text[end] in NOT_AFTER):
        return False
    if start and words.get(text[start - 1 : start + 1]):
        return False  # 健全县级, 城市委员: the first character belongs to a word
    if match.group().endswith("乡") and text[end : end + 1] == "镇":
        return False  # 全乡镇: every township, not one
    if match.group(2):  # 市委: not after 各 or inside a name or a list of levels
        return not (start and text[start - 1] in NOT_BEFORE)
    return True


def _last_named_at(
    level: str,
    region_code: str,
    position: int,
    named: Sequence[RegionMention],
    gazetteer: Gazetteer,
) -> str | None:
    """The region of that level named last before ``position`` inside the document's."""
    for mention in reversed(named):
        region = gazetteer.get(mention.code)
        if (
            mention.end <= position
            and region is not None
            and region.name_zh.endswith(level)
            and region.level in LEVELS
            and gazetteer.contains(region_code, mention.code)
        ):
            return mention.code
    return None


def _last_named_near(
    level: str, position: int, named: Sequence[RegionMention], gazetteer: Gazetteer
) -> str | None:
    """The region of that level named last, shortly before ``position``."""
    for mention in reversed(named):
        if mention.end > position:
            continue
        if position - mention.end > SPOKEN_REACH:
            return None
        region = gazetteer.get(mention.code)
        if region is not None and region.name_zh.endswith(level) and region.level in LEVELS:
            return mention.code
    return None


def _own_region_at(level: str, region_code: str, gazetteer: Gazetteer) -> str | None:
    region = gazetteer.get(region_code)
    chain = [region, *gazetteer.ancestors(region_code)] if region else []
    for candidate in chain:
        if candidate.name_zh.endswith(level) and candidate.level in LEVELS:
            return candidate.code
    return None
