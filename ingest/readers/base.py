"""What every reader shares: the ``Reader`` record, text decoding, and the limits.

A reader turns one file's bytes into its text, the encoding it was decoded
with, and the title the format itself carries (an HTML ``<title>``, DOCX core
properties). It raises ``IngestError`` with one readable line on bad input.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from policykg.ingest.models import IngestError

# Encodings other than UTF-8 that Chinese policy files come in; GB18030 covers GBK and GB2312.
LEGACY_ENCODINGS = ["gb18030", "big5"]
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100


@dataclass(frozen=True, slots=True)
class Extracted:
    """A file's text as one format reads it."""

    text: str
    encoding: str  # the text encoding, or the format name for binary formats
    title: str | None = None  # a title the format itself carries
    # Other metadata the format carries (HTML <meta>, DOCX core properties), by
    # ``DocumentMeta`` field name: ("authority", "国务院"), ("date", "2024-05-26").
    fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Reader:
    """One format: its name (``Document.format``) and the function that reads it."""

    format: str
    read: Callable[[Path, bytes], Extracted]


def decode_text(raw: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 or Big5."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return strict_decode(raw[3:], "utf-8", name), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return strict_decode(raw, "utf-16", name), "utf-16"
    if b"\x00" in raw:
        raise IngestError(f"{name}: binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None or best.encoding not in LEGACY_ENCODINGS:
        raise IngestError(f"{name}: undecodable bytes (not UTF-8, GB18030/GBK or Big5)")
    return strict_decode(raw, best.encoding, name), best.encoding


def strict_decode(raw: bytes, encoding: str, name: str) -> str:
    """Decode or raise ``IngestError`` naming the first bad byte."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise IngestError(
            f"{name}: undecodable bytes as {encoding} at byte {error.start}"
        ) from None


def check_zip(path: Path, kind: str) -> None:
    """Refuse a broken zip container, or one that would unpack far beyond its size."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise IngestError(f"{path.name}: corrupt or truncated {kind} (not a valid zip)") from None
    unzipped = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if unzipped > MAX_UNZIPPED_BYTES or unzipped / packed > MAX_ZIP_RATIO:
        raise IngestError(
            f"{path.name}: refused, unpacks to {unzipped:,} bytes "
            f"({unzipped // packed}x its size): a zip bomb?"
        )
