"""An in-memory view of the store that answers need on every question.

Built once per library state (the library drops it after each ingest or
removal), so a question never scans the database.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import MeasureMention
from policykg.ingest.store import Store


@dataclass(slots=True)
class Catalog:
    measures: list[MeasureMention]
    provision_regions: dict[str, set[str]]  # provision id → regions it is about
    provision_text: dict[str, str]
    region_codes: set[str] = field(default_factory=set)  # every region the library names

    def in_scope(self, provision_id: str, scope: set[str]) -> bool:
        return bool(self.provision_regions.get(provision_id, set()) & scope)


def build_catalog(store: Store, gazetteer: Gazetteer) -> Catalog:
    """Measures, and for each provision the regions its measures and mentions name."""
    measures = store.measures()
    provision_regions: dict[str, set[str]] = defaultdict(set)
    for mention in measures:
        provision_regions[mention.provision_id].update(mention.region_codes)
    provision_text: dict[str, str] = {}
    region_codes: set[str] = set()
    for doc_id in store.doc_ids():
        provisions = store.provisions(doc_id)
        mentions = store.region_mentions(doc_id)
        for provision in provisions:
            provision_text[provision.provision_id] = provision.text
            inside = {m.code for m in mentions if provision.start <= m.start < provision.end}
            provision_regions[provision.provision_id].update(inside)
        region_codes.update(m.code for m in mentions)
    for codes in provision_regions.values():
        region_codes.update(codes)
    return Catalog(measures, dict(provision_regions), provision_text, region_codes)
