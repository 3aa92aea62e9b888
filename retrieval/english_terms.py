"""Vocabulary terms and incentive types named in English (negotiated annual salaries →
协议年薪): phrase matching over stemmed content words, a word's gap allowed."""

from __future__ import annotations

import re
from functools import lru_cache

from policykg.ingest.lexicon import glossary_forms
from policykg.ingest.models import IncentiveType
from policykg.ingest.vocab import Vocabulary


def _stem(word: str) -> str:
    """The word without its plural, -ing or -ed ending (honouring, honoured → honour),
    stemmed alike in the question and in the vocabulary's phrases."""
    for suffix, shortest in (("ies", 3), ("es", 3), ("s", 3), ("'s", 3), ("ing", 4), ("ed", 4)):
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _en_words(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[a-z][a-z'\-]*", text.lower())]


# Function words skipped when matching phrases: "reduce the burden" ~ "reduce burden".
_GLUE = {"the", "a", "an", "of", "on", "to", "for", "and", "in", "at", "by", "with"}


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in _GLUE]


@lru_cache(maxsize=8192)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A vocabulary phrase's content words, stemmed (once per phrase, not per question)."""
    return tuple(_content(_en_words(phrase)))


MAX_PHRASE_GAP = 1  # words allowed between a phrase's words: names (publicly) cleared


def _contains_phrase(words: list[str], phrase: str) -> bool:
    return bool(_phrase_spans(words, phrase))


def _phrase_spans(
    words: list[str], phrase: str, gap: int = MAX_PHRASE_GAP
) -> list[tuple[int, int]]:
    """Where the phrase's words stand among the content words (first, last), in order
    with at most ``gap`` words between them."""
    target = _phrase_words(phrase)
    if not target or target[0] not in words:  # the cheap test first: most phrases miss
        return []
    words = _content(words)
    spans = []
    for start, word in enumerate(words):
        if word != target[0]:
            continue
        position = start
        for wanted in target[1:]:
            ahead = words[position + 1 : position + 2 + gap]
            if wanted not in ahead:
                break
            position += 1 + ahead.index(wanted)
        else:
            spans.append((start, position))
    return spans


@lru_cache(maxsize=1)
def _glossary_phrases() -> tuple[tuple[str, str], ...]:
    """(Chinese, English phrase) for each glossary rendering of two words or more."""
    return tuple(
        (zh, form)
        for zh, forms in glossary_forms().items()
        for form in forms
        if len(_phrase_words(form)) >= 2
    )


Spans = dict[str, list[tuple[int, int]]]


def english_terms(text: str, vocab: Vocabulary) -> tuple[str, ...]:
    """Chinese measure terms named in English (negotiated annual salaries → 协议年薪).

    A term named only inside a longer name is not named: "negotiated salary system" is
    协议工资制, not also 协议年薪 ("negotiated salary"); "third-class merit" is our
    glossary's 三等功, not 注重实绩 ("merit"), and that glossary word is the term asked.
    """
    words = _en_words(text)
    spans: Spans = {}
    for term in vocab.measure_terms:
        for phrase in (term.label_en, *term.synonyms_en):
            spans.setdefault(term.term_zh, []).extend(_phrase_spans(words, phrase))
    spans = {term: found for term, found in spans.items() if found}
    glossed: Spans = {}  # the glossary's phrases written out in full, no gap
    for zh, phrase in _glossary_phrases() if spans else ():
        if zh not in spans and (written := _phrase_spans(words, phrase, 0)):
            glossed.setdefault(zh, []).extend(written)
    every = [*spans.items(), *glossed.items()]

    def inside_another(term: str, own: list[tuple[int, int]]) -> bool:
        others = [span for t, at in every if t != term for span in at]
        return all(
            any(s <= start and end <= e and e - s > end - start for s, e in others)
            for start, end in own
        )

    hidden = {t: at for t, at in spans.items() if inside_another(t, at)}
    found = [t for t in spans if t not in hidden]
    found += [
        zh
        for zh, own in glossed.items()
        if not inside_another(zh, own)
        and any(_holds_span(own, inner) for inner in hidden.values())
        and zh not in found
    ]
    quoted = re.findall(r"['\"“‘]([^'\"”’]{3,40})['\"”’]", text)
    for phrase in quoted:
        for term in vocab.measure_terms:
            if _contains_phrase(_en_words(phrase), term.label_en) and term.term_zh not in found:
                found.append(term.term_zh)
    return tuple(found)


def _holds_span(outer: list[tuple[int, int]], inner: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in outer for start, end in inner)


def english_type(text: str, vocab: Vocabulary) -> IncentiveType | None:
    words = _en_words(text)
    best: tuple[int, IncentiveType] | None = None
    for entry in vocab.types:
        for phrase in (entry.label_en, *entry.synonyms_en):
            if _contains_phrase(words, phrase) and (best is None or len(phrase) > best[0]):
                best = (len(phrase), entry.code)
    return best[1] if best else None
