"""Which versions of a law are in force, today or as of a date: the reader weighs
superseded versions less and leaves out documents made after the asked date."""

from __future__ import annotations

from dataclasses import dataclass

from policykg.ingest.models import VersionStatus
from policykg.ingest.store import Store
from policykg.retrieval.catalog import Catalog, DocumentInfo


@dataclass(frozen=True, slots=True)
class Validity:
    """Which versions are in force, as of today or a given date (``versions_as_of``)."""

    status: dict[str, VersionStatus]  # doc id → status, for documents that are versions
    not_yet_made: frozenset[str] = frozenset()  # dated after the asked date
    as_of: str | None = None  # the asked date; None: today

    def outdated(self, document: DocumentInfo) -> bool:
        return self.outdated_id(document.doc_id)

    def outdated_id(self, doc_id: str) -> bool:
        """Whether the document is a version no longer in force (superseded or repealed)."""
        return self.status.get(doc_id) in (VersionStatus.SUPERSEDED, VersionStatus.REPEALED)


def versions_as_of(store: Store, catalog: Catalog, as_of: str | None = None) -> Validity:
    """The versions' statuses today, or as of an ISO date (later documents left out)."""
    works = store.works(as_of)
    status = {version.doc_id: version.status for work in works for version in work.versions}
    if as_of is None:
        return Validity(status)
    later = {d.doc_id for d in catalog.documents.values() if d.date and d.date[:10] > as_of}
    return Validity(status, frozenset(later), as_of)
