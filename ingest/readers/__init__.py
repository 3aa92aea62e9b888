"""Reading policy files into ``Document``s: formats, encodings, and clear refusals.

One reader per format, chosen by suffix from ``READERS``; a suffix not in that
table is refused, never guessed. The text is kept exactly as decoded (no
newline translation): every offset later on is into it. For DOCX, PDF and HTML
the document text is the extracted text. Bad input raises ``IngestError`` with
one readable line naming the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from policykg.ingest.meta_fields import MetaFieldError, usable_fields
from policykg.ingest.metadata import SIDECAR_SUFFIX, extract_metadata, read_sidecar
from policykg.ingest.models import Document, IngestError, document_id
from policykg.ingest.readers.base import Reader, decode_text
from policykg.ingest.readers.docx import read_docx
from policykg.ingest.readers.html import read_html
from policykg.ingest.readers.pdf import read_pdf
from policykg.ingest.readers.text import read_text
from policykg.ingest.settings import Settings

__all__ = [
    "READERS",
    "SUPPORTED",
    "OnSkip",
    "Reader",
    "decode_text",
    "iter_source_files",
    "read_document",
    "reader_for",
]

READERS: dict[str, Reader] = {
    ".txt": Reader("txt", read_text),
    ".md": Reader("md", read_text),
    ".markdown": Reader("md", read_text),
    ".html": Reader("html", read_html),
    ".htm": Reader("html", read_html),
    ".docx": Reader("docx", read_docx),
    ".pdf": Reader("pdf", read_pdf),
}
SUPPORTED = {suffix: reader.format for suffix, reader in READERS.items()}
MAX_CONTROL_SHARE = 0.01


# Told of a file or folder a folder walk leaves out on purpose, and why.
OnSkip = Callable[[Path, str], None]
HIDDEN_FILE = "hidden file (its name starts with '.'), not read; rename it to ingest it"
HIDDEN_FOLDER = "hidden folder (its name starts with '.'), its files not read"


def iter_source_files(paths: Iterable[Path], on_skip: OnSkip | None = None) -> Iterator[Path]:
    """Explicit files as given; folders recursively (sorted), supported files only.

    Hidden files and folders inside a folder are left out; ``on_skip`` hears of
    each hidden folder and each hidden file that would otherwise be read.
    """
    for path in paths:
        if path.is_dir():
            yield from _folder_files(path, on_skip or (lambda _path, _reason: None))
        else:
            yield path


def _folder_files(folder: Path, on_skip: OnSkip) -> Iterator[Path]:
    for child in sorted(folder.iterdir()):
        readable = child.suffix.lower() in READERS and not child.name.endswith(SIDECAR_SUFFIX)
        if child.name.startswith("."):
            if child.is_dir():
                on_skip(child, HIDDEN_FOLDER)
            elif readable:
                on_skip(child, HIDDEN_FILE)
        elif child.is_dir():
            if not child.is_symlink():  # as rglob: a linked folder could loop
                yield from _folder_files(child, on_skip)
        elif child.is_file() and readable:
            yield child


def reader_for(path: Path) -> Reader:
    """The reader of the file's suffix; ``IngestError`` for a suffix without one."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kinds = ", ".join(sorted(READERS))
        raise IngestError(f"{path.name}: unsupported file type {path.suffix or '(none)'} ({kinds})")
    return reader


def read_document(path: Path, settings: Settings) -> Document:
    """Read one file into a ``Document`` (verbatim decoded text, metadata, content id).

    Example:
        >>> seed = Path("corpus/yangtze-delta-cadre-incentives.txt")
        >>> read_document(seed, settings).encoding  # doctest: +SKIP
        'utf-8'
    """
    path = path.expanduser()
    raw, reader = _checked_bytes(path, settings)
    extracted = reader.read(path, raw)
    _check_text(extracted.text, path.name)
    try:
        format_fields = (("title", extracted.title or ""), *extracted.fields)
        given = {**usable_fields(format_fields), **read_sidecar(path)}
        meta = extract_metadata(extracted.text, path.stem, given=given)
    except MetaFieldError as error:
        raise IngestError(f"{path.name}: {error}") from None
    return Document(
        doc_id=document_id(extracted.text),
        source_path=str(path.resolve()),
        format=reader.format,
        encoding=extracted.encoding,
        text=extracted.text,
        meta=meta,
        content_sha256=hashlib.sha256(raw).hexdigest(),
    )


def _checked_bytes(path: Path, settings: Settings) -> tuple[bytes, Reader]:
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    if not path.is_file():
        raise IngestError(f"{path.name}: not a regular file")
    reader = reader_for(path)
    size = path.stat().st_size
    if size == 0:
        raise IngestError(f"{path.name}: empty file")
    if size > settings.max_file_bytes:
        raise IngestError(
            f"{path.name}: {size:,} bytes is over the {settings.max_file_bytes:,}-byte limit"
        )
    return path.read_bytes(), reader


def _check_text(text: str, name: str) -> None:
    if not text.strip():
        raise IngestError(f"{name}: empty file (no text)")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\r\n\f\v")
    if controls > MAX_CONTROL_SHARE * len(text):
        raise IngestError(f"{name}: binary or corrupt content ({controls} control characters)")
