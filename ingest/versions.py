"""Versions of one instrument, and which of them is in force.

Documents that are versions of one work share a normalised title and the same
issuing body (全国人民代表大会 and its 常务委员会 are one body: a law passed by the
congress is amended by its standing committee) or, without an issuer, the same
region. Only laws, regulations and official documents have versions; a news
report or an article is never a version of anything. Within a work the latest
version is in force and the earlier ones superseded; a history line saying 废止
repeals; a status given by a sidecar or the user wins over both. A work with one
version has status ``unknown``: nothing in the library says more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from policykg.ingest.models import DocKind, DocumentMeta, VersionStatus, sha_id

VERSIONED_KINDS = frozenset(
    {
        DocKind.LAW,
        DocKind.ADMINISTRATIVE_REGULATION,
        DocKind.LOCAL_REGULATION,
        DocKind.PARTY_REGULATION,
        DocKind.NORMATIVE_DOCUMENT,
    }
)
# （2019年修订）, （2024年修正本）: edition marks, not part of the work's title.
EDITION = re.compile(r"[（(]\d{4}年?(?:修订|修正|修改)?本?[）)]$")


@dataclass(frozen=True, slots=True)
class Version:
    """One document as a version of its work."""

    doc_id: str
    title: str
    date: str | None
    status: VersionStatus


@dataclass(frozen=True, slots=True)
class Work:
    """An instrument and its versions in the library, oldest first."""

    work_id: str
    title: str
    issuer: str | None
    versions: tuple[Version, ...]

    @property
    def current(self) -> Version | None:
        """The version in force, if one is."""
        return next((v for v in self.versions if v.status is VersionStatus.IN_FORCE), None)

    def to_json(self) -> dict[str, object]:
        """What ``policykg versions --json`` prints for one work."""
        return {
            "work_id": self.work_id,
            "title": self.title,
            "issuer": self.issuer,
            "versions": [
                {"doc_id": v.doc_id, "title": v.title, "date": v.date, "status": v.status.value}
                for v in self.versions
            ],
        }


def work_key(meta: DocumentMeta) -> tuple[str, str] | None:
    """(normalised title, issuing body or region) of a versioned kind; None for others."""
    if meta.doc_kind not in VERSIONED_KINDS:
        return None
    title = EDITION.sub("", re.sub(r"[\s#]", "", meta.title))
    body = re.sub(r"常务委员会$", "", meta.authority or "") or meta.region_code or ""
    return title, body


def group_works(metas: Iterable[tuple[str, DocumentMeta]], as_of: str | None = None) -> list[Work]:
    """The works the documents are versions of, each with every version's status.

    ``as_of`` (an ISO date) answers as of that day: versions dated after it are
    left out, so the latest one before it is in force.

    Example:
        >>> [w.title for w in group_works(store_metas)]  # doctest: +SKIP
        ['中华人民共和国监察法', …]
    """
    groups: dict[tuple[str, str], list[tuple[str, DocumentMeta]]] = {}
    for doc_id, meta in metas:
        key = work_key(meta)
        if key is not None:
            groups.setdefault(key, []).append((doc_id, meta))
    works = []
    for (title, body), found in groups.items():
        # A version made after ``as_of`` is left out; that it exists still tells that
        # the one before it was in force until then.
        members = sorted(
            (item for item in found if not _after(item[1].date, as_of)),
            key=lambda item: (item[1].date or "", item[0]),
        )
        if not members:
            continue
        latest = max(meta.date or "" for _, meta in members)
        versions = tuple(
            Version(doc_id, meta.title, meta.date, _status(meta, latest, len(found)))
            for doc_id, meta in members
        )
        issuer = members[-1][1].authority
        works.append(Work("w" + sha_id(title, body), title, issuer, versions))
    return sorted(works, key=lambda work: work.title)


def _after(date: str | None, as_of: str | None) -> bool:
    return bool(as_of and date and date[: len(as_of)] > as_of)


def _status(meta: DocumentMeta, latest: str, count: int) -> VersionStatus:
    if meta.status is not None:
        return meta.status
    if any(event.event == "废止" for event in meta.dates):
        return VersionStatus.REPEALED
    if count < 2:
        return VersionStatus.UNKNOWN
    return VersionStatus.IN_FORCE if (meta.date or "") == latest else VersionStatus.SUPERSEDED


def statuses(works: Iterable[Work]) -> dict[str, tuple[str, VersionStatus]]:
    """Each versioned document's (work id, status)."""
    return {v.doc_id: (work.work_id, v.status) for work in works for v in work.versions}
