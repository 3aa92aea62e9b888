"""Questions asked in several parts, each needing its own evidence.

福建给援宁挂职干部的生活补助是每人每天多少元？宁夏来闽挂职干部的伙食补助又是多少？
asks two things; the best provisions may all answer the first. A later part with words
of its own (宁夏, 来闽, 伙食) that the cited provisions lack is answered by the best-read
provision holding most of them. Parts without words of their own (是哪里？具体怎么做？)
are answered by the same provisions and add nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from policykg.retrieval.catalog import Catalog
from policykg.retrieval.question import Question, question_parts
from policykg.retrieval.reader import Scored, question_words, threshold
from policykg.retrieval.shares import bigrams, weighted_share

MIN_OWN_GRAMS = 1  # a part with no bigram of its own asks about the same thing
PART_SHARE = 0.45  # of a part's own words (by rarity) that answers it
PART_LOOKAHEAD = 10  # how far down the reading a part's evidence may be


def part_evidence(
    question: Question,
    scored: Sequence[Scored],
    catalog: Catalog,
    region_names: Sequence[str],
    cited: Sequence[str],
) -> list[str]:
    """Provision ids to cite besides ``cited`` for the parts of a question they leave unanswered."""
    parts = question_parts(question.text)
    if question.lang != "zh" or len(parts) < 2 or not scored:
        return []
    words = question_words(question, region_names)
    floor = threshold(question.lang)
    added: list[str] = []
    for index, part in enumerate(parts):
        # A later part's own words are those the parts before it lack; the first part's,
        # those the parts after it lack (共有多少名？…每人每月多少元？: the evidence read best
        # may answer the second part only).
        others = "".join(parts[:index]) if index else "".join(parts[1:])
        grams = {g for g in bigrams([w for w in words if w in part]) if g not in others}
        if len(grams) < MIN_OWN_GRAMS:
            continue
        weights = {gram: catalog.bigram_weight(gram) for gram in grams}
        answered = "".join(catalog.provision_text.get(pid, "") for pid in [*cited, *added])
        if weighted_share(weights, answered) >= PART_SHARE:
            continue
        shares = [
            (weighted_share(weights, catalog.provision_text.get(s.provision_id, "")), s)
            for s in scored[:PART_LOOKAHEAD]
            if s.score >= floor
        ]
        share, best = max(shares, key=lambda pair: pair[0], default=(0.0, None))
        if best is not None and share >= PART_SHARE:
            added.append(best.provision_id)
    return added
