"""English renderings of Chinese labels, offline: glossary, then the bilingual lexicon.

A word with no translation keeps its Chinese characters (6类21种 stays 6类21种):
pinyin of a common word ("Wenzediaocha") reads as English to nobody. Pinyin is
kept for region names only, through the gazetteer's English names (Xianju County).
"""

from __future__ import annotations

import re
from functools import lru_cache

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.lexicon import english
from policykg.ingest.segment import load_segmenter

# A clause read word by word leaves Chinese between the English words ("滇方 persevere
# with 用 local cadre same 的 standards"), which reads as neither language: past one
# untranslated run (6类21种), the Chinese label stands alone.
MAX_UNTRANSLATED_RUNS = 1
# … and a clause-long label keeps none ("each person each month 增发高 height above sea
# level"): a short term with one untranslated word still reads (6类21种 specific …).
MAX_PARTLY_TRANSLATED = 12


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)


def _english_word(word: str) -> str | None:
    """The glossary's or the lexicon's English for one word, or a region's English name."""
    found = english(word)
    if found is not None:
        return found
    regions = load_gazetteer().by_name(word) if len(word) >= 2 else []
    return regions[0].name_en if regions else _compound(word)


def _compound(word: str) -> str | None:
    """A domain compound the segmenter keeps whole, read as known words (问责调查 →
    accountability investigation); None unless every character is covered."""
    parts: list[str] = []
    start = 0
    while start < len(word):
        end = next((e for e in range(len(word), start + 1, -1) if english(word[start:e])), 0)
        if not end:
            return None
        parts.append(english(word[start:end]) or "")
        start = end
    return " ".join(parts) if len(parts) > 1 else None


@lru_cache(maxsize=4096)
def english_label(label_zh: str) -> str:
    """An English rendering word by word; an untranslated run keeps its Chinese, and a
    label with more than one such run is returned as it is (Chinese).

    Example:
        >>> english_label("协议年薪")
        'negotiated annual salary'
    """
    whole = _english_word(label_zh)
    if whole is not None:
        return whole
    pieces: list[str] = []
    runs = 0
    untranslated = ""  # a run of words with no English, kept as written
    for word in [*load_segmenter().words(label_zh), ""]:  # "" ends the last run
        english = _english_word(word) if _has_chinese(word) else None
        if word and english is None and (_has_chinese(word) or word.isalnum()):
            untranslated += word
            continue
        if untranslated:
            pieces.append(untranslated)
            runs += _has_chinese(untranslated)
            untranslated = ""
        if english:
            pieces.append(english)
    if runs > MAX_UNTRANSLATED_RUNS or (runs and len(label_zh) > MAX_PARTLY_TRANSLATED):
        return label_zh
    english = " ".join(pieces).strip()
    # A lone untranslated character is a particle (的, 到) left between English words, and
    # a dictionary's "sth"/"sb" is its shorthand: neither reads as English.
    lone = any(len(piece) == 1 and _has_chinese(piece) for piece in pieces)
    if lone or re.search(r"\b(?:sth|sb)\b", english):
        return label_zh
    return english or label_zh
