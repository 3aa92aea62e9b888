"""Answers composed from the graph's measures and the provisions — no LLM.

Every claim carries a numbered citation; every citation is verbatim. When the
library holds nothing on the asked region or topic the answer says so and
names no region or measure.
"""

from __future__ import annotations

from policykg.ingest.models import MeasureMention
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.citing import citable
from policykg.retrieval.counterparts import (
    asks_about_change,
    asks_article_in_years,
    asks_same_number,
    counterparts,
    same_numbered,
)
from policykg.retrieval.documents_asked import alternatives, documents, listed_beside
from policykg.retrieval.evidence import Draft, Evidence, holders
from policykg.retrieval.intent_rules import Intent, is_chapter
from policykg.retrieval.kinds import (
    no_evidence,
    specifics_unnamed,
    tagged_verb,
    yes_evidence,
    yes_no,
)
from policykg.retrieval.parts import part_evidence
from policykg.retrieval.reader import Scored, answered, focus_terms, in_articles
from policykg.retrieval.records import most_specific
from policykg.retrieval.revisions import revision_listed
from policykg.retrieval.shares import bigrams
from policykg.retrieval.topics import rank_mentions, topic_mentions
from policykg.retrieval.which_places import level_matches, places_answered, which_regions
from policykg.retrieval.wording import advises, term_forms

MAX_MEASURES = 8


def compose(evidence: Evidence) -> Draft:
    """Choose the answer's shape from the question's intent and slots.

    Every shape but a comparison of named regions first needs evidence: a
    retrieved provision whose score clears the reader's threshold.
    """
    question = evidence.question
    answer = Draft(question, "")
    narrowed = evidence.asked_scope is not None  # "in China" narrows nothing
    missing = [c for c in question.region_codes if narrowed and not _covered(evidence, c)]
    if missing:
        names = "、".join(evidence.region_name(c) for c in missing)
        answer.text = (
            f"资料库中没有关于{names}的内容。"
            if evidence.zh
            else f"The library holds nothing about {names}."
        )
        if question.intent is Intent.YES_NO:  # a yes/no is answered yes or no first
            answer.text = ("没有。" if evidence.zh else "No: ") + answer.text
        return answer
    if (
        (question.terms and not _terms_in_library(evidence))
        or specifics_unnamed(evidence)
        or _alternatives_absent(evidence)
    ):
        # Every measure it names is absent from the library (协议年薪 asked of documents
        # that never say it, nor their headings), or every alternative it offers (中考或者
        # 高考加分): what is near it in meaning does not answer it.
        yes_no_asked = question.intent is Intent.YES_NO
        answer.text = no_evidence(evidence) if yes_no_asked else _not_found(evidence)
        return answer
    if revision_listed(evidence, answer):
        return _noted_outdated(evidence, answer)  # 新增了哪些条: each added unit, whole
    if question.intent is Intent.COMPARE and len(question.region_codes) >= 2:
        _compare(evidence, answer)
    elif question.intent is Intent.YES_NO:
        yes_no(evidence, answer)
    elif question.intent is Intent.DOCUMENTS:
        documents(evidence, answer)  # those naming a term it names, however they score
    elif not answered(evidence.scored(), evidence.question.lang):
        pass  # not found, below
    elif question.intent is Intent.WHICH_REGIONS:
        if not places_answered(evidence):
            answer.text = _not_found(evidence)
            return answer
        which_regions(evidence, answer)
    elif question.articles and question.intent in (Intent.REGION_MEASURES, Intent.OPEN):
        pass  # 第七条…有什么变化: the articles it names answer, below, not the place's measures
    elif question.region_codes and question.intent in (Intent.REGION_MEASURES, Intent.OPEN):
        _region_measures(evidence, answer)
    elif question.intent is Intent.REGION_MEASURES and (question.terms or question.incentive_type):
        which_regions(evidence, answer)  # "what digital tools are used …": who does what
    if answer.text and question.intent not in (Intent.COMPARE, Intent.YES_NO):
        _cite_best_evidence(evidence, answer)
    elif not answer.text and answered(evidence.scored(), evidence.question.lang):
        _best_provisions(evidence, answer)
    if not answer.text:
        answer.text = _not_found(evidence)
    elif answer.citations and (
        asks_same_number(question.text) or asks_article_in_years(question.text, question.articles)
    ):
        _cite_other_versions(evidence, answer, same_number=True)
    elif answer.citations and asks_about_change(question.text):
        _cite_other_versions(evidence, answer)
    if question.yes_no_too and answer.citations and yes_evidence(evidence):
        answer.text = ("是。" if evidence.zh else "Yes. ") + answer.text
    return _noted_outdated(evidence, answer)


