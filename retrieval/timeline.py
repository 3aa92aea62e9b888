"""When each region first adopted each measure: event-history rows for diffusion studies.

One row per (region, measure): the earliest dated citation of that measure for
that region, dated by its document (the date of the version, ``DocumentMeta.date``).
A pair with no dated document is kept, undated, after the dated rows, so nothing
the library knows is silently lost. Rows are flat (strings, numbers) so a
researcher can load the CSV into R or Stata as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import Citation, IncentiveType, MeasureMention
from policykg.ingest.references import CiteStyle, reference
from policykg.ingest.store import Store

TIMELINE_COLUMNS = (
    "region",
    "adcode",
    "measure",
    "measure_en",
    "incentive_type",
    "status",
    "first_date",
    "doc_id",
    "doc_title",
    "provision_id",
    "quote",
    "reference",
)


@dataclass(frozen=True, slots=True)
class Adoption:
    """The first dated evidence that a region holds a measure."""

    region: str
    adcode: str
    measure: str
    measure_en: str
    incentive_type: IncentiveType
    status: str
    first_date: str | None
    citation: Citation

    def to_json(self) -> dict[str, object]:
        """A flat row: the columns of ``TIMELINE_COLUMNS``."""
        return {
            "region": self.region,
            "adcode": self.adcode,
            "measure": self.measure,
            "measure_en": self.measure_en,
            "incentive_type": self.incentive_type,
            "status": self.status,
            "first_date": self.first_date,
            "doc_id": self.citation.doc_id,
            "doc_title": self.citation.doc_title,
            "provision_id": self.citation.provision_id,
            "quote": self.citation.quote,
            "reference": reference(self.citation, CiteStyle.LEGAL),
        }


def timeline(
    store: Store,
    gazetteer: Gazetteer,
    mentions: Iterable[MeasureMention],
    term: str | None = None,
) -> list[Adoption]:
    """The first adoption of each measure by each region, dated rows first, oldest first.

    ``term`` keeps measures whose Chinese or English label or key contains it.

    Example:
        >>> rows = timeline(store, gazetteer, store.measures(), "容错")  # doctest: +SKIP
        >>> (rows[0].region, rows[0].first_date)
        ('浙江省', '2019-03-05')
    """
    dates: dict[str, str | None] = {}
    first: dict[tuple[str, str], tuple[str, MeasureMention]] = {}
    for mention in mentions:
        if term and not any(term.lower() in t.lower() for t in _labels(mention)):
            continue
        if mention.doc_id not in dates:
            document = store.document(mention.doc_id)
            dates[mention.doc_id] = document.meta.date if document else None
        sort_key = dates[mention.doc_id] or "9999"  # undated after every date
        for code in mention.region_codes:
            held = first.get((code, mention.key))
            if held is None or (sort_key, mention.start) < (held[0], held[1].start):
                first[(code, mention.key)] = (sort_key, mention)
    rows = [
        _adoption(store, gazetteer, code, mention, dates[mention.doc_id])
        for (code, _), (_, mention) in first.items()
    ]
    found = [row for row in rows if row is not None]
    return sorted(found, key=lambda r: (r.first_date or "9999", r.adcode, r.measure))


def _labels(mention: MeasureMention) -> tuple[str, str, str]:
    return mention.label_zh, mention.label_en, mention.key


def _adoption(
    store: Store, gazetteer: Gazetteer, code: str, mention: MeasureMention, date: str | None
) -> Adoption | None:
    citation = store.citation(mention.provision_id)
    if citation is None:
        return None
    region = gazetteer.get(code)
    return Adoption(
        region=region.name_zh if region else code,
        adcode=code,
        measure=mention.label_zh,
        measure_en=mention.label_en,
        incentive_type=mention.incentive_type,
        status=mention.status.value,
        first_date=date,
        citation=citation,
    )
