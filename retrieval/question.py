"""Understanding a question: language, intent, regions, incentive type and measure terms.

Chinese and English questions meet in the same slots: 浙江/Zhejiang → 330000,
物质激励/material incentives → ``material``, 协议年薪/negotiated annual salary →
the term 协议年薪. Rules and word lists live in ``retrieval/data/intents.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import IncentiveType, RegionLevel
from policykg.ingest.regions import find_regions_en, link_regions
from policykg.ingest.rules import RulesError, check_patterns, load_frozen
from policykg.ingest.structure import CN_NUMERALS, chinese_numeral
from policykg.ingest.vocab import Vocabulary
from policykg.retrieval.index import Query
from policykg.retrieval.translate import translate_query

Lang = Literal["zh", "en"]


class Intent(str, Enum):
    WHICH_REGIONS = "which_regions"
    REGION_MEASURES = "region_measures"
    COMPARE = "compare"
    FACT = "fact"
    YES_NO = "yes_no"
    DOCUMENTS = "documents"
    DEFINITION = "definition"
    PROVISION = "provision"  # 在第几条, which article: the provision itself, with its locator
    OPEN = "open"


class Quantity(str, Enum):
    """What a number question asks for: 多久一次 a frequency, 多少元 an amount of money."""

    FREQUENCY = "frequency"
    DURATION = "duration"
    MONEY = "money"
    PEOPLE = "people"
    AGE = "age"
    SHARE = "share"


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    lang: Lang
    intent: Intent
    region_codes: tuple[str, ...]
    incentive_type: IncentiveType | None
    terms: tuple[str, ...]  # Chinese measure terms the question names (in either language)
    level: RegionLevel | None  # "which county" → county
    recommended: bool  # the question asks for advice
    keywords: tuple[str, ...]  # content words, for lexical evidence
    # Chinese words an English question stands for (region names, the type's labels),
    # so it reaches Chinese text through the lexical index too.
    expansions: tuple[str, ...] = ()
    # Of the expansions, the incentive type's labels: one standing topic per type.
    topic: tuple[str, ...] = ()
    quantity: Quantity | None = None  # what a number question asks for
    articles: tuple[str, ...] = ()  # the articles it names, as locators: 第七条第二款

    @property
    def search_query(self) -> Query:
        """The question plus its Chinese terms, so English questions reach Chinese text;
        the type's labels apart, as a topic the index embeds once."""
        topic = [word for word in self.topic if word not in self.terms]
        words = dict.fromkeys((self.text, *self.terms, *self.expansions))
        return Query(" ".join(w for w in words if w not in topic), " ".join(dict.fromkeys(topic)))

    def evidence_words(self, region_names: Iterable[str]) -> tuple[str, ...]:
        """Words whose presence makes a lexical hit evidence (see ``lexical_support``).

        Chinese questions: their content words, region names aside. English
        questions: the Chinese terms and type labels they were mapped to.
        """
        names = set(region_names)
        if self.lang == "en":
            words = (*self.terms, *self.expansions)
        else:
            words = tuple(w for w in self.keywords if not w.isascii())
        return tuple(w for w in dict.fromkeys(words) if w not in names)


@dataclass(frozen=True, slots=True)
class IntentPatterns:
    """Regexes that mark an intent; the first intent with a match wins."""

    intent: Intent
    patterns: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class QuantityPatterns:
    """How a question asks for a quantity, and how a text states one (after 第X条 and
    other ordinals are taken out)."""

    quantity: Quantity
    asked: tuple[str, ...]
    stated: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IntentRules:
    """Question-understanding rules (``retrieval/data/intents.json``), validated at load."""

    intents: tuple[IntentPatterns, ...]
    level_words: dict[str, tuple[str, ...]]  # region level (or "district") → words
    stopwords_zh: tuple[str, ...]
    stopwords_en: tuple[str, ...]
    recommend_words: tuple[str, ...]
    # Words that make a question a wh-question even beside 有没有 or 吗 (可以怎么办？有没有时限？).
    wh_words_zh: tuple[str, ...]
    quantities: tuple[QuantityPatterns, ...]  # tried in order: 多久一次 before 多久
    # Verbs that frame what a document does with a term (规定或提到了周转房): never terms.
    frame_verbs_zh: tuple[str, ...]


