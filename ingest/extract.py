"""Walk a document's provisions and emit its measure mentions.

The clause-level rules live in ``ingest.measures``; this module carries the
context across clauses, sentences, paragraphs and sections.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.ingest.candidates import extra_phrases
from policykg.ingest.clause_types import (
    elaboration_type,
    lead_aspect,
    measure_type,
    pay_type,
    section_aspect,
    statute_rule_type,
)
from policykg.ingest.english import english_label
from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.genre import (
    DocumentKind,
    document_kind,
    opens_plan,
    review_section,
    sentence_status,
)
from policykg.ingest.headings import markers_end
from policykg.ingest.measures import (
    Context,
    Phrase,
    aspect_type,
    find_phrases,
    keep_phrase,
    measure_key,
    names_speaker,
    split_clauses,
    subject_regions,
    verb_pattern,
)
from policykg.ingest.models import (
    Document,
    IncentiveType,
    MeasureMention,
    Provision,
    RegionMention,
    Section,
    Status,
)
from policykg.ingest.parties import agreement_parties
from policykg.ingest.rules import MeasureRules
from policykg.ingest.speakers import speaker_turns
from policykg.ingest.topics import document_topic, paragraph_topic, section_topic
from policykg.ingest.vocab import Vocabulary

NATIONAL_CODE = "CN"
MIN_PROVISION_CHARS = 10
QUESTION_MARKS = ("？", "?")  # a provision ending so asks; it holds no measure


def extract_measures(
    document: Document,
    sections: Sequence[Section],
    provisions: Sequence[Provision],
    mentions: Sequence[RegionMention],
    gazetteer: Gazetteer,
    vocab: Vocabulary,
) -> tuple[MeasureMention, ...]:
    """All measure mentions of one document, in text order.

    Example:
        >>> # 物质激励方面,杭州市发布事业单位绩效工资分配指导意见。
        >>> # → 杭州市 / material / "事业单位绩效工资分配指导意见" / adopted
    """
    ctx = Context(
        document=document,
        mentions=mentions,
        sections=sections,
        gazetteer=gazetteer,
        vocab=vocab,
        kind=document_kind(document, vocab.rules),
        main_type=vocab.vote([provision.text for provision in provisions]),
        parties=agreement_parties(document, mentions, gazetteer),
    )
    planned = opens_plan(provisions, vocab.rules)
    turns = speaker_turns(document, mentions, gazetteer)
    year = int(document.meta.date[:4]) if document.meta.date else None
    found: list[MeasureMention] = []
    last: tuple[str, IncentiveType] | None = None  # the unit and type of the last measure
    paragraph_places: tuple[str, ...] = ()
    paragraph_aspect: IncentiveType | None = None
    current_paragraph = -1
    for provision, plan in zip(provisions, planned, strict=True):
        if _under_problems(provision, vocab.rules) or _head_line(provision, document):
            continue
        if provision.paragraph != current_paragraph:
            current_paragraph = provision.paragraph
            paragraph_places = paragraph_topic(ctx, provision)
            paragraph_aspect = lead_aspect(ctx, provision)
        if ctx.kind is DocumentKind.STATUTE:
            fallback = document_topic(ctx)  # a statute binds its issuer's jurisdiction
        else:
            # A transcript's turn is its speaker's place's (刘建峰：… is 唐山市's).
            spoken = turns.places_at(provision.start) if turns else ()
            fallback = (
                paragraph_places or spoken or section_topic(ctx, provision) or document_topic(ctx)
            )
        review = review_section(provision.section, year, vocab.rules, document.meta.title)
        status = sentence_status(ctx.kind, provision, plan, review, vocab.rules)
        aspect = paragraph_aspect or section_aspect(ctx, provision)
        unit = _unit(ctx, provision)
        carried = last[1] if last is not None and last[0] == unit else None
        measures = _provision_measures(ctx, provision, fallback, aspect, status, carried)
        found.extend(measures)
        last = (unit, measures[-1].incentive_type) if measures else last
    return tuple(found)


def _head_line(provision: Provision, document: Document) -> bool:
    """Whether the provision is a line of the document's head (its issuer, its 文号, a line
    of its title, those it is sent to: 各县（市、区）…，市直各单位：): they name the
    document, not a measure (湖减负办〔2025〕3号)."""
    meta, text = document.meta, provision.text.strip()
    if _ADDRESSEES.fullmatch(text):
        return True
    return text in (meta.authority, meta.doc_number) or bool(meta.title and text in meta.title)


# Those a notice is sent to, on a line of their own: 各县（市、区）党委…，市直各单位：
_ADDRESSEES = re.compile(
    r"各[^。；;]{1,80}[：:]|[^。；;]{0,40}(?:单位|部门|部|局|办|政府|党委)[：:]"
)


def _under_problems(provision: Provision, rules: MeasureRules) -> bool:
    """Whether a heading above names what went wrong (典型问题): faults, not practices;
    one naming plans or advice too (存在的问题和下一步打算) holds those."""
    ahead = (*rules.plan_section_cues, *rules.recommended_section_cues, "下一步")
    return any(
        any(cue in heading for cue in rules.problem_section_cues)
        and not any(cue in heading for cue in ahead)
        for heading in provision.section
    )


# An amount of money: what a sentence adding to the article's payment states.
_AMOUNT = re.compile(r"[\d一二三四五六七八九十百千万两]+元")


def _unit(ctx: Context, provision: Provision) -> str:
    """The article a statute's sentence belongs to; elsewhere its paragraph."""
    article = re.match(ctx.vocab.rules.article_pattern, provision.locator or "")
    if ctx.kind is DocumentKind.STATUTE and article:
        return article.group()
    return f"{provision.paragraph}"


