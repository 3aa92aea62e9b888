"""Answers of a given shape: yes or no, and the documents that say something."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable

from policykg.ingest.segment import load_segmenter
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.counterparts import counterparts
from policykg.retrieval.evidence import SEARCH_DEPTH, Draft, Evidence, holders
from policykg.retrieval.intent_rules import Intent, frame_verbs_zh
from policykg.retrieval.named_documents import MAX_REFERENCED
from policykg.retrieval.question import Question
from policykg.retrieval.reader import (
    EN_TERM_SHARE,
    TERM_SHARE,
    W_SUPERSEDED,
    Scored,
    answered,
    citable,
    focus_terms,
    holds,
    question_words,
    threshold,
)
from policykg.retrieval.records import most_specific
from policykg.retrieval.translate import translate_query

# Evidence for a yes: the share of the question's words it holds, and its score. A
# Chinese question's words weigh by their rarity, so the rare word a "no" turns on
# (疗休养 in a report that lists 体检 and 慰问) outweighs the common ones around it; the
# words its document's title holds name the document, not what it says, and are left
# out (dev and the probes: yes ≥ 0.49, no ≤ 0.37). An English question's words reach
# the text through translations and glosses, which hold fewer of them, unweighted, so
# its evidence needs a higher score instead (dev + probe).
YES_MIN_COVERAGE = {"zh": 0.45, "en": 0.4}
YES_MIN_SCORE = {"zh": 0.0, "en": 1.3}
# A paraphrase (另一半 for 配偶, "near the top of the ranking" for 前三名) shares fewer of
# the words: evidence the embedding finds this close, holding this share, is enough
# (dev, the probes and the English twins: four more yes, no "no" turned).
YES_MIN_DENSE = {"zh": 0.54, "en": 0.58}
YES_DENSE_COVERAGE = {"zh": 0.33, "en": 0.3}


def yes_no(evidence: Evidence, answer: Draft) -> None:
    """Yes or no first, then the evidence; no evidence is a "no" that names nothing."""
    chosen = yes_evidence(evidence)
    if not chosen:
        answer.text = no_evidence(evidence)
        return
    quotes: dict[str, str] = {}  # marker → quote: two sentences of one article quote it once
    for scored in chosen:
        citation = evidence.citation(scored.provision_id)
        if citation is not None:
            quotes.setdefault(answer.cite(citation), citation.quote)
    answer.region_codes = list(
        dict.fromkeys(
            [
                *evidence.question.region_codes,
                *(c for s in chosen for c in holders(evidence, s.provision_id)),
            ]
        )
    )
    lead = "是。依据：" if evidence.zh else "Yes. Evidence: "
    answer.text = lead + " ".join(f"「{quote}」{marker}" for marker, quote in quotes.items())


def yes_evidence(evidence: Evidence) -> list[Scored]:
    """The provisions (at most two) that say yes: about the asked place, holding the
    question's terms and enough of its words, or read as saying it in other words."""
    lang = "en" if evidence.question.lang == "en" else "zh"
    elsewhere = _elsewhere(evidence)
    question = evidence.question
    dense = {pid: score for pid, score, _ in evidence.search(question.search_query, SEARCH_DEPTH)}

    # A yes/no's provisions carry ``weighted_content``, of its yes/no part when it asks a
    # figure too.
    weighted = question.intent is Intent.YES_NO or question.yes_no_too

    def says_yes(s: Scored) -> bool:
        own_share = s.weighted_content if weighted else s.coverage
        share = s.full_coverage if lang == "en" else own_share
        if share >= YES_MIN_COVERAGE[lang] and s.score >= YES_MIN_SCORE[lang]:
            return True
        close = dense.get(s.provision_id, 0.0) >= YES_MIN_DENSE[lang]
        return close and share >= YES_DENSE_COVERAGE[lang]

    specific = _specific_payments(evidence)
    chosen = [
        s
        for s in citable([s for s in evidence.scored() if not elsewhere(s.provision_id)], lang, 2)
        if s.has_focus and says_yes(s) and holds_specifics(evidence, s, specific)
    ]
    return _of_the_asked_version(evidence, chosen)


