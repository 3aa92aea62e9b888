"""Who speaks each turn of a transcript, and the place they speak for.

An interview, a hearing or a press conference (访谈文字实录, 座谈会实录) introduces its
speakers with their posts (嘉宾：唐山市纪委副书记 刘建峰 / 迁西县三屯营镇党委书记 张雅琴)
and then gives each turn to a name (刘建峰：…). What a speaker says "we" do is their own
place's: the city's for the city's official, the town's for the town's secretary, not
that of whichever place the guest list happens to name last.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import Document, MentionRole, RegionMention

# A turn: a short name opening its line, then a colon (主持人：, 刘建峰：).
_TURN = re.compile(r"^[ \t\u3000]*([\u4e00-\u9fff]{2,4})[：:]", re.MULTILINE)
# A speaker takes at least this many turns; a heading (工作要求：) opens one line.
MIN_TURNS = 2


@dataclass(frozen=True, slots=True)
class Turns:
    """Where each turn starts, and the places of its speaker (() for a host)."""

    starts: tuple[int, ...]
    places: tuple[tuple[str, ...], ...]

    def places_at(self, position: int) -> tuple[str, ...]:
        """The places of whoever speaks at ``position`` (() before the first turn)."""
        turn = bisect.bisect_right(self.starts, position) - 1
        return self.places[turn] if turn >= 0 else ()


def speaker_turns(
    document: Document, mentions: Sequence[RegionMention], gazetteer: Gazetteer
) -> Turns | None:
    """The document's turns, or None when no speaker of several turns is introduced with
    a place (no transcript, or one whose speakers are only 问 and 答)."""
    text = document.text
    openers = list(_TURN.finditer(text))
    counts = Counter(opener.group(1) for opener in openers)
    speakers = [name for name, turns in counts.items() if turns >= MIN_TURNS]
    opening = {opener.start(1) for opener in openers}
    places: dict[str, tuple[str, ...]] = {}
    for name in speakers:
        introduced = next(
            (m.start() for m in re.finditer(name, text) if m.start() not in opening), -1
        )
        if introduced < 0:
            continue
        # The post before the name, on its line, after any other speaker named there.
        start = text.rfind("\n", 0, introduced) + 1
        for other in speakers:
            if other != name and (at := text.rfind(other, start, introduced)) >= 0:
                start = max(start, at + len(other))
        codes = [
            m.code
            for m in mentions
            if start <= m.start < introduced and m.role is not MentionRole.RECEIVER
        ]
        if codes:
            places[name] = gazetteer.most_specific(codes)
    if not places:
        return None
    return Turns(
        tuple(opener.start() for opener in openers),
        tuple(places.get(opener.group(1), ()) for opener in openers),
    )
