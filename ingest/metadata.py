"""Metadata found in a document's text: title, issuing authority, 文号, date."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from policykg.ingest.models import DocumentMeta

SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = (
    "title",
    "title_supplied",
    "author",
    "authority",
    "doc_number",
    "date",
    "source_url",
    "license",
    "region_code",  # a code (431000) or a name (郴州市) of the region the document speaks for
)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    raw = (
        resources.files("policykg.ingest")
        .joinpath("data", "metadata_patterns.json")
        .read_text("utf-8")
    )
    return dict(json.loads(raw))


def first_heading_line(text: str) -> str | None:
    """The first non-empty line if it reads as a title: short, not a sentence.

    A Markdown heading's ``#`` marks are not part of the title.
    """
    limit = _patterns()["max_title_chars"]
    for line in text.splitlines():
        stripped = line.strip().lstrip("#").strip()
        if not stripped:
            continue
        if len(stripped) <= limit and not re.search(r"[。！？；]$|[，,。]", stripped):
            return stripped
        return None
    return None


def extract_metadata(text: str, fallback_title: str, format_title: str | None) -> DocumentMeta:
    """Title, authority, 文号 and date from the text (the format's own title first).

    Example:
        >>> text = "关于X的通知\\n浙委办发〔2019〕12号\\n……2019年3月5日"
        >>> meta = extract_metadata(text, "x", None)
        >>> (meta.title, meta.doc_number, meta.date)
        ('关于X的通知', '浙委办发〔2019〕12号', '2019-03-05')
    """
    patterns = _patterns()
    head = text[: patterns["head_chars"]]
    title = (format_title or "").strip() or first_heading_line(text)
    number = re.search(patterns["doc_number"], head)
    return DocumentMeta(
        title=title or fallback_title,
        title_supplied=not title,
        authority=_authority(head, patterns),
        doc_number=re.sub(r"\s+", "", number.group()) if number else None,
        date=_first_date(text),
    )


def _authority(head: str, patterns: dict[str, Any]) -> str | None:
    issuing = re.search(patterns["authority_issuing"], head)
    if issuing:
        return issuing.group(1)
    line = re.search(patterns["authority_line"], head, flags=re.MULTILINE)
    return line.group(1) if line else None


def _first_date(text: str) -> str | None:
    match = re.search(_patterns()["date"], text)
    if match is None:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def read_sidecar(path: Path) -> dict[str, Any]:
    """Fields from ``<file>.meta.json`` beside a source file (they override the text's)."""
    sidecar = path.with_name(path.name.removesuffix(path.suffix) + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    return {key: data[key] for key in SIDECAR_FIELDS if key in data}