def holds_specifics(evidence: Evidence, scored: Scored, specific: list[str]) -> bool:
    """Whether the provision (with its headings) names each specific payment asked."""
    catalog = evidence.catalog
    pid = scored.provision_id
    text = f"{catalog.provision_text.get(pid, '')} {catalog.context_text(pid)}"
    return all(holds(term, text, SPECIFIC_SHARE) for term in specific)


def specifics_unnamed(evidence: Evidence) -> bool:
    """Whether the question names a specific payment (通讯费补贴) none of its best
    evidence names: another payment (乡镇工作补贴) answers nothing asked."""
    specific = _specific_payments(evidence)
    best = evidence.scored()[:SPECIFIC_DEPTH]
    # Each by some provision: a question in parts (生活补助…？伙食补助…？) names one in each.
    return any(not any(holds_specifics(evidence, s, [term]) for s in best) for term in specific)


SPECIFIC_DEPTH = 15


# A payment the question names with what it is for (生活补助, 租房补贴): evidence naming
# another payment (乡镇工作补贴) does not say yes; the same in other words (生活补贴) does.
PAYMENT_HEADS = ("补助", "补贴", "津贴", "奖金", "补助费", "保险")
SPECIFIC_SHARE = 0.5
COST_ITEMS = ("费", "金")  # 通讯费, 取暖费, 公积金: what a payment pays for


def _names_what_is_paid_for(word: str) -> bool:
    """A word before 补贴 that says what it pays for (购房, 交通, 高温), not the verb that
    pays it (发放, 给予, 提高): no verb or stop word of the measure rules."""
    if len(word) < 2 or word in _rule_verbs() or word in frame_verbs_zh():
        return False
    return not _tagged_verb(word)  # 掏钱补助: a verb of the spoken language the rules lack


@functools.cache
def _rule_verbs() -> frozenset[str]:
    """The measure rules' verbs and stop words, gathered once."""
    rules = load_vocabulary().rules
    return frozenset(
        [*rules.policy_verbs, *rules.beneficiary_verbs, *rules.action_verbs, *rules.phrase_stops]
    )


@functools.cache
def _tagged_verb(word: str) -> bool:
    """Whether jieba's part-of-speech dictionary reads the word as a verb."""
    from jieba import posseg  # imported late: it loads pkg_resources

    tags = [pair.flag for pair in posseg.cut(word)]
    return len(tags) == 1 and tags[0].startswith("v")


# An English question names what a payment pays for after it: "a subsidy for buying a
# home", "towards heating", "to buy a flat" (a verb, then its object).
_PAID_FOR_EN = re.compile(
    r"\b(?:allowance|subsid(?:y|ie)|grant|bonus|supplement|stipend)s?\s+(?:for|towards?|to)\s+"
    r"((?:\w+ing|buy|rent|cover)\b(?:\s+(?!(?:in|at|on|for|of|to|with|by|and|or)\b)[a-z]+){0,2})",
    re.IGNORECASE,
)
PAYMENT_ZH = "补贴"


def _specific_payments(evidence: Evidence) -> list[str]:
    if not evidence.zh:
        # The Chinese for what it pays for, as a payment (购房补贴): held in other words
        # (买房补贴) by its bigrams' share, never by 补贴 alone.
        paid_for = (
            translate_query(m.group(1)).zh_terms
            for m in _PAID_FOR_EN.finditer(evidence.question.text)
        )
        return [terms[0] + PAYMENT_ZH for terms in paid_for if terms]
    words = question_words(evidence.question, evidence.region_names())
    # A payment for a cost the segmenter cut apart (通讯费 补贴, 公积金 补贴) is one payment.
    joined = [
        f"{what}{head}"
        for what, head in itertools.pairwise(words)
        if head in PAYMENT_HEADS
        and (what.endswith(COST_ITEMS) or _names_what_is_paid_for(what))
        and f"{what}{head}" in evidence.question.text
    ]
    return [w for w in [*words, *joined] if len(w) >= 4 and w.endswith(PAYMENT_HEADS)]


