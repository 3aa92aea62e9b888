"""Measure candidates that need no policy verb in front of them.

Official documents, statutes and news name measures as noun phrases: 国家实行公务员
交流制度, 发放住房补贴, 享受艰苦边远地区津贴, 开展了摘牌减负行动. A phrase ends in
an institution noun (机制/制度/清单/平台/指数/…通/补贴/津贴/称号/…, ``head_nouns``)
and runs left to the nearest stop (a verb, a function word, punctuation). Known
measure terms and quoted names anywhere in the clause are candidates too, and an
enumeration after 分为/包括 gives one per item. The rules are in
``data/measure_rules.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from policykg.ingest.measures import Context, Phrase, quoted_spans, word_bounds
from policykg.ingest.rules import MeasureRules

_FOLLOWERS = "、和与及或等的并"  # a head noun may be followed by these, or by the clause end
_ENUMERATION_SPLIT = r"、|以及|或者|和|及|与"


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


@lru_cache(maxsize=4)
def _head_pattern(heads: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True)))


def _stops(rules: MeasureRules) -> tuple[str, ...]:
    return _longest_first((*rules.phrase_stops, *rules.policy_verbs, *rules.enumerating_verbs))


@lru_cache(maxsize=4)
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


def noun_phrases(ctx: Context, start: int, end: int) -> Iterator[Phrase]:
    """Noun phrases of ``text[start:end]`` ending in an institution noun."""
    text, rules = ctx.document.text, ctx.vocab.rules
    bounds = word_bounds(text)
    for match in _head_pattern(rules.head_nouns).finditer(text, start, end):
        head_start, head_end = match.span()
        if head_end < end and _is_cjk(text[head_end]) and text[head_end] not in _FOLLOWERS:
            continue  # 考核结果, 制定: the noun is inside another word
        if _excluded(text, head_start, match.group(), rules.head_noun_exclusions):
            continue
        left = _extend_left(text, start, head_start, _stops(rules))
        while left > start and left not in bounds:
            left -= 1  # a stop inside a word (落实行政: 实行) does not cut the word
        if left > start and text[left - 1] in rules.quote_pairs.values():
            continue  # “以职培优”激励机制: the quoted name is the measure's label
        left = _strip_prefixes(text, left, head_start, rules.label_strip_prefixes)
        label = text[left:head_end]
        if len(label) > len(match.group()) and len(label) <= rules.max_label_chars + 6:
            yield Phrase(label, left, head_end, quoted=False)


def _excluded(text: str, head_start: int, head: str, exclusions: tuple[str, ...]) -> bool:
    """编制, 交通, 获奖: the head noun is the tail of a word that names no measure."""
    for word in exclusions:
        offset = word.find(head)
        if offset >= 0 and text.startswith(word, head_start - offset):
            return True
    return False


def _extend_left(text: str, floor: int, position: int, stops: tuple[str, ...]) -> int:
    while position > floor and _is_cjk(text[position - 1]):
        if any(text.endswith(stop, floor, position) for stop in stops):
            break
        position -= 1
    return position


def _strip_prefixes(text: str, left: int, limit: int, prefixes: tuple[str, ...]) -> int:
    for prefix in prefixes:
        if text.startswith(prefix, left) and left + len(prefix) < limit:
            return left + len(prefix)
    return left


def term_phrases(ctx: Context, start: int, end: int) -> Iterator[Phrase]:
    """Known measure terms (容错纠错, 澄清正名, 能上能下 …) where the clause names them."""
    text = ctx.document.text
    clause = text[start:end]
    terms = {term.term_zh for term in ctx.vocab.measure_terms}
    for entry in ctx.vocab.types:
        terms.update(entry.synonyms_zh)
    for term in sorted(terms, key=len, reverse=True):
        offset = clause.find(term)
        if offset >= 0:
            yield Phrase(term, start + offset, start + offset + len(term), quoted=False)


def quoted_names(ctx: Context, start: int, end: int) -> Iterator[Phrase]:
    """Quoted names (“基层减负年”, “组团式”帮扶…) that the vocabulary can type."""
    text, rules = ctx.document.text, ctx.vocab.rules
    for q_start, q_end in quoted_spans(text, start, end, rules.quote_pairs):
        label = text[q_start:q_end]
        if len(label) <= rules.max_label_chars and ctx.vocab.classify(label):
            yield Phrase(label, q_start, q_end, quoted=True)


def enumerated_items(ctx: Context, start: int, end: int) -> Iterator[Phrase]:
    """奖励分为：嘉奖、记三等功…; 考核分为平时考核、年度考核和聘期考核: one per item."""
    text, rules = ctx.document.text, ctx.vocab.rules
    for verb in rules.enumerating_verbs:
        at = text.find(verb, start, end)
        if at < 0:
            continue
        object_start = at + len(verb)
        object_end = _object_end(text, object_start, end)
        body = text[object_start:object_end]
        body = re.split(r"等(?=[^、]{0,4}$)", body)[0]  # 平时考核…等方式 → the items
        cursor = object_start
        for item in re.split(f"({_ENUMERATION_SPLIT})", body):
            label = item.strip("：: ")
            # An item the vocabulary can type (嘉奖, 聘期考核), not a rank or a grade name.
            if 2 <= len(label) <= 12 and ctx.vocab.classify(label) and item != verb:
                begin = cursor + len(item) - len(item.lstrip("：: "))
                yield Phrase(label, begin, cursor + len(item), quoted=False)
            cursor += len(item)
        return


def _object_end(text: str, object_start: int, clause_end: int) -> int:
    """An object introduced by a colon (分为：…) runs to the end of its sentence."""
    rest = text[object_start:clause_end].strip()
    if rest and rest not in "：:":
        return clause_end
    stop = re.compile(r"[。；;！？\n]").search(text, clause_end + 1)
    return stop.start() if stop else len(text)


def extra_phrases(ctx: Context, start: int, end: int) -> list[Phrase]:
    """All verb-free candidates of one clause, the longest first for each span."""
    found = [
        *enumerated_items(ctx, start, end),
        *noun_phrases(ctx, start, end),
        *term_phrases(ctx, start, end),
        *quoted_names(ctx, start, end),
    ]
    kept: list[Phrase] = []
    for phrase in sorted(found, key=lambda p: (p.start, -(p.end - p.start))):
        if any(k.start <= phrase.start and phrase.end <= k.end for k in kept):
            continue
        kept.append(phrase)
    return kept
