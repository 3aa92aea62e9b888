"""Asking the library a question: understand it, gather evidence, compose the answer.

Example:
    >>> answer = ask(library, "哪些地区实行协议年薪？")  # doctest: +SKIP
    >>> answer.regions[0].label_zh
    '中国(上海)自由贸易试验区临港新片区'
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.records import Answer
from policykg.ingest.store import Store
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.answer import compose
from policykg.retrieval.catalog import Catalog
from policykg.retrieval.evidence import Evidence
from policykg.retrieval.facets import Facets, read_under, restricted, search_within
from policykg.retrieval.index import Hit, Query, SearchIndex
from policykg.retrieval.question import Question, follow_up, lexical_support, understand
from policykg.retrieval.validity import versions_as_of

MAX_QUESTION_CHARS = 2_000
DEFAULT_K = 5
SEARCH_DEPTH = 60  # what answers look through; the k retrieved are its head


class Askable(Protocol):
    """What answering reads: the store, the regions, the index and the catalog.

    The library (one level up) is one; retrieval never imports it.
    """

    store: Store
    gazetteer: Gazetteer
    index: SearchIndex

    def catalog(self) -> Catalog: ...


class QuestionError(ValueError):
    """A question that cannot be asked (empty, only punctuation)."""


def ask(
    library: Askable,
    question: str,
    k: int = DEFAULT_K,
    as_of: str | None = None,
    facets: Facets | None = None,
) -> Answer:
    """Answer one question (``to_json()`` is the object ``policykg ask --json`` prints).

    Versions in force are preferred; ``as_of`` (an ISO date) answers as of that date:
    documents made later are left out, and the versions in force then are preferred.
    ``facets`` restrict what the answer may draw on (``policykg ask --region …``).
    """
    return answer_question(library, question, k, as_of=as_of, facets=facets)[0]


def answer_question(
    library: Askable,
    question: str,
    k: int = DEFAULT_K,
    previous: Question | None = None,
    as_of: str | None = None,
    facets: Facets | None = None,
) -> tuple[Answer, Question]:
    """The answer and the understood question (a chat keeps it for follow-ups)."""
    text = question.strip()[:MAX_QUESTION_CHARS]
    if not any(char.isalnum() for char in text):
        raise QuestionError(
            "the question is empty: ask about a region, a measure or an incentive type"
        )
    catalog = library.catalog()
    words = library.index.segmenter.words(text)
    parsed = understand(
        text, library.gazetteer, load_vocabulary(), words, catalog.region_codes, catalog.usage
    )
    parsed = follow_up(parsed, previous)
    allowed = None
    if facets is not None and facets.active:
        allowed = facets.allowed(library.store, library.gazetteer, catalog, as_of)
        catalog = restricted(catalog, allowed)

    names = [
        name
        for code in parsed.region_codes
        if (region := library.gazetteer.get(code)) is not None
        for name in (region.name_zh, region.short_zh)
    ]
    needed_words = parsed.evidence_words(names)

    searched: dict[tuple[Query, int], list[Hit]] = {}
    vectors: dict[Query, np.ndarray] = {}  # a deeper search of one query embeds it once

    def hits(query: Query, depth: int) -> list[Hit]:
        """One search per query text and question, at least as deep as answers look."""
        wanted = max(depth, SEARCH_DEPTH)
        if (query, wanted) not in searched:
            if query not in vectors:
                vectors[query] = library.index.query_vector(query)
            searched[(query, wanted)] = search_within(
                library.index, query, wanted, allowed, vectors[query]
            )
        return searched[(query, wanted)][:depth]

    def search(query: Query, depth: int) -> Sequence[tuple[str, float, bool]]:
        return [
            (
                h.provision_id,
                h.dense_score,
                h.lexical_rank is not None
                and lexical_support(
                    parsed, needed_words, catalog.provision_text.get(h.provision_id, "")
                ),
            )
            for h in hits(query, depth)
        ]

    validity = versions_as_of(library.store, catalog, as_of)
    read_as = read_under(parsed, facets, allowed) if facets and allowed is not None else parsed
    glossed = library.index.gloss() if parsed.lang == "en" else None
    evidence = Evidence(
        read_as, library.store, library.gazetteer, catalog, search, hits, validity, glossed
    )
    draft = compose(evidence)
    draft.question = parsed  # as asked, not as read under facets
    # The reader's order first (what the answer weighed), then the search's for the rest.
    read_order = [s.provision_id for s in evidence.scored()]
    searched_order = [h.provision_id for h in hits(parsed.search_query, k)]
    retrieved = list(dict.fromkeys([*read_order, *searched_order]))[:k]
    return draft.record(library.store, library.gazetteer, retrieved), parsed
