"""Versions of one instrument, and which of them is in force.

Documents that are versions of one work share a normalised title and the same
issuing body (全国人民代表大会 and its 常务委员会 are one body: a law passed by the
congress is amended by its standing committee) or, without an issuer, the same
region. Only laws, regulations and official documents have versions; a news
report or an article is never a version of anything. Within a work the latest
version is in force and the earlier ones superseded; a history line saying 废止
repeals; a status given by a sidecar or the user wins over all of them. A work with
one version has status ``unknown``: nothing in the library says more.

Another document can end a work: a notice or a new regulation that says it repeals
it (``《XX办法》（X发〔2018〕12号）同时废止``, ``原《XX暂行办法》停止执行``) or amends
it (``对《XX》作如下修改``) — ``DocumentMeta.repeals``, read by ``ingest.repeals``.
From the day that takes effect, the versions made before it are repealed (or
superseded, when amended). A notice whose own title is the named one's (暂行 and
试行 aside: a 办法 replacing its 暂行办法) is its new version: both become one work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from policykg.ingest.models import DocKind, DocumentMeta, RepealClause, VersionStatus, sha_id
from policykg.ingest.repeals import (
    EDITION,
    NOT_NOTICES,
    REVISED_ISSUED,
    TRIAL,
    named_documents,
    plain_title,
)

VERSIONED_KINDS = frozenset(
    {
        DocKind.LAW,
        DocKind.ADMINISTRATIVE_REGULATION,
        DocKind.LOCAL_REGULATION,
        DocKind.GOVERNMENT_RULE,
        DocKind.PARTY_REGULATION,
        DocKind.NORMATIVE_DOCUMENT,
    }
)


@dataclass(frozen=True, slots=True)
class Version:
    """One document as a version of its work; ``ended_by`` the notice that repealed or
    amended it, if one did."""

    doc_id: str
    title: str
    date: str | None
    status: VersionStatus
    ended_by: str | None = None


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
                {
                    "doc_id": v.doc_id,
                    "title": v.title,
                    "date": v.date,
                    "status": v.status.value,
                    "ended_by": v.ended_by,
                }
                for v in self.versions
            ],
        }


@dataclass(frozen=True, slots=True)
class Ending:
    """A notice's end of a work: from ``date`` on, its versions are ``effect``."""

    by: str  # the notice's doc id
    date: str | None
    effect: VersionStatus


Key = tuple[str, str]
Member = tuple[str, DocumentMeta]


def work_key(meta: DocumentMeta) -> Key | None:
    """(normalised title, issuing body or region) of a versioned kind; None for others."""
    if meta.doc_kind not in VERSIONED_KINDS:
        return None
    return _key(meta)


def _key(meta: DocumentMeta) -> Key:
    # A trial version and the rules that replace it are one work (办法（试行）, 办法), and a
    # notice issuing a revised text and the one issuing the first (印发修订后的《X》).
    title = TRIAL.sub("", EDITION.sub("", re.sub(r"[\s#]", "", meta.title)))
    title = REVISED_ISSUED.sub("", title)
    body = re.sub(r"常务委员会$", "", meta.authority or "") or meta.region_code or ""
    return title, body


def group_works(metas: Iterable[Member], as_of: str | None = None) -> list[Work]:
    """The works the documents are versions of, each with every version's status.

    ``as_of`` (an ISO date) answers as of that day: versions dated after it are
    left out, so the latest one before it is in force, and a repeal taking effect
    after it has not happened yet.

    Example:
        >>> [w.title for w in group_works(store_metas)]  # doctest: +SKIP
        ['中华人民共和国监察法', …]
    """
    metas = list(metas)
    groups: dict[Key, list[Member]] = {}
    for doc_id, meta in metas:
        key = work_key(meta)
        if key is not None:
            groups.setdefault(key, []).append((doc_id, meta))
    endings = _Endings(groups, metas, as_of)
    works = [_work(key, found, endings, as_of) for key, found in groups.items()]
    return sorted((work for work in works if work), key=lambda work: work.title)


def _work(key: Key, found: list[Member], endings: _Endings, as_of: str | None) -> Work | None:
    # A version made after ``as_of`` is left out; that it exists still tells that
    # the one before it was in force until then.
    members = sorted(
        (item for item in found if not _after(item[1].date, as_of)),
        key=lambda item: (item[1].date or "", item[0]),
    )
    if not members:
        return None
    latest = max(meta.date or "" for _, meta in members)
    ending = endings.of_work.get(key)
    versions = tuple(
        Version(
            doc_id,
            meta.title,
            meta.date,
            _status(meta, latest, len(found), ending),
            endings.ended[doc_id].by if doc_id in endings.ended else None,
        )
        for doc_id, meta in members
    )
    title, body = key
    return Work("w" + sha_id(title, body), title, members[-1][1].authority, versions)


