"""The records that leave the core: answers, measures, regions and comparison rows.

Frozen dataclasses passed to the CLI, the app and the benchmarks, which read
attributes; JSON is made only at the output edge by ``to_json`` (and read back by
``from_json``). The JSON shapes are the ones the README documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policykg.ingest.models import Citation, IncentiveType, Status
from policykg.ingest.references import CiteStyle, reference


def citation_json(citation: Citation, style: CiteStyle = CiteStyle.LEGAL) -> dict[str, object]:
    """A citation's JSON with its ``reference`` in ``style`` (derived: never read back)."""
    return {**citation.to_json(), "reference": reference(citation, style)}


@dataclass(frozen=True, slots=True)
class RegionRecord:
    """A region as answers name it: its IRI, labels and the path down to it."""

    iri: str
    label_zh: str
    label_en: str
    path_zh: tuple[str, ...]

    @property
    def code(self) -> str:
        return self.iri.rsplit("/", 1)[-1]

    def to_json(self) -> dict[str, object]:
        return {
            "iri": self.iri,
            "label_zh": self.label_zh,
            "label_en": self.label_en,
            "path_zh": list(self.path_zh),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RegionRecord:
        return cls(
            iri=str(data["iri"]),
            label_zh=str(data["label_zh"]),
            label_en=str(data["label_en"]),
            path_zh=tuple(str(name) for name in data["path_zh"]),
        )


@dataclass(frozen=True, slots=True)
class MeasureRecord:
    """One measure concept with the regions that hold it and its verbatim citations."""

    iri: str
    key: str
    label_zh: str
    label_en: str
    incentive_type: IncentiveType
    status: Status
    regions: tuple[RegionRecord, ...]
    citations: tuple[Citation, ...]

    def to_json(self, style: CiteStyle = CiteStyle.LEGAL) -> dict[str, object]:
        return {
            "iri": self.iri,
            "key": self.key,
            "label_zh": self.label_zh,
            "label_en": self.label_en,
            "incentive_type": self.incentive_type,
            "status": self.status.value,
            "regions": [region.to_json() for region in self.regions],
            "citations": [citation_json(citation, style) for citation in self.citations],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MeasureRecord:
        return cls(
            iri=str(data["iri"]),
            key=str(data["key"]),
            label_zh=str(data["label_zh"]),
            label_en=str(data["label_en"]),
            incentive_type=str(data["incentive_type"]),
            status=Status(data["status"]),
            regions=tuple(RegionRecord.from_json(r) for r in data["regions"]),
            citations=tuple(Citation.from_json(c) for c in data["citations"]),
        )


@dataclass(frozen=True, slots=True)
class Answer:
    """What ``policykg ask --json`` prints (and the app's ``/ask`` returns)."""

    question: str
    lang: str
    intent: str
    answer: str
    regions: tuple[RegionRecord, ...]
    measures: tuple[MeasureRecord, ...]
    citations: tuple[Citation, ...]
    retrieved: tuple[str, ...]  # provision ids of the top-k search hits

    def to_json(self, style: CiteStyle = CiteStyle.LEGAL) -> dict[str, object]:
        """The answer's JSON; every citation carries its ``reference`` in ``style``."""
        return {
            "question": self.question,
            "lang": self.lang,
            "intent": self.intent,
            "answer": self.answer,
            "regions": [region.to_json() for region in self.regions],
            "measures": [measure.to_json(style) for measure in self.measures],
            "citations": [citation_json(citation, style) for citation in self.citations],
            "retrieved": list(self.retrieved),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Answer:
        return cls(
            question=str(data["question"]),
            lang=str(data["lang"]),
            intent=str(data["intent"]),
            answer=str(data["answer"]),
            regions=tuple(RegionRecord.from_json(r) for r in data["regions"]),
            measures=tuple(MeasureRecord.from_json(m) for m in data["measures"]),
            citations=tuple(Citation.from_json(c) for c in data["citations"]),
            retrieved=tuple(str(pid) for pid in data["retrieved"]),
        )


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One (region, incentive type, measure) row of ``policykg compare --json``."""

    region: str
    region_en: str
    incentive_type: IncentiveType
    measure: str
    measure_en: str
    status: str
    held_by: tuple[str, ...]
    citation: Citation | None

    def to_json(self) -> dict[str, object]:
        return {
            "region": self.region,
            "region_en": self.region_en,
            "incentive_type": self.incentive_type,
            "measure": self.measure,
            "measure_en": self.measure_en,
            "status": self.status,
            "held_by": list(self.held_by),
            "citation": citation_json(self.citation) if self.citation else None,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CompareRow:
        cited = data["citation"]
        return cls(
            region=str(data["region"]),
            region_en=str(data["region_en"]),
            incentive_type=str(data["incentive_type"]),
            measure=str(data["measure"]),
            measure_en=str(data["measure_en"]),
            status=str(data["status"]),
            held_by=tuple(str(name) for name in data["held_by"]),
            citation=Citation.from_json(cited) if cited is not None else None,
        )
