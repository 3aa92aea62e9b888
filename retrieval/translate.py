"""English questions into Chinese search terms, through the bilingual lexicon.

The policy texts are Chinese, so the lexical (BM25) side of the search finds
nothing with English tokens. An English question's content words and two- to
three-word phrases are looked up in ``ingest.lexicon`` (our glossary first, then
CC-CEDICT): "reducing burdens on the grassroots" → 负担 基层. The original English
still goes to the dense (multilingual) side; the hybrid search fuses the two.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from policykg.ingest.lexicon import chinese, glossary_choice, own_terms
from policykg.ingest.segment import load_segmenter
from policykg.ingest.vocab import load_vocabulary

# Words that frame a question rather than name its content (with the intent
# rules' own stop words, passed in): "what did the report say about …".
QUESTION_WORDS = frozenset(
    """
    a about above after again all also am an and any are as at be been before being
    between both but by can could did do does doing done during each either else even ever
    few for from had has have having he her here hers him his how i if in into is it
    its itself just kind less like many may me might more most much must my new no nor
    not now of off on once one only or other our out over own per put quite rather
    really roughly same say said says she should so some such than that the their them
    then there these they this those through to too under until up upon us very was
    way we were what when where whether which while who whom whose why will with
    within would yet you your ask asked asks call called calls tell told mention
    mentioned discuss discussed talk talks text texts document documents article
    collection library thing things get got make made give given take taken set sets
    """.split()  # noqa: SIM905 -- a word list reads best as text
)
# Particles that make a phrasal verb with the word before them: "draw up", "look after".
PARTICLES = frozenset(["up", "down", "out", "off", "after", "over", "on", "in", "back", "about"])
MAX_PHRASE = 3  # lexicon keys are up to three words
# Particles that close a phrasal verb around its object ("let … go", "weed … out"); not the
# ones that are mostly prepositions (in, on, over, about, after).
SPLIT_PARTICLES = frozenset(["go", "around", "off", "out", "up", "down", "back", "away"])
MAX_SPLIT_OBJECT = 3  # words between the verb and its particle
USAGE_ORDER_COST = 1.0  # log usage a later dictionary choice must gain per place
MAX_MERGED = 8  # dictionary words considered per English word, over its forms
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|[\u4e00-\u9fff]+")


@dataclass(frozen=True, slots=True)
class TranslatedQuery:
    """The Chinese an English question stands for: terms in question order."""

    zh_terms: tuple[str, ...]

    @property
    def search_text_zh(self) -> str:
        return " ".join(self.zh_terms)


def variants(word: str) -> tuple[str, ...]:
    """The word and its likely dictionary forms: burdens → burden, promoting → promote."""
    forms = [word]
    for suffix, endings in (
        ("'s", ("",)),
        ("ies", ("y",)),
        ("es", ("", "e")),
        ("s", ("",)),
        ("ing", ("", "e")),
        ("ed", ("", "e")),
    ):
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3:
            forms += [stem + ending for ending in endings]
            if len(stem) >= 4 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # planned → plan
    forms += [f[:-1] + "ion" for f in forms if f.endswith("te")]  # promote → promotion
    # The verb of a noun: supervision → supervise, admonishment → admonish.
    forms += [f[:-3] + "e" for f in forms if f.endswith(("sion", "tion")) and len(f) > 7]
    forms += [f[:-4] for f in forms if f.endswith("ment") and len(f) > 8]
    # The lexicon spells American English: honour → honor, organisation → organization.
    # … but not four, hour or your: the -our of a word of three or more letters before it.
    forms += [re.sub(r"our\b", "or", f) for f in forms if re.search(r"\w{3}our\b", f)]
    forms += [f[:-2] + "er" for f in forms if f.endswith("tre")]  # centre → center
    forms += [re.sub(r"is(e|ed|es|ing|ation)", r"iz\1", f) for f in forms if "is" in f]
    return tuple(dict.fromkeys(forms))


def _lookup(words: list[str], glossary: frozenset[str]) -> tuple[str, ...]:
    """Chinese words for a phrase, trying dictionary forms of its first and last word:
    the first form our glossary translates (promoting → promotion → 晋升; looking
    after → look after), else the first found."""
    firsts = variants(words[0]) if len(words) > 1 else ("",)
    middle = words[1:-1] if len(words) > 1 else []
    # A phrase ending in a participle (an official posted to …) is no compound noun: its
    # last word is not read as the noun it may come from (official post, 官位).
    participle = len(words) > 1 and words[-1].endswith("ed")
    lasts = (words[-1],) if participle else variants(words[-1])
    found = [
        chinese(" ".join([first, *middle, last]).strip()) for first in firsts for last in lasts
    ]
    found = [words_zh for words_zh in found if words_zh]
    if not found:
        return ()
    # The glossary's form first, then every form's words: "supervision" is 监管 in
    # the dictionary, "supervise" 监督; which the texts use decides (``_ranked``).
    first = next((f for f in found if f[0] in glossary), found[0])
    merged = dict.fromkeys([*first, *(word for words_zh in found for word in words_zh)])
    return tuple(merged)[:MAX_MERGED]


def _known(token: str) -> bool:
    return any(chinese(form) for form in variants(token.lower()))


def tokens_of(text_en: str) -> list[str]:
    """Words and Chinese runs; a hyphenated word the lexicon lacks is split into its
    parts (negotiated-salary → negotiated salary), one it has is kept (well-being); a
    plural's possessive apostrophe is dropped (cadres')."""
    return _tokens(text_en)[0]


def _tokens(text_en: str) -> tuple[list[str], set[int]]:
    """``tokens_of``'s tokens, and the places of those written as possessives (officials',
    the official's): a phrase ends there — "officials' work" is not 公干 (official work)."""
    tokens: list[str] = []
    possessives: set[int] = set()
    for token in _TOKEN.findall(text_en):
        possessive = token.endswith("'") or token.lower().endswith("'s")
        token = token.rstrip("'")  # cadres' → cadres
        if "-" in token and not _known(token):
            tokens += [part for part in token.split("-") if part]
        else:
            tokens.append(token)
        if possessive:
            possessives.add(len(tokens) - 1)
    return tokens, possessives


