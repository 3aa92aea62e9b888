"""Understanding a question: language, intent, regions, incentive type and measure terms.

Chinese and English questions meet in the same slots: 浙江/Zhejiang → 330000,
物质激励/material incentives → ``material``, 协议年薪/negotiated annual salary →
the term 协议年薪. Rules and word lists live in ``retrieval/data/intents.json``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise, takewhile
from typing import Literal

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import IncentiveType, Region, RegionLevel, RegionMention
from policykg.ingest.regions import link_regions
from policykg.ingest.regions_en import find_regions_en
from policykg.ingest.vocab import Vocabulary
from policykg.retrieval.english_terms import english_terms, english_type
from policykg.retrieval.index import Query
from policykg.retrieval.intent_rules import (
    Intent,
    Quantity,
    asked_articles,
    asked_quantity,
    asks_yes_no,
    classify_intent,
    intent_rules,
)
from policykg.retrieval.levels_asked import level_asked_en, requested_level, without_level_asked
from policykg.retrieval.translate import translate_query

Lang = Literal["zh", "en"]


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
    # Of the expansions, what an English question's own words render as (心理咨询 for
    # psychological counselling), whether or not its type's topic lists them too.
    renderings: tuple[str, ...] = ()
    quantity: Quantity | None = None  # what a number question asks for
    articles: tuple[str, ...] = ()  # the articles it names, as locators: 第七条第二款
    # A figure or a place's measures asked beside a yes or no (是否购买意外伤害保险？保额是
    # 多少？; 灵山县…县里是不是有补助？按什么标准给？): that evidence answers both, and a
    # yes goes first.
    yes_no_too: bool = False
    # The words only one side of an "or" names (精简工作群 | 设立无会日): a provision
    # answering one alternative is read without the other's words.
    sides: tuple[tuple[str, ...], ...] = ()

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


# 除了乡镇工作补贴，哪些地方再加发…: what the question sets aside is its frame, not what
# it asks about.
_SET_ASIDE = re.compile(
    r"除了?[^，,。？?]{1,20}?(?:以外|之外|外)?[，,]"
    r"|\b(?:besides|apart from|other than|aside from)\b[^,?]{1,60},",
    re.IGNORECASE,
)


def chinese_terms(text: str, vocab: Vocabulary) -> tuple[str, ...]:
    """The measure terms the question names, but not one it sets aside (除了…，)."""
    asked = _SET_ASIDE.sub("，", text)
    return tuple(term.term_zh for term in vocab.measure_terms if term.term_zh in asked)


def keywords(text: str, lang: Lang, words: Iterable[str]) -> tuple[str, ...]:
    rules = intent_rules()
    stop = set(rules.stopwords_zh if lang == "zh" else rules.stopwords_en)
    read = [*words, *separated_words(text)] if lang == "zh" else list(words)
    kept = [w for w in read if w.strip() and w.lower() not in stop and re.search(r"\w", w)]
    return tuple(dict.fromkeys(w for w in _without_a_not_a(kept) if len(w) >= 2))


# What a speaker puts between a verb and its object: an aspect word, a count, a length.
_BETWEEN_VERB_AND_OBJECT = "了过着个几一二两三四五六七八九十百半数天日周次回趟年些点"


def separated_words(text: str) -> list[str]:
    """The verb-object words written apart (能不能放几天假 holds 放假; 工作中出了错, 出错)."""
    found = []
    for word in intent_rules().separable_verbs_zh:
        verb, noun = re.escape(word[0]), re.escape(word[1:])
        if re.search(f"{verb}[{_BETWEEN_VERB_AND_OBJECT}]{{1,4}}{noun}", text):
            found.append(word)
    return found


def adjacent_pairs(words: Sequence[str], text: str) -> list[tuple[str, str]]:
    """Neighbouring words the text writes joined: a term the segmenter cut in two (带薪
    假期 is 带薪假期; 通讯费 补贴, one payment)."""
    return [(a, b) for a, b in pairwise(words) if a + b in text]


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


def _asked_places(mentions: Sequence[RegionMention], gazetteer: Gazetteer) -> list[str]:
    """The places a question names, without one written only to say where the next lies
    (湖南通道侗族自治县: 通道 is asked, 湖南 locates it)."""
    starts = {m.start: m for m in mentions}
    return [
        m.code
        for m in mentions
        if not ((after := starts.get(m.end)) and gazetteer.contains(m.code, after.code))
    ]


def _asked_places_en(text: str, regions: Sequence[Region], gazetteer: Gazetteer) -> list[str]:
    """The places an English question names, without one written only to say where
    another inside it lies: Beijing's Yanqing district, Yanqing in Beijing, Yanqing,
    Beijing (Yanqing is asked)."""

    def locates(outer: Region, inner: Region) -> bool:
        if not gazetteer.contains(outer.code, inner.code) or outer.code == inner.code:
            return False
        a, b = _first_name_word(outer), _first_name_word(inner)
        return bool(
            re.search(rf"\b{a}['’]s\s+(?:\w+\s+){{0,2}}?{b}", text, re.IGNORECASE)
            or re.search(rf"\b{b}\w*(?:\s+\w+){{0,2}}?(?:,\s*|\s+in\s+){a}", text, re.IGNORECASE)
        )

    return [r.code for r in regions if not any(locates(r, other) for other in regions)]


def _first_name_word(region: Region) -> str:
    return re.escape((region.name_en or region.name_zh).split()[0])


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
    codes = _asked_places(link_regions(text, gazetteer, context_codes), gazetteer)
    codes += _asked_places_en(text, find_regions_en(text, gazetteer, context_codes), gazetteer)
    codes = list(dict.fromkeys(codes))
    terms = chinese_terms(text, vocab) + english_terms(_SET_ASIDE.sub(",", text), vocab)
    kind = vocab.classify(text) if lang == "zh" else english_type(text, vocab)
    if kind is None:
        kind = vocab.classify(text)
    recommended = any(w in text.lower() for w in intent_rules().recommend_words)
    expansions: list[str] = []
    topic: tuple[str, ...] = ()
    renderings: tuple[str, ...] = ()
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
        asked = level_asked_en().sub(r"\1", text)  # "which towns" asks a level, not 城市
        renderings = translate_query(asked, intent_rules().stopwords_en, used).zh_terms
        expansions += renderings
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
        keywords=_content_of(intent, keywords(text, lang, without_level_asked(text, words)))
        + abbreviations(words, vocab),
        expansions=tuple(dict.fromkeys(expansions)),
        topic=topic,
        renderings=renderings,
        quantity=quantity,
        articles=asked_articles(text),
        yes_no_too=intent in (Intent.FACT, Intent.REGION_MEASURES)
        and lang == "zh"
        and asks_yes_no(text),
        sides=alternative_sides(text, lang, words, used),
    )


def _content_of(intent: Intent, words: tuple[str, ...]) -> tuple[str, ...]:
    """A documents question's words without the verb saying what a document does with
    what it asks (哪些文件对…作了规定: 规定 frames it, and no text need hold it)."""
    if intent is not Intent.DOCUMENTS:
        return words
    frames = intent_rules().frame_verbs_zh
    return tuple(w for w in words if w not in frames) or words


def abbreviations(words: Sequence[str], vocab: Vocabulary) -> tuple[str, ...]:
    """Domain terms a question writes out in full: two two-character words whose first
    characters make the term (轮流休息 → 轮休, 疗养休假 → 疗休), as the texts write it."""
    domain = vocab.domain_terms()
    pairs = pairwise(words)
    found = (a[0] + b[0] for a, b in pairs if len(a) == 2 and len(b) == 2)
    return tuple(dict.fromkeys(term for term in found if term in domain and term not in words))


_OR_ZH = frozenset(["或", "或者", "或是"])
# Where an alternative ends: punctuation, or the shared purpose after it (…日来为干部减负).
_ALTERNATIVE_END_ZH = frozenset("，。？?；;、！!：:来以为等")
_ALTERNATIVE_END_EN = frozenset(["to", "for", "so", "in", "by", "when", "that", "which", "and"])
_PUNCTUATION_EN = re.compile(r"[,.?;:!]")
MAX_ALTERNATIVE_WORDS = 3
MIN_ALTERNATIVE_WORDS = 2


def alternative_sides(
    text: str, lang: Lang, words: list[str], used: Callable[[str], int] | None = None
) -> tuple[tuple[str, ...], ...]:
    """The words of the two alternatives a question offers around its first "or" (精简
    工作群 | 设立固定的不开会日): the phrase after it up to where it ends, and as many
    content words before it; () when it offers none."""
    if lang == "zh":
        place = next((i for i, w in enumerate(words) if w in _OR_ZH), None)
        if place is None:
            return ()
        after = list(takewhile(lambda w: w not in _ALTERNATIVE_END_ZH, words[place + 1 :]))
        before = list(takewhile(lambda w: w not in _ALTERNATIVE_END_ZH, words[:place][::-1]))
        right = keywords("".join(after), lang, after)[:MAX_ALTERNATIVE_WORDS]
        left = keywords("".join(before), lang, before[::-1])[-len(right) :] if right else ()
    else:
        tokens = re.findall(r"[A-Za-z][A-Za-z'\-]*|[,.?;:!]", text)
        place = next((i for i, t in enumerate(tokens) if t.lower() == "or"), None)
        if place is None:
            return ()

        def in_phrase(token: str) -> bool:
            ends = token.lower() in _ALTERNATIVE_END_EN or token.lower() == "or"
            return not (ends or _PUNCTUATION_EN.fullmatch(token))

        after = list(takewhile(in_phrase, tokens[place + 1 :]))
        before = list(takewhile(in_phrase, tokens[:place][::-1]))[: len(after)][::-1]
        stop = intent_rules().stopwords_en
        left = translate_query(" ".join(before), stop, used).zh_terms
        right = translate_query(" ".join(after), stop, used).zh_terms
    only_left = tuple(w for w in left if w not in right)
    only_right = tuple(w for w in right if w not in left)
    # One word either side is a word and its synonym (兼任或挂任), not two practices.
    if min(len(only_left), len(only_right)) < MIN_ALTERNATIVE_WORDS:
        return ()
    return (only_left, only_right)


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
            renderings=tuple(dict.fromkeys((*current.renderings, *previous.renderings))),
        )
    if has_topic and not current.region_codes and previous.region_codes:
        intent = current.intent if current.intent is not Intent.OPEN else previous.intent
        if intent is Intent.COMPARE and len(previous.region_codes) < 2:
            intent = Intent.REGION_MEASURES
        return replace(current, region_codes=previous.region_codes, intent=intent)
    return current