def _provision_measures(
    ctx: Context,
    provision: Provision,
    fallback: tuple[str, ...],
    paragraph_aspect: IncentiveType | None,
    status: Status,
    carried: IncentiveType | None = None,
) -> list[MeasureMention]:
    text = ctx.document.text
    if len(provision.text) <= MIN_PROVISION_CHARS:
        return []  # a lead sentence such as 实施路径数字化。 titles its paragraph
    if provision.text.rstrip().endswith(QUESTION_MARKS):
        return []  # 问：疗休养的时间和费用如何安排？ asks; the answer after it says what is done
    regions, aspect = fallback, None
    lead: tuple[str, ...] = ()  # the place of a lead clause that told no measure yet
    found: list[MeasureMention] = []
    clauses = split_clauses(text, provision.start, provision.end)
    for index, (start, end) in enumerate(clauses):
        clause = text[start:end]
        clause_aspect = aspect_type(ctx, clause)
        if clause_aspect and len(clause) <= 12:
            aspect = clause_aspect
            continue
        aspect = aspect or clause_aspect
        own = subject_regions(ctx, start, end) if ctx.kind is not DocumentKind.STATUTE else ()
        regions = own or regions
        phrases = _clause_phrases(ctx, start, end)
        # 射阳湖镇在荷藕收获季结束后，安排…干部轮流补休: the place of a lead clause that
        # said nothing else does what the next clause tells.
        holder, lead = own or lead, ()
        if holder and not phrases:
            # 昭觉县推行…；理塘县为…配备供氧设施: a place of its own, a practice of its own;
            # 张北县每人每月520元，康保县500元: a figure of its own, of the same kind;
            # 连云港市对…的干部每人每月增发200元: pay.
            kind = ctx.vocab.classify(clause)
            if kind is None and found and _AMOUNT.search(clause):
                kind = found[-1].incentive_type
            kind = kind or pay_type(ctx, clause)
            if kind is not None:
                mention = _clause_measure(ctx, provision, start, end, kind, holder, status)
                found.extend([mention] if mention else [])
                continue
            lead = own
        for phrase in phrases:
            kind = measure_type(ctx, phrase.label, clause, aspect, paragraph_aspect, provision)
            kind = kind or elaboration_type(ctx, clauses[index + 1 :])
            if kind is None and holder and (phrase.quoted or _institution(ctx, phrase.label)):
                # 四季镇实行驻村干部“轮值下山”, 蛟洋镇：把每周二定为“驻村日”: a place (of
                # the clause or the lead before it) naming a practice of its own coinage
                # does something for its cadres, of the kind the document is about; so does
                # one told to set up an institution (建议乌兰察布市建立…流失预警机制).
                kind = ctx.vocab.vote([provision.text]) or ctx.main_type
            if kind is None:
                continue
            found.append(
                MeasureMention(
                    key=measure_key(phrase.label, ctx.vocab.rules),
                    label_zh=phrase.label,
                    label_en=english_label(phrase.label),
                    incentive_type=kind,
                    status=status,
                    region_codes=regions or (NATIONAL_CODE,),
                    doc_id=provision.doc_id,
                    provision_id=provision.provision_id,
                    start=phrase.start,
                    end=phrase.end,
                )
            )
    if not found:
        found.extend(
            _cue_clause_measure(ctx, provision, fallback, status, paragraph_aspect, carried)
        )
    found.extend(_spread_measures(ctx, provision, fallback, status, found))
    return found


