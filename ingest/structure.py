"""Sections and provisions: the citable structure of a document.

A provision is one whole sentence (up to 。！？, or to the end of its line) with its
``[start, end)`` span into the document text and a locator in Chinese citation style:
第二十一条第二款第三项 inside a statute article, the numbering path 二、（三）2. in
official documents and reports, 第5段 in unnumbered text. A sentence is never cut; only
one longer than ``LONG_SENTENCE_CHARS`` is split, after a ； or ：.

Headings (第X章, 一、 （一） 1. (1), 第X条, Markdown ``#`` lines, short title lines) open
sections; the section path of a provision runs from the top heading down. A numbered line
that carries sentences opens its section and its sentences are provisions too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum

from policykg.ingest.history import history_block
from policykg.ingest.models import Provision, Section, provision_id

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
HEADING_MARKERS: tuple[tuple[Kind, int, re.Pattern[str]], ...] = (
    (Kind.PART, 10, re.compile(rf"^第([{CN_NUMERALS}\d]+)编")),
    (Kind.CHAPTER, 20, re.compile(rf"^第([{CN_NUMERALS}\d]+)章")),
    (Kind.SECTION, 30, re.compile(rf"^第([{CN_NUMERALS}\d]+)节")),
    (Kind.CN, 40, re.compile(rf"^([{CN_NUMERALS}]+)[、.．]")),
    (Kind.PAREN_CN, 50, re.compile(rf"^[（(]([{CN_NUMERALS}]+)[）)]")),
    (Kind.ARABIC, 60, re.compile(r"^(\d{1,2})[、.．](?!\d)")),
    (Kind.PAREN_ARABIC, 70, re.compile(r"^[（(](\d{1,2})[）)]")),
    (Kind.ARTICLE, 80, re.compile(rf"^第([{CN_NUMERALS}\d]+)条(?:之[{CN_NUMERALS}]+)?(?=\s|$)")),
    # A Q&A's question heads its answer (问三：新的补贴标准是多少？ over 答：按照…分为三档),
    # within a numbered part and above the lists an answer may hold.
    (Kind.QUESTION, 45, re.compile(rf"^问([{CN_NUMERALS}\d]*)[：:]")),
)
ITEM_KINDS = (Kind.CN, Kind.PAREN_CN, Kind.ARABIC, Kind.PAREN_ARABIC)
SHORT_TITLE_LEVEL = 40
MARKDOWN_LEVEL = 10  # per #
LABEL_TO_FIRST_PHRASE = (Kind.ARABIC, Kind.PAREN_ARABIC, Kind.ARTICLE)
MAX_SHORT_TITLE = 30
LONG_SENTENCE_CHARS = 600
_SENTENCE_END = re.compile(
    r"[。！？!?]+[”’」』）)]*|(?<=[\u4e00-\u9fff])\.(?=\s|[\u4e00-\u9fff]|$)"
)
_LONG_SENTENCE_BREAK = re.compile(r"[；;：:]+[”’」』）)]*")
_NOT_TITLE_CHARS = re.compile(r"[，,。；;：:！？!?（）()、]")
_CARRIES_SENTENCE = re.compile(r"[，,。；;：:！？!?]")
_MARKDOWN_HEADING = re.compile(r"^(#{1,6})\s+")
_COMMENT = re.compile(r"^<!--.*-->$")


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
    """Non-blank lines as stripped spans; ``\\r\\n`` and ``\\n`` both end a line."""
    for match in re.finditer(r"[^\r\n]+", text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + (len(raw) - len(raw.lstrip()))
            yield Line(start, start + len(stripped))


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
    while (found := _marker(window[offset:])) is not None:
        offset = skip_space(offset + found[2].end())
    return start + offset


MARKERS_WINDOW = 40


def is_short_title(line_text: str) -> bool:
    return len(line_text) <= MAX_SHORT_TITLE and not _NOT_TITLE_CHARS.search(line_text)


def split_heading(line_text: str) -> int:
    """Length of the heading part of a line (the whole line, or up to its first full stop)."""
    stop = re.search(r"[。！？]", line_text)
    if stop and stop.end() < len(line_text):
        return stop.start()
    return len(line_text)


def sentence_spans(
    text: str, start: int, end: int, search_from: int | None = None
) -> Iterator[tuple[int, int]]:
    """Whole sentences inside ``text[start:end]``, stripped.

    A sentence ends at 。！？ (with any closing quotes) or at ``end``; a full stop before
    ``search_from`` (inside a marker such as 一.) ends nothing. Only a sentence longer than
    ``LONG_SENTENCE_CHARS`` is split, after a ； or ：; one without either stays whole.
    """
    cursor = start
    for match in _SENTENCE_END.finditer(text, start if search_from is None else search_from, end):
        yield from _long_sentence(text, cursor, match.end())
        cursor = match.end()
    if cursor < end:
        yield from _long_sentence(text, cursor, end)


def _long_sentence(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The stripped sentence; an over-long one in pieces cut at the last ；/： that fits."""
    start, end = _stripped(text, start, end)
    if end - start > LONG_SENTENCE_CHARS:
        breaks = [m.end() for m in _LONG_SENTENCE_BREAK.finditer(text, start, end)]
        at = 0
        while end - start > LONG_SENTENCE_CHARS and at < len(breaks) and breaks[at] < end:
            while at + 1 < len(breaks) and breaks[at + 1] - start <= LONG_SENTENCE_CHARS:
                at += 1
            yield _stripped(text, start, breaks[at])
            start, at = breaks[at], at + 1
        start, end = _stripped(text, start, end)
    if end > start:
        yield start, end


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def parse_structure(
    doc_id: str, text: str, title: str | None
) -> tuple[tuple[Section, ...], tuple[Provision, ...]]:
    """Split a document into sections and provisions, each provision with its locator.

    Example:
        >>> text = "一、总则\\n要完善机制。要加强领导。\\n二、保障\\n第一条 各地要落实。"
        >>> sections, provisions = parse_structure("d1", text, None)
        >>> [(p.text, p.locator) for p in provisions]
        [('要完善机制。', '一、'), ('要加强领导。', '一、'), ('第一条 各地要落实。', '第一条')]
    """
    builder = _Builder(doc_id, text)
    history = history_block(text)  # how a statute was made: neither heading nor provision
    for paragraph, line in enumerate(iter_lines(text)):
        if history and history[0] <= line.start < history[1]:
            continue
        line_text = text[line.start : line.end]
        if (paragraph == 0 and _is_title(line_text, title)) or _COMMENT.match(line_text):
            continue  # the title line is the document's, not a section's
        heading = _heading(text, line)
        if heading is None:
            builder.body(paragraph, line)
        else:
            builder.heading(paragraph, line, heading)
    return builder.finish()