INTENTS_FILE = "retrieval/data/intents.json"
LEVEL_KEYS = {level.value for level in RegionLevel} | {"district"}


def load_intent_rules(path: Path | str, text: str) -> IntentRules:
    """The rules of ``path`` (its JSON ``text``): every key, type and regex checked."""
    rules = load_frozen(IntentRules, path, text)
    for number, entry in enumerate(rules.intents):
        check_patterns(str(path), f"intents[{number}].patterns", entry.patterns)
    for number, kind in enumerate(rules.quantities):
        check_patterns(str(path), f"quantities[{number}].asked", kind.asked)
        check_patterns(str(path), f"quantities[{number}].stated", kind.stated)
    unknown = sorted(set(rules.level_words) - LEVEL_KEYS)
    if unknown:
        raise RulesError(f"{path}: unknown key 'level_words.{unknown[0]}'")
    return rules


@lru_cache(maxsize=1)
def _rules() -> IntentRules:
    raw = resources.files("policykg.retrieval").joinpath("data", "intents.json").read_text("utf-8")
    return load_intent_rules(INTENTS_FILE, raw)


_ARTICLE_ZH = re.compile(rf"第([{CN_NUMERALS}\d]+)条(?:第([{CN_NUMERALS}\d]+)款)?")
_ARTICLE_EN = re.compile(
    r"\bart(?:icle|\.)\s*(\d+)(?:\s*[,(]?\s*(?:paragraph|para\.?|clause)\s*(\d+))?", re.IGNORECASE
)
_PARAGRAPH_OF_EN = re.compile(
    r"\b(?:paragraph|para\.?|clause)\s*(\d+)\s+of\s+art(?:icle|\.)\s*(\d+)", re.IGNORECASE
)


def asked_articles(text: str) -> tuple[str, ...]:
    """The articles (and paragraphs) a question names, as the locators of their provisions
    begin: 第7条 and Article 7 → 第七条; "Article 7, paragraph 2" → 第七条第二款."""

    def chinese(numeral: str) -> str:
        return chinese_numeral(int(numeral)) if numeral.isdigit() else numeral

    def locator(article: str, paragraph: str | None) -> str:
        return f"第{chinese(article)}条" + (f"第{chinese(paragraph)}款" if paragraph else "")

    found = [locator(m.group(1), m.group(2)) for m in _ARTICLE_ZH.finditer(text)]
    found += [locator(m.group(2), m.group(1)) for m in _PARAGRAPH_OF_EN.finditer(text)]
    if not found:
        found += [locator(m.group(1), m.group(2)) for m in _ARTICLE_EN.finditer(text)]
    return tuple(dict.fromkeys(found))


def frame_verbs_zh() -> frozenset[str]:
    """Verbs a question uses of what documents do (规定, 提到), not of their content."""
    return frozenset(_rules().frame_verbs_zh)


def asked_quantity(text: str) -> Quantity | None:
    """The kind of figure a question asks for, if it names one (how often, 多少元)."""
    lowered = text.lower()
    for kind in _rules().quantities:
        if any(re.search(pattern, lowered) for pattern in kind.asked):
            return kind.quantity
    return None


@lru_cache(maxsize=8)
def _stated(quantity: Quantity) -> re.Pattern[str]:
    kind = next(k for k in _rules().quantities if k.quantity is quantity)
    return re.compile("|".join(kind.stated))


def states_quantity(text: str, quantity: Quantity) -> bool:
    """Whether ``text`` (ordinals taken out) states a figure of that kind."""
    return bool(_stated(quantity).search(text))


# A Chinese question's lexical hit is evidence when the provision holds this share
# of the question's content bigrams: 督查检查考核 finds 精简督查考核, while a
# provision sharing only 干部 with 住房公积金贷款贴息 does not count.
MIN_BIGRAM_SHARE = 0.4