def _noted_outdated(evidence: Evidence, answer: Draft) -> Draft:
    """The answer, noting which of its quotes are from a version no longer in force."""
    if outdated := evidence.outdated_markers(answer.citations):
        answer.text += (
            f"\n注：{''.join(outdated)} 引自已被修改或废止的版本。"
            if evidence.zh
            else f"\nNote: {''.join(outdated)} quote a version no longer in force."
        )
    return answer


def _cite_other_versions(evidence: Evidence, answer: Draft, same_number: bool = False) -> None:
    """What the other versions of a cited work say in the same place (a change question),
    or, with ``same_number``, in the article of the same number."""
    works = evidence.store.works()
    others = same_numbered if same_number else counterparts
    quotes: dict[str, str] = {}
    for cited in answer.citations[:2]:  # a copy: citing appends
        for pid in others(evidence.catalog, works, cited.provision_id):
            citation = evidence.citation(pid)
            if citation is not None:
                quotes.setdefault(answer.cite(citation), citation.quote)
    if quotes:
        lead = "\n其他版本：" if evidence.zh else "\nIn the other version: "
        answer.text += lead + " ".join(f"「{quote}」{marker}" for marker, quote in quotes.items())


# How deep an English question's best evidence is read for a part of a term it names.
FOCUS_DEPTH = 3


def _terms_in_library(evidence: Evidence) -> bool:
    """Whether the library holds a measure term the question names. An English question's
    terms are our renderings, which the texts may word otherwise (honorary title: 授予称号
    for 荣誉称号): its best evidence holding part of one holds it."""
    question = evidence.question
    # … or a word it is listed with (跟班学习、跟岗学习).
    forms = [f for t in question.terms for f in (*term_forms(t), *listed_beside(t, question.text))]
    if any(evidence.catalog.names(form) for form in forms):
        return True
    return question.lang == "en" and any(s.has_focus for s in evidence.scored()[:FOCUS_DEPTH])


def _alternatives_absent(evidence: Evidence) -> bool:
    """Whether a Chinese question asks for one of the alternatives it offers (中考或者高考
    加分; not beside a term it singles out, 到上级部门或外地跟班学习) and the library
    names none of them: no provision, heading or title holds one, nor most of its bigrams
    (子女在派出地入学 for 子女入学)."""
    question, catalog = evidence.question, evidence.catalog
    offered = alternatives(question.text) if evidence.zh and not focus_terms(question) else ()

    def named(term: str) -> bool:
        grams = bigrams([term])
        held = [g for g in grams if catalog.bigram_counts.get(g, 0)]
        return catalog.names(term) or len(held) >= ALTERNATIVE_SHARE * len(grams)

    if not offered or all(tagged_verb(term) for term in offered):
        return False  # 加发或另发补贴 offers ways to pay, not things paid for
    return not any(named(term) for term in offered)


ALTERNATIVE_SHARE = 0.5


def _covered(evidence: Evidence, code: str) -> bool:
    scope = evidence.scope([code])
    return bool(scope & evidence.catalog.region_codes)


def _not_found(evidence: Evidence) -> str:
    if evidence.zh:
        return "资料库中没有找到与该问题相关的规定。"
    return "Nothing in the library answers this question."


