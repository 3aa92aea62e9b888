"""DOCX: paragraphs and table rows in document order, and the core-properties title."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.models import IngestError
from policykg.ingest.readers.base import Extracted, check_zip


def read_docx(path: Path, raw: bytes) -> Extracted:
    import docx  # heavy; only when a DOCX file comes in

    check_zip(path, "DOCX")
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
    return Extracted("\n".join(lines), "docx", title)
