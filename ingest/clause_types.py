"""The type of a clause that names none itself, read from its form and its place: a
statute's rule under a title naming a type, money paid per person and period, the
clauses explaining a practice, the headings and lead sentence above it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from policykg.ingest.genre import DocumentKind
from policykg.ingest.headings import markers_end
from policykg.ingest.measures import Context, verb_pattern
from policykg.ingest.models import IncentiveType, Provision, Section


def statute_rule_type(ctx: Context, clause: str) -> IncentiveType | None:
    """A rule of a statute whose title names a type (…容错纠错实施办法) is of that type,
    though its sentence names none (自受理之日起十五个工作日内作出认定): the title says
    what the law regulates."""
    if ctx.kind is not DocumentKind.STATUTE or not re.search(ctx.vocab.rules.modal_pattern, clause):
        return None
    return ctx.vocab.classify(ctx.document.meta.title or "")


def pay_type(ctx: Context, clause: str) -> IncentiveType | None:
    """The type of money paid per person and period (每人每月再增发300元), which is pay
    whether or not the clause names the payment (its question or heading does)."""
    rules = ctx.vocab.rules
    if not re.search(rules.pay_pattern, clause):
        return None
    return rules.pay_type if in_use(ctx, rules.pay_type) else None


def in_use(ctx: Context, code: IncentiveType) -> bool:
    """Whether the vocabulary in use has the type (a user's may leave a built-in one out)."""
    return any(entry.code == code for entry in ctx.vocab.types)


_ITEM_OPENING = re.compile(r"\s*(?:[一二三四五六七八九十]+是|其[一二三四五六七八九十])")


def elaboration_type(ctx: Context, later: list[tuple[int, int]]) -> IncentiveType | None:
    """The type the clauses after a practice give it, up to the next clause naming a
    practice of its own: the type most of their cues name (佐龙镇推行镇村报表“只报一次”，
    县直部门需要的数据…从已有台账中提取，不再让村干部重复填报: 台账 and 填报, a burden
    cut, outvote 数据)."""
    text = ctx.document.text
    verbs = verb_pattern(ctx.vocab.rules.policy_verbs)
    explained = []
    for start, end in later:
        clause = text[start:end]
        first = start + len(clause) - len(clause.lstrip())  # its first character
        # A clause doing something (加强…) or opening an item (三是…, （二）) is a practice
        # of its own, not this one's explanation.
        opens_item = markers_end(text, start) > first or _ITEM_OPENING.match(clause)
        if opens_item or verbs.search(text, start, end):
            break
        explained.append(clause)
    return ctx.vocab.vote(explained)


def measure_type(
    ctx: Context,
    label: str,
    clause: str,
    aspect: IncentiveType | None,
    paragraph_aspect: IncentiveType | None,
    provision: Provision,
) -> IncentiveType | None:
    term = ctx.vocab.term_for(label)
    if term:
        return term.incentive_type
    # Not the whole sentence: a clause about career paths must not inherit the
    # fault-tolerance cue of the clause before it.
    kind = aspect or ctx.vocab.classify(label) or ctx.vocab.classify(clause) or paragraph_aspect
    rules = ctx.vocab.rules
    if kind is None and re.search(rules.beneficiary_pattern, clause):
        # 为援疆干部安排周转公寓: looking after them (if the types in use have that type)
        return rules.beneficiary_type if in_use(ctx, rules.beneficiary_type) else None
    return kind


def lead_aspect(ctx: Context, first: Provision) -> IncentiveType | None:
    """A short lead sentence such as 实施路径数字化。 sets the paragraph's type."""
    if len(first.text) > 15:
        return None
    return ctx.vocab.classify(first.text)


def headings_above(ctx: Context, provision: Provision) -> Iterator[Section]:
    """The sections the provision sits in, nearest first; a numbered item that heads
    its own section is not above itself."""
    for depth in range(len(provision.section), 0, -1):
        section = next((s for s in ctx.sections if s.path == provision.section[:depth]), None)
        if section is not None and section.start < provision.start:
            yield section


def section_aspect(ctx: Context, provision: Provision) -> IncentiveType | None:
    """The incentive type the nearest typed heading above the provision names (三、待遇保障
    → material): official documents group their measures under such headings."""
    kinds = (ctx.vocab.classify(s.path[-1]) for s in headings_above(ctx, provision))
    return next((kind for kind in kinds if kind is not None), None)
