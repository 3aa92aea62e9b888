"""Sending and receiving regions in transfers of cadres or aid.

"A市选派干部到B县挂职", "A对口支援B", "A援疆干部": A sends, B receives. The rule,
per sentence (。！？；):

* the receivers are the regions written directly after a support verb (对口支援,
  帮扶), after a direction marker (到, 赴) that follows a dispatch verb (选派) or
  precedes a posting word (挂职, 支教) in the same clause, or an aid abbreviation
  (援疆 → 新疆), together with the regions enumerated right after them (B县、C县);
* the senders are the other regions named before that cue in the sentence, except
  those containing or inside a receiver (新疆…援疆: 新疆 is not its own sender);
* mutual exchanges (互派, 双向交流) have no sides and get no roles.

So extraction can attribute a measure of the sender to the sender: a receiving
county never holds the sending city's 选派 or 支援, nor the city the county's.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import MentionRole, RegionLevel, RegionMention

SENTENCE_END = re.compile(r"[。！？；\n]")
CLAUSE_END = "，,。！？；\n"


@dataclass(frozen=True, slots=True)
class RoleCues:
    support_verbs: tuple[str, ...]
    dispatch_verbs: tuple[str, ...]
    direction_markers: tuple[str, ...]
    posting_words: tuple[str, ...]
    mutual_words: tuple[str, ...]
    joiners: str


@lru_cache(maxsize=1)
def load_role_cues() -> RoleCues:
    raw = json.loads(
        resources.files("policykg.ingest").joinpath("data", "region_roles.json").read_text("utf-8")
    )
    return RoleCues(
        support_verbs=tuple(raw["support_verbs"]),
        dispatch_verbs=tuple(raw["dispatch_verbs"]),
        direction_markers=tuple(sorted(raw["direction_markers"], key=len, reverse=True)),
        posting_words=tuple(raw["posting_words"]),
        mutual_words=tuple(raw["mutual_words"]),
        joiners=str(raw["joiners"]),
    )


def assign_roles(
    text: str, mentions: Sequence[RegionMention], gazetteer: Gazetteer
) -> list[RegionMention]:
    """The mentions again, senders and receivers of transfers marked by ``role``.

    Example:
        >>> found = assign_roles(text, link_regions(text, gazetteer), gazetteer)  # doctest: +SKIP
        >>> [(m.surface, m.role.value) for m in found]  # 杭州市选派干部到仙居县挂职
        [('杭州市', 'sender'), ('仙居县', 'receiver')]
    """
    cues = load_role_cues()
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    result = list(ordered)
    start = 0
    for match in [*SENTENCE_END.finditer(text), None]:
        end = match.end() if match else len(text)
        inside = [i for i, m in enumerate(ordered) if start <= m.start < end]
        sentence = text[start:end]
        if inside and not any(word in sentence for word in cues.mutual_words):
            for index, role in _sentence_roles(text, ordered, inside, cues, gazetteer).items():
                result[index] = replace(ordered[index], role=role)
        start = end
    return result


def _sentence_roles(
    text: str,
    mentions: Sequence[RegionMention],
    inside: list[int],
    cues: RoleCues,
    gazetteer: Gazetteer,
) -> dict[int, MentionRole]:
    # 支援全国: the country is no party to a transfer between places.
    local = [i for i in inside if not _is_national(mentions[i].code, gazetteer)]
    groups = _receivers(text, mentions, local, cues)
    roles = {i: MentionRole.RECEIVER for receivers, _ in groups for i in receivers}
    for receivers, cue_at in groups:
        received = [mentions[i].code for i in receivers]
        for index in local:
            mention = mentions[index]
            if index in roles or mention.end > cue_at:
                continue
            if not any(_related(code, mention.code, gazetteer) for code in received):
                roles[index] = MentionRole.SENDER
    return roles


def _is_national(code: str, gazetteer: Gazetteer) -> bool:
    region = gazetteer.get(code)
    return region is not None and region.level is RegionLevel.NATIONAL


def _related(one: str, other: str, gazetteer: Gazetteer) -> bool:
    return one == other or gazetteer.contains(one, other) or gazetteer.contains(other, one)


def _receivers(
    text: str, mentions: Sequence[RegionMention], inside: list[int], cues: RoleCues
) -> list[tuple[list[int], int]]:
    """Groups of receiving mentions, each with where the cue before them starts."""
    groups: list[tuple[list[int], int]] = []
    seen: set[int] = set()
    for index in inside:
        if index in seen:
            continue
        mention = mentions[index]
        if mention.role is MentionRole.RECEIVER:  # 援疆: the abbreviation itself
            groups.append(([index], mention.start))
            seen.add(index)
            continue
        cue = _cue_before(text, mention.start, cues)
        if cue is not None:
            receivers = _enumeration(text, mentions, index, cues.joiners)
            groups.append((receivers, cue))
            seen.update(receivers)
    return groups


def _cue_before(text: str, position: int, cues: RoleCues) -> int | None:
    """Where a support verb or a licensed direction marker ends right at ``position``."""
    for verb in cues.support_verbs:
        if text.endswith(verb, 0, position):
            return position - len(verb)
    for marker in cues.direction_markers:
        if not text.endswith(marker, 0, position):
            continue
        at = position - len(marker)
        clause_start = max(text.rfind(c, 0, at) for c in CLAUSE_END) + 1
        dispatched = [
            found
            for found in (text.find(v, clause_start, at) for v in cues.dispatch_verbs)
            if found >= 0
        ]
        if dispatched:
            return min(dispatched)
        if any(word in text[position : _clause_end(text, position)] for word in cues.posting_words):
            return at
    return None


def _clause_end(text: str, position: int) -> int:
    ends = [found for found in (text.find(c, position) for c in CLAUSE_END) if found >= 0]
    return min(ends, default=len(text))


def _enumeration(
    text: str, mentions: Sequence[RegionMention], first: int, joiners: str
) -> list[int]:
    """The receiving mention and those enumerated right after it (B县、C县; 新疆喀什)."""
    by_start = {m.start: i for i, m in enumerate(mentions)}
    chosen = [first]
    position = mentions[first].end
    while True:
        if position < len(text) and text[position] in joiners and position + 1 in by_start:
            position += 1
        if position not in by_start:
            return chosen
        chosen.append(by_start[position])
        position = mentions[by_start[position]].end
