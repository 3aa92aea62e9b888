"""Short names a document defines for a place (莫力达瓦达斡尔族自治旗，…简称“莫旗”).

Official documents and reports name a place in full once, define its short name
(以下简称“高竹新区”), and use the short name after. Each later use of the short
name is a mention of that place, as a gazetteer name would be. A short name given
to several places at once (三河市、大厂回族自治县、香河县（以下简称“北三县”）) names
no one of them and is left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.ingest.models import RegionMention

# 简称“莫旗”, 以下简称"高竹新区", 简称为「北碚」: the short name in quotes.
DEFINITION = re.compile(r"(?:以下)?简称(?:为)?[“\"「『]([\u4e00-\u9fff]{2,8})[”\"」』]")
# The place defined is named in the same sentence, at most this far before 简称.
DEFINED_WITHIN = 40
SENTENCE_END = re.compile(r"[。！？；\n]")
LIST_JOINER = re.compile(r"[、，,和及与]|以及")


def alias_mentions(
    text: str, named: Sequence[RegionMention], taken: Sequence[tuple[int, int]]
) -> list[RegionMention]:
    """Mentions of each short name the text defines for one named place, outside ``taken``."""
    found: list[RegionMention] = []
    for definition in DEFINITION.finditer(text):
        code = _defined_place(text, definition.start(), named)
        if code is None:
            continue
        alias = definition.group(1)
        spans = [*taken, *((m.start, m.end) for m in found)]
        for use in re.finditer(re.escape(alias), text):
            if definition.start() <= use.start() < definition.end():
                continue  # the definition itself
            if any(start < use.end() and use.start() < end for start, end in spans):
                continue
            found.append(RegionMention(code, use.start(), use.end(), alias))
    return sorted(found, key=lambda m: m.start)


def _defined_place(text: str, at: int, named: Sequence[RegionMention]) -> str | None:
    """The place named last in the sentence before ``at``; None when there is none or it
    ends a list (三河市、大厂回族自治县、香河县: the short name is the list's)."""
    start = max(0, at - DEFINED_WITHIN)
    start = max([start, *(m.end() for m in SENTENCE_END.finditer(text, start, at))])
    before = [m for m in named if start <= m.start and m.end <= at and not m.implicit]
    if not before:
        return None
    last = before[-1]
    listed = any(
        LIST_JOINER.fullmatch(text[m.end : last.start]) for m in named if m.end <= last.start
    )
    return None if listed else last.code