def lexical_support(question: Question, words: Sequence[str], text: str) -> bool:
    """Whether ``text`` holds enough of ``words`` (from ``evidence_words``)."""
    if not words:
        return False
    if question.lang == "en":
        return any(word in text for word in words)
    bigrams = {w[i : i + 2] for w in words for i in range(max(len(w) - 1, 1))}
    return sum(b in text for b in bigrams) >= MIN_BIGRAM_SHARE * len(bigrams)


def detect_language(text: str) -> Lang:
    """zh when Chinese characters outweigh Latin words."""
    chinese = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin_words = len(re.findall(r"[A-Za-z]{2,}", text))
    return "zh" if chinese and chinese >= 2 * latin_words else "en"


# An English question that opens with an auxiliary, or with one after a leading phrase
# and its comma ("Under the 2023 regulation, can a unit …?").
_AUXILIARY = r"(?:is|are|does|do|did|has|have|had|can|could|will|would|should|may|must|was|were)"
_ENGLISH_YES_NO = re.compile(rf"^(?:[^,?]{{2,160}},\s*)?{_AUXILIARY}\b(?! you know)")
# … unless a wh-question follows it ("Does any county do this? Which one?").
_SECOND_QUESTION = re.compile(r"[?？]\s*(?:which|what|where|who|how|when)\b")

# Two names joined by "and" ("Shanghai and Zhejiang"), not two things the places do
# ("officials and specialists it sends to Tibet").
_NAMES_JOINED = re.compile(r"\b[A-Z][\w'’-]*(?:'s|’s)? and [A-Z]")

# Intents whose question word asks for a thing, not a yes or no.
WH_INTENTS = frozenset({Intent.WHICH_REGIONS, Intent.FACT, Intent.DOCUMENTS, Intent.PROVISION})


def classify_intent(text: str, region_count: int) -> Intent:
    lowered = text.lower().strip()
    matched = [
        entry.intent
        for entry in _rules().intents
        if any(re.search(pattern, lowered) for pattern in entry.patterns)
    ]
    english_yes_no = _ENGLISH_YES_NO.search(lowered) and not _SECOND_QUESTION.search(lowered)
    for intent in matched:
        if intent is Intent.COMPARE and region_count < 2:
            continue
        if english_yes_no and intent is not Intent.COMPARE:
            # "Does it limit how often …?": an auxiliary opens the question, and the
            # wh-word opens a clause inside it, not a question of its own.
            return Intent.YES_NO
        # "有没有哪个地方…？是哪里？" asks which place, "…可以怎么办？有没有时限？" what to
        # do: a wh-question beside or inside a yes/no one is answered as the wh-question.
        if intent is Intent.YES_NO and (
            any(i in WH_INTENTS for i in matched)
            or any(word in lowered for word in _rules().wh_words_zh)
        ):
            continue
        return intent
    if english_yes_no:
        return Intent.YES_NO
    return Intent.COMPARE if region_count >= 2 and _NAMES_JOINED.search(text) else Intent.OPEN


def _stem(word: str) -> str:
    for suffix in ("ies", "es", "s", "'s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def _en_words(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[a-z][a-z'\-]*", text.lower())]


# Function words skipped when matching phrases: "reduce the burden" ~ "reduce burden".
_GLUE = {"the", "a", "an", "of", "on", "to", "for", "and", "in", "at", "by", "with"}


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in _GLUE]


@lru_cache(maxsize=8192)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A vocabulary phrase's content words, stemmed (once per phrase, not per question)."""
    return tuple(_content(_en_words(phrase)))


MAX_PHRASE_GAP = 1  # words allowed between a phrase's words: names (publicly) cleared


def _contains_phrase(words: list[str], phrase: str) -> bool:
    return bool(_phrase_spans(words, phrase))


