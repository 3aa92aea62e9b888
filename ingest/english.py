"""English renderings of Chinese labels, offline: known terms, a glossary, then pinyin."""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from policykg.ingest.romanize import pinyin
from policykg.ingest.segment import load_segmenter
from policykg.ingest.vocab import load_vocabulary


@lru_cache(maxsize=1)
def _glossary() -> dict[str, str]:
    text = resources.files("policykg.ingest").joinpath("data", "glossary_en.tsv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    glossary = {row["zh"]: row["en"] or "" for row in rows}
    for term in load_vocabulary().measure_terms:
        glossary[term.term_zh] = term.label_en
    return glossary


@lru_cache(maxsize=4096)
def english_label(label_zh: str) -> str:
    """An English rendering: the glossary word by word, pinyin for the rest.

    Example:
        >>> english_label("协议年薪")
        'negotiated annual salary'
    """
    glossary = _glossary()
    if label_zh in glossary:
        return glossary[label_zh]
    words: list[str] = []
    for word in load_segmenter().words(label_zh):
        if word in glossary:
            words.append(glossary[word])
        elif any("\u4e00" <= char <= "\u9fff" for char in word):
            words.append(pinyin(word))
        elif word.isalnum():
            words.append(word)
    return " ".join(word for word in words if word).strip() or pinyin(label_zh)
