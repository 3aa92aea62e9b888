"""How much of a question a text holds: its words' character bigrams, weighted by
rarity, and the alternatives a question offers (A或B) read one at a time."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from policykg.ingest.vocab import load_vocabulary

SAME_SENSE_FILE = "same_sense_zh.tsv"
SAME_SENSE_CACHE = 16384  # texts: about the provisions of a large library


@lru_cache(maxsize=1)
def _same_sense() -> tuple[re.Pattern[str], dict[str, str]]:
    """Each word of a group of ``data/same_sense_zh.tsv`` → the group's first, and one
    pattern finding them all, longest first (体检 inside 健康体检 is that word)."""
    text = resources.files("policykg.retrieval").joinpath("data", SAME_SENSE_FILE)
    read_as: dict[str, str] = {}
    for line in text.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            head, *others = line.split("\t")
            read_as.update({word: head for word in (head, *others)})
    words = sorted(read_as, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words))), read_as


def sense_forms(word: str) -> tuple[str, ...]:
    """The word and the others of its sense (交通车: 通勤车, 班车, 通勤班车)."""
    _, read_as = _same_sense()
    head = read_as.get(word)
    if head is None:
        return (word,)
    return (word, *(other for other, its in read_as.items() if its == head and other != word))


@lru_cache(maxsize=SAME_SENSE_CACHE)
def same_sense(text: str) -> str:
    """The text with the words of one sense read as one (伙食补助 as 伙食补贴, 恢复名誉 as
    澄清正名): what a question asks in its words, a text may say in the other. Cached: a
    provision's text is read several times a question (its share, its full share, the
    parts), and again by the next question."""
    pattern, read_as = _same_sense()
    return pattern.sub(lambda match: read_as[match.group()], text)


# A provision answers one of the alternatives a question offers when it holds this
# share of that alternative's words (weighted by rarity).
SIDE_HELD = 0.5


@lru_cache(maxsize=1)
def _practice_terms() -> frozenset[str]:
    return frozenset(load_vocabulary().practice_terms())


def practice_term(word: str) -> bool:
    """Whether a word names a practice (周转房, 补休), itself or read in one sense with one
    (放假 as 补休, 心里话 as 谈心谈话)."""
    terms = _practice_terms()
    return word in terms or same_sense(word) in terms


def practice_within(word: str) -> str | None:
    """The practice a word names, itself or inside a longer whole the segmenter kept
    (食堂难题: 食堂, read in one sense): the longest practice term in it, if any."""
    if practice_term(word):
        return word
    said = same_sense(word)
    inside = [term for term in _practice_terms() if len(term) >= 2 and term in said]
    return max(inside, key=len) if inside else None


def bigrams(words: Iterable[str]) -> set[str]:
    """Character bigrams of Chinese words (a one-character word counts as itself)."""
    grams: set[str] = set()
    for word in words:
        word = same_sense(word)
        if len(word) == 1:
            grams.add(word)
        grams.update(word[i : i + 2] for i in range(len(word) - 1))
    return grams


def share_in(grams: set[str], text: str) -> float:
    text = same_sense(text)
    return sum(g in text for g in grams) / len(grams) if grams else 0.0


def weighted_share(weights: dict[str, float], text: str) -> float:
    """The share of the question's bigrams in ``text``, each weighted by its rarity."""
    total = sum(weights.values())
    text = same_sense(text)
    return sum(w for g, w in weights.items() if g in text) / total if total else 0.0


def held_share(
    weights: dict[str, float], sides: list[tuple[dict[str, float], dict[str, float]]], text: str
) -> float:
    """The share of the question's words the text holds; of one alternative's and the
    rest, without the other alternative's, when it holds that one (``SIDE_HELD``)."""
    return max(
        [weighted_share(weights, text)]
        + [
            weighted_share(rest, text)
            for own, rest in sides
            if weighted_share(own, text) >= SIDE_HELD
        ]
    )
