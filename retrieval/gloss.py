"""English glosses of the provisions, so English questions reach Chinese text lexically.

Translating a question picks one Chinese word per English word and often the wrong
sense ("campaign" → 出征). Glossing the documents instead keeps every sense: each
segmented word of a provision stands for the English words of its dictionary senses
(留置 → detain, keep, custody), stemmed, and BM25 over those glosses matches the
question's own words, whatever sense the question meant (cross-language retrieval by
document translation). The glosses come from ``ingest.lexicon`` (our glossary, then
CC-CEDICT); they are derived from the lexical index's tokens, never stored.

Example:
    >>> "detain" in gloss_words("留置")
    True
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from policykg.ingest.lexicon import english_senses
from policykg.retrieval.lexical import LexicalIndex
from policykg.retrieval.translate import QUESTION_WORDS

MAX_SENSES = 6  # the dictionary's later senses are rare uses
# An English question needs this many content words before its glosses are searched:
# a Chinese question with one Latin acronym (GDP) is not an English question.
MIN_ENGLISH_WORDS = 2
# Dictionary filler, and words too common in glosses to tell provisions apart.
GLOSS_STOPWORDS = frozenset({"sb", "sth", "etc", "oneself", "someone", "something"})
_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def _content_stems(words: Iterable[str]) -> list[str]:
    kept = [w for w in words if len(w) > 1 and w not in QUESTION_WORDS]
    return _stemmer().stemWords([w for w in kept if w not in GLOSS_STOPWORDS])


@lru_cache(maxsize=131072)
def gloss_words(token: str) -> tuple[str, ...]:
    """The stemmed English words of a Chinese word's senses (none for other tokens)."""
    if not any("\u4e00" <= char <= "\u9fff" for char in token):
        return ()
    words = [w for sense in english_senses(token)[:MAX_SENSES] for w in _WORD.findall(sense)]
    return tuple(dict.fromkeys(_content_stems(words)))


def gloss_tokens(tokens: Iterable[str]) -> list[str]:
    """A provision's tokens as the English words they stand for."""
    return [word for token in tokens for word in gloss_words(token)]


def stems(words: Iterable[str]) -> set[str]:
    """English words as the glosses hold them (stemmed)."""
    return set(_stemmer().stemWords(list(words)))


def english_query(text: str) -> list[str]:
    """An English question's stemmed content words; none for a Chinese question."""
    stems = _content_stems(_WORD.findall(text.lower()))
    return stems if len(stems) >= MIN_ENGLISH_WORDS else []


@dataclass(frozen=True, slots=True)
class Glossed:
    """The provisions' glosses: their BM25 index, and each English word's rarity."""

    index: LexicalIndex
    words: Mapping[str, frozenset[str]]  # provision id → its gloss words
    weights: Mapping[str, float]  # gloss word → inverse document frequency
    rarest: float  # the weight of a word no gloss holds (it could be anything)

    @classmethod
    def of(cls, tokens: Mapping[str, Sequence[str]]) -> Glossed:
        glossed = {pid: gloss_tokens(words) for pid, words in tokens.items()}
        words = {pid: frozenset(found) for pid, found in glossed.items()}
        counts = Counter(word for found in words.values() for word in found)
        total = max(len(words), 1)
        weights = {w: math.log(1 + (total - n + 0.5) / (n + 0.5)) for w, n in counts.items()}
        return cls(LexicalIndex(glossed), words, weights, max(weights.values(), default=1.0))

    def coverage(self, english: Sequence[str], provision_ids: Iterable[str]) -> dict[str, float]:
        """Per provision, the share of the question's words (each weighted by its rarity)
        that its glosses hold."""
        weights = {word: self.weights.get(word, self.rarest) for word in set(english)}
        total = sum(weights.values()) or 1.0
        return {
            pid: sum(w for word, w in weights.items() if word in self.words.get(pid, ())) / total
            for pid in provision_ids
        }
