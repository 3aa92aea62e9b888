"""Lines and headings: what numbers a line of an official document, and how it is cited.

Heading markers (第X编 第X章 第X节, 一、 （一） 1. (1), 第X条, 问X：), Markdown ``#`` lines and
short title lines open sections; each heading carries the marker as a locator writes it
(二、 （三） 2. 第二十一条) and its label. Chinese numerals for 款, 项 and 目 are written here too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum

CN_NUMERALS = "一二三四五六七八九十百零〇两"  # the digits of 第X条, 二、, （三）


class Kind(str, Enum):
    """What numbers a heading: its marker, or nothing (a title)."""

    PART = "part"  # 第一编
    CHAPTER = "chapter"  # 第一章
    SECTION = "section"  # 第一节
    CN = "cn"  # 一、
    PAREN_CN = "paren_cn"  # （一）
    ARABIC = "arabic"  # 1.
    PAREN_ARABIC = "paren_arabic"  # (1)
    ARTICLE = "article"  # 第一条
    QUESTION = "question"  # 问三： in a Q&A (政策问答): the heading of the answer below it
    TITLE = "title"  # a short title line or a Markdown heading without a marker


# (kind, level, pattern) — the pattern matches the marker at the start of a line; group 1
# is its numeral. Levels are spaced by ten so that a nested list fits below its item. An
# article marker must be followed by a space or the line's end, so a sentence opening
# with a reference (第三条规定的…) is not taken for an article.
# Markdown emphasis may wrap a marker (**第一条**, **一、**总体要求): read through it.
_OPEN = r"^(?:\*\*|__)?"
_CLOSE = r"(?:\*\*|__)?"
HEADING_MARKERS: tuple[tuple[Kind, int, re.Pattern[str]], ...] = (
    (Kind.PART, 10, re.compile(rf"{_OPEN}第([{CN_NUMERALS}\d]+)编")),
    (Kind.CHAPTER, 20, re.compile(rf"{_OPEN}第([{CN_NUMERALS}\d]+)章")),
    (Kind.SECTION, 30, re.compile(rf"{_OPEN}第([{CN_NUMERALS}\d]+)节")),
    (Kind.CN, 40, re.compile(rf"{_OPEN}([{CN_NUMERALS}]+)[、.．]{_CLOSE}")),
    (Kind.PAREN_CN, 50, re.compile(rf"{_OPEN}[（(]([{CN_NUMERALS}]+)[）)]{_CLOSE}")),
    (Kind.ARABIC, 60, re.compile(rf"{_OPEN}(\d{{1,2}})[、.．](?!\d){_CLOSE}")),
    (Kind.PAREN_ARABIC, 70, re.compile(rf"{_OPEN}[（(](\d{{1,2}})[）)]{_CLOSE}")),
    (
        Kind.ARTICLE,
        80,
        re.compile(rf"{_OPEN}第([{CN_NUMERALS}\d]+)条(?:之[{CN_NUMERALS}]+)?{_CLOSE}(?=\s|$)"),
    ),
    # A Q&A's question heads its answer (问三：新的补贴标准是多少？ over 答：按照…分为三档),
    # within a numbered part and above the lists an answer may hold.
    (Kind.QUESTION, 45, re.compile(rf"{_OPEN}问([{CN_NUMERALS}\d]*)[：:]")),
)
ITEM_KINDS = (Kind.CN, Kind.PAREN_CN, Kind.ARABIC, Kind.PAREN_ARABIC)
SHORT_TITLE_LEVEL = 40
MARKDOWN_LEVEL = 10  # per #
LABEL_TO_FIRST_PHRASE = (Kind.ARABIC, Kind.PAREN_ARABIC, Kind.ARTICLE)
MAX_SHORT_TITLE = 30
# A table row (| 1 | 营根镇 | 400 |) is a row, not a title over what follows the table.
_NOT_TITLE_CHARS = re.compile(r"[，,。；;：:！？!?（）()、|｜]")
_CARRIES_SENTENCE = re.compile(r"[，,。；;：:！？!?]")
MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+")


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int  # stripped content span


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line: what numbers it, where its text starts, and whether it is cited."""

    kind: Kind
    level: int
    number: str  # the marker's numeral as written: 二, 3, 二十一
    marker: str  # the marker as the locator writes it: 二、 （三） 2. 第二十一条 第一章
    start: int  # where the heading text starts (after Markdown #s)
    marker_end: int  # where the marker ends
    label: str  # the section's heading
    cited: bool  # the line carries sentences: they are provisions


