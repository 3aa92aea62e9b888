"""Measure extraction: what a region does or is told to do, with its evidence.

Rules only, no LLM. A provision is split into clauses; a clause names its
subject regions at its start (浙江省建立…, 杨浦、嘉定等区推动…) or inherits them
from the previous clause, its paragraph's topic region, or its section heading.
A policy verb (建立/推行/实行 …, from ``data/measure_rules.json``) introduces the
measure phrase; a quoted term in it becomes the label. The incentive type comes
from the vocabulary and from aspect cues such as 物质激励方面. Verb-free
candidates (noun phrases, terms, 分为 enumerations) are in ``ingest.candidates``;
the status from genre and modality in ``ingest.genre``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.genre import DocumentKind
from policykg.ingest.headings import markers_end
from policykg.ingest.models import (
    Document,
    IncentiveType,
    MentionRole,
    RegionMention,
    Section,
)
from policykg.ingest.parties import Parties
from policykg.ingest.rules import MeasureRules
from policykg.ingest.segment import load_segmenter
from policykg.ingest.vocab import Vocabulary

# A Markdown table's cells are clauses too: | 1 | 泽州县 | 周转房保障 | is 泽州县's.
_CLAUSE_BREAK = "，,；;：:。！？!?|"
_OPENERS = "“「『《（(【"
_CLOSERS = "”」』》）)】"


@dataclass(frozen=True, slots=True)
class Phrase:
    """A candidate measure phrase: its label and its span in the document."""

    label: str
    start: int
    end: int
    quoted: bool


@dataclass(slots=True)
class Context:
    """What one document's extraction needs at hand."""

    document: Document
    mentions: Sequence[RegionMention]
    sections: Sequence[Section]
    gazetteer: Gazetteer
    vocab: Vocabulary
    kind: DocumentKind
    # The type most of the document's cues name: what a practice it names in its own
    # words (“轮值下山”) is about when nothing nearer says.
    main_type: IncentiveType | None = None
    # An agreement's parties: its 三方 and 甲方 are places too.
    parties: Parties | None = None


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of ``text[start:end]``, never splitting inside quotes or brackets."""
    clauses: list[tuple[int, int]] = []
    depth, cursor = 0, start
    for position in range(start, end):
        char = text[position]
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(0, depth - 1)
        elif char in _CLAUSE_BREAK and depth == 0:
            clauses.append((cursor, position))
            cursor = position + 1
    clauses.append((cursor, end))
    return [(s, e) for s, e in clauses if e > s]


def subject_regions(ctx: Context, start: int, end: int) -> tuple[str, ...]:
    """Regions named as the clause's subject: at its start, with 、/和 enumerations."""
    text, rules = ctx.document.text, ctx.vocab.rules
    if names_speaker(ctx, start, end):
        return ()  # a speaker's place
    # After an item's markers: （三）南丰县推行… is 南丰县's.
    opening = min(markers_end(text, start), end)
    by_start = {m.start: m for m in ctx.mentions if start <= m.start < end}
    position, last = _skip_fillers(text, opening, end, rules.leading_fillers, set(by_start))
    # 在沪期间…: the last filler is 在 (一是在…), the place after it is where, not who
    # (现在镇里…: 现在 is a time, the place after it acts).
    locative = last in rules.locative_fillers
    if position not in by_start and (
        modifier := re.compile(rules.subject_modifier_pattern).match(text, position, end)
    ):
        position = modifier.end() if modifier.end() in by_start else position
    if ctx.parties and position not in by_start and (named := ctx.parties.named_at(text, position)):
        return named  # 三方每年各选派…: every party's
    codes: list[str] = []
    while position in by_start:
        mention = by_start[position]
        if mention.role is not MentionRole.RECEIVER:  # 援疆 to 和田: the sender acts
            codes.append(mention.code)
        position = mention.end
        if position < end and text[position] in rules.subject_joiners:
            position += 1
        elif _place_within(ctx, text, position, by_start, mention.code):
            position += 1  # 长沙的浏阳市: the place within acts (the most specific is kept)
    if codes and locative and text[position:end].strip():
        return _locative_holders(ctx, codes, start, position, end)
    if codes and re.match(rules.affiliation_pattern, text[position:end]):
        return ()
    if codes and _venue_cell(text, position, end, rules.facility_pattern):
        return ()
    if not codes:
        codes = _topic_at_end(ctx, start, end) or _agent(ctx, start, end)
    if not codes:
        return ()
    return ctx.gazetteer.most_specific(codes)


def _locative_holders(
    ctx: Context, codes: list[str], start: int, position: int, end: int
) -> tuple[str, ...]:
    """Who holds a clause opening 在 + place: the pilot place (在夹浦镇试点…), else the
    doer after 由 (在沪期间的食宿由我市…安排: the place after 在 is where, not who)."""
    if re.match(ctx.vocab.rules.pilot_pattern, ctx.document.text[position:end].lstrip()):
        return ctx.gazetteer.most_specific(codes)
    agent = _agent(ctx, start, end)
    return ctx.gazetteer.most_specific(agent) if agent else ()


