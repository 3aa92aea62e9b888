"""The measures on a question's topic, and their rank as evidence."""

from __future__ import annotations

from policykg.ingest.models import IncentiveType, MeasureMention, Status
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.evidence import Evidence


def ranked_provisions(evidence: Evidence, k: int = 60) -> dict[str, int]:
    """Provision id → rank as evidence (the reader's order, then the search's)."""
    read_order = [s.provision_id for s in evidence.scored()]
    searched = [pid for pid, _, _ in evidence.search(evidence.question.search_query, k)]
    return {pid: rank for rank, pid in enumerate(dict.fromkeys([*read_order, *searched]))}


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
        # A term naming a type (干部交流 beside 职级晋升) that no measure's label holds
        # is asked as its type: 互派挂职 is 干部交流.
        unmatched = {t for t in question.terms if not any(t in m.label_zh for m in labelled)}
        as_types = {kind for t in unmatched if (kind := type_named(t)) is not None}
        by_type = [m for m in pool if m.incentive_type in as_types and m not in labelled]
        if labelled or by_term:
            return (labelled + by_type) if labelled else by_term
    # Asked what a place is advised or plans to do, its recommended measures answer: of the
    # asked type, else all of them (下一步在住房和疗休养上有什么打算: the type named one topic
    # of the two).
    planned = question.recommended and scope is not None and bool(pool)
    planned = planned and all(m.status is Status.RECOMMENDED for m in pool)
    if question.incentive_type is not None:
        typed = [m for m in pool if m.incentive_type == question.incentive_type]
        return typed or (pool if planned else [])
    return pool if planned else []


def type_named(term: str) -> IncentiveType | None:
    """The incentive type a term names as its label or a synonym (干部交流: exchange)."""
    for entry in load_vocabulary().types:
        if term in (entry.label_zh, *entry.synonyms_zh):
            return entry.code
    return None


def rank_mentions(evidence: Evidence, mentions: list[MeasureMention]) -> list[MeasureMention]:
    ranks = ranked_provisions(evidence)
    return sorted(mentions, key=lambda m: ranks.get(m.provision_id, len(ranks)))