def _ranked(found: tuple[str, ...], used: Callable[[str], int] | None) -> tuple[str, ...]:
    """The lexicon's choices, best first.

    With ``used`` (in how many of the library's provisions a word may occur), the first
    choice is the word the texts use most, the lexicon's order breaking near-ties: a
    word they never use can neither match nor rank anything.
    """
    if used is not None:
        counts = {word: used(word) for word in found}
        if any(counts.values()):
            order = {word: place for place, word in enumerate(found)}
            found = tuple(
                sorted(
                    found,
                    key=lambda w: math.log1p(counts[w]) - USAGE_ORDER_COST * order[w],
                    reverse=True,
                )
            )
    return found


def _runner_up(ranked: tuple[str, ...], used: Callable[[str], int] | None) -> tuple[str, ...]:
    """The second choice, when the texts use it: an English word often stands for two
    words the texts use in different provisions (review: 考核 in appraisal rules, 回顾
    in reports)."""
    if used is None or len(ranked) < 2 or not used(ranked[1]):
        return ()
    return (ranked[1],)


def _split_phrasal(
    tokens: list[str], position: int, glossary: frozenset[str]
) -> tuple[tuple[str, ...], int] | None:
    """The lexicon's words for a phrasal verb split by its object, and the particle's place."""
    verb = tokens[position].lower()
    if not verb.isalpha() or verb in QUESTION_WORDS:
        return None
    last = min(len(tokens) - 1, position + MAX_SPLIT_OBJECT + 1)
    for place in range(position + 2, last + 1):
        if tokens[place].lower() in SPLIT_PARTICLES:
            found = _lookup([verb, tokens[place].lower()], glossary)
            return (found, place) if found else None
    return None


def translate_query(
    text_en: str, stopwords: Iterable[str] = (), used: Callable[[str], int] | None = None
) -> TranslatedQuery:
    """Chinese terms for an English question's content words and phrases, longest first.

    A phrase may end in a particle ("draw up" → 制定, "look after" → 照看); a single
    word may not be one. ``used`` counts the library's provisions that may hold a word.

    Example:
        >>> translate_query("Which cadres got an annual salary?").zh_terms
        ('干部', '年薪')
    """
    glossary = own_terms()
    domain = load_vocabulary().domain_terms() | glossary
    stop = QUESTION_WORDS | {w.lower() for w in stopwords}
    terms: list[str] = []
    tokens, possessives = _tokens(text_en)
    position = 0
    while position < len(tokens):
        token = tokens[position]
        if not token.isascii():  # Chinese written into the question: 澄清正名
            terms += [w for w in load_segmenter().words(token) if len(w) >= 2]
            position += 1
            continue
        if position and tokens[position - 1].lower() == "how":
            position += 1  # "how long", "how large": the question's frame, not its content
            continue
        if split := _split_phrasal(tokens, position, glossary):
            # "let a civil servant go" is "let go" with its object inside: the phrase's
            # word, then the object's words; the particle is spent.
            found, particle = split
            terms.append(_ranked(found, used)[0])
            tokens = [*tokens[:particle], *tokens[particle + 1 :]]
            possessives = {p - (p > particle) for p in possessives if p != particle}
            position += 1
            continue
        for size in range(min(MAX_PHRASE, len(tokens) - position), 0, -1):
            words = [t.lower() for t in tokens[position : position + size]]
            if not all(w.isascii() for w in words):
                continue
            # A phrase opening or closing with a frame word is content when our glossary
            # lists it whole: "each month" is 每月, "looked at again" 复核.
            listed = (
                size > 1
                and any(w not in stop for w in words)
                and glossary_choice(" ".join(words)) is not None
            )
            if words[0] in stop and not listed:
                continue
            if words[-1] in stop and (size == 1 or words[-1] not in PARTICLES) and not listed:
                continue
            if possessives & set(range(position, position + size - 1)):
                continue  # officials' work: the possessive ends the phrase
            found = _lookup(words, glossary)
            if found:
                ranked = _ranked(found, used)
                # A phrase our glossary lists is translated as it says (promoted → 提拔,
                # not the 推动 the texts use more) when the texts use that word at all.
                chosen = glossary_choice(" ".join(words))
                if chosen is not None and (used is None or used(chosen) > 0):
                    ranked = (chosen, *(word for word in ranked if word != chosen))
                terms += [ranked[0], *_runner_up(ranked, used)]
                terms += [word for word in ranked[1:] if word in domain]
                position += size
                break
        else:
            position += 1
    return TranslatedQuery(tuple(dict.fromkeys(terms)))