def _venue_cell(text: str, position: int, end: int, facility_pattern: str) -> bool:
    """Whether a table's cell is a place's facility (| 溧阳市天目湖职工疗休养基地 |): the
    name goes on from the place to a facility's noun, and the cell ends there."""
    cell_ends = text[end : end + 2].lstrip(" ").startswith("|")
    return cell_ends and re.fullmatch(facility_pattern, text[position:end].strip()) is not None


def names_speaker(ctx: Context, start: int, end: int) -> bool:
    """Whether the clause ends in a reporting verb (称多县…干部才仁多杰告诉记者)."""
    clause = ctx.document.text[start:end].rstrip("，,：: \n")
    return clause.endswith(ctx.vocab.rules.reporting_verbs)


def _agent(ctx: Context, start: int, end: int) -> list[str]:
    """A clause whose doer follows 由 (来闽挂职干部由我省接收单位安排住宿): that place acts."""
    text = ctx.document.text
    for mention in ctx.mentions:
        if start < mention.start < end and text[mention.start - 1] in ctx.vocab.rules.agent_markers:
            return [] if mention.role is MentionRole.RECEIVER else [mention.code]
    return []


def _place_within(
    ctx: Context, text: str, position: int, by_start: dict[int, RegionMention], code: str
) -> bool:
    """Whether 的 at ``position`` joins the place ``code`` to a place inside it."""
    after = by_start.get(position + 1)
    return (
        text[position : position + 1] == "的"
        and after is not None
        and ctx.gazetteer.contains(code, after.code)
    )


def _topic_at_end(ctx: Context, start: int, end: int) -> list[str]:
    """A clause that is a place described (平均海拔超过5000米的双湖县，为全县…): the
    place ending it, after 的, is the topic the next clauses speak of."""
    text = ctx.document.text
    close = end
    while close > start and (text[close - 1].isspace() or not text[close - 1].isalnum()):
        close -= 1
    for mention in ctx.mentions:
        if mention.end == close and mention.start > start and text[mention.start - 1] == "的":
            return [] if mention.role is MentionRole.RECEIVER else [mention.code]
    return []


def _skip_fillers(
    text: str, start: int, end: int, fillers: Sequence[str], names_at: set[int]
) -> tuple[int, str]:
    """The position after the leading fillers (如, 其中, 一是建议), not one a place's name
    opens with (如皋市, 如东县: 如 is no "such as" there), and the last filler skipped."""
    position, ordered, last = start, sorted(fillers, key=len, reverse=True), ""
    for _ in range(MAX_FILLERS):
        while position < end and text[position] in FILLER_GAPS:
            position += 1
        if position in names_at:
            return position, last
        filler = next((f for f in ordered if text.startswith(f, position)), None)
        if filler is None:
            return position, last
        position, last = position + len(filler), filler
    return position, last


MAX_FILLERS = 3  # 同时，一是建议…: a connective, an enumerator, an advice verb
FILLER_GAPS = frozenset(" \t\n\u3000，,")


def aspect_type(ctx: Context, clause: str) -> IncentiveType | None:
    """An aspect cue: 物质激励方面 / 在容错机制方面 / a clause opening with a type label."""
    match = re.match(ctx.vocab.rules.aspect_pattern, clause.strip())
    if match:
        return ctx.vocab.classify(match.group("aspect"))
    for entry in ctx.vocab.types:
        if clause.strip().startswith(entry.label_zh):
            return entry.code
    return None


def find_phrases(ctx: Context, start: int, end: int) -> Iterator[tuple[Phrase, bool]]:
    """Measure phrases in a clause, each with whether its verb is a weak one."""
    text, rules = ctx.document.text, ctx.vocab.rules
    verbs = verb_pattern(rules.policy_verbs)
    beneficiary = re.compile(rules.beneficiary_pattern).search(text, start, end)
    if beneficiary is not None:  # 为挂职干部租用了…: what they are given is a measure
        verbs = verb_pattern((*rules.policy_verbs, *rules.beneficiary_verbs))
    items: list[tuple[int, int, str]] = []  # (verb start, object start, verb)
    bounds = word_bounds(text)
    position = start
    while position < end:
        found = verbs.search(text, position, end)  # jump to the next verb, longest first
        if found is None:
            break
        position = found.start()
        verb = found.group()
        if position not in bounds and found.end() not in bounds:
            position += 1  # 落实行政执法: 实行 is no verb there (统一安排 ends in one)
        elif _item_start(text, start, position, items):
            items.append((position, position + len(verb), verb))
            position += len(verb)
        else:
            position += 1
    for index, (_, object_start, verb) in enumerate(items):
        object_end = items[index + 1][0] if index + 1 < len(items) else end
        while object_end > object_start and text[object_end - 1] in "、和与及":
            object_end -= 1
        for phrase in phrases_in_object(ctx, object_start, object_end):
            yield phrase, verb in rules.weak_verbs


