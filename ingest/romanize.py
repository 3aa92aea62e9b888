"""Pinyin for proper names (regions), the bottom of the English-rendering stack."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin


def pinyin(text: str) -> str:
    """Toneless pinyin, syllables of a word joined: 仙居 → Xianju."""
    return "".join(lazy_pinyin(text, style=Style.NORMAL)).capitalize()