def _of_the_asked_version(evidence: Evidence, chosen: list[Scored]) -> list[Scored]:
    """Asked of one document (2007年的报告有没有…) or one version of a work (2019年版
    《…条例》是否…), the yes must be that document's: another's provision says nothing of
    it, and one of its own that lacks a word of the question its counterpart in another
    version holds says the revision brought it in (供暖设施 in 2019, 供暖和供氧设施 in
    2025: no)."""
    catalog, referenced = evidence.catalog, evidence.referenced
    if len(referenced) != 1:
        return chosen
    chosen = [s for s in chosen if catalog.provision_doc.get(s.provision_id) in referenced]
    works = evidence.store.works()
    work = next((w for w in works if {v.doc_id for v in w.versions} & referenced), None)
    if work is None or len(work.versions) < 2:
        return chosen
    words = [w for w in question_words(evidence.question, evidence.region_names()) if len(w) >= 2]
    kept = []
    for scored in chosen:
        text = f"{catalog.provision_text.get(scored.provision_id, '')} {catalog.context_text(scored.provision_id)}"
        missing = [w for w in words if not holds(w, text)]
        revised_in = [
            catalog.provision_text.get(pid, "")
            for pid in counterparts(catalog, works, scored.provision_id)
        ]
        if not any(holds(w, other) for w in missing for other in revised_in):
            kept.append(scored)
    return kept


def no_evidence(evidence: Evidence) -> str:
    """A yes/no's "no": nothing in the library says so (and no place or measure named)."""
    if evidence.zh:
        return "没有。资料库中没有找到这方面的依据。"
    return "No: the library holds no evidence of this."


def _elsewhere(evidence: Evidence) -> Callable[[str], bool]:
    """Whether a provision names places, none of them the one asked about: 江西省's
    practice in a report on 荆门, 安徽省's in an article on the Yangtze Delta asked about
    Shanghai. The most specific place asked is the one asked about."""
    asked = most_specific(evidence.gazetteer, evidence.question.region_codes)
    if not asked or evidence.asked_scope is None:
        return lambda provision_id: False
    scope = evidence.scope(asked)
    named = evidence.catalog.provision_regions
    return lambda provision_id: bool(named.get(provision_id)) and not named[provision_id] & scope


MAX_DOCUMENTS = 8
DOCUMENT_MIN_COVERAGE = 0.5
DOCUMENT_NEAR_BEST = 0.8  # … or this share of the best provision's, if that is lower
DOCUMENT_SCORE_MARGIN = 0.15  # … or a score this close to the best's
# A document saying it in other words reads a little below the one saying it in the
# question's: the next few documents this close to the best, and not far below the
# threshold, answer too (dev and the probes' document questions: 124 -> 128 of 141).
DOCUMENT_NEARBY = 5
DOCUMENT_NEARBY_MARGIN = 0.25
DOCUMENT_NEARBY_MIN = 0.65
# A question asking which documents hold a term itself, not what they say on its topic.
_MENTION = re.compile(
    r"提到|提及|出现|写到|写有|\bmention|\bcontain|\buses? the (?:word|term|phrase)"
)


_OR = frozenset(["或", "或者"])
_LIST_JOINERS = frozenset(["、", "，", ","])
_CHINESE = re.compile(r"[\u4e00-\u9fff]+")
MIN_ALTERNATIVE = 2  # characters of a term offered as an alternative
_QUOTED_ZH = re.compile(r"“([\u4e00-\u9fff]{2,20})”")