@lru_cache(maxsize=4)
def word_bounds(text: str) -> frozenset[int]:
    """Where the segmenter's words of a document start and end (it is segmented once,
    for every clause): a verb begins or ends a word."""
    bounds, position = {0}, 0
    for word in load_segmenter().words(text):
        found = text.find(word, position)  # the segmenter drops spaces: find each word
        if found < 0:
            break
        position = found + len(word)
        bounds.update((found, position))
    return frozenset(bounds)


@lru_cache(maxsize=4)
def verb_pattern(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of the policy verbs, longest first, so a match is the longest verb."""
    return re.compile("|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True)))


def _item_start(text: str, clause_start: int, position: int, items: list) -> bool:
    """A verb opens an item when it is the clause's first, follows 、, or follows
    another verb directly (探索建立…, 通过统筹…)."""
    if not items:
        return True
    previous = text[position - 1] if position > clause_start else ""
    return previous in "、" or items[-1][1] == position


def phrases_in_object(ctx: Context, start: int, end: int) -> list[Phrase]:
    """The label(s) of one verb object: quoted terms first, else the object itself."""
    text, rules = ctx.document.text, ctx.vocab.rules
    while start < end and text[start] in "了着过":
        start += 1
    for verb in sorted((*rules.policy_verbs, *rules.beneficiary_verbs), key=len, reverse=True):
        if text.startswith(verb, start) and start + len(verb) < end:
            start += len(verb)  # 明确了建立…机制: the label starts after the verbs
            break
    while end > start and text[end - 1] in "。！？；;，,.!? ":
        end -= 1
    for suffix in rules.label_strip_suffixes:
        if text[start:end].endswith(suffix):
            end -= len(suffix)
    figure = re.search(r"\d", text[start:end])
    if figure and figure.start() >= 2:
        end = start + figure.start()  # 乡镇工作补贴300元: the figure stays in the provision
    quotes = list(quoted_spans(text, start, end, rules.quote_pairs))
    if quotes:
        phrases: list[Phrase] = []
        for q_start, q_end in quotes:
            phrases.extend(_quoted_phrases(text, start, q_start, q_end))
        return phrases
    label = text[start:end].strip()
    if len(label) > rules.max_label_chars + 6 and "、" in label and "的" not in label:
        return _enumerated_items(text, start, end)
    return [Phrase(label, start, end, quoted=False)] if label else []


def _enumerated_items(text: str, start: int, end: int) -> list[Phrase]:
    """A long unquoted enumeration (容错纠错、澄清保护、…、关心关爱机制) gives one item each."""
    phrases, cursor = [], start
    for item in text[start:end].split("、"):
        if 2 <= len(item.strip()) <= 10:
            phrases.append(Phrase(item, cursor, cursor + len(item), quoted=False))
        cursor += len(item) + 1
    return phrases


def quoted_spans(
    text: str, start: int, end: int, pairs: dict[str, str]
) -> Iterator[tuple[int, int]]:
    position = start
    while position < end:
        closer = pairs.get(text[position])
        close_at = text.find(closer, position + 1, end) if closer else -1
        if closer and close_at > position + 3:  # a 2-character quote (“有为”) is no programme name
            yield position + 1, close_at
            position = close_at + 1
        else:
            position += 1


def _quoted_phrases(text: str, object_start: int, q_start: int, q_end: int) -> list[Phrase]:
    """A quoted term; an enumeration of short items (小功常奖、…、一事一奖) gives one each."""
    quote = text[q_start:q_end]
    items = quote.split("、")
    if len(items) > 1 and all(2 <= len(item) <= 6 for item in items):
        phrases, cursor = [], q_start
        for item in items:
            phrases.append(Phrase(item, cursor, cursor + len(item), quoted=True))
            cursor += len(item) + 1
        return phrases
    prefix = text[object_start : q_start - 1]
    if 2 <= len(prefix) <= 6 and not re.search(r"[的、和与及，,]", prefix):
        return [Phrase(prefix + quote, object_start, q_end + 1, quoted=True)]
    return [Phrase(quote, q_start, q_end, quoted=True)]


def keep_phrase(ctx: Context, phrase: Phrase, weak_verb: bool) -> bool:
    """Whether a phrase names a measure rather than a goal or a generic object."""
    rules = ctx.vocab.rules
    length = len(phrase.label)
    if length < rules.min_label_chars or length > rules.max_label_chars + 6:
        return False
    if phrase.label in rules.generic_objects:
        return False
    if phrase.quoted or ctx.vocab.term_for(phrase.label):
        return True
    institutional = any(noun in phrase.label for noun in rules.institution_nouns)
    if weak_verb:
        return institutional
    return institutional or length <= 12


def measure_key(label: str, rules: MeasureRules) -> str:
    """A normalised key: one concept for the same measure named in several places."""
    key = re.sub(r"[\s“”\"「」『』‘’《》]", "", label)
    changed = True
    while changed:
        changed = False
        for suffix in rules.key_strip_suffixes:
            if key.endswith(suffix) and len(key) - len(suffix) >= 2:
                key, changed = key[: -len(suffix)], True
        for prefix in rules.key_strip_prefixes:
            if key.startswith(prefix) and len(key) - len(prefix) >= 2:
                key, changed = key[len(prefix) :], True
    return key