def _spread_measures(
    ctx: Context,
    provision: Provision,
    fallback: tuple[str, ...],
    status: Status,
    found: list[MeasureMention],
) -> list[MeasureMention]:
    """A practice a place spreads (要在全市推广子洲县“一表通”做法; 总结…的试点经验，条件成熟
    时在全省推广) is the spreading place's too, planned or done: the 全市 the clause says,
    else its subject, else the place of whoever says it (州委组织部负责人表示，…), else the
    place the paragraph is about, never the place whose practice it was."""
    rules, text = ctx.vocab.rules, ctx.document.text
    # The practice is named as one (…做法, …经验), or is a measure the provision told of
    # (何市镇探索的村级报表“一表通”，由县委社会工作部负责在全县推广).
    if not found and not any(noun in provision.text for noun in rules.practice_nouns):
        return []
    named = {
        m.code
        for m in ctx.mentions
        if provision.start <= m.start < provision.end and not m.implicit
    }
    for start, end in split_clauses(text, provision.start, provision.end):
        clause = text[start:end]
        if not any(verb in clause for verb in rules.diffusion_verbs):
            continue
        own = [m.code for m in ctx.mentions if start <= m.start < end and m.implicit]
        subject = [c for c in subject_regions(ctx, start, end) if c not in own]
        spreaders = tuple(
            dict.fromkeys(own)
            or subject
            or _speakers(ctx, provision.start, start)
            or [c for c in fallback if c not in named]
        )
        if not spreaders or any(
            start <= m.start < end and set(spreaders) <= set(m.region_codes) for m in found
        ):
            continue
        kind = (
            ctx.vocab.classify(provision.text)
            or next((m.incentive_type for m in found), None)
            or ctx.main_type
        )
        if kind is None:
            continue
        mention = _clause_measure(ctx, provision, start, end, kind, spreaders, status)
        return [mention] if mention is not None else []
    return []


# A label cut from a clause is at most this long (twice a phrase label's limit).
MAX_CLAUSE_LABEL = 32


def _institution(ctx: Context, label: str) -> bool:
    """Whether a label names an institution by its last word (…预警机制, …帮扶制度)."""
    return label.endswith(ctx.vocab.rules.institution_nouns)


def _speakers(ctx: Context, start: int, end: int) -> list[str]:
    """The places of the clauses in ``[start, end)`` that name a speaker (长白朝鲜族自治县
    有关负责同志介绍，): what the speaker goes on to say the place will do is its own."""
    return [
        m.code
        for clause_start, clause_end in split_clauses(ctx.document.text, start, end)
        if names_speaker(ctx, clause_start, clause_end)
        for m in ctx.mentions
        if clause_start <= m.start < clause_end and not m.implicit
    ]


def _cue_clause_measure(
    ctx: Context,
    provision: Provision,
    fallback: tuple[str, ...],
    status: Status,
    heading_aspect: IncentiveType | None = None,
    carried: IncentiveType | None = None,
) -> list[MeasureMention]:
    """A provision that speaks to an incentive type but fits no phrase pattern is still a
    measure: its first clause with a type cue (受处分期间不得晋升…, 按照规定减免责任), or
    under a heading of a type (四、关心关爱), its first clause with a policy verb, or in
    an article (paragraph) whose last measure had a type, its clause stating an amount
    (第五条…乡镇工作补贴…。对在海拔四千五百米以上乡镇工作的，每人每月再增加不低于三百元).
    Failing all, a statute's first rule, of the type its title names."""
    text = ctx.document.text
    regions = fallback
    rule: tuple[int, int, IncentiveType] | None = None  # a statute's first untyped rule
    for start, end in split_clauses(text, provision.start, provision.end):
        if ctx.kind is not DocumentKind.STATUTE:  # a place named earlier holds what follows
            regions = subject_regions(ctx, start, end) or regions
        kind = ctx.vocab.classify(text[start:end])
        if (
            kind is None
            and heading_aspect
            and verb_pattern(ctx.vocab.rules.policy_verbs).search(text, start, end)
        ):
            kind = heading_aspect
        if kind is None and carried and _AMOUNT.search(text, start, end):
            kind = carried
        kind = kind or pay_type(ctx, text[start:end])
        if kind is None and rule is None and (titled := statute_rule_type(ctx, text[start:end])):
            rule = (start, end, titled)
        if kind is None:
            continue
        mention = _clause_measure(ctx, provision, start, end, kind, regions, status)
        if mention is not None:
            return [mention]
    if rule is not None:
        mention = _clause_measure(ctx, provision, *rule, regions, status)
        return [mention] if mention is not None else []
    return []


