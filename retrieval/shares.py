"""How much of a question a text holds: its words' character bigrams, weighted by
rarity, and the alternatives a question offers (A或B) read one at a time."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Payments named by another head word are the same payment: 伙食补助, 伙食补贴 and 伙食津贴
# (what it pays for tells payments apart, not the head).
_PAYMENT_HEADS = re.compile("补助|津贴")


def same_payment(text: str) -> str:
    """The text with every 补助 and 津贴 read as 补贴."""
    return _PAYMENT_HEADS.sub("补贴", text) if "补助" in text or "津贴" in text else text


# A provision answers one of the alternatives a question offers when it holds this
# share of that alternative's words (weighted by rarity).
SIDE_HELD = 0.5


def bigrams(words: Iterable[str]) -> set[str]:
    """Character bigrams of Chinese words (a one-character word counts as itself)."""
    grams: set[str] = set()
    for word in words:
        word = same_payment(word)
        if len(word) == 1:
            grams.add(word)
        grams.update(word[i : i + 2] for i in range(len(word) - 1))
    return grams


def share_in(grams: set[str], text: str) -> float:
    text = same_payment(text)
    return sum(g in text for g in grams) / len(grams) if grams else 0.0


def weighted_share(weights: dict[str, float], text: str) -> float:
    """The share of the question's bigrams in ``text``, each weighted by its rarity."""
    total = sum(weights.values())
    text = same_payment(text)
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
