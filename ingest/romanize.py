"""Pinyin for proper names (regions), the bottom of the English-rendering stack."""

from __future__ import annotations

import itertools

from pypinyin import Style, lazy_pinyin
from pypinyin import pinyin as readings_of

MAX_READINGS = 16  # spellings of one name kept, over its characters' readings


# Readings a character takes in place names where the dictionary's first reading is
# another: 勒 in names written from Mongolian and Uyghur (锡林郭勒, 库尔勒) is le, not lei
# (勒紧); 长 is chang (长治, 长阳, 长白), 都 du (宁都, 郫都), 朝 chao (朝阳).
NAME_READINGS = {"勒": "le", "长": "chang", "都": "du", "朝": "chao"}
# Names read otherwise still (长子县 is Zhangzi; 单县 Shan, 蔚县 Yu, 涡阳 Guoyang, 浚县 Xun;
# 闵行 Minhang, 洪洞 Hongtong: the dictionary reads 行 and 洞 as in other words).
NAME_SPELLINGS = {
    "长子": "Zhangzi",
    "单": "Shan",
    "蔚": "Yu",
    "涡阳": "Guoyang",
    "浚": "Xun",
    "闵行": "Minhang",
    "洪洞": "Hongtong",
    "筠连": "Junlian",
    "荥经": "Yingjing",
    "什邡": "Shifang",
    "覃塘": "Qintang",
    "泊头": "Botou",
    "称多": "Chenduo",
}


def pinyin(text: str) -> str:
    """Toneless pinyin, syllables of a word joined: 仙居 → Xianju, 库尔勒 → Kuerle."""
    if text in NAME_SPELLINGS:
        return NAME_SPELLINGS[text]
    syllables = lazy_pinyin(text, style=Style.NORMAL)
    if len(syllables) == len(text):  # one syllable a character: the name's own readings
        syllables = [NAME_READINGS.get(char, s) for char, s in zip(text, syllables, strict=True)]
    return "".join(syllables).capitalize()


def pinyin_readings(text: str) -> tuple[str, ...]:
    """Every toneless spelling of a name over its characters' readings (at most
    ``MAX_READINGS``): 伽师 → Gashi, Jiashi, Qieshi; people spell a place as they say it,
    and a reader who does not know the name reads each character as in other words
    (乐清, Yueqing, as Leqing): the phrase's readings first, then each character's."""
    as_phrase = readings_of(text, style=Style.NORMAL, heteronym=True)
    by_character = [readings_of(char, style=Style.NORMAL, heteronym=True)[0] for char in text]
    spellings = itertools.chain(itertools.product(*as_phrase), itertools.product(*by_character))
    kept: dict[str, None] = {}
    for parts in spellings:  # lazily: the products grow as the readings per character
        kept.setdefault("".join(parts).capitalize())
        if len(kept) == MAX_READINGS:
            break
    return tuple(kept)
