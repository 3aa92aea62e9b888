"""Pinyin for proper names (regions), the bottom of the English-rendering stack."""

from __future__ import annotations

import itertools

from pypinyin import Style, lazy_pinyin
from pypinyin import pinyin as readings_of

MAX_READINGS = 16  # spellings of one name kept, over its characters' readings


# Readings a character takes in place names where the dictionary gives another: 勒 in
# names written from Mongolian and Uyghur (锡林郭勒, 库尔勒, 策勒) is le, not lei (勒紧).
NAME_READINGS = {"勒": "le"}


def pinyin(text: str) -> str:
    """Toneless pinyin, syllables of a word joined: 仙居 → Xianju, 库尔勒 → Kuerle."""
    syllables = lazy_pinyin(text, style=Style.NORMAL)
    if len(syllables) == len(text):  # one syllable a character: the name's own readings
        syllables = [NAME_READINGS.get(char, s) for char, s in zip(text, syllables, strict=True)]
    return "".join(syllables).capitalize()


def pinyin_readings(text: str) -> tuple[str, ...]:
    """Every toneless spelling of a name over its characters' readings (at most
    ``MAX_READINGS``): 伽师 → Gashi, Jiashi, Qieshi; people spell a place as they say it."""
    options = readings_of(text, style=Style.NORMAL, heteronym=True)
    spellings = itertools.islice(itertools.product(*options), MAX_READINGS)
    return tuple(dict.fromkeys("".join(parts).capitalize() for parts in spellings))
