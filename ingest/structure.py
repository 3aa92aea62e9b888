"""Sections and provisions: the citable structure of a document.

A provision is one sentence or numbered item with its ``[start, end)`` span into
the document text. Headings (一、 （一） 1. 第X条, short title lines) open sections;
the section path of a provision runs from the top heading down.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from policykg.ingest.models import Provision, Section, provision_id

_CN_NUM = "一二三四五六七八九十百零〇两"
# (level, pattern) — the pattern matches the heading marker at the start of a line.
HEADING_MARKERS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^第[{_CN_NUM}\d]+[章编]")),
    (1, re.compile(rf"^第[{_CN_NUM}\d]+节")),
    (2, re.compile(rf"^[{_CN_NUM}]+[、.．]")),
    (3, re.compile(rf"^[（(][{_CN_NUM}]+[）)]")),
    (4, re.compile(r"^\d{1,2}[、.．](?!\d)")),
    (5, re.compile(r"^[（(]\d{1,2}[）)]")),
    (6, re.compile(rf"^第[{_CN_NUM}\d]+条")),
)
SHORT_TITLE_LEVEL = 2
ITEM_LEVEL = 4  # 1. / (1) / 第X条 lines holding a sentence are provisions themselves
MAX_SHORT_TITLE = 30
MAX_PROVISION_CHARS = 400
_SENTENCE_END = re.compile(
    r"[。！？!?；;]+[”’」』）)]*|(?<=[\u4e00-\u9fff])\.(?=\s|[\u4e00-\u9fff]|$)"
)
_NOT_TITLE_CHARS = re.compile(r"[，,。；;：:！？!?（）()、]")
_SOFT_BREAK = re.compile(r"[，,、：:]")
_ITEM_BODY = re.compile(r"[，,。；;！？]")


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int  # stripped content span


def iter_lines(text: str) -> Iterator[Line]:
    """Non-blank lines as stripped spans; ``\\r\\n`` and ``\\n`` both end a line."""
    for match in re.finditer(r"[^\r\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            yield Line(start, start + len(stripped))


def heading_level(line_text: str) -> int | None:
    """The level of a heading marker at the start of the line, if any."""
    for level, pattern in HEADING_MARKERS:
        if pattern.match(line_text):
            return level
    return None


def is_short_title(line_text: str) -> bool:
    return len(line_text) <= MAX_SHORT_TITLE and not _NOT_TITLE_CHARS.search(line_text)


def split_heading(line_text: str, level: int | None) -> int:
    """Length of the heading part of a line (the whole line, or up to its first full stop)."""
    if level is None:
        return len(line_text)
    stop = re.search(r"[。！？]", line_text)
    if stop and stop.end() < len(line_text):
        return stop.start()
    return len(line_text)


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence spans inside ``text[start:end]``, stripped, long ones split at soft breaks."""
    cursor = start
    for match in _SENTENCE_END.finditer(text, start, end):
        yield from _bounded(text, cursor, match.end())
        cursor = match.end()
    if cursor < end:
        yield from _bounded(text, cursor, end)


def _bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_PROVISION_CHARS:
        window = text[start : start + MAX_PROVISION_CHARS]
        breaks = [m.end() for m in _SOFT_BREAK.finditer(window)]
        cut = start + (breaks[-1] if breaks and breaks[-1] > 50 else MAX_PROVISION_CHARS)
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def parse_structure(
    doc_id: str, text: str, title: str | None
) -> tuple[tuple[Section, ...], tuple[Provision, ...]]:
    """Split a document into sections and provisions.

    Example:
        >>> text = "一、总则\\n要完善机制。要加强领导。"
        >>> sections, provisions = parse_structure("d1", text, None)
        >>> [p.text for p in provisions]
        ['要完善机制。', '要加强领导。']
    """
    stack: list[tuple[int, str, int]] = []  # (level, heading, start)
    sections: list[Section] = []
    provisions: list[Provision] = []
    for paragraph, line in enumerate(iter_lines(text)):
        line_text = text[line.start : line.end]
        if paragraph == 0 and title and line_text == title:
            continue  # the title line is the document's, not a section's
        level = heading_level(line_text)
        if level is None and is_short_title(line_text) and _looks_like_title(text, line):
            level = SHORT_TITLE_LEVEL
        body_start = line.start
        if level is not None:
            head_len = split_heading(line_text, level)
            is_item = level >= ITEM_LEVEL and bool(_ITEM_BODY.search(line_text))
            label = _item_label(line_text) if is_item else line_text[:head_len]
            _close_sections(stack, sections, level, line.start, text)
            stack.append((level, label, line.start))
            if is_item:
                _add_provision(provisions, doc_id, text, stack, paragraph, line.start, line.end)
                continue
            body_start = line.start + head_len
            if body_start >= line.end:
                continue  # a pure heading line holds no provision
        for start, end in sentence_spans(text, body_start, line.end):
            _add_provision(provisions, doc_id, text, stack, paragraph, start, end)
    _close_sections(stack, sections, 0, len(text), text)
    return tuple(sorted(sections, key=lambda s: s.start)), tuple(provisions)


def _add_provision(
    provisions: list[Provision],
    doc_id: str,
    text: str,
    stack: list[tuple[int, str, int]],
    paragraph: int,
    start: int,
    end: int,
) -> None:
    for span_start, span_end in _bounded(text, start, end):
        if not re.search(r"\w", text[span_start:span_end]):
            continue
        provisions.append(
            Provision(
                provision_id=provision_id(doc_id, span_start, span_end),
                doc_id=doc_id,
                section=tuple(heading for _, heading, _ in stack),
                paragraph=paragraph,
                start=span_start,
                end=span_end,
                text=text[span_start:span_end],
            )
        )


def _item_label(line_text: str) -> str:
    """A numbered item's section label: its marker and first phrase (1. 落实容错纠错机制)."""
    cut = re.search(r"[，,。；;：:！？]", line_text)
    label = line_text[: cut.start()] if cut else line_text
    return label[:MAX_SHORT_TITLE]


def _looks_like_title(text: str, line: Line) -> bool:
    """A short unpunctuated line is a title only if a longer paragraph follows it."""
    following = text[line.end : line.end + 200].strip().split("\n", 1)[0]
    return len(following.strip()) > MAX_SHORT_TITLE


def _close_sections(
    stack: list[tuple[int, str, int]], sections: list[Section], level: int, at: int, text: str
) -> None:
    while stack and stack[-1][0] >= level:
        path = tuple(heading for _, heading, _ in stack)
        _, _, start = stack.pop()
        end = at
        while end > start and text[end - 1].isspace():
            end -= 1
        sections.append(Section(path=path, start=start, end=end))
