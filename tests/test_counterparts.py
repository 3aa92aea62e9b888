"""Which provision of another version says the same thing, changed. Fixtures written for
these tests."""

from __future__ import annotations

from policykg.ingest.models import VersionStatus
from policykg.ingest.versions import Version, Work
from policykg.retrieval.catalog import Catalog
from policykg.retrieval.counterparts import VersionChange, counterparts, only_in_its_version

OLD = {
    "o5": "在边境乡镇工作的，每人每月再增加不低于一百元。",
    "o7": "第七条 乡镇干部因公下村的，按照每人每月不低于二百元的标准发放下乡交通补助。",
}
NEW = {
    "n5": "在边境乡镇工作的，每人每月再增加不低于二百元。",
    "n6": "原下乡交通补助并入乡镇工作补贴，不再单独发放。",
}


def _catalog() -> Catalog:
    texts = {**OLD, **NEW}
    docs = {pid: ("old" if pid in OLD else "new") for pid in texts}
    return Catalog(measures=[], provision_regions={}, provision_text=texts, provision_doc=docs)


WORK = Work(
    "w",
    "某区乡镇干部激励关爱条例",
    None,
    (
        Version("old", "某区乡镇干部激励关爱条例", "2019-01-01", VersionStatus.SUPERSEDED),
        Version("new", "某区乡镇干部激励关爱条例", "2025-01-01", VersionStatus.IN_FORCE),
    ),
)


def test_a_provision_is_the_counterpart_of_its_own_earlier_text_only() -> None:
    catalog = _catalog()
    assert counterparts(catalog, [WORK], "o5") == ["n5"]
    # Alike in its template to n5, but n5 is o5 changed: o7 was taken out.
    assert counterparts(catalog, [WORK], "o7") == []
    assert only_in_its_version(catalog, [WORK], "o7", VersionChange.REMOVED)
