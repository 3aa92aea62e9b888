"""A statute's history block: every dated 通过/公布/修正/修订 line, and who made each.

LawRefBook and the official texts open a law or regulation with its history:
``2018年3月20日 第十三届全国人民代表大会第一次会议通过`` on one line each, or all
in one parenthesis (``（2005年4月27日…通过　根据2017年9月1日…修正）``). Each dated
segment is one event; the last one that is not 施行 dates this version, and its
body is the issuer: 全国人民代表大会(常务委员会) makes a 法律, 国务院 an 行政法规, a
local 人民代表大会 a 地方性法规.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from policykg.ingest.models import DatedEvent, DocKind, IssuerLevel

CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6}
CN_DIGITS |= {"七": 7, "八": 8, "九": 9}
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
CN_DATE = re.compile(
    r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
EVENTS = ("通过", "公布", "发布", "印发", "施行", "修正", "修订", "废止", "批准")
# A date, then anything up to the next date, ending in an event word.
SEGMENT = re.compile(
    r"(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)((?:(?!\d{4}\s*年).)*?)(" + "|".join(EVENTS) + ")"
    # 废止和修改部分行政法规的决定 names a decision, not an event; 印发（安委办发〔2023〕12号）
    # is one, its number after it.
    r"(?=[\s（(）)　，。；]|根据|$)",
    re.S,
)
CONGRESS = re.compile(
    r"(?:([\u4e00-\u9fff]{2,12}?(?:省|市|自治区|自治州|州|县|区|盟|旗)))?第[一二三四五六七八九十百]+届"
    r"(全国人民代表大会|人民代表大会)(常务委员会)?"
)
ORDER_NUMBER = re.compile(
    r"((?:中华人民共和国)?国务院令|主席令|[\u4e00-\u9fff]{2,12}?人民政府令|[\u4e00-\u9fff]{2,16}?部令)"
    r"\s*第\s*(\d+)\s*号"
)
# A government's or a ministry's rule (规章): made at its executive meeting, issued by its order.
GOVERNMENT = re.compile(
    r"([\u4e00-\u9fff]{2,12}?(?:省|市|自治区|自治州|州|县|区|盟))人民政府(?:令|第[一二三四五六七八九十百\d]+次常务会议)"
)
MINISTRY = re.compile(
    r"([\u4e00-\u9fff]{2,16}?部)(?:令|部务会议|第[一二三四五六七八九十百\d]+次部务会议)"
)
PROVINCES = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,3}省|北京市|天津市|上海市|重庆市|[\u4e00-\u9fff]{2,7}自治区)"
)
HEAD_LINES = 12
_QUOTE_MARKER = re.compile(r"^\s*>[>\s]*")
BODY_START = re.compile(r"第[一二三四五六七八九十]+[章条]")


@dataclass(frozen=True, slots=True)
class History:
    """What a history block says: its events, and the version's issuer, number and kind."""

    events: tuple[DatedEvent, ...]
    issuer: str | None
    doc_number: str | None
    doc_kind: DocKind | None
    level: IssuerLevel | None

    @property
    def version_date(self) -> str | None:
        """The last event that made this text (施行 only starts it; 废止 ends it)."""
        made = [e.date for e in self.events if e.event not in ("施行", "废止")]
        return max(made) if made else None


