"""HTML: the visible text, one line per block element, the ``<title>`` and ``<meta>``.

The page is read as a stream of parser events (lxml's HTML parser calling a
target), never built into a tree: the time is linear in the size of the page
however deep its elements nest. Building a tree (BeautifulSoup) took 83 s for
40,000 nested ``<div>`` and never finished 200,000. Limits on nesting depth and
on the number of elements refuse a hostile or broken page with one line, and
the batch goes on; the page's size is bounded by ``max_file_bytes`` before any
reader runs.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from policykg.ingest.models import IngestError
from policykg.ingest.readers.base import Extracted, decode_text

BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "table",
        "ul",
        "ol",
        "blockquote",
        "pre",
        "header",
        "footer",
        "title",
        "dd",
        "dt",
    }
)
# Text inside these is not part of the page's visible text (the title is kept apart).
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head", "title"})
GB_CHARSETS = ("gb2312", "gbk", "gb18030")
# Browsers stop nesting at 512 levels (Blink); real policy pages stay far below either limit.
MAX_DEPTH = 4_096
MAX_ELEMENTS = 500_000
# A DOCTYPE with an internal subset (``<!DOCTYPE html [ … ]>``): HTML parsers end the
# declaration at its first ``>``, and the rest (``]>``) would become the first line.
DOCTYPE_SUBSET = re.compile(r"\A(\s*(?:<\?xml[^>]*>\s*)?<!DOCTYPE[^\[>]*)\[.*?\]\s*>", re.I | re.S)


# <meta name=…> (or property=…) that state a document's metadata: Chinese government
# sites (ArticleTitle, PubDate, ContentSource), Dublin Core, Open Graph.
META_FIELDS = {
    "articletitle": "title",
    "dc.title": "title",
    "og:title": "title",
    "pubdate": "date",
    "publishdate": "date",
    "firstpublishedtime": "date",
    "dc.date": "date",
    "dcterms.issued": "date",
    "article:published_time": "date",
    "contentsource": "authority",
    "dc.publisher": "authority",
    "author": "author",
    "dc.creator": "author",
}


class PageRefused(Exception):
    """Raised inside the parser's callbacks to stop it at a limit (turned into IngestError)."""


class _VisibleText:
    """A parser target collecting the visible text and the first title (state: the counts)."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.title: list[str] | None = None  # the first <title>'s text, while or once read
        self.title_done = False
        self.depth = 0
        self.elements = 0
        self.hidden = 0  # how many hidden elements we are inside
        self.fields: dict[str, str] = {}  # the first <meta> of each field

    def meta(self, attrib: Any) -> None:
        name = str(attrib.get("name") or attrib.get("property") or "").strip().lower()
        content = str(attrib.get("content") or "").strip()
        if name in META_FIELDS and content:
            self.fields.setdefault(META_FIELDS[name], content)

    def start(self, tag: str, attrib: Any) -> None:
        self.depth += 1
        self.elements += 1
        if self.depth > MAX_DEPTH:
            raise PageRefused(f"elements nested deeper than {MAX_DEPTH:,} levels")
        if self.elements > MAX_ELEMENTS:
            raise PageRefused(f"more than {MAX_ELEMENTS:,} elements")
        if tag == "title" and not self.title_done:
            self.title = []
        if tag == "meta":
            self.meta(attrib)
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        if tag in BLOCK_TAGS:
            self.pieces.append("\n")

    def end(self, tag: str) -> None:
        self.depth -= 1
        if tag == "title" and self.title is not None:
            self.title_done = True
        if tag in HIDDEN_TAGS:
            self.hidden -= 1
        if tag in BLOCK_TAGS:
            self.pieces.append("\n")

    def data(self, text: str) -> None:
        if self.title is not None and not self.title_done:
            self.title.append(text)
        elif not self.hidden:
            self.pieces.append(text)

    def close(self) -> _VisibleText:
        return self


def read_html(path: Path, raw: bytes) -> Extracted:
    """The visible text, one line per block, and the first ``<title>``.

    Example:
        >>> read_html(Path("n.html"), b"<title>T</title><p>A</p><p>B</p>").text
        'A\\nB'
    """
    markup, encoding = _decode_markup(raw, path.name)
    markup = DOCTYPE_SUBSET.sub(r"\1>", markup, count=1)
    target = _VisibleText()
    parser = etree.HTMLParser(target=target, no_network=True, remove_comments=True, remove_pis=True)
    try:
        parser.feed(markup)
        parser.close()
    except PageRefused as error:
        raise IngestError(f"{path.name}: refused, {error}") from None
    except etree.LxmlError as error:
        raise IngestError(f"{path.name}: unreadable HTML ({error})") from None
    lines = (line.strip() for line in "".join(target.pieces).splitlines())
    title = "".join(target.title or ()).strip()
    text = "\n".join(line for line in lines if line)
    return Extracted(text, encoding, title or None, tuple(target.fields.items()))


def _decode_markup(raw: bytes, name: str) -> tuple[str, str]:
    """The charset the page declares, when it decodes; otherwise detected as for text."""
    declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", raw[:4096], re.I)
    encoding = declared.group(1).decode("ascii").lower() if declared else None
    if encoding in GB_CHARSETS:
        encoding = "gb18030"
    if encoding and encoding not in ("utf-8", "utf8"):
        try:
            return raw.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(raw, name)
