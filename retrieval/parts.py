"""Questions asked in several parts, each needing its own evidence.

福建给援宁挂职干部的生活补助是每人每天多少元？宁夏来闽挂职干部的伙食补助又是多少？
asks two things; the best provisions may all answer the first. A later part with words
of its own (宁夏, 来闽, 伙食) that the cited provisions lack is answered by the best-read
provision holding most of them. Parts without words of their own (是哪里？具体怎么做？)
are answered by the same provisions and add nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.retrieval.catalog import Catalog
from policykg.retrieval.intent_rules import asked_quantity, intent_rules, question_parts
from policykg.retrieval.question import Question
from policykg.retrieval.reader import Scored, question_words, threshold
from policykg.retrieval.shares import bigrams, same_sense, weighted_share
from policykg.retrieval.translate import translate_query
from policykg.retrieval.wording import asks_plan, states_figure, states_plan

# An English question asks its second part after "and" and a question word ("how many
# come each year, and who pays for their housing?"), or after a question mark.
_ENGLISH_PARTS = re.compile(
    r"[?]\s*|,?\s+and\s+(?=(?:what|how|who|whom|which|where|when|why|whether)\b)",
    re.IGNORECASE,
)
# A part asking for a figure (多少套, how many more) is answered by a provision stating one:
# the part's words in a background sentence (高寒山区…补贴偏低) do not answer 涨到多少.
_ASKS_FIGURE = re.compile(
    r"多少|几[个项套名人间次年天月元岁条]|\bhow (?:many|much)\b"
    r"|\bwhat (?:amount|number|multiplier|coefficient|rate|percentage|share)\b",
    re.IGNORECASE,
)
_PLAN_WORDS = frozenset({"打算", "准备", "计划", "明年", "下一步", "预计"})
MIN_OWN_GRAMS = 1  # a part with no bigram of its own asks about the same thing
PART_SHARE = 0.45  # of a part's own words (by rarity) that answers it
PART_SHARE_FIGURE = 0.25  # the same, for a provision stating the figure a part asks
PART_LOOKAHEAD = 25  # how far down the reading a part's evidence may be: 10 missed some


def part_evidence(
    question: Question,
    scored: Sequence[Scored],
    catalog: Catalog,
    region_names: Sequence[str],
    cited: Sequence[str],
) -> list[str]:
    """Provision ids to cite besides ``cited`` for the parts of a question they leave unanswered."""
    parts = _part_words(question, region_names, catalog)
    part_words = [words for _, words in parts]
    if len(part_words) < 2 or not scored:
        return []
    floor = threshold(question.lang)
    added: list[str] = []
    for index, (part, words) in enumerate(parts):
        # A later part's own words are those the parts before it lack; the first part's,
        # those the parts after it lack (共有多少名？…每人每月多少元？: the evidence read best
        # may answer the second part only).
        others = part_words[:index] if index else part_words[1:]
        elsewhere = same_sense("".join(w for other in others for w in other))
        planned = asks_plan(part)
        topic = [w for w in words if w not in _PLAN_WORDS] if planned else words
        grams = {g for g in bigrams(topic) if g not in elsewhere}
        if planned and len(grams) < MIN_OWN_GRAMS:  # how many more does it plan: the same thing
            grams = set(bigrams([w for other in others for w in other]))
        # A part asking a figure of a named kind (每月多少元, how much) is answered only by
        # a provision stating one: that filter is evidence too, so fewer words must match,
        # and words no text of the library uses (上司 for "boss") are not sought.
        figure = asked_quantity(part) is not None
        if figure:
            grams = {g for g in grams if catalog.bigram_counts.get(g)}
        if len(grams) < MIN_OWN_GRAMS:
            continue
        weights = {gram: catalog.bigram_weight(gram) for gram in grams}
        needed = PART_SHARE_FIGURE if figure else PART_SHARE

        texts = [catalog.provision_text.get(pid, "") for pid in [*cited, *added]]
        answered = "".join(text for text in texts if may_answer_part(text, part))
        if weighted_share(weights, answered) >= needed:
            continue
        shares = [
            (weighted_share(weights, text), s)
            for s in scored[:PART_LOOKAHEAD]
            if s.score >= floor
            and s.provision_id not in cited
            and may_answer_part(text := catalog.provision_text.get(s.provision_id, ""), part)
        ]
        share, best = max(shares, key=lambda pair: pair[0], default=(0.0, None))
        if best is not None and share >= needed:
            added.append(best.provision_id)
    return added


def may_answer_part(text: str, part: str) -> bool:
    """Whether a provision may answer a part: one asking for a figure (涨到多少, how many
    more) only if it states one (of the asked kind, when the part names it); one asking
    what is planned only if it states a plan."""
    if asks_plan(part) and not states_plan(text):
        return False
    quantity = asked_quantity(part)
    if quantity is None and _ASKS_FIGURE.search(part) is None:
        return True
    return states_figure(text, quantity)


def _part_words(
    question: Question, region_names: Sequence[str], catalog: Catalog
) -> list[tuple[str, list[str]]]:
    """Each part with its words: a Chinese question's own, an English one's Chinese
    renderings."""
    if question.lang == "zh":
        words = question_words(question, region_names)
        return [(part, [w for w in words if w in part]) for part in question_parts(question.text)]
    parts = [part for part in _ENGLISH_PARTS.split(question.text) if part.strip()]
    stop = intent_rules().stopwords_en
    names = set(region_names)
    return [
        (part, [w for w in translate_query(part, stop, catalog.usage).zh_terms if w not in names])
        for part in parts
    ]