def iso_date(text: str) -> str | None:
    """``2018年3月20日`` or ``二〇一八年三月二十日`` as ``2018-03-20``; None if not a real date."""
    match = DATE.search(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
    else:
        match = CN_DATE.search(text)
        if match is None:
            return None
        year = int("".join(str(CN_DIGITS[c]) for c in match.group(1)))
        month, day = _cn_number(match.group(2)), _cn_number(match.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _cn_number(text: str) -> int:
    """一 … 三十一 as an integer."""
    if "十" not in text:
        return CN_DIGITS.get(text, 0)
    tens, _, units = text.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[units] if units else 0)


def history_lines(text: str) -> list[str]:
    """The lines of the history block: above the body, each opening with a dated event."""
    return [text[start:end].strip() for start, end in _history_spans(text)]


def history_block(text: str) -> tuple[int, int] | None:
    """``[start, end)`` of the history block in ``text``: its first line to its last.

    Its lines say how the text was made; they are not provisions of it.

    Example:
        >>> history_block("# 某条例\\n\\n2020年4月10日 某市人民代表大会通过\\n\\n第一条 为了…")
        (7, 28)
    """
    spans = _history_spans(text)
    return (spans[0][0], spans[-1][1]) if spans else None


def _history_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the history lines: in the head, each opening (after a parenthesis or
    根据) with a date, naming a dated event and not ending as a sentence does; the first
    article or chapter ends the head."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True)[:HEAD_LINES]:
        start, offset = offset, offset + len(line)
        # A Markdown file may quote its history block (> 2019年4月26日…通过).
        line = _QUOTE_MARKER.sub(lambda m: " " * len(m.group()), line)
        stripped = line.strip().strip("（()）　 ")
        if stripped.startswith("<!--") or BODY_START.match(stripped):
            break
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.endswith(("。", "！", "？")):
            continue  # a dated sentence (a news lead), not a history line
        if DATE.match(stripped.removeprefix("根据")) and SEGMENT.search(stripped):
            start += len(line) - len(line.lstrip())
            spans.append((start, start + len(line.strip())))
    return spans


def read_history(text: str) -> History | None:
    """The history block at the head of ``text``, or None when it has none."""
    events: list[tuple[DatedEvent, str]] = []
    for line in history_lines(text):
        for match in SEGMENT.finditer(line):
            date = iso_date(match.group(1))
            if date:
                event = DatedEvent(match.group(3), date, match.group(0).strip())
                events.append((event, match.group(2)))
    if not events:
        return None
    # A city's regulation is made by its congress (通过) and approved by the province's
    # (批准): the city made it, and speaks for itself.
    made = [(e, body) for e, body in events if e.event not in ("施行", "废止", "批准")] or events
    _, body = max(made, key=lambda pair: pair[0].date)
    issuer, kind, level = _body(body)
    number = ORDER_NUMBER.search(body)
    return History(
        events=tuple(e for e, _ in events),
        issuer=issuer,
        doc_number=number.group(1) + f"第{number.group(2)}号" if number else None,
        doc_kind=kind,
        level=level,
    )


def _body(segment: str) -> tuple[str | None, DocKind | None, IssuerLevel | None]:
    """Who made a version, what that makes it, and at what level."""
    congress = CONGRESS.search(segment)
    if congress:
        place, body, standing = congress.group(1) or "", congress.group(2), congress.group(3) or ""
        if body == "全国人民代表大会":
            return body + standing, DocKind.LAW, IssuerLevel.CENTRAL
        return place + body + standing, DocKind.LOCAL_REGULATION, place_level(place)
    if "国务院" in segment:
        return "国务院", DocKind.ADMINISTRATIVE_REGULATION, IssuerLevel.CENTRAL
    if "中共中央" in segment or "中国共产党中央委员会" in segment:
        return "中共中央", DocKind.PARTY_REGULATION, IssuerLevel.CENTRAL
    if government := GOVERNMENT.search(segment):
        place = government.group(1)
        return place + "人民政府", DocKind.GOVERNMENT_RULE, place_level(place)
    if ministry := MINISTRY.search(segment):
        return ministry.group(1), DocKind.GOVERNMENT_RULE, IssuerLevel.CENTRAL
    return None, None, None


def place_level(place: str) -> IssuerLevel | None:
    """The level of a place named at the head of an issuer: 上海市 provincial, 抚州市 prefectural."""
    if not place:
        return None
    if PROVINCES.match(place):
        return IssuerLevel.PROVINCIAL
    if re.search(r"(?:市|州|盟)$", place):
        return IssuerLevel.PREFECTURAL
    if re.search(r"(?:县|区|旗)$", place):
        return IssuerLevel.COUNTY
    return None
