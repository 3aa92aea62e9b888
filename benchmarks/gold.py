"""Score extracted measures against hand-annotated (region, type, measure, status) triples.

A gold pair (region, measure_key) is found when a measure mention attributed to
that region has the key in its label or in its cited provision. Attribution
precision is judged on mentions whose label contains a gold key: each of their
regions must hold one of those keys in the gold.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import ParsedDocument


@dataclass(frozen=True, slots=True)
class GoldRow:
    region: str
    incentive_type: str
    measure_key: str
    status: str


@dataclass(frozen=True, slots=True)
class GoldScore:
    pairs: int
    found: int
    status_right: int
    type_right: int
    attributions: int
    wrong_attributions: int
    missing: tuple[str, ...]
    wrong: tuple[str, ...]

    @property
    def recall(self) -> float:
        return self.found / self.pairs if self.pairs else 0.0

    @property
    def wrong_rate(self) -> float:
        return self.wrong_attributions / self.attributions if self.attributions else 0.0


def load_gold(path: Path) -> list[GoldRow]:
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return [
            GoldRow(r["region"], r["incentive_type"], r["measure_key"], r["status"]) for r in rows
        ]


def score(parsed: ParsedDocument, gold: Sequence[GoldRow], gazetteer: Gazetteer) -> GoldScore:
    text = parsed.document.text
    spans = {p.provision_id: (p.start, p.end) for p in parsed.provisions}
    mentioned = {m.code for m in parsed.region_mentions}
    codes = {row.region: _code(gazetteer, row.region, mentioned) for row in gold}
    found = status_right = type_right = 0
    missing: list[str] = []
    for row in gold:
        hits = [
            m
            for m in parsed.measures
            if codes[row.region] in m.region_codes
            and (
                row.measure_key in m.label_zh
                or row.measure_key in text[slice(*spans[m.provision_id])]
            )
        ]
        if not hits:
            missing.append(f"{row.region}/{row.measure_key}")
            continue
        found += 1
        status_right += any(m.status.value == row.status for m in hits)
        type_right += any(m.incentive_type == row.incentive_type for m in hits)
    gold_pairs = {(codes[row.region], row.measure_key) for row in gold}
    attributions = wrong = 0
    wrong_list: list[str] = []
    for mention in parsed.measures:
        keys = [row.measure_key for row in gold if row.measure_key in mention.label_zh]
        if not keys:
            continue
        # A label that is part of a gold key its provision holds names that measure too:
        # 职级晋升 in 职级晋升职数用于乡镇的比例… is found for the key 职级晋升职数, so it is
        # not wrong there (recall counts it found by the provision's text).
        provision = text[slice(*spans[mention.provision_id])]
        named = keys + [
            row.measure_key
            for row in gold
            if mention.label_zh in row.measure_key and row.measure_key in provision
        ]
        for code in mention.region_codes:
            attributions += 1
            # Right when the region holds any gold measure the label names
            # (澄清正名…容错纠错机制 is 上海's 澄清正名).
            if not any((code, key) in gold_pairs for key in named):
                wrong += 1
                wrong_list.append(f"{code}/{keys[0]} ({mention.label_zh})")
    return GoldScore(
        len(gold),
        found,
        status_right,
        type_right,
        attributions,
        wrong,
        tuple(missing),
        tuple(wrong_list),
    )


def _code(gazetteer: Gazetteer, name: str, mentioned: AbstractSet[str] = frozenset()) -> str:
    """The region a gold row names; of two places of one name (南山区 in 深圳 and in 鹤岗),
    the one the document names, else the first."""
    regions = gazetteer.by_name(name)
    if not regions:
        raise ValueError(f"gold region {name!r} is not in the gazetteer")
    return next((r.code for r in regions if r.code in mentioned), regions[0].code)
