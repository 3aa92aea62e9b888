"""The region × incentive-type comparison: measures and one citation per cell."""

from __future__ import annotations

import csv
import difflib
import re
from collections import defaultdict
from collections.abc import Sequence
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
    leave_out: frozenset[tuple[str, str]] = frozenset(),
) -> Comparison:
    """Measures of each region (its sub-regions included) by incentive type.

    ``incentive_type`` is a vocabulary code (checked: ``UnknownIncentiveType``);
    without it every type of the vocabulary is compared. ``leave_out`` holds
    (provision id, measure key) pairs not to show: what outdated versions of an
    instrument say of a measure its version in force states (``outdated_mentions``).
    """
    vocab = load_vocabulary()
    types = (vocab.type(incentive_type).code,) if incentive_type else vocab.codes
    cells: dict[tuple[str, IncentiveType], tuple[CellMeasure, ...]] = {}
    for code in region_codes:
        grouped: dict[tuple[str, str], list[tuple]] = defaultdict(list)
        for row in graph.rows(CELL_QUERY, {"scope": region_iri(code)}):
            if (str(row[4]).removeprefix(PROVISION_PREFIX), str(row[1])) not in leave_out:
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


# --- near-duplicate measures, merged for reading ---------------------------------

# A label's trailing institution word says what kind of instrument it is, not which.
MERGE_SUFFIXES = ("机制", "制度", "办法", "体系", "政策")
# Punctuation and the conjunctions 与/和/以及 (容错情形与程序 = 容错情形和程序).
_NOISE = re.compile(r"以及|[与和、，,;；:：·“”\"'‘’()（）《》〈〉\s]")
NEAR_DUPLICATE_RATIO = 0.9
MIN_PHRASE_CHARS = 4
_LIST_SEPARATOR = re.compile(r"[、，,;；]")
STATUS_ORDER = ("adopted", "required", "recommended")


@dataclass(frozen=True, slots=True)
class MergedMeasure:
    """One measure of a cell as a reader sees it: near-duplicate labels folded into one."""

    label_zh: str  # the longest label of the group
    also: tuple[str, ...]  # the labels merged into it
    status: str  # the strongest: adopted, then required, then recommended
    regions: tuple[str, ...]
    citations: tuple[Citation, ...]  # each distinct quote once, in the cell's order


def normalised_label(label: str) -> str:
    """A label without one trailing 机制/制度/办法/体系/政策, punctuation and 与/和/以及."""
    for suffix in MERGE_SUFFIXES:
        if label.endswith(suffix) and len(label) > len(suffix):
            label = label[: -len(suffix)]
            break
    return _NOISE.sub("", label)


def near_duplicate_labels(first: str, second: str) -> bool:
    """Whether two labels read as one: equal once normalised (``normalised_label``), or
    normalised labels whose character-similarity ratio (difflib's 2·matches / total
    length) is at least 0.9.

    The ratio needs long labels for a short difference: 问责调查与容错纠错评估同步启动机制
    / 问责调查与容错评估同步启动制度 (0.92) merge; 人民满意的公务员 / 人民满意的公务员集体
    (0.89, two awards) and 职级晋升制度 / 职级晋升力度 (0.80) stay apart.
    """
    a, b = normalised_label(first), normalised_label(second)
    if a == b:
        return True
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= NEAR_DUPLICATE_RATIO


def same_phrase(first: CellMeasure, second: CellMeasure) -> bool:
    """Whether one measure is the other read with a shorter left edge, in the same provision.

    容错纠错评估同步启动机制 ends 问责调查与容错纠错评估同步启动机制 and both cite one
    provision: one phrase, cut short. A longer label whose extra head holds a list
    separator names a list (协议年薪、一职一薪), so 一职一薪 stays a measure of its own.
    """
    if first.citation is None or second.citation is None:
        return False
    if first.citation.provision_id != second.citation.provision_id:
        return False
    short, long = sorted((first.label_zh, second.label_zh), key=len)
    head = long[: len(long) - len(short)]
    return (
        len(short) >= MIN_PHRASE_CHARS
        and bool(head)
        and long.endswith(short)
        and not _LIST_SEPARATOR.search(head)
    )


def near_duplicates(first: CellMeasure, second: CellMeasure) -> bool:
    """Whether two measures of one region and type are one measure for a reader.

    The merge rule: near-duplicate labels (``near_duplicate_labels``) or one phrase
    cut short (``same_phrase``).
    """
    return near_duplicate_labels(first.label_zh, second.label_zh) or same_phrase(first, second)


def merge_near_duplicates(measures: Sequence[CellMeasure]) -> tuple[MergedMeasure, ...]:
    """The measures of one cell, each group of near-duplicates (``near_duplicates``) as one.

    A measure joins the first group holding a near-duplicate of it; the groups and
    their labels keep the cell's order. The comparison itself (and so the CLI, its
    JSON and its CSV) keeps every measure: merging is for reading.
    """
    groups: list[list[CellMeasure]] = []
    for measure in measures:
        group = next((g for g in groups if any(near_duplicates(m, measure) for m in g)), None)
        if group is None:
            groups.append([measure])
        else:
            group.append(measure)
    return tuple(_merged(group) for group in groups)


def _merged(group: list[CellMeasure]) -> MergedMeasure:
    first = max(group, key=lambda m: len(m.label_zh))  # the fullest label; ties: the first
    also = tuple(dict.fromkeys(m.label_zh for m in group if m.label_zh != first.label_zh))
    statuses = {m.status for m in group}
    status = next((s for s in STATUS_ORDER if s in statuses), first.status)
    regions = tuple(dict.fromkeys(r for m in group for r in m.regions))
    quotes: dict[tuple[str, str], Citation] = {}
    for measure in group:
        cited = measure.citation
        if cited is not None:
            quotes.setdefault((cited.doc_id, cited.quote), cited)
    return MergedMeasure(first.label_zh, also, status, regions, tuple(quotes.values()))