def iter_lines(text: str) -> Iterator[Line]:
    """Non-blank lines as stripped spans; ``\\r\\n`` and ``\\n`` both end a line. A line
    ending in a comma goes on into the next (a feature broken into short lines: 县里为…开通了
    周末“回家专车”，/每周五下午从乡镇发车…), unless a blank line or a marker comes first."""
    pending: Line | None = None
    for match in re.finditer(r"[^\r\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if not stripped:
            continue
        start = match.start() + (len(raw) - len(raw.lstrip()))
        line = Line(start, start + len(stripped))
        if pending is not None:
            between = text[pending.end : line.start]
            if between.count("\n") <= 1 and markers_end(stripped) == 0:
                line = Line(pending.start, line.end)
            else:
                yield pending
        if stripped.endswith(_GOES_ON):
            pending = line
            continue
        pending = None
        yield line
    if pending is not None:
        yield pending


_GOES_ON = ("，", ",", "、")


def heading_level(line_text: str) -> int | None:
    """The level of a heading marker at the start of the line, if any."""
    found = _marker(line_text)
    return found[1] if found else None


def _marker(line_text: str) -> tuple[Kind, int, re.Match[str]] | None:
    for kind, level, pattern in HEADING_MARKERS:
        match = pattern.match(line_text)
        if match:
            return kind, level, match
    return None


def markers_end(text: str, start: int = 0) -> int:
    """Where the text after the heading markers at ``start`` begins (第六十四条 , 一、（二）)."""
    window = text[start : start + MARKERS_WINDOW]  # markers are short: never copy the text

    def skip_space(offset: int) -> int:
        return offset + len(window[offset:]) - len(window[offset:].lstrip())

    offset = skip_space(0)
    if bullet := BULLET.match(window, offset):
        offset = bullet.end()
    while (found := _marker(window[offset:])) is not None:
        offset = skip_space(offset + found[2].end())
    return start + offset


# A bulleted list's item marker (- 禾库镇：新建干部食堂, · 周转房：再建60套): it opens an
# item, as （一） does, but numbers nothing and makes no heading.
BULLET = re.compile(r"(?:[-*+]\s+|[•●▪·]\s*)(?=\S)")


MARKERS_WINDOW = 40


def is_short_title(line_text: str) -> bool:
    return len(line_text) <= MAX_SHORT_TITLE and not _NOT_TITLE_CHARS.search(line_text)


def split_heading(line_text: str) -> int:
    """Length of the heading part of a line (the whole line, or up to its first full stop)."""
    stop = re.search(r"[。！？]", line_text)
    if stop and stop.end() < len(line_text):
        return stop.start()
    return len(line_text)


def heading_of(text: str, line: Line) -> Heading | None:
    """The line as a heading, or None for a body paragraph."""
    line_text = text[line.start : line.end]
    markdown = MARKDOWN_HEADING.match(line_text)
    start = line.start + (markdown.end() if markdown else 0)
    heading_text = text[start : line.end]
    found = _marker(heading_text)
    if found is None:
        if markdown:
            level = MARKDOWN_LEVEL * len(markdown.group(1))
            return Heading(Kind.TITLE, level, "", "", start, start, _plain(heading_text), False)
        if is_short_title(line_text) and _looks_like_title(text, line):
            return Heading(
                Kind.TITLE, SHORT_TITLE_LEVEL, "", "", start, start, _plain(line_text), False
            )
        return None
    kind, level, match = found
    body = heading_text[match.end() :].strip()
    cited = (
        not markdown
        and bool(body)
        and (kind is Kind.ARTICLE or bool(_CARRIES_SENTENCE.search(body)))
    )
    if kind in LABEL_TO_FIRST_PHRASE and cited:
        label = _item_label(heading_text)
    else:
        label = heading_text[: split_heading(heading_text)]
    marker = _locator_marker(kind, match)
    end = start + match.end()
    return Heading(kind, level, match.group(1), marker, start, end, _plain(label), cited)


_EMPHASIS = re.compile(r"\*\*|__")


def _plain(label: str) -> str:
    """A label without the Markdown emphasis its line wraps it in (**第一章 总则**)."""
    return _EMPHASIS.sub("", label) if "**" in label or "__" in label else label


def _locator_marker(kind: Kind, match: re.Match[str]) -> str:
    number = match.group(1)
    if kind in (Kind.ARABIC, Kind.PAREN_ARABIC):
        number = str(int(number))  # full-width digits (１) read as 1
    return {
        Kind.CN: f"{number}、",
        Kind.PAREN_CN: f"（{number}）",
        Kind.ARABIC: f"{number}.",
        Kind.PAREN_ARABIC: f"（{number}）",
        Kind.QUESTION: f"问{number}" if number else "",  # an unnumbered 问： has no locator
    }.get(kind, re.sub(r"[\s*_]", "", match.group()))


def _item_label(line_text: str) -> str:
    """A numbered item's section label: its marker and first phrase (1. 落实容错纠错机制)."""
    cut = re.search(r"[，,。；;：:！？]", line_text)
    label = line_text[: cut.start()] if cut else line_text
    return label[:MAX_SHORT_TITLE]


def _looks_like_title(text: str, line: Line) -> bool:
    """A short unpunctuated line is a title only if a longer paragraph follows it."""
    following = text[line.end : line.end + 200].strip().split("\n", 1)[0]
    return len(following.strip()) > MAX_SHORT_TITLE


_DIGITS = "零一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一, 105 → 一百零五 (counts of 款, 项 and 目)."""
    if number < 10:
        return _DIGITS[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")
    hundreds, rest = divmod(number, 100)
    if rest == 0:
        tail = ""
    elif rest < 10:
        tail = "零" + _DIGITS[rest]
    else:
        tail = (_DIGITS[1] if rest < 20 else "") + chinese_numeral(rest)
    return _DIGITS[hundreds] + "百" + tail


def as_chinese(numeral: str) -> str:
    """An item's numeral in Chinese (（三） → 三, 3. → 三)."""
    return chinese_numeral(int(numeral)) if numeral.isdigit() else numeral


def is_first(numeral: str) -> bool:
    return numeral in ("一", "1", "１")