def _is_title(line_text: str, title: str | None) -> bool:
    if not title:
        return False
    return title.strip() in (line_text, _MARKDOWN_HEADING.sub("", line_text))


def _heading(text: str, line: Line) -> Heading | None:
    """The line as a heading, or None for a body paragraph."""
    line_text = text[line.start : line.end]
    markdown = _MARKDOWN_HEADING.match(line_text)
    start = line.start + (markdown.end() if markdown else 0)
    heading_text = text[start : line.end]
    found = _marker(heading_text)
    if found is None:
        if markdown:
            level = MARKDOWN_LEVEL * len(markdown.group(1))
            return Heading(Kind.TITLE, level, "", "", start, start, heading_text, False)
        if is_short_title(line_text) and _looks_like_title(text, line):
            return Heading(Kind.TITLE, SHORT_TITLE_LEVEL, "", "", start, start, line_text, False)
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
    return Heading(kind, level, match.group(1), marker, start, start + match.end(), label, cited)


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
    }.get(kind, re.sub(r"\s", "", match.group()))


def _item_label(line_text: str) -> str:
    """A numbered item's section label: its marker and first phrase (1. 落实容错纠错机制)."""
    cut = re.search(r"[，,。；;：:！？]", line_text)
    label = line_text[: cut.start()] if cut else line_text
    return label[:MAX_SHORT_TITLE]


def _looks_like_title(text: str, line: Line) -> bool:
    """A short unpunctuated line is a title only if a longer paragraph follows it."""
    following = text[line.end : line.end + 200].strip().split("\n", 1)[0]
    return len(following.strip()) > MAX_SHORT_TITLE


@dataclass(slots=True)
class _Frame:
    """An open heading: its section, and the paragraphs (款 in an article) counted under it."""

    kind: Kind
    level: int
    label: str
    start: int
    marker: str
    number: str
    nested: bool  # placed below the open item (项 in an article, a list restarting at 一)
    paragraphs: int = 0


@dataclass(frozen=True, slots=True)
class _Pending:
    """A provision whose locator waits for its unit to close (款 are numbered only if several)."""

    frames: tuple[_Frame, ...]
    index: int  # its paragraph within the unit (款 within the article)
    doc_paragraph: int  # its paragraph within the document
    paragraph: int
    start: int
    end: int


