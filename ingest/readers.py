"""Reading policy files into ``Document``s: formats, encodings, and clear refusals.

The text is kept exactly as decoded (no newline translation): every offset
later on is into it. For DOCX, PDF and HTML the document text is the extracted
text. Bad input raises ``IngestError`` with one readable line naming the file.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from charset_normalizer import from_bytes

from policykg.ingest.metadata import SIDECAR_SUFFIX, extract_metadata, read_sidecar
from policykg.ingest.models import Document, IngestError, document_id
from policykg.ingest.settings import Settings

TEXT_FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md"}
HTML_FORMATS = {".html": "html", ".htm": "html"}
SUPPORTED = {**TEXT_FORMATS, **HTML_FORMATS, ".docx": "docx", ".pdf": "pdf"}
# Encodings other than UTF-8 that Chinese policy files come in; GB18030 covers GBK and GB2312.
LEGACY_ENCODINGS = ["gb18030", "big5"]
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100
MAX_CONTROL_SHARE = 0.01
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


def iter_source_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Explicit files as given; folders recursively (sorted), supported files only."""
    for path in paths:
        if not path.is_dir():
            yield path
            continue
        for child in sorted(path.rglob("*")):
            relative = child.relative_to(path)
            if any(part.startswith(".") for part in relative.parts):
                continue
            supported = child.suffix.lower() in SUPPORTED
            if child.is_file() and supported and not child.name.endswith(SIDECAR_SUFFIX):
                yield child


def read_document(path: Path, settings: Settings) -> Document:
    """Read one file into a ``Document`` (verbatim decoded text, metadata, content id).

    Example:
        >>> seed = Path("corpus/yangtze-delta-cadre-incentives.txt")
        >>> read_document(seed, settings).encoding  # doctest: +SKIP
        'utf-8'
    """
    path = path.expanduser()
    raw = _checked_bytes(path, settings)
    suffix = path.suffix.lower()
    format_title: str | None = None
    if suffix in TEXT_FORMATS:
        text, encoding = decode_text(raw, path.name)
    elif suffix in HTML_FORMATS:
        text, encoding, format_title = _read_html(raw, path.name)
    elif suffix == ".docx":
        text, format_title = _read_docx(path)
        encoding = "docx"
    else:
        text = _read_pdf(path)
        encoding = "pdf"
    _check_text(text, path.name)
    meta = extract_metadata(text, fallback_title=path.stem, format_title=format_title)
    sidecar = read_sidecar(path)
    if sidecar:
        meta = replace(meta, **sidecar)
    return Document(
        doc_id=document_id(text),
        source_path=str(path.resolve()),
        format=SUPPORTED[suffix],
        encoding=encoding,
        text=text,
        meta=meta,
        content_sha256=hashlib.sha256(raw).hexdigest(),
    )


def _checked_bytes(path: Path, settings: Settings) -> bytes:
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    if not path.is_file():
        raise IngestError(f"{path.name}: not a regular file")
    if path.suffix.lower() not in SUPPORTED:
        kinds = ", ".join(sorted(SUPPORTED))
        raise IngestError(f"{path.name}: unsupported file type {path.suffix or '(none)'} ({kinds})")
    size = path.stat().st_size
    if size == 0:
        raise IngestError(f"{path.name}: empty file")
    if size > settings.max_file_bytes:
        raise IngestError(
            f"{path.name}: {size:,} bytes is over the {settings.max_file_bytes:,}-byte limit"
        )
    return path.read_bytes()


def decode_text(raw: bytes, name: str) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM, GB18030 or Big5."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return _strict(raw[3:], "utf-8", name), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(raw, "utf-16", name), "utf-16"
    if b"\x00" in raw:
        raise IngestError(f"{name}: binary file (NUL bytes), not text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw, cp_isolation=LEGACY_ENCODINGS).best()
    if best is None or best.encoding not in LEGACY_ENCODINGS:
        raise IngestError(f"{name}: undecodable bytes (not UTF-8, GB18030/GBK or Big5)")
    return _strict(raw, best.encoding, name), best.encoding


def _strict(raw: bytes, encoding: str, name: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as error:
        raise IngestError(
            f"{name}: undecodable bytes as {encoding} at byte {error.start}"
        ) from None


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise IngestError(f"{name}: empty file (no text)")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\r\n\f\v")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise IngestError(f"{name}: binary or corrupt content ({controls} control characters)")


def _read_html(raw: bytes, name: str) -> tuple[str, str, str | None]:
    from bs4 import BeautifulSoup

    declared = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_\-]+)", raw[:4096], re.I)
    encoding = declared.group(1).decode("ascii").lower() if declared else None
    if encoding in ("gb2312", "gbk", "gb18030"):
        encoding = "gb18030"
    if encoding and encoding not in ("utf-8", "utf8"):
        try:
            markup = raw.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            markup, encoding = decode_text(raw, name)
    else:
        markup, encoding = decode_text(raw, name)
    soup = BeautifulSoup(markup, "lxml")
    title = soup.title.get_text().strip() if soup.title else None
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (line.strip() for line in soup.get_text().splitlines())
    return "\n".join(line for line in lines if line), encoding, title or None


def _read_docx(path: Path) -> tuple[str, str | None]:
    import docx

    _check_zip(path)
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds on broken files
        raise IngestError(
            f"{path.name}: corrupt or truncated DOCX ({type(error).__name__})"
        ) from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                lines.append("\t".join(cell.text.strip() for cell in row.cells))
        else:
            lines.append(block.text)
    title = (document.core_properties.title or "").strip() or None
    return "\n".join(lines), title


def _check_zip(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError):
        raise IngestError(f"{path.name}: corrupt or truncated DOCX (not a valid zip)") from None
    unzipped = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if unzipped > MAX_UNZIPPED_BYTES or unzipped / packed > MAX_ZIP_RATIO:
        raise IngestError(
            f"{path.name}: refused, unpacks to {unzipped:,} bytes "
            f"({unzipped // packed}x its size): a zip bomb?"
        )


def _read_pdf(path: Path) -> str:
    import pdfplumber

    try:
        with pdfplumber.open(str(path)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except Exception as error:  # pdfminer raises many kinds on broken files
        raise IngestError(
            f"{path.name}: corrupt or truncated PDF ({type(error).__name__})"
        ) from None
    text = "\n".join(pages)
    if not text.strip():
        raise IngestError(f"{path.name}: PDF has no extractable text (scanned images?)")
    return text
