"""DOCX: paragraphs and table rows in document order, and the core properties."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from policykg.ingest.models import IngestError
from policykg.ingest.readers.base import Extracted, check_zip

# An entity declared in the file's own DTD is expanded only when its value is plain
# text this short: never recursively, never from outside the file.
MAX_ENTITY_CHARS = 1000


def read_docx(path: Path, raw: bytes) -> Extracted:
    import docx  # heavy; only when a DOCX file comes in

    check_zip(path, "DOCX")
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises many kinds on broken files
        raise IngestError(
            f"{path.name}: corrupt or truncated DOCX ({type(error).__name__})"
        ) from None
    inline_entities(document.element)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            for row in block.rows:
                lines.append("\t".join(cell.text.strip() for cell in row.cells))
        else:
            lines.append(block.text)
    core = document.core_properties
    title = (core.title or "").strip() or None
    return Extracted("\n".join(lines), "docx", title, core_fields(core))


def core_fields(core: Any) -> tuple[tuple[str, str], ...]:
    """Metadata in the core properties: the author, and the kind when ``category`` names one.

    ``created`` is when the file was made, not the document's date: it is not used.
    """
    fields = [("author", (core.author or "").strip()), ("doc_kind", (core.category or "").strip())]
    return tuple((name, value) for name, value in fields if value)


def inline_entities(root: Any) -> None:
    """Replace entity references left in the XML tree by their text, in place.

    python-docx parses without resolving entities (no XXE, no billion laughs), so
    a reference such as ``&co;`` stays a node inside ``<w:t>``, and ``w:t.text``
    stops before it: the rest of the paragraph would be lost. Each reference
    becomes its declared plain value, or else stays as written (``&co;``).
    """
    from lxml import etree

    dtd = root.getroottree().docinfo.internalDTD
    values = {
        entity.name: entity.content
        for entity in (dtd.iterentities() if dtd is not None else ())
        if entity.content is not None
        and "&" not in entity.content
        and "<" not in entity.content
        and len(entity.content) <= MAX_ENTITY_CHARS
    }
    for node in list(root.iter(etree.Entity)):
        text = values.get(node.name, node.text) + (node.tail or "")
        parent, previous = node.getparent(), node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(node)
