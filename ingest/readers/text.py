"""Plain text and Markdown: the decoded bytes, verbatim."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.readers.base import Extracted, decode_text


def read_text(path: Path, raw: bytes) -> Extracted:
    text, encoding = decode_text(raw, path.name)
    return Extracted(text, encoding)
