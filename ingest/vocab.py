"""The project's vocabularies: incentive types, measure terms and extraction rules.

All of it lives in ``ingest/data``; this module only loads, checks and indexes it.
``incentive_types.json`` is the one source of the type codes, labels and colours:
every other part (CLI choices, Compare, the Graph view, exports) reads them here.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from policykg.ingest.models import IncentiveType
from policykg.ingest.rules import MeasureRules, RulesError, load_frozen, load_measure_rules

TYPES_FILE = "incentive_types.json"
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True, slots=True)
class TypeEntry:
    """One incentive type: its code, labels, display colour and classification cues."""

    code: IncentiveType
    label_zh: str
    label_en: str
    colour: str  # "#rrggbb", the type's colour in the Graph view and its legend
    synonyms_zh: tuple[str, ...]
    synonyms_en: tuple[str, ...]
    cues: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _TypesFile:
    types: tuple[TypeEntry, ...]


@dataclass(frozen=True, slots=True)
class MeasureTerm:
    term_zh: str
    incentive_type: IncentiveType
    label_en: str
    synonyms_en: tuple[str, ...]


class UnknownIncentiveType(ValueError):
    """A code that is not in the vocabulary."""


@dataclass(frozen=True, slots=True)
class Vocabulary:
    types: tuple[TypeEntry, ...]
    measure_terms: tuple[MeasureTerm, ...]
    rules: MeasureRules

    @property
    def codes(self) -> tuple[IncentiveType, ...]:
        """The type codes in the vocabulary's order."""
        return tuple(entry.code for entry in self.types)

    def type(self, code: str) -> TypeEntry:
        """The entry of ``code``; ``UnknownIncentiveType`` names the known codes."""
        for entry in self.types:
            if entry.code == code:
                return entry
        known = ", ".join(self.codes)
        raise UnknownIncentiveType(f"unknown incentive type {code!r}: use one of {known}")

    def domain_terms(self) -> set[str]:
        """Every Chinese term that segmentation must keep whole."""
        terms = {term.term_zh for term in self.measure_terms}
        for entry in self.types:
            terms.update((entry.label_zh, *entry.synonyms_zh, *entry.cues))
        return {term for term in terms if len(term) >= 2}

    def practice_terms(self) -> set[str]:
        """The domain terms but the types' own labels (关心关爱): what a text names when it
        tells a practice (周转房, 补休, 心理疏导)."""
        return self.domain_terms() - {entry.label_zh for entry in self.types}

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

    def vote(self, texts: Sequence[str]) -> IncentiveType | None:
        """The type most cues in ``texts`` name; a tie goes to ``classify``'s longest cue."""
        votes = Counter(
            entry.code
            for text in texts
            for entry in self.types
            for cue in entry.cues
            if cue in text
        )
        if not votes:
            return None
        most = max(votes.values())
        tied = [code for code, count in votes.items() if count == most]
        return tied[0] if len(tied) == 1 else self.classify("，".join(texts))

    def term_for(self, text: str) -> MeasureTerm | None:
        """The longest known measure term inside ``text``."""
        found = [term for term in self.measure_terms if term.term_zh in text]
        return max(found, key=lambda t: len(t.term_zh)) if found else None


def _data_text(name: str) -> str:
    return resources.files("policykg.ingest").joinpath("data", name).read_text(encoding="utf-8")


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(";") if part.strip())


def load_types(path: Path | str, text: str) -> tuple[TypeEntry, ...]:
    """The incentive types of ``path`` (its JSON ``text``): unique codes, hex colours."""
    types = load_frozen(_TypesFile, path, text).types
    seen: set[str] = set()
    for number, entry in enumerate(types):
        if entry.code in seen or not entry.code:
            raise RulesError(f"{path}: key 'types[{number}].code': {entry.code!r} is not unique")
        if not _COLOUR.match(entry.colour):
            raise RulesError(f"{path}: key 'types[{number}].colour' must be '#rrggbb'")
        seen.add(entry.code)
    return types


_active_types_file: Path | None = None  # set only by ``use_types_file``


def use_types_file(path: Path | None) -> None:
    """Read the incentive types from ``path`` from now on (``None``: the shipped file).

    For a custom scheme, or a test with one extra type; call it before opening a
    library, since the graph's concept scheme is written when its store is made.
    """
    global _active_types_file
    _active_types_file = path


def load_vocabulary(types_file: Path | None = None) -> Vocabulary:
    """The vocabularies: the incentive types of ``types_file`` (default: the active file,
    see ``use_types_file``, else ``ingest/data``), measure terms and rules. Cached."""
    return _load(types_file or _active_types_file)


@lru_cache(maxsize=4)
def _load(types_file: Path | None) -> Vocabulary:
    if types_file is None:
        types = load_types(f"ingest/data/{TYPES_FILE}", _data_text(TYPES_FILE))
    else:
        types = load_types(types_file, types_file.read_text(encoding="utf-8"))
    codes = {entry.code for entry in types}
    rows = csv.DictReader(_data_text("measure_terms.tsv").splitlines(), delimiter="\t")
    terms = []
    for number, row in enumerate(rows, start=2):
        if row["incentive_type"] not in codes:
            raise RulesError(
                f"ingest/data/measure_terms.tsv:{number}: unknown incentive_type "
                f"{row['incentive_type']!r}"
            )
        terms.append(
            MeasureTerm(
                term_zh=row["term_zh"],
                incentive_type=row["incentive_type"],
                label_en=row["label_en"],
                synonyms_en=_split(row["synonyms_en"]),
            )
        )
    rules = load_measure_rules("ingest/data/measure_rules.json", _data_text("measure_rules.json"))
    return Vocabulary(types=types, measure_terms=tuple(terms), rules=rules)


def incentive_type_code(text: str) -> IncentiveType:
    """A command-line type code checked against the vocabulary (``ValueError`` if unknown)."""
    return load_vocabulary().type(text.strip()).code
