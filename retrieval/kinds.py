"""Yes or no: the evidence that says yes, or the answer that there is none."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from policykg.ingest.versions import Work
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.catalog import Catalog
from policykg.retrieval.citing import citable
from policykg.retrieval.counterparts import counterparts
from policykg.retrieval.evidence import SEARCH_DEPTH, Draft, Evidence, holders
from policykg.retrieval.intent_rules import Intent, frame_verbs_zh, intent_rules
from policykg.retrieval.question import adjacent_pairs
from policykg.retrieval.reader import Scored, question_words
from policykg.retrieval.records import most_specific
from policykg.retrieval.translate import translate_query
from policykg.retrieval.which_places import holds_a_practice, rendered_practices
from policykg.retrieval.wording import holds

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
# A Chinese question in the reader's own words (借到县里帮忙 for 借调) may share a fifth
# of its words with a provision this close: no "no" asked anywhere came this close.
YES_VERY_CLOSE_ZH = 0.68
YES_VERY_CLOSE_COVERAGE = 0.2


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

    # A practice the English question names (counselling) is said yes to only by evidence
    # holding it: a named document's own words around it (inspection plan) say nothing.
    practices = rendered_practices(evidence)

    def says_yes(s: Scored) -> bool:
        if practices and not holds_a_practice(evidence, s.provision_id, practices):
            return False
        own_share = s.weighted_content if weighted else s.coverage
        share = s.full_coverage if lang == "en" else own_share
        if share >= YES_MIN_COVERAGE[lang] and s.score >= YES_MIN_SCORE[lang]:
            return True
        similarity = dense.get(s.provision_id, 0.0)
        very_close = lang == "zh" and similarity >= YES_VERY_CLOSE_ZH
        if very_close and share >= YES_VERY_CLOSE_COVERAGE:
            return True
        return similarity >= YES_MIN_DENSE[lang] and share >= YES_DENSE_COVERAGE[lang]

    # Only a provision naming the payment asked can say yes: the best of those, not the
    # best of all (which may name none) filtered afterwards.
    specific = _specific_payments(evidence)
    candidates = [
        s
        for s in evidence.scored()
        if not elsewhere(s.provision_id) and holds_specifics(evidence, s, specific)
    ]
    chosen = [s for s in citable(candidates, lang, 2) if s.has_focus and says_yes(s)]
    return _of_the_asked_version(evidence, chosen)


def holds_specifics(evidence: Evidence, scored: Scored, specific: list[str]) -> bool:
    """Whether the provision (with its headings, and the rest of the paragraph its citation
    quotes: 在省定乡镇工作补贴基础上… 大姚县每人每月增发300元) names each specific
    payment asked."""
    if not specific:
        return True  # nothing asked to be named: no text to gather
    catalog = evidence.catalog
    pid = scored.provision_id
    quoted = " ".join(catalog.provision_text.get(m, "") for m in evidence.quoted_with(pid))
    text = f"{quoted} {catalog.context_text(pid)}"
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
    if _PAYS_MORE.fullmatch(word):
        return False  # 多发补贴, 另给补贴: how much is paid, not what for (研发补贴 is)
    return not tagged_verb(word)  # 掏钱补助: a verb of the spoken language the rules lack


# A degree word and the verb that pays (多发, 再发, 另给, 补发): jieba tags 多发 a numeral.
_PAYS_MORE = re.compile(r"[多再另加增少补][发给]")


@functools.cache
def _rule_verbs() -> frozenset[str]:
    """The measure rules' verbs and stop words, gathered once."""
    rules = load_vocabulary().rules
    return frozenset(
        [*rules.policy_verbs, *rules.beneficiary_verbs, *rules.action_verbs, *rules.phrase_stops]
    )


@functools.cache
def tagged_verb(word: str) -> bool:
    """Whether jieba's part-of-speech dictionary reads the word as a verb, alone or after
    a one-character adverb or pronoun it cuts off (另发, 再发: "pay besides")."""
    from jieba import posseg  # imported late: it loads pkg_resources

    pieces = [(pair.word, pair.flag) for pair in posseg.cut(word)]
    *before, (_, last) = pieces
    modifiers = all(len(piece) == 1 and flag[0] in "drv" for piece, flag in before)
    return last.startswith("v") and modifiers


# An English question names what a payment pays for after it: "a subsidy for buying a
# home", "towards heating", "to buy a flat" (a verb, then its object).
_PAID_FOR_EN = re.compile(
    r"\b(?:allowance|subsid(?:y|ie)|grant|bonus|supplement|stipend)s?\s+(?:for|towards?|to)\s+"
    r"((?:\w+ing|buy|rent|cover)\b(?:\s+(?!(?:in|at|on|for|of|to|with|by|and|or)\b)[a-z]+){0,2})",
    re.IGNORECASE,
)
PAYMENT_ZH = "补贴"


@functools.cache
def _paid_before_en() -> re.Pattern[str]:
    """What a payment pays for, written before it (rent subsidy, heating or fuel allowance)."""
    words = "|".join(map(re.escape, intent_rules().paid_for_words_en))
    return re.compile(
        rf"\b({words})\s+(?:or\s+\w+\s+)?(?:allowance|subsid(?:y|ie)|grant|stipend)s?\b",
        re.IGNORECASE,
    )


def _specific_payments(evidence: Evidence) -> list[str]:
    if not evidence.zh:
        # The Chinese for what it pays for, as a payment (购房补贴): held in other words
        # (买房补贴) by its bigrams' share, never by 补贴 alone.
        paid_for = (
            translate_query(m.group(1)).zh_terms
            for m in _PAID_FOR_EN.finditer(evidence.question.text)
        )
        found = [terms[0] + PAYMENT_ZH for terms in paid_for if terms]
        # … or before it: a rent subsidy, a heating allowance (what it pays for, in Chinese).
        usage = evidence.catalog.usage  # the senses the texts use: heating → 取暖, not 供热
        named = (  # the whole phrase: our glossary may name it (travel allowance: 交通补贴)
            translate_query(m.group(), used=usage).zh_terms
            for m in _paid_before_en().finditer(evidence.question.text)
        )
        return found + [terms[0] for terms in named if terms]
    words = question_words(evidence.question, evidence.region_names())
    # A payment for a cost the segmenter cut apart (通讯费 补贴, 公积金 补贴) is one payment.
    joined = [
        what + head
        for what, head in adjacent_pairs(words, evidence.question.text)
        if head in PAYMENT_HEADS and (what.endswith(COST_ITEMS) or _names_what_is_paid_for(what))
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
    if _only_in_another_version(catalog, work, referenced, words):
        return []  # 疗休养 only in the 2026 version: the 2023 one has none of it
    kept = []
    for scored in chosen:
        text = catalog.text_in_context(scored.provision_id)
        missing = [w for w in words if not holds(w, text)]
        revised_in = [
            catalog.provision_text.get(pid, "")
            for pid in counterparts(catalog, works, scored.provision_id)
        ]
        if not any(holds(w, other) for w in missing for other in revised_in):
            kept.append(scored)
    return kept


def _only_in_another_version(
    catalog: Catalog, work: Work, referenced: set[str], words: list[str]
) -> bool:
    """Whether a word of the question is nowhere in the asked version but in another
    version of the work: the revision brought it in, so the asked version says no."""
    asked = " ".join(catalog.document_text(d) for d in referenced)
    others = [catalog.document_text(v.doc_id) for v in work.versions if v.doc_id not in referenced]
    return any(not holds(word, asked) and any(word in other for other in others) for word in words)


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
