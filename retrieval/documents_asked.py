"""Which documents say something: those holding the terms the question singles out or
offers as alternatives, and those whose provisions answer, each with title, issuer, date."""

from __future__ import annotations

import itertools
import re

from policykg.ingest.segment import load_segmenter
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.evidence import Draft, Evidence, holders
from policykg.retrieval.intent_rules import frame_verbs_zh
from policykg.retrieval.named_documents import MAX_REFERENCED
from policykg.retrieval.question import Question, adjacent_pairs
from policykg.retrieval.reader import W_SUPERSEDED, Scored, answered, focus_terms, threshold
from policykg.retrieval.shares import bigrams, practice_term, practice_within
from policykg.retrieval.translate import translate_query
from policykg.retrieval.wording import EN_TERM_SHARE, TERM_SHARE, holds, term_forms

MAX_DOCUMENTS = 12  # a documents question is answered in full, up to this many
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
    """Documents holding every term the question singles out (or a word listed with it),
    else one of the alternatives it offers (all of the library, in order)."""
    focus = focus_terms(evidence.question)
    offered = alternatives(evidence.question.text) if evidence.zh else quoted_en(evidence.question)
    share = TERM_SHARE
    if not (focus or offered):
        # No measure term named: the domain terms it names (周转房, 补休) single it out; an
        # English question's renderings may be written shorter or longer (周转房: 周转宿舍).
        offered = domain_words(evidence.question)
        share = TERM_SHARE if evidence.zh else EN_TERM_SHARE
    texts = evidence.catalog.provision_text.values()
    if (
        evidence.zh  # an English question's renderings are often no text's words
        and not focus
        and evidence.question.incentive_type is not None
        and not any(term in text for term in offered for text in texts)
    ):
        # Its practice named only in words no document writes (出了差错…可以不被追究责任:
        # fault tolerance): the documents holding that type's own words.
        entry = load_vocabulary().type(evidence.question.incentive_type)
        offered = (entry.label_zh, *entry.synonyms_zh, *entry.cues)
        share = TERM_SHARE
    if not (focus or offered):
        return {}

    # An English phrase may stand for several terms (township allowance: 乡镇补贴,
    # 乡镇工作补贴): one is enough, as for the reader's focus. A term it singles out is
    # what it asks for; alternatives beside it (对干部或人才工作者“容错免责”) name whom
    # for, which a text may call otherwise (工作人员).
    each = any if not evidence.zh else all
    # A term singled out holds in its core (挂职 for 挂职锻炼) and in the words it is
    # listed with (跟班学习、跟岗学习).
    required = [
        (*term_forms(term), *listed_beside(term, evidence.question.text))
        for term in focus
        if term not in offered
    ]

    def matches(text: str) -> bool:
        if required:
            return each(any(holds(t, text, share) for t in forms) for forms in required)
        return any(holds(term, text, share) for term in offered)

    catalog = evidence.catalog
    ranked = [s.provision_id for s in evidence.scored()]
    pids = ranked + [pid for pid in catalog.provision_text if pid not in set(ranked)]
    found: dict[str, str] = {}
    for pid in pids:
        # A heading holds a term for what is under it (第四章 干部激励和容错免责).
        headed = f"{catalog.provision_text.get(pid, '')} {catalog.provision_context.get(pid, '')}"
        if matches(headed):
            found.setdefault(catalog.provision_doc[pid], pid)
    return found


def listed_beside(term: str, text: str) -> tuple[str, ...]:
    """The words as long as ``term`` listed right beside it with 、 or 或 and sharing a
    bigram with it (跟班学习、跟岗学习): the same thing in other words."""
    size = len(term)
    pattern = rf"([\u4e00-\u9fff]{{{size}}})(?:、|或者?){re.escape(term)}"
    pattern += rf"|{re.escape(term)}(?:、|或者?)([\u4e00-\u9fff]{{{size}}})"
    found = (w for m in re.finditer(pattern, text) for w in m.groups() if w)
    return tuple(w for w in found if bigrams([w]) & bigrams([term]))  # not 转宿舍 of 周转宿舍


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
    if question.lang == "en":  # its own words' renderings, topic or not
        return tuple(w for w in question.renderings if practice_term(w))
    words = [w for w in question.keywords if w not in question.topic]
    # A term the segmenter cut in two (带薪 假期: 带薪假期, read as 年休假) is one whole.
    joined = [a + b for a, b in adjacent_pairs(words, question.text)]
    named = (practice_within(w) for w in [*joined, *words])
    return tuple(dict.fromkeys(term for term in named if term is not None))


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
