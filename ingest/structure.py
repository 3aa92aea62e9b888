"""Sections and provisions: the citable structure of a document.

A provision is one whole sentence (up to 。！？, or to the end of its line) with its
``[start, end)`` span into the document text and a locator in Chinese citation style:
第二十一条第二款第三项 inside a statute article, the numbering path 二、（三）2. in
official documents and reports, 第5段 in unnumbered text. A sentence is never cut; only
one longer than ``LONG_SENTENCE_CHARS`` is split, after a ； or ：.

Headings (第X章, 一、 （一） 1. (1), 第X条, Markdown ``#`` lines, short title lines; read in
``headings``) open sections; the section path of a provision runs from the top heading
down. A numbered line that carries sentences opens its section and its sentences are
provisions too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from policykg.ingest.headings import (
    ITEM_KINDS,
    MARKDOWN_HEADING,
    Heading,
    Kind,
    Line,
    as_chinese,
    chinese_numeral,
    heading_of,
    is_first,
    iter_lines,
)
from policykg.ingest.history import history_block
from policykg.ingest.models import Provision, Section, provision_id

LONG_SENTENCE_CHARS = 600
_SENTENCE_END = re.compile(
    r"[。！？!?]+[”’」』）)]*|(?<=[\u4e00-\u9fff])\.(?=\s|[\u4e00-\u9fff]|$)"
)
_LONG_SENTENCE_BREAK = re.compile(r"[；;：:]+[”’」』）)]*")
_COMMENT = re.compile(r"^<!--.*-->$")


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
        heading = heading_of(text, line)
        if heading is None:
            builder.body(paragraph, line)
        else:
            builder.heading(paragraph, line, heading)
    return builder.finish()


def _is_title(line_text: str, title: str | None) -> bool:
    if not title:
        return False
    return title.strip() in (line_text, MARKDOWN_HEADING.sub("", line_text))


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
            restarts = is_first(heading.number) and not is_first(same.number)
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
            parts.append(f"第{as_chinese(frame.number)}{unit}")
        return "".join(parts)
    numbered = [f for f in frames if f.marker]
    if not numbered:
        return f"第{doc_paragraph}段"
    path = "".join(f.marker for f in numbered)
    return path + (f"第{index}段" if numbered[-1].paragraphs > 1 else "")
