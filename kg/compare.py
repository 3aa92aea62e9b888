"""The region × incentive-type comparison: measures and one citation per cell."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from typing import TextIO

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.iris import BASE, region_iri
from policykg.ingest.models import Citation, IncentiveType
from policykg.ingest.records import CompareRow
from policykg.ingest.store import Store
from policykg.ingest.vocab import load_vocabulary
from policykg.kg.base import GraphStore

# ?scope is projected because Oxigraph substitutes only projected variables.
CELL_QUERY = """
SELECT DISTINCT ?type ?key ?zh ?en ?provision ?status ?region ?scope WHERE {
  ?mention pkg:mentionOf ?measure ; pkg:region ?region ; pkg:status ?status ;
           prov:wasDerivedFrom ?provision .
  ?region (schema:containedInPlace|pkg:memberOf)* ?scope .
  ?measure pkg:incentiveType/skos:notation ?type ; pkg:key ?key ;
           skos:prefLabel ?zh , ?en .
  FILTER(lang(?zh) = "zh" && lang(?en) = "en")
}
"""
PROVISION_PREFIX = BASE + "id/provision/"


@dataclass(frozen=True, slots=True)
class CellMeasure:
    label_zh: str
    label_en: str
    status: str
    regions: tuple[str, ...]  # the sub-regions that hold it (临港新片区 under 上海市)
    citation: Citation | None


@dataclass(frozen=True, slots=True)
class Comparison:
    regions: tuple[str, ...]  # codes, in the order asked
    types: tuple[IncentiveType, ...]  # codes, in the vocabulary's order
    cells: dict[tuple[str, IncentiveType], tuple[CellMeasure, ...]]

    def cell(self, code: str, kind: IncentiveType) -> tuple[CellMeasure, ...]:
        """The measures of one region and type (none for a type not compared)."""
        return self.cells.get((code, kind), ())


def compare(
    graph: GraphStore,
    store: Store,
    gazetteer: Gazetteer,
    region_codes: list[str],
    incentive_type: IncentiveType | None = None,
) -> Comparison:
    """Measures of each region (its sub-regions included) by incentive type.

    ``incentive_type`` is a vocabulary code (checked: ``UnknownIncentiveType``);
    without it every type of the vocabulary is compared.
    """
    vocab = load_vocabulary()
    types = (vocab.type(incentive_type).code,) if incentive_type else vocab.codes
    cells: dict[tuple[str, IncentiveType], tuple[CellMeasure, ...]] = {}
    for code in region_codes:
        grouped: dict[tuple[str, str], list[tuple]] = defaultdict(list)
        for row in graph.rows(CELL_QUERY, {"scope": region_iri(code)}):
            grouped[(str(row[0]), str(row[1]))].append(row)
        for kind in types:
            measures = [
                _cell_measure(rows, store, gazetteer)
                for (row_kind, _), rows in sorted(grouped.items())
                if row_kind == kind
            ]
            cells[(code, kind)] = tuple(measures)
    return Comparison(tuple(region_codes), types, cells)


def _cell_measure(rows: list[tuple], store: Store, gazetteer: Gazetteer) -> CellMeasure:
    provisions = sorted({str(r[4]) for r in rows})
    citation = store.citation(provisions[0].removeprefix(PROVISION_PREFIX))
    regions = []
    for row in rows:
        region = gazetteer.get(str(row[6]).rsplit("/", 1)[-1])
        if region is not None and region.name_zh not in regions:
            regions.append(region.name_zh)
    statuses = {str(r[5]) for r in rows}
    status = next(s for s in ("adopted", "required", "recommended") if s in statuses)
    return CellMeasure(str(rows[0][2]), str(rows[0][3]), status, tuple(regions), citation)


def comparison_rows(comparison: Comparison, gazetteer: Gazetteer) -> list[CompareRow]:
    """One row per (region, type, measure), in the order asked; ``to_json`` for the CLI."""
    rows: list[CompareRow] = []
    for code in comparison.regions:
        region = gazetteer.get(code)
        for kind in comparison.types:
            for measure in comparison.cell(code, kind):
                rows.append(
                    CompareRow(
                        region=region.name_zh if region else code,
                        region_en=region.name_en if region else code,
                        incentive_type=kind,
                        measure=measure.label_zh,
                        measure_en=measure.label_en,
                        status=measure.status,
                        held_by=measure.regions,
                        citation=measure.citation,
                    )
                )
    return rows


CSV_COLUMNS = (
    "region",
    "incentive_type",
    "measure",
    "status",
    "held_by",
    "quote",
    "doc_title",
    "start",
    "end",
)


def write_comparison_csv(comparison: Comparison, names: dict[str, str], handle: TextIO) -> None:
    """One row per (region, type, measure) with its citation; ``names`` labels the regions."""
    writer = csv.writer(handle)
    writer.writerow(CSV_COLUMNS)
    for (code, kind), measures in comparison.cells.items():
        for measure in measures:
            cited = measure.citation
            writer.writerow(
                [
                    names.get(code, code),
                    kind,
                    measure.label_zh,
                    measure.status,
                    "、".join(measure.regions),
                    cited.quote if cited else "",
                    cited.doc_title if cited else "",
                    cited.start if cited else "",
                    cited.end if cited else "",
                ]
            )