def alternatives(text: str) -> tuple[str, ...]:
    """The terms a Chinese question offers as alternatives, any of which will do:
    周转房、周转宿舍或周转公寓 → (周转房, 周转宿舍, 周转公寓); () without an 或 between
    terms (规定或提到了 offers two verbs). Quoted terms joined by 或 or 、 are offered as
    written (“夫妻房”或“夫妻周转房”), whatever the segmenter makes of them."""
    quoted = list(_QUOTED_ZH.finditer(text))
    joiners = [text[a.end() : b.start()].strip() for a, b in itertools.pairwise(quoted)]
    if joiners and set(joiners) <= {*_OR, *_LIST_JOINERS} and set(joiners) & _OR:
        return tuple(m.group(1) for m in quoted)
    words = load_segmenter().words(text)
    for place, word in enumerate(words):
        if word in _OR and 0 < place < len(words) - 1:
            left = place - 1
            items = [words[left]]
            while left >= 2 and words[left - 1] in _LIST_JOINERS:
                left -= 2
                items.insert(0, words[left])
            # The last item may be cut in two (周转公寓 → 周转 公寓): as long as the others.
            last, right = words[place + 1], place + 2
            longest = max(len(item) for item in items)
            while (
                right < len(words)
                and len(words[right]) >= 2  # a word, not 的 or 等
                and _CHINESE.fullmatch(words[right])
                and len(last + words[right]) <= longest
            ):
                last, right = last + words[right], right + 1
            items.append(last)
            # Terms (周转宿舍, 疗养), not the verbs a question frames them with (规定或提到了).
            frame = frame_verbs_zh()
            if all(
                len(item) >= MIN_ALTERNATIVE and _CHINESE.fullmatch(item) and item not in frame
                for item in items
            ):
                return tuple(items)
            return ()
    return ()


def _documents_by_focus(evidence: Evidence) -> dict[str, str]:
    """Documents holding every term the question singles out, or one of the alternatives
    it offers (all of the library, in order)."""
    focus = focus_terms(evidence.question)
    offered = alternatives(evidence.question.text) if evidence.zh else quoted_en(evidence.question)
    share = TERM_SHARE
    if not (focus or offered):
        # No measure term named: the domain terms it names (周转房, 补休) single it out; an
        # English question's renderings may be written shorter or longer (周转房: 周转宿舍).
        offered = domain_words(evidence.question)
        share = TERM_SHARE if evidence.zh else EN_TERM_SHARE
    if not (focus or offered):
        return {}

    # An English phrase may stand for several terms (township allowance: 乡镇补贴,
    # 乡镇工作补贴): one is enough, as for the reader's focus.
    each = any if offered or not evidence.zh else all

    def matches(text: str) -> bool:
        return each(holds(term, text, share) for term in offered or focus)

    ranked = [s.provision_id for s in evidence.scored()]
    texts = evidence.catalog.provision_text
    pids = ranked + [pid for pid in texts if pid not in set(ranked)]
    found: dict[str, str] = {}
    for pid in pids:
        if matches(texts.get(pid, "")):
            found.setdefault(evidence.catalog.provision_doc[pid], pid)
    return found


_QUOTED_EN = re.compile(r"['\"“‘]([A-Za-z][A-Za-z -]{2,40})['\"”’]")


def quoted_en(question: Question) -> tuple[str, ...]:
    """What an English question singles out by quoting it ('three public expenses'): the
    Chinese its words render as a whole, any of which a document must name."""
    if question.lang != "en":
        return ()
    phrases = [m.group(1) for m in _QUOTED_EN.finditer(question.text)]
    return tuple(
        dict.fromkeys(t for phrase in phrases for t in translate_query(phrase).zh_terms[:1])
    )


def domain_words(question: Question) -> tuple[str, ...]:
    """The question's words (an English question's renderings) that are terms of the
    domain's vocabulary, not its type labels: what a document must name to be about it."""
    vocabulary = load_vocabulary()
    domain = vocabulary.domain_terms() - {entry.label_zh for entry in vocabulary.types}
    words = question.expansions if question.lang == "en" else question.keywords
    return tuple(w for w in words if w in domain and w not in question.topic)


