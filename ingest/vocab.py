"""The project's vocabularies: incentive types, measure terms and extraction rules.

All of it lives in ``ingest/data``; this module only loads and indexes it.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from policykg.ingest.models import IncentiveType


@dataclass(frozen=True, slots=True)
class TypeEntry:
    code: IncentiveType
    label_zh: str
    label_en: str
    synonyms_zh: tuple[str, ...]
    synonyms_en: tuple[str, ...]
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MeasureTerm:
    term_zh: str
    incentive_type: IncentiveType
    label_en: str
    synonyms_en: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Vocabulary:
    types: tuple[TypeEntry, ...]
    measure_terms: tuple[MeasureTerm, ...]
    rules: dict[str, Any]

    def type_entry(self, code: IncentiveType) -> TypeEntry:
        return next(entry for entry in self.types if entry.code == code)

    def domain_terms(self) -> set[str]:
        """Every Chinese term that segmentation must keep whole."""
        terms = {term.term_zh for term in self.measure_terms}
        for entry in self.types:
            terms.update((entry.label_zh, *entry.synonyms_zh, *entry.cues))
        return {term for term in terms if len(term) >= 2}

    def classify(self, text: str) -> IncentiveType | None:
        """The type whose longest cue occurs in ``text`` (measure terms first)."""
        for term in sorted(self.measure_terms, key=lambda t: -len(t.term_zh)):
            if term.term_zh in text:
                return term.incentive_type
        best: tuple[int, int, IncentiveType] | None = None
        for order, entry in enumerate(self.types):
            for cue in entry.cues:
                if cue in text and (best is None or len(cue) > best[0]):
                    best = (len(cue), -order, entry.code)
        return best[2] if best else None

    def term_for(self, text: str) -> MeasureTerm | None:
        """The longest known measure term inside ``text``."""
        found = [term for term in self.measure_terms if term.term_zh in text]
        return max(found, key=lambda t: len(t.term_zh)) if found else None


def _data_text(name: str) -> str:
    return resources.files("policykg.ingest").joinpath("data", name).read_text(encoding="utf-8")


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(";") if part.strip())


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    """Load and cache the vocabularies shipped in ``ingest/data``."""
    raw_types = json.loads(_data_text("incentive_types.json"))["types"]
    types = tuple(
        TypeEntry(
            code=IncentiveType(item["code"]),
            label_zh=item["label_zh"],
            label_en=item["label_en"],
            synonyms_zh=tuple(item["synonyms_zh"]),
            synonyms_en=tuple(item["synonyms_en"]),
            cues=tuple(item["cues"]),
        )
        for item in raw_types
    )
    rows = csv.DictReader(_data_text("measure_terms.tsv").splitlines(), delimiter="\t")
    terms = tuple(
        MeasureTerm(
            term_zh=row["term_zh"],
            incentive_type=IncentiveType(row["incentive_type"]),
            label_en=row["label_en"],
            synonyms_en=_split(row["synonyms_en"]),
        )
        for row in rows
    )
    rules = json.loads(_data_text("measure_rules.json"))
    return Vocabulary(types=types, measure_terms=terms, rules=rules)