@dataclass(slots=True)
class _Builder:
    """Walks the lines once: a stack of open headings, the sections closed, the provisions."""

    doc_id: str
    text: str
    stack: list[_Frame] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    pending: list[_Pending] = field(default_factory=list)
    doc_paragraphs: int = 0

    def heading(self, paragraph: int, line: Line, heading: Heading) -> None:
        level, nested = self._level(heading)
        self._close(level, line.start)
        frame = _Frame(
            heading.kind,
            level,
            heading.label,
            heading.start,
            heading.marker,
            heading.number,
            nested,
        )
        self.stack.append(frame)
        if heading.cited:
            index = self._count()
            spans = sentence_spans(self.text, line.start, line.end, heading.marker_end)
            self._cite(paragraph, spans, index)

    def body(self, paragraph: int, line: Line) -> None:
        article = self._article()
        if article is not None:
            self._close(article.level + 1, line.start)  # a plain paragraph after items is a 款
        index = self._count()
        self._cite(paragraph, sentence_spans(self.text, line.start, line.end), index)

    def finish(self) -> tuple[tuple[Section, ...], tuple[Provision, ...]]:
        self._close(0, len(self.text))
        provisions = tuple(
            Provision(
                provision_id=provision_id(self.doc_id, p.start, p.end),
                doc_id=self.doc_id,
                section=tuple(frame.label for frame in p.frames),
                paragraph=p.paragraph,
                start=p.start,
                end=p.end,
                text=self.text[p.start : p.end],
                locator=_locator(p.frames, p.index, p.doc_paragraph),
            )
            for p in self.pending
        )
        return tuple(sorted(self.sections, key=lambda s: s.start)), provisions

    def _article(self) -> _Frame | None:
        return next((f for f in self.stack if f.kind is Kind.ARTICLE), None)

    def _level(self, heading: Heading) -> tuple[int, bool]:
        """Where a heading goes: beside the open heading of its kind, else at its own level.

        Two cases nest below the innermost open heading instead: an item marker inside an
        article (its 项 or 目), and a list restarting at 一 or 1 inside an item.
        """
        same = next((f for f in reversed(self.stack) if f.kind is heading.kind), None)
        if heading.kind not in ITEM_KINDS:
            return (same.level if same else heading.level), False
        if same is not None:
            restarts = _is_first(heading.number) and not _is_first(same.number)
            if not restarts or same.nested:
                return same.level, same.nested
        elif self._article() is None:
            return heading.level, False
        return self.stack[-1].level + 1, True

    def _count(self) -> int:
        """Count one more paragraph in its unit; returns its index there (款 in an article)."""
        self.doc_paragraphs += 1
        article = self._article()
        if article is not None:
            if self.stack[-1] is not article:  # an item line: 项 or 目 of the current 款
                self.stack[-1].paragraphs += 1
                article.paragraphs = max(article.paragraphs, 1)  # items belong to the 款 above
            else:
                article.paragraphs += 1
            return article.paragraphs
        numbered = [f for f in self.stack if f.marker]
        if not numbered:
            return self.doc_paragraphs
        numbered[-1].paragraphs += 1
        return numbered[-1].paragraphs

    def _cite(self, paragraph: int, spans: Iterator[tuple[int, int]], index: int) -> None:
        frames = tuple(self.stack)
        for start, end in spans:
            if re.search(r"\w", self.text[start:end]):
                self.pending.append(
                    _Pending(frames, index, self.doc_paragraphs, paragraph, start, end)
                )

    def _close(self, level: int, at: int) -> None:
        while self.stack and self.stack[-1].level >= level:
            path = tuple(frame.label for frame in self.stack)
            start = self.stack.pop().start
            end = at
            while end > start and self.text[end - 1].isspace():
                end -= 1
            self.sections.append(Section(path=path, start=start, end=end))


def _locator(frames: tuple[_Frame, ...], index: int, doc_paragraph: int) -> str:
    """第二十一条第二款第三项 in an article; 二、（三）2. (第2段) under numbered headings; else 第5段."""
    at = next((i for i, f in enumerate(frames) if f.kind is Kind.ARTICLE), None)
    if at is not None:
        article = frames[at]
        parts = [article.marker]
        if article.paragraphs > 1:
            parts.append(f"第{chinese_numeral(index)}款")
        items = [f for f in frames[at + 1 :] if f.kind is not Kind.TITLE]
        for frame, unit in zip(items, ("项", "目"), strict=False):
            parts.append(f"第{_as_chinese(frame.number)}{unit}")
        return "".join(parts)
    numbered = [f for f in frames if f.marker]
    if not numbered:
        return f"第{doc_paragraph}段"
    path = "".join(f.marker for f in numbered)
    return path + (f"第{index}段" if numbered[-1].paragraphs > 1 else "")


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


def _as_chinese(numeral: str) -> str:
    """An item's numeral in Chinese (（三） → 三, 3. → 三)."""
    return chinese_numeral(int(numeral)) if numeral.isdigit() else numeral


def _is_first(numeral: str) -> bool:
    return numeral in ("一", "1", "１")
