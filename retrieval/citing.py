"""Which of the read provisions an answer cites: the best and those close behind it,
the one stating the figure when a figure is asked, and the sentence of the same article
that says what the cited one leaves unsaid."""

from __future__ import annotations

from collections.abc import Sequence

from policykg.retrieval.catalog import Catalog
from policykg.retrieval.intent_rules import Intent, Quantity
from policykg.retrieval.question import Question
from policykg.retrieval.reader import (
    CITE_MARGIN,
    Scored,
    answered,
    focus_terms,
    question_words,
    threshold,
)
from policykg.retrieval.shares import bigrams, same_sense
from policykg.retrieval.wording import holds, states_figure


def citable(
    scored: Sequence[Scored],
    lang: str,
    limit: int = 3,
    catalog: Catalog | None = None,
    quantity: Quantity | None = None,
    floor_drop: float = 0.0,
) -> list[Scored]:
    """The best provision and those close behind it (at most ``limit``).

    With ``catalog`` (a figure is asked): when none of them states a figure (of the
    asked ``quantity``), the best of the next few that does joins them — the figure is
    the answer. ``floor_drop`` lowers the answering threshold for those beside the best
    (a question asking for every place that does something).
    """
    if not answered(scored, lang):
        return []
    floor = max(threshold(lang) - floor_drop, scored[0].score - CITE_MARGIN)
    chosen = [s for s in scored[:limit] if s.score >= floor]
    if catalog is not None and not any(_states_figure(catalog, s, quantity) for s in chosen):
        figure = next(
            (s for s in scored[:FIGURE_LOOKAHEAD] if _states_figure(catalog, s, quantity)), None
        )
        if figure is not None and figure.score >= threshold(lang):
            chosen = [*chosen[: limit - 1], figure]
    return chosen


FIGURE_LOOKAHEAD = 5


def _states_figure(catalog: Catalog, scored: Scored, quantity: Quantity | None) -> bool:
    return states_figure(catalog.provision_text.get(scored.provision_id, ""), quantity)


def best_sibling(
    question: Question, provision_id: str, catalog: Catalog, region_names: Sequence[str]
) -> str | None:
    """Another sentence of the same article or paragraph that the answer needs too.

    One that holds more of the question's words, or a singled-out term the cited
    sentence lacks, or — when a figure is asked — the figure it lacks.
    """
    members = catalog.provision_unit.get(provision_id, ())
    if len(members) < 2:
        return None
    grams = bigrams(question_words(question, region_names))
    focus = focus_terms(question)
    text = catalog.provision_text.get(provision_id, "")
    # What the cited sentence leaves unsaid: the question's words it lacks.
    said = same_sense(text)  # the grams are read in one sense
    missing = {g for g in grams if g not in said}
    quantity = question.quantity
    wants_figure = question.intent is Intent.FACT and not states_figure(text, quantity)
    best: tuple[float, str] | None = None
    for pid in members:
        if pid == provision_id:
            continue
        other = catalog.provision_text.get(pid, "")
        other_said = same_sense(other)
        gain = sum(g in other_said for g in missing) / len(grams) if grams else 0.0
        gain += 0.3 * sum(holds(t, other) and not holds(t, text) for t in focus)
        gain += 0.2 * (wants_figure and states_figure(other, quantity))
        if gain > 0.1 and (best is None or gain > best[0]):
            best = (gain, pid)
    return best[1] if best else None
