"""Province abbreviations (沪, 皖, 闽) and compounds written with them (沪苏浙皖, 闽宁).

One character is an ordinary word far more often than a province (新机制, 出台,
津贴, 晋升), so an abbreviation counts only where its context makes it one: a run
of abbreviations (沪苏浙皖), a listed compound (闽宁, 江浙沪), a movement verb
before it (赴京, 在沪, 援疆) or a people/firm marker after it (浙商, 皖籍, 台资).
The lexicon is ``data/region_abbreviations.tsv``. Each character becomes its own
mention, so ``text[start:end] == surface`` stays exact and a run reads as an
enumeration of subjects.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources

from policykg.ingest.models import MentionRole, RegionMention

# Verbs after which a strong abbreviation is a place (赴京挂职, 在沪企业, 援疆干部).
MOVEMENT_VERBS = frozenset("赴来在驻离返进入抵留回援")
# Aid verbs: the place after them receives (援疆, 援藏).
RECEIVING_VERBS = frozenset("援")
# People or firms from a province (浙商, 皖籍干部, 港资, 台企).
ORIGIN_MARKERS = frozenset("籍企商资")
# A run followed by these is a proper name (闽宁镇), not a list of provinces.
PLACE_SUFFIXES = frozenset("镇村乡路街县市区省")


class Strength(str, Enum):
    STRONG = "strong"
    WEAK = "weak"
    COMPOUND = "compound"


@dataclass(frozen=True, slots=True)
class Shorthand:
    """The abbreviation lexicon: characters, compounds and receiving verb pairs."""

    letters: dict[str, tuple[str, Strength]]  # 沪 → (310000, strong)
    compounds: dict[str, tuple[str, ...]]  # 江浙沪 → (320000, 330000, 310000)
    receiving: dict[str, str]  # 进藏 → 540000


@lru_cache(maxsize=1)
def load_shorthand() -> Shorthand:
    """The lexicon from ``data/region_abbreviations.tsv``, checked as it loads."""
    text = (
        resources.files("policykg.ingest")
        .joinpath("data", "region_abbreviations.tsv")
        .read_text("utf-8")
    )
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    letters: dict[str, tuple[str, Strength]] = {}
    compounds: dict[str, tuple[str, ...]] = {}
    receiving: dict[str, str] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        surface, codes, kind = row["surface"], tuple(row["codes"].split(";")), row["kind"]
        if kind == "abbreviation" and len(surface) == 1 and len(codes) == 1:
            letters[surface] = (codes[0], Strength(row["strength"]))
        elif kind == "compound" and len(codes) == len(surface):
            compounds[surface] = codes
        elif kind == "receiving" and len(codes) == 1:
            receiving[surface] = codes[0]
        else:
            raise ValueError(f"region_abbreviations.tsv: bad row {surface!r} ({kind})")
    return Shorthand(letters, compounds, receiving)


def shorthand_mentions(
    text: str, covered: Iterable[tuple[int, int]], common_words: dict[str, int]
) -> list[RegionMention]:
    """Abbreviation mentions outside the spans already taken by full names."""
    lexicon = load_shorthand()
    taken: set[int] = set()
    for start, end in covered:
        taken.update(range(start, end))
    found = _compounds(text, taken, lexicon)
    for mention in found:
        taken.add(mention.start)
    position = 0
    while position < len(text):
        if text[position] not in lexicon.letters or position in taken:
            position += 1
            continue
        end = position
        while end < len(text) and text[end] in lexicon.letters and end not in taken:
            end += 1
        found.extend(_run(text, position, end, lexicon, common_words))
        position = end
    return found


def _compounds(text: str, taken: set[int], lexicon: Shorthand) -> list[RegionMention]:
    """Listed compounds, longest first (江浙沪 holds 江, which alone is no province)."""
    found: list[RegionMention] = []
    used = set(taken)
    for surface in sorted(lexicon.compounds, key=len, reverse=True):
        for match in re.finditer(re.escape(surface), text):
            start, end = match.span()
            if used.intersection(range(start, end)) or text[end : end + 1] in PLACE_SUFFIXES:
                continue
            used.update(range(start, end))
            role = MentionRole.RECEIVER if text[start - 1 : start] in RECEIVING_VERBS else None
            found.extend(
                RegionMention(
                    code, start + i, start + i + 1, surface[i], True, role or MentionRole.NONE
                )
                for i, code in enumerate(lexicon.compounds[surface])
            )
    return found


def _run(
    text: str, start: int, end: int, lexicon: Shorthand, words: dict[str, int]
) -> list[RegionMention]:
    # 出台京津 → 京津: an edge character that forms a word with its neighbour is that word.
    while 0 < start < end and words.get(text[start - 1 : start + 1]):
        if text[start - 1] in MOVEMENT_VERBS and end - start == 1:
            break  # 援疆, 赴京: the verb pair is the licensing context
        start += 1
    while end > start and end < len(text) and words.get(text[end - 1 : end + 1]):
        if text[end] in ORIGIN_MARKERS:
            break  # 浙商 is a word, and a province's merchants
        end -= 1
    if end - start == 1:
        return _single(text, start, lexicon, words)
    if end - start < 1 or (end < len(text) and text[end] in PLACE_SUFFIXES):
        return []
    run = text[start:end]
    strengths = [lexicon.letters[letter][1] for letter in run]
    strong = sum(s is Strength.STRONG for s in strengths)
    if strong * 2 < len(run) or (strong < 2 and words.get(run)):
        return []  # 新台阶, 台新: no strong letter; 苏宁: a word (the firm)
    codes = tuple(lexicon.letters[letter][0] for letter in run)
    role = MentionRole.RECEIVER if start and text[start - 1] in RECEIVING_VERBS else None
    return [
        RegionMention(code, start + i, start + i + 1, run[i], True, role or MentionRole.NONE)
        for i, code in enumerate(codes)
    ]


def _single(
    text: str, position: int, lexicon: Shorthand, words: dict[str, int]
) -> list[RegionMention]:
    letter = text[position]
    code, strength = lexicon.letters[letter]
    before = text[position - 1] if position else ""
    after = text[position + 1] if position + 1 < len(text) else ""
    receiving = lexicon.receiving.get(before + letter)
    if receiving or (before in RECEIVING_VERBS and strength is not Strength.COMPOUND):
        return [
            RegionMention(
                receiving or code, position, position + 1, letter, True, MentionRole.RECEIVER
            )
        ]
    licensed = (after in ORIGIN_MARKERS and strength is not Strength.COMPOUND) or (
        before in MOVEMENT_VERBS
        and strength is Strength.STRONG
        and not words.get(text[position : position + 2])  # 在津贴: 津贴 is the word
    )
    if not licensed:
        return []
    return [RegionMention(code, position, position + 1, letter, True)]