class _Endings:
    """The works the notices among ``metas`` end (state: what they found, while grouping).

    A named document not of a versioned kind (its kind unknown) becomes a work of its
    own; a notice that is the named one's new version takes its work in (``groups``).
    """

    def __init__(self, groups: dict[Key, list[Member]], metas: list[Member], as_of: str | None):
        self.groups = groups
        self.metas = metas
        self.by_id = dict(metas)
        self.as_of = as_of
        self.of_work: dict[Key, Ending] = {}
        self.ended: dict[str, Ending] = {}  # each named document's first ending
        self.key_of = {doc_id: key for key, found in groups.items() for doc_id, _ in found}
        for notice in metas:
            if notice[1].doc_kind not in NOT_NOTICES:
                for clause in notice[1].repeals:
                    self._apply(notice, clause)

    def _apply(self, notice: Member, clause: RepealClause) -> None:
        """What one clause does: a new version joins the work; else the work ends, from the
        day it takes effect (not yet, when that is after the day asked)."""
        ending = Ending(notice[0], clause.date or notice[1].date, clause.effect)
        in_effect = not _after(ending.date, self.as_of)
        for doc_id in named_documents(clause, notice, self.metas):
            key = self._key_of(doc_id)
            if key is None:
                continue
            if key == self.key_of.get(notice[0]):
                # The notice's own earlier version: superseded as versions are; an interim
                # one it names (暂行办法, 办法（试行）) is ended by it as well.
                interim = self.by_id[doc_id].title != notice[1].title
                if interim and in_effect and _earlier(ending, self.ended.get(doc_id)):
                    self.ended[doc_id] = ending
                continue
            own = self._key_of(notice[0]) if _replaces(notice[1], self.by_id[doc_id]) else None
            if own is not None:
                if own != key:
                    self._merge(key, own)
            elif in_effect and _earlier(ending, self.of_work.get(key)):
                self.of_work[key] = ending
            if in_effect and _earlier(ending, self.ended.get(doc_id)):
                self.ended[doc_id] = ending

    def _key_of(self, doc_id: str) -> Key | None:
        """The work a document is a version of; a document of unknown kind gets its own."""
        if doc_id in self.key_of:
            return self.key_of[doc_id]
        meta = self.by_id[doc_id]
        if meta.doc_kind is not None:
            return None
        key = _key(meta)
        self.groups.setdefault(key, []).append((doc_id, meta))
        self.key_of[doc_id] = key
        return key

    def _merge(self, key: Key, into: Key) -> None:
        """The named document's work becomes part of its new version's."""
        moved = self.groups.pop(key, [])
        self.groups[into].extend(moved)
        for doc_id, _ in moved:
            self.key_of[doc_id] = into
        if key in self.of_work:
            self.of_work.setdefault(into, self.of_work.pop(key))


def _earlier(ending: Ending, than: Ending | None) -> bool:
    return than is None or (ending.date or "") < (than.date or "")


def _replaces(notice: DocumentMeta, named: DocumentMeta) -> bool:
    """Whether a notice is the named document's new version: one title, 暂行/试行 aside."""
    return plain_title(notice.title) == plain_title(named.title)


def _after(date: str | None, as_of: str | None) -> bool:
    return bool(as_of and date and date[: len(as_of)] > as_of)


def _status(meta: DocumentMeta, latest: str, count: int, ending: Ending | None) -> VersionStatus:
    if meta.status is not None:
        return meta.status
    if any(event.event == "废止" for event in meta.dates):
        return VersionStatus.REPEALED
    if count >= 2 and (meta.date or "") != latest:
        return VersionStatus.SUPERSEDED
    if ending is not None and not _after(meta.date, ending.date):
        return ending.effect
    return VersionStatus.UNKNOWN if count < 2 else VersionStatus.IN_FORCE


def statuses(works: Iterable[Work]) -> dict[str, tuple[str, VersionStatus]]:
    """Each versioned document's (work id, status)."""
    return {v.doc_id: (work.work_id, v.status) for work in works for v in work.versions}
