"""Metadata fields given from outside the text: a file format, a sidecar, the user.

Every value is checked where it enters (``coerce_field``) and becomes the type
``DocumentMeta`` holds: an ISO date, a ``DocKind``, an ``IssuerLevel``. A user's
correction (``policykg meta DOC --set key=value``) is a ``MetaCorrection``; the
store keeps corrections apart from what ingest read, and they are applied over
it every time the document is derived again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import Enum
from typing import Any

from policykg.ingest.history import iso_date
from policykg.ingest.models import DocKind, DocumentMeta, IssuerLevel, VersionStatus

# The fields a sidecar, a format or the user may set; ``issuer`` names ``authority``.
EDITABLE_FIELDS = (
    "title",
    "author",
    "authority",
    "doc_number",
    "date",
    "doc_kind",
    "level",
    "status",
    "region_code",
    "source_url",
    "license",
    "publisher",
)
ALIASES = {
    "issuer": "authority",
    "文号": "doc_number",
    "发文机关": "authority",
    "报纸名": "publisher",
}
KIND_NAMES = {kind.name.lower(): kind for kind in DocKind}


class MetaFieldError(ValueError):
    """A metadata key or value that cannot be used; the message is one readable line."""


@dataclass(frozen=True, slots=True)
class MetaCorrection:
    """One field a user corrected; ``value`` None clears it."""

    field: str
    value: str | None


def field_name(key: str) -> str:
    """The ``DocumentMeta`` field a key names (``issuer`` → ``authority``), or raise."""
    name = ALIASES.get(key.strip(), key.strip())
    if name not in EDITABLE_FIELDS:
        allowed = ", ".join(sorted({*EDITABLE_FIELDS, *ALIASES} - {"文号", "发文机关", "报纸名"}))
        raise MetaFieldError(f"unknown metadata field {key!r} (one of: {allowed})")
    return name


def checked_fields(fields: Mapping[str, object]) -> dict[str, object]:
    """Fields by their ``DocumentMeta`` names (``issuer`` → ``authority``), each value checked."""
    named = {k if k == "title_supplied" else field_name(k): v for k, v in fields.items()}
    with_fields(DocumentMeta(title=""), named)  # raises on a value the field cannot hold
    return named


def usable_fields(fields: Iterable[tuple[str, str]]) -> dict[str, object]:
    """The fields a file format gave that can be used; a malformed one is left out, not fatal."""
    usable: dict[str, object] = {}
    for name, value in fields:
        try:
            coerced = coerce_field(field_name(name), value)
        except MetaFieldError:
            continue
        if coerced is not None:
            usable[name] = coerced
    return usable


def parse_correction(assignment: str) -> MetaCorrection:
    """``key=value`` as a checked correction; ``key=`` clears the field.

    Example:
        >>> parse_correction("issuer=国务院")
        MetaCorrection(field='authority', value='国务院')
    """
    key, equals, value = assignment.partition("=")
    if not equals:
        raise MetaFieldError(f"{assignment!r}: write key=value (for example date=2024-12-25)")
    name = field_name(key)
    value = value.strip()
    if value:
        coerce_field(name, value)  # refused here, before anything is stored
    return MetaCorrection(name, value or None)


def coerce_field(name: str, value: object) -> object:
    """A field's value as ``DocumentMeta`` holds it; ``MetaFieldError`` if it is not one."""
    if value is None:
        return None
    text = str(value.value if isinstance(value, Enum) else value).strip()
    if name == "date":
        return normalise_date(text)
    if name == "doc_kind":
        try:
            return KIND_NAMES.get(text.lower()) or DocKind(text)
        except ValueError:
            kinds = "/".join(kind.value for kind in DocKind)
            raise MetaFieldError(f"unknown doc_kind {text!r} (one of {kinds})") from None
    if name == "status":
        try:
            return VersionStatus(text.lower())
        except ValueError:
            statuses = "/".join(status.value for status in VersionStatus)
            raise MetaFieldError(f"unknown status {text!r} (one of {statuses})") from None
    if name == "level":
        try:
            return IssuerLevel(text.lower())
        except ValueError:
            levels = "/".join(level.value for level in IssuerLevel)
            raise MetaFieldError(f"unknown level {text!r} (one of {levels})") from None
    return text or None


def normalise_date(text: str) -> str:
    """``2024-12-25``, ``2024/12/25 10:00``, ``2024年12月25日``, ``2024-12`` or ``2024``."""
    found = iso_date(text)
    if found:
        return found
    match = re.fullmatch(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[ T].*)?", text.strip())
    if match is None:
        raise MetaFieldError(f"unreadable date {text!r} (write YYYY-MM-DD, YYYY-MM or YYYY)")
    year, month, day = match.groups()
    if (month and not 1 <= int(month) <= 12) or (day and not 1 <= int(day) <= 31):
        raise MetaFieldError(f"no such date {text!r}")
    parts = [year, *(f"{int(p):02d}" for p in (month, day) if p)]
    return "-".join(parts)


def with_fields(meta: DocumentMeta, fields: Mapping[str, object]) -> DocumentMeta:
    """``meta`` with checked values of ``fields`` set over it.

    A title given this way is the document's own (``title_supplied`` False) unless
    ``fields`` says otherwise; a title cleared keeps the one read from the text.
    """
    values: dict[str, Any] = {
        name: coerce_field(name, v) for name, v in fields.items() if name != "title_supplied"
    }
    if values.get("title") is None:
        values.pop("title", None)  # a document always has a title
    elif "title_supplied" not in fields:
        values["title_supplied"] = False
    if "title_supplied" in fields:
        values["title_supplied"] = bool(fields["title_supplied"])
    return replace(meta, **values)


def apply_corrections(meta: DocumentMeta, corrections: Iterable[MetaCorrection]) -> DocumentMeta:
    """``meta`` with the user's corrections over it, the last one of a field winning."""
    return with_fields(meta, {c.field: c.value for c in corrections})


def given_fields(meta: DocumentMeta) -> dict[str, object]:
    """The fields a format or a sidecar supplied, with their values, to keep on re-reading."""
    return {name: getattr(meta, name) for name in meta.supplied}
