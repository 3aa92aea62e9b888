"""HTML and text views the app shows: answers, citations and the provision panel.

Everything from a document is escaped before it meets HTML. The network view is
``network``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from policykg.ingest.models import Citation, VersionStatus
from policykg.ingest.records import Answer
from policykg.ingest.references import CiteStyle, reference
from policykg.ingest.store import Store
from policykg.ingest.vocab import load_vocabulary

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>~])")


def markdown_text(text: str) -> str:
    """Document text inside chat markdown: shown literally, never interpreted."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def type_labels() -> dict[str, str]:
    """Incentive-type code → "容错纠错 fault tolerance and error correction", from the vocabulary."""
    return {entry.code: f"{entry.label_zh} {entry.label_en}" for entry in load_vocabulary().types}


def type_colours() -> dict[str, str]:
    """Incentive-type code → colour, in the vocabulary's order."""
    return {entry.code: entry.colour for entry in load_vocabulary().types}


def source_line(number: int, citation: Citation, turn: int | None = None) -> str:
    """One numbered source under an answer: [n] 《title》 section: "quote".

    With ``turn`` (the answer's number in the chat) the [n] opens that citation.
    """
    section = f" {citation.section}" if citation.section else ""
    title = markdown_text(citation.doc_title)
    quote = markdown_text(citation.quote)
    marker = cite_link(turn, number) if turn is not None else f"\\[{number}\\]"
    return f"{marker} 《{title}》{markdown_text(section)}：“{quote}”"


def answer_markdown(answer: Answer, turn: int | None = None, facets: Sequence[str] = ()) -> str:
    """The answer text (ours, markdown tables included) and its numbered sources.

    With ``turn`` (the answer's number in the chat) each [n] is a link that opens
    that answer's citation ``n``; ``facets`` (chip labels) say what the answer drew on.
    """
    sources = [source_line(n, c, turn) for n, c in enumerate(answer.citations, start=1)]
    text = answer.answer
    if turn is not None:
        text = cite_links(text, turn, len(answer.citations))
    if facets:
        filters = " · ".join(markdown_text(label) for label in facets)
        text = f'<span class="pk-answer-facets">筛选 Filters: {filters}</span>\n\n{text}'
    return text + ("\n\n" + "\n\n".join(sources) if sources else "")


_MARKER = re.compile(r"\[(\d+)\]")


def cite_link(turn: int, number: int) -> str:
    """The [n] of answer ``turn`` as a link the chat's click handler opens in the side panel."""
    return (
        f'<a class="pk-cite" href="#pk-cite-{turn}-{number}" '
        f'data-turn="{turn}" data-n="{number}">[{number}]</a>'
    )


def cite_links(text: str, turn: int, count: int) -> str:
    """Every [n] marker of an answer's text (n within its citations) as its link."""

    def link(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return cite_link(turn, number) if 1 <= number <= count else match.group()

    return _MARKER.sub(link, text)


def facet_chips(labels: Sequence[str], error: str = "") -> str:
    """The active facets as chips above the chat (escaped), or the reason they are refused."""
    if error:
        return f'<div class="pk-chips"><span class="pk-chip pk-chip-error">{html.escape(error)}</span></div>'
    if not labels:
        return '<div class="pk-chips"><span class="pk-chip-none">No filters: the whole library</span></div>'
    chips = "".join(f'<span class="pk-chip">{html.escape(label)}</span>' for label in labels)
    return f'<div class="pk-chips">{chips}</div>'


def drafter_reference(citation: Citation) -> str:
    """What the copy button gives: the legal-style reference with the quote, then GB/T 7714."""
    legal = reference(citation, CiteStyle.LEGAL)
    return f"{legal}：“{citation.quote}”\n{reference(citation, CiteStyle.GBT7714)}"


def provision_panel(store: Store, citation: Citation, heading: str = "") -> str:
    """The cited provision in its paragraph, the quoted span highlighted (all escaped).

    ``heading`` names the citation (answer 2, source [1]) above it.
    """
    document = store.document(citation.doc_id)
    if document is None:
        return "<p>The cited document is no longer in the library.</p>"
    provision = store.provision(citation.provision_id)
    start, end = citation.start, citation.end
    if provision is not None:
        same = [p for p in store.provisions(citation.doc_id) if p.paragraph == provision.paragraph]
        start = min((p.start for p in same), default=start)
        end = max((p.end for p in same), default=end)
    text = document.text
    before = html.escape(text[start : citation.start])
    quoted = html.escape(text[citation.start : citation.end])
    after = html.escape(text[citation.end : end])
    meta = document.meta
    facts = [
        ("Document", meta.title),
        ("Section", citation.section or "—"),
        ("Locator", citation.locator or "—"),
        ("Issuer", meta.authority or "—"),
        ("Document number", meta.doc_number or "—"),
        ("Date", meta.date or "—"),
        ("Kind", meta.doc_kind.value if meta.doc_kind else "—"),
        ("Version", status_label(store.version_status(document.doc_id))),
        ("Span", f"[{citation.start}, {citation.end})"),
        ("Document id", document.doc_id),
    ]
    rows = "".join(
        f"<tr><th>{html.escape(label)}</th><td>{html.escape(str(value))}</td></tr>"
        for label, value in facts
    )
    head = f'<p class="pk-cite-head">{html.escape(heading)}</p>' if heading else ""
    return (
        '<div class="pk-provision">'
        f"{head}"
        f'<table class="pk-facts">{rows}</table>'
        f'<p class="pk-paragraph">{before}<mark class="pk-quote">{quoted}</mark>{after}</p>'
        "</div>"
    )


def status_label(status: VersionStatus | None) -> str:
    """A version's status as 北大法宝 names it (时效性), with the code."""
    labels = {
        VersionStatus.IN_FORCE: "现行有效 (in force)",
        VersionStatus.SUPERSEDED: "已被修改 (superseded)",
        VersionStatus.REPEALED: "已废止 (repealed)",
        VersionStatus.UNKNOWN: "未知 (unknown)",
    }
    return labels[status] if status else "—"