def _documents_by_score(evidence: Evidence) -> dict[str, str]:
    """Documents whose provisions answer; a version no longer in force is a document that
    says it too (listed, and marked in the answer), so it is not weighed down here."""
    validity, catalog = evidence.validity, evidence.catalog
    weighed: list[tuple[float, Scored]] = []
    for scored in evidence.scored():
        document = catalog.provision_document(scored.provision_id)
        outdated = validity is not None and document is not None and validity.outdated(document)
        weighed.append((scored.score + W_SUPERSEDED * outdated, scored))
    answering = [s for score, s in weighed if score >= threshold(evidence.question.lang)]
    found = answering_documents(answering, catalog.provision_doc)
    if answering:
        for doc_id, pid in nearby_documents(weighed, catalog.provision_doc).items():
            found.setdefault(doc_id, pid)
    return found


def nearby_documents(
    weighed: list[tuple[float, Scored]], provision_doc: dict[str, str]
) -> dict[str, str]:
    """The first few documents by their best provision's score, close to the best one's."""
    top = max((score for score, _ in weighed), default=0.0)
    floor = max(DOCUMENT_NEARBY_MIN, top - DOCUMENT_NEARBY_MARGIN)
    best: dict[str, str] = {}
    for score, scored in sorted(weighed, key=lambda pair: -pair[0]):
        doc_id = provision_doc[scored.provision_id]
        if doc_id in best:
            continue
        if score < floor or len(best) == DOCUMENT_NEARBY:
            break
        best[doc_id] = scored.provision_id
    return best


def answering_documents(answering: list[Scored], provision_doc: dict[str, str]) -> dict[str, str]:
    """Each document among the answering provisions, by its best: those holding enough of
    the question's words, or near the best share (the question's frame, 哪些文件规定了…,
    dilutes every share alike), or scoring about as well as the best in other words
    (兼职、挂职 for 兼任或挂任). Document → provision, in the order they answer."""
    best = max((s.coverage for s in answering), default=0.0)
    floor = min(DOCUMENT_MIN_COVERAGE, DOCUMENT_NEAR_BEST * best)
    top = max((s.score for s in answering), default=0.0)
    found: dict[str, Scored] = {}
    for scored in answering:
        if scored.coverage >= floor or scored.score >= top - DOCUMENT_SCORE_MARGIN:
            doc_id = provision_doc[scored.provision_id]
            if doc_id not in found or scored.coverage > found[doc_id].coverage:
                found[doc_id] = scored
    return {doc_id: scored.provision_id for doc_id, scored in found.items()}


def documents(evidence: Evidence, answer: Draft) -> None:
    """The documents whose provisions answer, each with title, issuer and date."""
    # Those holding the singled-out term; unless the question asks for the term itself
    # (提到了, mention), also those whose provisions answer in other words (予以澄清).
    best = _documents_by_focus(evidence)
    answering = answered(evidence.scored(), evidence.question.lang)
    if answering and not (best and _MENTION.search(evidence.question.text)):
        for doc_id, pid in _documents_by_score(evidence).items():
            best.setdefault(doc_id, pid)
    if len(evidence.referenced) > MAX_REFERENCED:  # 哪几年的政府工作报告: those only
        best = {d: pid for d, pid in best.items() if d in evidence.referenced}
    if not best:
        return
    lines = []
    for doc_id, pid in list(best.items())[:MAX_DOCUMENTS]:
        info = evidence.catalog.documents[doc_id]
        citation = evidence.citation(pid)
        details = "，".join(x for x in (info.authority, info.date) if x)
        title = f"《{info.title}》" + (f"（{details}）" if details else "")
        lines.append(f"- {title}{answer.cite(citation)}")
        answer.region_codes.extend(
            c for c in holders(evidence, pid) if c not in answer.region_codes
        )
    lead = "相关文件：" if evidence.zh else "Documents: "
    cited = set(best.values())
    answer.mentions.extend(m for m in evidence.catalog.measures if m.provision_id in cited)
    answer.text = lead + "\n" + "\n".join(lines)
