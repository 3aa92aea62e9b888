"""What kind of document a text is, and what a sentence's modality makes of a measure.

The same words carry a different status by genre: 可以实行年薪制 in a statute is
the law's rule (required), 要完善容错纠错机制 is an order in a central document
and advice in a commentary, and a work report's review section tells what was
done while its plan section proposes. The cue lists live in
``data/measure_rules.json``; nothing here names a document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import Enum

from policykg.ingest.models import Document, Provision, Status
from policykg.ingest.rules import MeasureRules


class DocumentKind(str, Enum):
    """The genre that decides a measure's holder and status."""

    STATUTE = "statute"  # 法/条例/规定 in articles (第X条): every provision is the rule
    DIRECTIVE = "directive"  # 意见/通知 from above, a 文号, or central news: 要 orders
    REPORT = "report"  # 工作报告: review section adopted, plan section recommended
    ARTICLE = "article"  # news and commentary: adopted, 要/建议 recommended


def document_kind(document: Document, rules: MeasureRules) -> DocumentKind:
    """The genre from the title, the authority and the numbered articles."""
    meta, text = document.meta, document.text
    title = re.sub(r"[#\s]|[（(][^）)]*[）)]$", "", meta.title or "")
    articles = len(re.findall(rules.article_pattern, text))
    if articles >= 3 and title.endswith(rules.statute_title_suffixes):
        return DocumentKind.STATUTE
    if any(cue in title for cue in rules.report_title_cues):
        return DocumentKind.REPORT
    if meta.doc_number or re.search(rules.directive_title_pattern, title):
        return DocumentKind.DIRECTIVE
    authority = meta.authority or ""
    if any(cue in title or cue in authority for cue in rules.required_authority_cues):
        return DocumentKind.DIRECTIVE
    return DocumentKind.ARTICLE


def plan_opening(sentence: str, rules: MeasureRules) -> bool:
    """Whether a sentence opens in the plan voice (要…, 一要…, 建议…)."""
    body = re.sub(r"^[^，,]{1,10}方面[，,]", "", sentence.strip())
    return re.match(rules.plan_opening_pattern, body) is not None


def review_section(
    section: Sequence[str], year: int | None, rules: MeasureRules, title: str = ""
) -> bool:
    """Whether a provision's headings look back: 工作回顾, or a year before the document's
    own (实事求是看待2024年全市组织工作 in a 2025 speech) with no plan word beside it; in a
    document that looks back as a whole (朱仙镇2025年度工作总结), any section but its plan
    (2026年工作打算)."""
    planned = any(
        cue in heading
        for heading in section
        for cue in (*rules.plan_section_cues, *rules.recommended_section_cues)
    )
    if not planned and any(cue in title for cue in rules.review_title_cues):
        return True
    for heading in section:
        if any(cue in heading for cue in rules.review_section_cues):
            return True
        years = [int(y) for y in re.findall(r"((?:19|20)\d\d)年", heading)]
        if year and years and max(years) < year:
            return not any(cue in heading for cue in rules.plan_section_cues)
    return False


def sentence_status(
    kind: DocumentKind,
    provision: Provision,
    plan_paragraph: bool,
    review: bool,
    rules: MeasureRules,
) -> Status:
    """A measure's status from its document's kind and its sentence's modality.

    ``plan_paragraph``: an earlier sentence of the paragraph opened with 要/一要, so
    the sentences after it (健全…, 实施…) continue the plan. ``review``: the provision
    sits under a heading that looks back (``review_section``): what it tells was done.
    """
    sentence = provision.text
    if kind is DocumentKind.STATUTE:
        return Status.REQUIRED  # 应当, 可以 and plain statements alike are the law's rule
    if kind is DocumentKind.DIRECTIVE:
        if review and not plan_opening(sentence, rules):
            return Status.ADOPTED  # under 经验做法, what a place did (its 不得 is its rule)
        ordered = re.search(rules.modal_pattern, sentence) is not None  # 要, not 重要
        done = any(cue in sentence for cue in rules.adopted_cues)
        return Status.ADOPTED if done and not ordered else Status.REQUIRED
    if kind is DocumentKind.REPORT or review:
        # A review's 一是…二是… list what was done; a report's other sections plan.
        return Status.ADOPTED if review else Status.RECOMMENDED
    return _article_status(provision, plan_paragraph, rules)


def _article_status(provision: Provision, plan_paragraph: bool, rules: MeasureRules) -> Status:
    sentence = provision.text
    if plan_paragraph or plan_opening(sentence, rules):
        return Status.RECOMMENDED
    # What a place is going to do (下一步…将, 明年我们将) is its plan, not yet done.
    if re.search(rules.plan_marker_pattern, sentence):
        return Status.RECOMMENDED
    if any(
        cue in heading for heading in provision.section for cue in rules.recommended_section_cues
    ):
        return Status.RECOMMENDED
    if any(cue in sentence for cue in rules.required_cues):
        return Status.REQUIRED
    return Status.ADOPTED


def opens_plan(provisions: Sequence[Provision], rules: MeasureRules) -> list[bool]:
    """For each provision, whether an earlier sentence of its paragraph opened the plan."""
    flags: list[bool] = []
    paragraph, planning = -1, False
    for provision in provisions:
        if provision.paragraph != paragraph:
            paragraph, planning = provision.paragraph, False
        flags.append(planning)
        planning = planning or plan_opening(provision.text, rules)
    return flags
