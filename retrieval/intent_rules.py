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
