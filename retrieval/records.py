"""Records shared by the CLI, the answers and the app: regions and measure concepts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.iris import measure_iri, region_iri
from policykg.ingest.models import Citation, IncentiveType, MeasureMention, Status
from policykg.ingest.records import MeasureRecord, RegionRecord
from policykg.ingest.store import Store
from policykg.ingest.store_schema import validity as version_fields
from policykg.retrieval.validity import Validity

# When one concept carries several statuses, the strongest claim shown first.
STATUS_ORDER = (Status.ADOPTED, Status.REQUIRED, Status.RECOMMENDED)


def region_record(gazetteer: Gazetteer, code: str) -> RegionRecord:
    region = gazetteer.get(code)
    if region is None:
        return RegionRecord(str(region_iri(code)), code, code, ())
    return RegionRecord(
        iri=str(region_iri(code)),
        label_zh=region.name_zh,
        label_en=region.name_en,
        path_zh=tuple(gazetteer.path_zh(code)),
    )


def expand_regions(gazetteer: Gazetteer, codes: Iterable[str]) -> set[str]:
    """The regions and everything below them (浙江省 → its cities and counties)."""
    expanded: set[str] = set()
    for code in codes:
        expanded.add(code)
        expanded.update(gazetteer.descendants(code))
    return expanded


def most_specific(gazetteer: Gazetteer, codes: Iterable[str]) -> list[str]:
    """The regions with none of the others below them (a county rather than its city, a
    province rather than the Yangtze Delta it is in), sorted."""
    unique = set(codes)
    return sorted(c for c in unique if not (gazetteer.descendants(c) & unique))


def select_mentions(
    mentions: Iterable[MeasureMention],
    region_codes: set[str] | None = None,
    incentive_type: IncentiveType | None = None,
) -> list[MeasureMention]:
    return [
        m
        for m in mentions
        if (region_codes is None or region_codes.intersection(m.region_codes))
        and (incentive_type is None or m.incentive_type == incentive_type)
    ]


def current_mentions(
    mentions: Iterable[MeasureMention], validity: Validity
) -> list[MeasureMention]:
    """The mentions to show as of the validity's day: none from documents made later, and
    of a measure a version in force states, not what outdated versions say of it. A
    measure only outdated versions state is kept: its citations say they are outdated."""
    kept = [m for m in mentions if m.doc_id not in validity.not_yet_made]
    current = {m.key for m in kept if not validity.outdated_id(m.doc_id)}
    return [m for m in kept if m.key not in current or not validity.outdated_id(m.doc_id)]


def restated(citation: Citation | None, validity: Validity | None) -> Citation | None:
    """The citation with its version's status on the validity's day (today's as stored)."""
    if citation is None or validity is None or validity.as_of is None:
        return citation
    return replace(citation, **version_fields(validity.status.get(citation.doc_id)))


def outdated_mentions(
    mentions: Sequence[MeasureMention], validity: Validity
) -> frozenset[tuple[str, str]]:
    """(provision id, measure key) of each of ``mentions`` ``current_mentions`` leaves out."""
    kept = {(m.provision_id, m.key) for m in current_mentions(mentions, validity)}
    return frozenset((m.provision_id, m.key) for m in mentions) - kept


def measure_records(
    store: Store,
    gazetteer: Gazetteer,
    mentions: Iterable[MeasureMention],
    region_codes: set[str] | None = None,
    validity: Validity | None = None,
) -> list[MeasureRecord]:
    """One record per measure concept, with its regions and verbatim citations (their
    versions' status as of the ``validity``'s day when given, else today)."""
    by_key: dict[str, list[MeasureMention]] = defaultdict(list)
    for mention in mentions:
        by_key[mention.key].append(mention)
    records: list[MeasureRecord] = []
    for key, group in by_key.items():
        codes = [c for m in group for c in m.region_codes]
        if region_codes is not None:
            codes = [c for c in codes if c in region_codes]
        provision_ids = list(dict.fromkeys(m.provision_id for m in group))
        citations = [restated(store.citation(pid), validity) for pid in provision_ids]
        statuses = {m.status for m in group}
        records.append(
            MeasureRecord(
                iri=str(measure_iri(key)),
                key=key,
                label_zh=group[0].label_zh,
                label_en=group[0].label_en,
                incentive_type=group[0].incentive_type,
                status=next(s for s in STATUS_ORDER if s in statuses),
                regions=tuple(region_record(gazetteer, c) for c in dict.fromkeys(codes)),
                citations=tuple(c for c in citations if c is not None),
            )
        )
    return records
