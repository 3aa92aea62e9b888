"""The parties of an agreement, and the words its body uses for them.

A cooperation agreement (干部互派挂职合作协议, 对口支援框架协议) names its parties on
lines of their own (甲方：中共上海市青浦区委组织部) and then writes 甲方, 乙方 for
each and 双方, 三方 or 各方 for all of them. What the body binds 三方 to is held by
every party, and a provision no sentence assigns binds them all, not only the place
the agreement happens to be filed under.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import Document, MentionRole, RegionMention

# 甲方：…, 乙方（盖章）：… on a line of its own: the party's name follows.
_PARTY_LINE = re.compile(r"^[ \t\u3000]*([甲乙丙丁戊])方[^：:\n]{0,6}[：:][^\n]*$", re.MULTILINE)
# How the body names one party (甲方) or all of them (双方, 三方, 各方, 甲乙双方).
_ONE_PARTY = re.compile(r"[甲乙丙丁戊]方")
_ALL_PARTIES = re.compile(r"(?:[甲乙丙丁戊]{2,5}[双两三四五]?|[双两三四五各])方")


@dataclass(frozen=True, slots=True)
class Parties:
    """Each party's regions, by its letter (甲 → ('310118',))."""

    by_letter: dict[str, tuple[str, ...]]

    @property
    def everyone(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c for codes in self.by_letter.values() for c in codes))

    def named_at(self, text: str, position: int) -> tuple[str, ...]:
        """The parties the words at ``position`` name (三方 → all, 乙方 → 乙's), or ()."""
        if _ALL_PARTIES.match(text, position):
            return self.everyone
        if _ONE_PARTY.match(text, position):
            return self.by_letter.get(text[position], ())
        return ()


def agreement_parties(
    document: Document, mentions: Sequence[RegionMention], gazetteer: Gazetteer
) -> Parties | None:
    """The parties the document's party lines name, or None when fewer than two
    different places sign it (a notice, or an agreement of one place's units)."""
    by_letter: dict[str, tuple[str, ...]] = {}
    for line in _PARTY_LINE.finditer(document.text):
        codes = [
            m.code
            for m in mentions
            if line.start() <= m.start < line.end() and m.role is not MentionRole.RECEIVER
        ]
        if deepest := gazetteer.most_specific(codes):
            by_letter.setdefault(line.group(1), deepest)
    parties = Parties(by_letter)
    return parties if len(parties.everyone) >= 2 else None
