"""HTML: the visible text, one line per block element, and the ``<title>``."""

from __future__ import annotations

import re
from pathlib import Path

from policykg.ingest.readers.base import Extracted, decode_text

BLOCK_TAGS = (
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
)
GB_CHARSETS = ("gb2312", "gbk", "gb18030")


def read_html(path: Path, raw: bytes) -> Extracted:
    from bs4 import BeautifulSoup  # heavy; only when an HTML file comes in

    markup, encoding = _decode_markup(raw, path.name)
    soup = BeautifulSoup(markup, "lxml")
    title = soup.title.get_text().strip() if soup.title else None
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (line.strip() for line in soup.get_text().splitlines())
    return Extracted("\n".join(line for line in lines if line), encoding, title or None)


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