def _phrase_spans(words: list[str], phrase: str) -> list[tuple[int, int]]:
    """Where the phrase's words stand among the content words (first, last), in order
    with at most ``MAX_PHRASE_GAP`` words between them."""
    target = _phrase_words(phrase)
    if not target or target[0] not in words:  # the cheap test first: most phrases miss
        return []
    words = _content(words)
    spans = []
    for start, word in enumerate(words):
        if word != target[0]:
            continue
        position = start
        for wanted in target[1:]:
            ahead = words[position + 1 : position + 2 + MAX_PHRASE_GAP]
            if wanted not in ahead:
                break
            position += 1 + ahead.index(wanted)
        else:
            spans.append((start, position))
    return spans


def english_terms(text: str, vocab: Vocabulary) -> tuple[str, ...]:
    """Chinese measure terms named in English (negotiated annual salaries → 协议年薪).

    A term named only inside another term's longer name is not named: "negotiated
    salary system" is 协议工资制, not also 协议年薪 ("negotiated salary").
    """
    words = _en_words(text)
    spans: dict[str, list[tuple[int, int]]] = {}
    for term in vocab.measure_terms:
        for phrase in (term.label_en, *term.synonyms_en):
            spans.setdefault(term.term_zh, []).extend(_phrase_spans(words, phrase))
    spans = {term: found for term, found in spans.items() if found}

    def inside_another(term: str) -> bool:
        others = [span for t, found in spans.items() if t != term for span in found]
        return all(
            any(s <= start and end <= e and e - s > end - start for s, e in others)
            for start, end in spans[term]
        )

    found = [term for term in spans if not inside_another(term)]
    quoted = re.findall(r"['\"“‘]([^'\"”’]{3,40})['\"”’]", text)
    for phrase in quoted:
        for term in vocab.measure_terms:
            if _contains_phrase(_en_words(phrase), term.label_en) and term.term_zh not in found:
                found.append(term.term_zh)
    return tuple(found)


def english_type(text: str, vocab: Vocabulary) -> IncentiveType | None:
    words = _en_words(text)
    best: tuple[int, IncentiveType] | None = None
    for entry in vocab.types:
        for phrase in (entry.label_en, *entry.synonyms_en):
            if _contains_phrase(words, phrase) and (best is None or len(phrase) > best[0]):
                best = (len(phrase), entry.code)
    return best[1] if best else None


def chinese_terms(text: str, vocab: Vocabulary) -> tuple[str, ...]:
    return tuple(term.term_zh for term in vocab.measure_terms if term.term_zh in text)


def requested_level(text: str) -> RegionLevel | None:
    """The level a question asks for (哪个县, which counties). A capitalised level word is
    part of a name (Fuzhou City, Bainang County), not what is asked."""
    for level, words in _rules().level_words.items():
        if any(re.search(rf"(?<![A-Za-z]){re.escape(w)}(?![a-z])", text) for w in words):
            return RegionLevel(level) if level != "district" else RegionLevel.COUNTY
    return None


def keywords(text: str, lang: Lang, words: Iterable[str]) -> tuple[str, ...]:
    rules = _rules()
    stop = set(rules.stopwords_zh if lang == "zh" else rules.stopwords_en)
    kept = [w for w in words if w.strip() and w.lower() not in stop and re.search(r"\w", w)]
    return tuple(dict.fromkeys(w for w in _without_a_not_a(kept) if len(w) >= 2))


_A_NOT_A = re.compile(r"([\u4e00-\u9fff])[不没]\1")


def _without_a_not_a(words: list[str]) -> list[str]:
    """The words without a yes/no question's 能不能 (cut 能 + 不能), 会不会, 算不算: its
    frame, not what it asks about."""
    kept: list[str] = []
    for word in words:
        if kept and len(kept[-1]) == 1 and word in (f"不{kept[-1]}", f"没{kept[-1]}"):
            kept.pop()
        elif not _A_NOT_A.fullmatch(word):
            kept.append(word)
    return kept


