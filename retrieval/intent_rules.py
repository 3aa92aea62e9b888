"""What kind of answer a question asks for: its intent, the kind of figure, the articles
it names, read with the rules of ``retrieval/data/intents.json`` (validated at load)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources
from pathlib import Path

from policykg.ingest.headings import CN_NUMERALS, chinese_numeral
from policykg.ingest.models import RegionLevel
from policykg.ingest.rules import RulesError, check_patterns, load_frozen


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
    # The general nouns for a document (文件, 材料, 报道): asked with 哪 (哪些材料提到…),
    # the question's frame, not its content.
    document_nouns_zh: tuple[str, ...]
    # What an English question's payment pays for, written before it (a rent subsidy, a
    # heating allowance): the evidence must name it.
    paid_for_words_en: tuple[str, ...]
    # Verb-object words a speaker writes apart (放几天假, 出了错, 挂过两年职): read whole.
    separable_verbs_zh: tuple[str, ...]


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
def intent_rules() -> IntentRules:
    raw = resources.files("policykg.retrieval").joinpath("data", "intents.json").read_text("utf-8")
    return load_intent_rules(INTENTS_FILE, raw)


_ARTICLE_ZH = re.compile(rf"第([{CN_NUMERALS}\d]+)条(?:第([{CN_NUMERALS}\d]+)款)?")
_ARTICLE_EN = re.compile(
    r"\bart(?:icle|\.)\s*(\d+)(?:\s*[,(]?\s*(?:paragraph|para\.?|clause)\s*(\d+))?", re.IGNORECASE
)
_PARAGRAPH_OF_EN = re.compile(
    r"\b(?:paragraph|para\.?|clause)\s*(\d+)\s+of\s+art(?:icle|\.)\s*(\d+)", re.IGNORECASE
)

# A document numbered in parts and items (一、待遇保障 …（三）协议年薪) is cited by them:
# 第二部分第（三）项, item (3) of part six, part 2, item 3. Its locators read 二、（三）.
_ITEM_ZH = re.compile(
    rf"第([{CN_NUMERALS}\d]+)部分(?:的|中的?)?第?[（(]?([{CN_NUMERALS}\d]+)[)）]?项"
)
_NUMBER_EN = r"\d+|[ivx]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_ITEM_OF_PART_EN = re.compile(
    rf"\bitem\s*\(?({_NUMBER_EN})\)?\s+(?:of|in|under)\s+(?:the\s+)?part\s+({_NUMBER_EN})\b",
    re.IGNORECASE,
)
_PART_ITEM_EN = re.compile(
    rf"\bpart\s+({_NUMBER_EN})\s*,?\s*item\s*\(?({_NUMBER_EN})\)?", re.IGNORECASE
)
# A chapter (第五章, Chapter Five) is asked as its articles: those under its heading.
_CHAPTER_ZH = re.compile(rf"第([{CN_NUMERALS}\d]+)章")
_CHAPTER_EN = re.compile(rf"\bchapter\s+({_NUMBER_EN})\b", re.IGNORECASE)
_WORD_NUMBERS = {
    word: n
    for n, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve".split(),  # noqa: SIM905
        start=1,
    )
}
_ROMAN = {"i": 1, "v": 5, "x": 10}


def _number(numeral: str) -> int | None:
    """3, three, iii → 3; a Chinese numeral → None (kept as written)."""
    lowered = numeral.lower()
    if lowered.isdigit():
        return int(lowered)
    if lowered in _WORD_NUMBERS:
        return _WORD_NUMBERS[lowered]
    if lowered and set(lowered) <= set(_ROMAN):
        values = [_ROMAN[c] for c in lowered]
        return sum(
            -v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True)
        )
    return None


def _chinese(numeral: str) -> str:
    """A numeral as locators write it: 7, seven, vii → 七; a Chinese one as it is."""
    number = _number(numeral)
    return chinese_numeral(number) if number is not None else numeral


def _item_locator(part: str, item: str) -> str:
    return f"{_chinese(part)}、（{_chinese(item)}）"


def asked_articles(text: str) -> tuple[str, ...]:
    """The articles (and paragraphs) a question names, as the locators of their provisions
    begin: 第7条 and Article 7 → 第七条; "Article 7, paragraph 2" → 第七条第二款; a part's
    item, 第二部分第（三）项 and "item (3) of part two" → 二、（三）; a chapter, 第5章 and
    Chapter Five → 第五章 (its articles' headings begin so)."""

    def locator(article: str, paragraph: str | None) -> str:
        return f"第{_chinese(article)}条" + (f"第{_chinese(paragraph)}款" if paragraph else "")

    found = [locator(m.group(1), m.group(2)) for m in _ARTICLE_ZH.finditer(text)]
    found += [locator(m.group(2), m.group(1)) for m in _PARAGRAPH_OF_EN.finditer(text)]
    if not found:
        found += [locator(m.group(1), m.group(2)) for m in _ARTICLE_EN.finditer(text)]
    found += [_item_locator(m.group(1), m.group(2)) for m in _ITEM_ZH.finditer(text)]
    found += [_item_locator(m.group(2), m.group(1)) for m in _ITEM_OF_PART_EN.finditer(text)]
    found += [_item_locator(m.group(1), m.group(2)) for m in _PART_ITEM_EN.finditer(text)]
    chapters = [*_CHAPTER_ZH.finditer(text), *_CHAPTER_EN.finditer(text)]
    found += [f"第{_chinese(m.group(1))}章" for m in chapters]
    return tuple(dict.fromkeys(found))


def is_chapter(unit: str) -> bool:
    """Whether an asked unit is a chapter (第五章), found by its articles' heading."""
    return unit.endswith("章")


@lru_cache(maxsize=1)
def frame_verbs_zh() -> frozenset[str]:
    """Verbs a question uses of what documents do (规定, 提到), not of their content."""
    return frozenset(intent_rules().frame_verbs_zh)


def asked_quantity(text: str) -> Quantity | None:
    """The kind of figure a question asks for, if it names one (how often, 多少元)."""
    lowered = text.lower()
    for kind in intent_rules().quantities:
        if any(re.search(pattern, lowered) for pattern in kind.asked):
            return kind.quantity
    return None


@lru_cache(maxsize=8)
def _stated(quantity: Quantity) -> re.Pattern[str]:
    kind = next(k for k in intent_rules().quantities if k.quantity is quantity)
    return re.compile("|".join(kind.stated))


def states_quantity(text: str, quantity: Quantity) -> bool:
    """Whether ``text`` (ordinals taken out) states a figure of that kind."""
    return bool(_stated(quantity).search(text))


# An English question that opens with an auxiliary, or with one after a leading phrase
# and its commas ("Under the 2023 regulation, can a unit …?"; "In Leye county, Guangxi,
# are …?"), a phrase that asks nothing itself.
_AUXILIARY = r"(?:is|are|does|do|did|has|have|had|can|could|will|would|should|may|must|was|were)"
_WH_WORD = r"\b(?:which|what|who|whom|whose|how|why)\b"
_ENGLISH_YES_NO = re.compile(
    rf"^(?:(?:(?!{_WH_WORD})[^,?]){{2,160}},\s*){{0,3}}{_AUXILIARY}\b(?! you know)"
)
# … unless a wh-question follows it ("Does any county do this? Which one?").
_SECOND_QUESTION = re.compile(r"[?？]\s*(?:which|what|where|who|how|when)\b")

# Two names joined by "and" ("Shanghai and Zhejiang"), not two things the places do
# ("officials and specialists it sends to Tibet").
_NAMES_JOINED = re.compile(r"\b[A-Z][\w'’-]*(?:'s|’s)? and [A-Z]")

# Several places asked for (哪些地方…？分别多少？, which counties …, and how much?): a list
# of places, each with what it does and its figure, not one quoted figure.
_PLACES_ASKED = re.compile(
    r"哪些(?:地方|地区|省|市|县|区|乡镇|镇|乡|街道)"
    r"|\bwhich (?:places|regions|provinces|cities|counties|districts|towns|townships)\b"
)

# Intents whose question word asks for a thing, not a yes or no.
WH_INTENTS = frozenset({Intent.WHICH_REGIONS, Intent.FACT, Intent.DOCUMENTS, Intent.PROVISION})


def question_parts(text: str) -> list[str]:
    """The sub-questions of a question, in order (…多少元？…又是多少元？)."""
    return [part for part in re.split(r"[？?]", text) if part.strip()]


def asks_yes_no(text: str) -> bool:
    """Whether the text holds a yes/no question (是否, 有没有 …), whatever else it asks."""
    lowered = text.lower()
    return any(
        re.search(pattern, lowered)
        for entry in intent_rules().intents
        if entry.intent is Intent.YES_NO
        for pattern in entry.patterns
    )


def classify_intent(text: str, region_count: int) -> Intent:
    lowered = text.lower().strip()
    matched = [
        entry.intent
        for entry in intent_rules().intents
        if any(re.search(pattern, lowered) for pattern in entry.patterns)
    ]
    english_yes_no = _ENGLISH_YES_NO.search(lowered) and not _SECOND_QUESTION.search(lowered)
    for intent in matched:
        if intent is Intent.COMPARE and region_count < 2:
            continue
        if intent is Intent.FACT and _PLACES_ASKED.search(lowered):
            continue
        if english_yes_no and intent is not Intent.COMPARE:
            # "Does it limit how often …?": an auxiliary opens the question, and the
            # wh-word opens a clause inside it, not a question of its own.
            return Intent.YES_NO
        # "有没有哪个地方…？是哪里？" asks which place, "…可以怎么办？有没有时限？" what to
        # do: a wh-question beside or inside a yes/no one is answered as the wh-question.
        # Unless it asks, in one question, whether a text says something (有没有规定，
        # 不能拿…多长时间来考核): the wh-word is then inside what it says.
        if (
            intent is Intent.YES_NO
            and (
                any(i in WH_INTENTS for i in matched)
                or any(word in lowered for word in intent_rules().wh_words_zh)
            )
            and not (_asks_whether_said().search(lowered) and len(question_parts(lowered)) == 1)
        ):
            continue
        return intent
    if english_yes_no:
        return Intent.YES_NO
    return Intent.COMPARE if region_count >= 2 and _NAMES_JOINED.search(text) else Intent.OPEN


@lru_cache(maxsize=1)
def _asks_whether_said() -> re.Pattern[str]:
    """是否规定, 有没有提到: whether a text says what follows (the intents' frame verbs)."""
    frames = "|".join(map(re.escape, intent_rules().frame_verbs_zh))
    return re.compile(rf"(?:是否|有没有|有无|是不是)(?:{frames})")