def _region_measures(evidence: Evidence, answer: Draft) -> None:
    question = evidence.question
    scope = evidence.asked_scope
    mentions = distinct(rank_mentions(evidence, topic_mentions(evidence, scope)))[:MAX_MEASURES]
    if not mentions:
        _best_provisions(evidence, answer)
        return
    items = []
    held: list[str] = []
    for mention in mentions:
        marker = answer.cite(evidence.citation(mention.provision_id))
        label = measure_label(mention, evidence.zh)
        # Name the real holder when it lies below the asked region (滁州市 → 定远县).
        codes = set(mention.region_codes)
        below = most_specific(evidence.gazetteer, codes if scope is None else codes & scope)
        below = [c for c in below if c not in question.region_codes]
        if below:
            label += f"（{'、'.join(evidence.region_name(c) for c in below)}）"
        held.extend(below)
        items.append(f"{label}{marker}")
    answer.mentions.extend(mentions)
    answer.region_codes = list(dict.fromkeys([*question.region_codes, *held]))
    names = "、".join(evidence.region_name(c) for c in question.region_codes)
    if evidence.zh:
        answer.text = f"{names}的相关做法：" + "；".join(items) + "。"
    else:
        answer.text = f"Measures of {names}: " + "; ".join(items) + "."


def distinct(ranked: list[MeasureMention]) -> list[MeasureMention]:
    """A measure one document names again for the same places (乡镇工作补贴 in a study's
    findings and in its plan) listed once, at its best evidence: the list has room for
    others. Another document's (a later notice's new amount) is listed too."""
    first = {(m.label_zh, m.region_codes, m.doc_id): m for m in reversed(ranked)}
    return [m for m in ranked if first[(m.label_zh, m.region_codes, m.doc_id)] is m]


def measure_label(mention: MeasureMention, zh: bool) -> str:
    """A measure as an answer names it. In English: its rendering, then the Chinese; or,
    when it has no rendering that reads as English, the Chinese and its type."""
    if zh:
        return mention.label_zh
    if mention.label_en == mention.label_zh:
        return f"{mention.label_zh} ({load_vocabulary().type(mention.incentive_type).label_en})"
    return f"{mention.label_en} ({mention.label_zh})"


def _compare(evidence: Evidence, answer: Draft) -> None:
    question = evidence.question
    header = "| 地区 | 措施 |\n|---|---|" if evidence.zh else "| Region | Measures |\n|---|---|"
    rows = []
    untopical = not question.terms and question.incentive_type is None
    for code in question.region_codes:
        scope = evidence.scope([code])
        topical = topic_mentions(evidence, scope)
        if untopical and not topical:  # "compare A and B on how they motivate officials"
            topical = [m for m in evidence.catalog.measures if scope.intersection(m.region_codes)]
        mentions = distinct(rank_mentions(evidence, topical))
        cells = []
        for mention in mentions[:MAX_MEASURES]:
            marker = answer.cite(evidence.citation(mention.provision_id))
            label = measure_label(mention, evidence.zh)
            cells.append(f"{label} {marker}")
        answer.mentions.extend(mentions[:MAX_MEASURES])
        empty = "（无）" if evidence.zh else "(none found)"
        rows.append(f"| {evidence.region_name(code)} | {'；'.join(cells) or empty} |")
    answer.region_codes = list(question.region_codes)
    answer.text = header + "\n" + "\n".join(rows)


# How many provisions an answer quotes, and how many more it adds as "see also".
EVIDENCE_CITATIONS = 5
SEE_ALSO = 2
# Asked for advice (提出了哪些建议), the provisions advising close behind the best are each
# part of the answer: a study's 建议 (一) to (四), a speech's 要… one after another.
ADVICE_SEE_ALSO = 6