def _clause_measure(
    ctx: Context,
    provision: Provision,
    start: int,
    end: int,
    kind: IncentiveType,
    regions: tuple[str, ...],
    status: Status,
) -> MeasureMention | None:
    """The clause itself as the measure's label (its head, markers aside), if it names one."""
    text = ctx.document.text
    start = min(markers_end(text, start), end)
    fillers = ctx.vocab.rules.clause_label_fillers
    if time := re.compile(ctx.vocab.rules.clause_time_pattern).match(text, start, end):
        start = time.end()
    while (filler := next((f for f in fillers if text.startswith(f, start)), None)) is not None:
        start = min(start + len(filler), end)
    end = min(end, start + MAX_CLAUSE_LABEL)
    label = text[start:end].strip()
    # A place may open it though its first character is a conjunction's (和龙市, 和田地区).
    opens_with_place = any(m.start == start and not m.implicit for m in ctx.mentions)
    if len(label) < ctx.vocab.rules.min_label_chars or not (_clean(label) or opens_with_place):
        return None
    return MeasureMention(
        key=measure_key(label, ctx.vocab.rules),
        label_zh=label,
        label_en=english_label(label),
        incentive_type=kind,
        status=status,
        region_codes=regions or (NATIONAL_CODE,),
        doc_id=provision.doc_id,
        provision_id=provision.provision_id,
        start=start,
        end=start + len(text[start:end].rstrip()),
    )


def _clause_phrases(ctx: Context, start: int, end: int) -> list[Phrase]:
    """The verb objects of a clause, then the noun phrases, terms and quoted names
    none of them already covers."""
    kept = [
        phrase
        for phrase, weak in find_phrases(ctx, start, end)
        if keep_phrase(ctx, phrase, weak) and _whole(ctx, phrase)
    ]
    clean = [p for p in kept if len(p.label) <= ctx.vocab.rules.max_label_chars]
    for phrase in extra_phrases(ctx, start, end):
        if any(c.start <= phrase.start and phrase.end <= c.end for c in clean):
            continue
        if any(c.label == phrase.label for c in kept) or not _worth_keeping(ctx, phrase):
            continue
        if not _whole(ctx, phrase):
            continue
        kept.append(phrase)
    return kept


_PARTICLE_OPENING = re.compile(r"[的了且和及与或]")


def _clean(label: str) -> bool:
    """A label that names something: not a figure (607元), not a fragment (的。”)."""
    return re.match(r"[\d.%元的了且和及与或]", label) is None and not re.search(r"[。！？]", label)


def _whole(ctx: Context, phrase: Phrase) -> bool:
    """Not a fragment: a phrase opening with a particle (的汇报), or with the unit of a
    figure left outside it (岁以下干部 of 35岁以下干部). A figure may open one (6类21种
    具体容错情形)."""
    if phrase.quoted:
        return True
    before = ctx.document.text[phrase.start - 1 : phrase.start]
    return _PARTICLE_OPENING.match(phrase.label) is None and not before.isdigit()


def _worth_keeping(ctx: Context, phrase: Phrase) -> bool:
    """A verb-free candidate: long enough, or a known term or type cue (挂职, 嘉奖)."""
    rules = ctx.vocab.rules
    if phrase.label in rules.generic_objects or phrase.label in rules.head_nouns:
        return False
    if len(phrase.label) >= rules.min_label_chars:
        return True
    return ctx.vocab.classify(phrase.label) is not None
