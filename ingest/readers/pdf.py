"""PDF: the text layer of every page; scanned pages without one are refused."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.models import IngestError
from policykg.ingest.readers.base import Extracted


def read_pdf(path: Path, raw: bytes) -> Extracted:
    import pdfplumber  # heavy; only when a PDF file comes in

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
    return Extracted(text, "pdf")