def understand(
    text: str,
    gazetteer: Gazetteer,
    vocab: Vocabulary,
    words: list[str],
    context_codes: Iterable[str] = (),
    used: Callable[[str], int] | None = None,
) -> Question:
    """Fill the question's slots; ``words`` are its jieba tokens (domain dictionary).

    ``used`` counts the library's provisions that may hold a word (English questions).
    """
    lang = detect_language(text)
    codes = [m.code for m in link_regions(text, gazetteer, context_codes)]
    codes += [r.code for r in find_regions_en(text, gazetteer)]
    codes = list(dict.fromkeys(codes))
    terms = chinese_terms(text, vocab) + english_terms(text, vocab)
    kind = vocab.classify(text) if lang == "zh" else english_type(text, vocab)
    if kind is None:
        kind = vocab.classify(text)
    recommended = any(w in text.lower() for w in _rules().recommend_words)
    expansions: list[str] = []
    topic: tuple[str, ...] = ()
    if lang == "en":
        for code in codes:
            region = gazetteer.get(code)
            if region is not None:
                expansions += [region.name_zh, region.short_zh]
        if kind is not None:
            entry = vocab.type(kind)
            topic = (entry.label_zh, *entry.synonyms_zh, *entry.cues)
            expansions += topic
        # The question's own content words in Chinese, so BM25 reaches the texts.
        expansions += translate_query(text, _rules().stopwords_en, used).zh_terms
    intent, quantity = classify_intent(text, len(codes)), asked_quantity(text)
    if intent is Intent.OPEN and quantity is not None:
        intent = Intent.FACT  # 调整的频次是怎样的: it asks for a figure
    return Question(
        text=text,
        lang=lang,
        intent=intent,
        region_codes=tuple(codes),
        incentive_type=kind,
        terms=tuple(dict.fromkeys(terms)),
        level=requested_level(text),
        recommended=recommended,
        keywords=keywords(text, lang, words),
        expansions=tuple(dict.fromkeys(expansions)),
        topic=topic,
        quantity=quantity,
        articles=asked_articles(text),
    )


FOLLOW_UP_MARKERS = re.compile(
    r"^(and|what about|how about|and in|same for)\b|^(那么?|还有|再看看?)|呢\s*[？?]?\s*$"
)
SHORT_FOLLOW_UP_CHARS = 16


def follow_up(current: Question, previous: Question | None) -> Question:
    """Fill a follow-up's empty slots from the previous question of the conversation.

    "and Zhejiang?" after a question on material incentives keeps the topic and
    changes the region; "那容错纠错呢？" after a question on 上海 keeps the region.
    A full question of its own is left alone.

    Example:
        >>> # previous: "上海在物质激励方面有哪些做法？"  current: "那浙江呢？"
        >>> # → regions (浙江省,), incentive type material
    """
    if previous is None:
        return current
    text = current.text.strip()
    short = len(text) <= SHORT_FOLLOW_UP_CHARS or len(text.split()) <= 4
    if not (FOLLOW_UP_MARKERS.search(text.lower()) or short):
        return current
    has_topic = bool(current.terms) or current.incentive_type is not None
    carried = tuple(dict.fromkeys((*current.expansions, *previous.terms, *previous.expansions)))
    if current.region_codes and not has_topic:
        if previous.intent is Intent.COMPARE:
            codes = tuple(dict.fromkeys((*previous.region_codes, *current.region_codes)))
            intent = Intent.COMPARE
        else:
            codes = current.region_codes
            intent = (
                Intent.WHICH_REGIONS
                if previous.intent is Intent.WHICH_REGIONS
                else Intent.REGION_MEASURES
            )
        return replace(
            current,
            intent=intent,
            region_codes=codes,
            incentive_type=previous.incentive_type,
            terms=previous.terms,
            recommended=previous.recommended,
            keywords=tuple(dict.fromkeys((*current.keywords, *previous.keywords))),
            expansions=carried,
            topic=current.topic or previous.topic,
        )
    if has_topic and not current.region_codes and previous.region_codes:
        intent = current.intent if current.intent is not Intent.OPEN else previous.intent
        if intent is Intent.COMPARE and len(previous.region_codes) < 2:
            intent = Intent.REGION_MEASURES
        return replace(current, region_codes=previous.region_codes, intent=intent)
    return current