def _best_provisions(evidence: Evidence, answer: Draft) -> None:
    """The best evidence quoted, with the regions that hold it."""
    k = EVIDENCE_CITATIONS
    figures = evidence.catalog if evidence.question.intent is Intent.FACT else None
    chosen = citable(
        evidence.scored(), evidence.question.lang, k, figures, evidence.question.quantity
    )
    if not chosen:
        return
    pids = list(
        dict.fromkeys(
            [*evidence.with_sibling(chosen[0].provision_id), *(s.provision_id for s in chosen)]
        )
    )
    pids += part_evidence(
        evidence.question, evidence.scored(), evidence.catalog, evidence.region_names(), pids
    )
    pids += [pid for pid in _chapter_provisions(evidence, chosen) if pid not in pids]
    quotes: dict[str, str] = {}  # marker → quote: two sentences of one article quote it once
    for pid in pids:
        citation = evidence.citation(pid)
        if citation is not None:
            quotes.setdefault(answer.cite(citation), citation.quote)
    answer.mentions.extend(m for m in evidence.catalog.measures if m.provision_id in set(pids))
    answer.region_codes = list(
        dict.fromkeys(
            [
                *evidence.question.region_codes,
                *(c for pid in pids for c in holders(evidence, pid)),
            ]
        )
    )
    lead = "据资料：" if evidence.zh else "From the sources: "
    answer.text = lead + " ".join(f"「{quote}」{marker}" for marker, quote in quotes.items())


def _chapter_provisions(evidence: Evidence, chosen: list[Scored]) -> list[str]:
    """Asked what a chapter says (第五章, in each version): its articles, each one, in the
    documents whose chapter the best evidence quotes."""
    chapters = [unit for unit in evidence.question.articles if is_chapter(unit)]
    if not chapters:
        return []
    catalog = evidence.catalog
    docs = {
        catalog.provision_doc.get(s.provision_id)
        for s in chosen
        if in_articles(catalog, s.provision_id, chapters)
    }
    return [
        s.provision_id
        for s in evidence.scored()
        if catalog.provision_doc.get(s.provision_id) in docs
        and in_articles(catalog, s.provision_id, chapters)
    ][:MAX_CHAPTER_CITATIONS]


MAX_CHAPTER_CITATIONS = 12


def _cite_best_evidence(evidence: Evidence, answer: Draft) -> None:
    """Cite the best evidence too when the composed answer left it out; asked which
    place of a level, the places of that level the best and the added evidence are about
    are among them (岷县 clearing its work groups, though no measure was drawn from it)."""
    limit = ADVICE_SEE_ALSO if evidence.question.recommended else SEE_ALSO
    close = citable(evidence.scored(), evidence.question.lang, limit)
    if not close:
        return
    texts = evidence.catalog.provision_text
    best = close[:SEE_ALSO] + [s for s in close[SEE_ALSO:] if advises(texts[s.provision_id])]
    cited = {c.provision_id for c in answer.citations}
    pids = [*evidence.with_sibling(best[0].provision_id), *(s.provision_id for s in best[1:])]
    added = []
    for pid in dict.fromkeys(pids):
        citation = evidence.citation(pid)
        if citation is None or pid in cited:
            continue
        known = len(answer.citations)
        marker = answer.cite(citation)
        if len(answer.citations) == known:
            continue  # quoted already, within an article or paragraph cited whole
        lead = "相关规定：" if evidence.zh else "See also: "
        answer.text += f"\n{lead}「{citation.quote}」{marker}"
        added.append(pid)
    if not answer.region_codes:
        answer.region_codes = list(holders(evidence, best[0].provision_id))
    elif (
        evidence.question.intent is Intent.WHICH_REGIONS
        and evidence.question.level
        and evidence.question.region_codes
    ):
        # "甘肃哪个县…": a place of that level below the one named; not "哪些区…" over the
        # whole library, whose best paragraphs may name places doing other things.
        asked = evidence.question.region_codes
        answer.region_codes += [
            code
            for pid in dict.fromkeys([best[0].provision_id, *added])
            for code in holders(evidence, pid)
            if code not in answer.region_codes
            and code not in asked
            and level_matches(evidence, code, evidence.question.level)
        ]
