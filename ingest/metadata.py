"""Metadata a document states: title, issuer, 文号, dates, kind and level.

Sources, the least explicit first, each over the one before: the text (a
statute's history block, an official document's header and footer, a news
lead), then what the file format carries (an HTML ``<meta>``, DOCX core
properties), then a sidecar ``NAME.meta.json``. The user's corrections go over
all of them (``meta_fields.apply_corrections``). The fields the format or the
sidecar gave are named in ``DocumentMeta.supplied`` and kept when the stored
text is read again after the rules change.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from policykg.ingest.history import History, iso_date, place_level, read_history
from policykg.ingest.meta_fields import (
    EDITABLE_FIELDS,
    MetaCorrection,
    MetaFieldError,
    apply_corrections,
    checked_fields,
    given_fields,
    with_fields,
)
from policykg.ingest.models import DatedEvent, DocKind, Document, DocumentMeta, IssuerLevel
from policykg.ingest.repeals import read_repeals

SIDECAR_SUFFIX = ".meta.json"
SIDECAR_FIELDS = (*EDITABLE_FIELDS, "title_supplied", "issuer")
CENTRAL = re.compile(r"^(?:中共中央|中国共产党中央|国务院|全国|中华人民共和国|中央|国家)")
LEADING_PLACE = re.compile(
    r"^(?:中共|中国共产党)?([\u4e00-\u9fff]{2,7}?(?:自治区|自治州|省|市|州|县|区|盟|旗))"
)

JOINT_ISSUERS_MAX = 4  # signature lines read above a footer's date


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    raw = (
        resources.files("policykg.ingest")
        .joinpath("data", "metadata_patterns.json")
        .read_text("utf-8")
    )
    return dict(json.loads(raw))


@dataclass(frozen=True, slots=True)
class Footer:
    """The signature block of an official document: its issuer lines and date line."""

    issuer: str | None
    date: str
    text: str


def first_heading_line(text: str) -> str | None:
    """The title line: a Markdown heading (any length), or the first line that reads as one.

    Header lines above it (红头 ``XX文件``, the 文号) are passed over; a first line
    that is a sentence means the text has no title line.
    """
    patterns = _patterns()
    lines = [without_dateline(line.strip()) for line in text.splitlines()]
    lines = [line for line in lines[: patterns["title_scan_lines"]] if line]
    for line in lines:  # a proposal's 案由 (关于…的建议) is its title, not the session above it
        if subject := re.fullmatch(patterns["subject_line"], line):
            return subject.group(1).strip()
    # Issuers, or the places issuing together (广州市天河区　贵州省纳雍县), on a line of
    # their own above 关于…的报告, 印发《…》的通知 or a title of a document's kind.
    organ = f"(?:{patterns['organ_line']}|{patterns['place_line']})"
    organs = rf"{organ}(?:\s+{organ})*"
    for place, stripped in enumerate(lines):
        if stripped.startswith("#"):
            return stripped.lstrip("#").strip() or None
        if re.fullmatch(patterns["header_line"], stripped) or _is_number_line(stripped):
            continue
        following = lines[place + 1] if place + 1 < len(lines) else ""
        titled = following.startswith(("关于", "印发", "转发")) or (
            re.search(patterns["document_kind_end"], following) is not None
            and not re.search(patterns["not_title"], following)
        )
        if re.fullmatch(organs, stripped) and titled:
            # One title, as written on one line (中共X区委组织部 X区财政局关于印发…的通知;
            # 中共X街道工作委员会2025年度…工作报告).
            stripped += following
        # A headline may hold a comma (黄河滩上，干部和群众一起“安新家”); a sentence that
        # opens the text without a title is longer.
        limit = patterns["max_title_chars"]
        if re.search(r"[，,]", stripped):
            limit = min(limit, patterns["comma_title_max_chars"])
        if len(stripped) <= limit and not re.search(patterns["not_title"], stripped):
            return stripped
        return None
    return None


def without_dateline(line: str) -> str:
    """The line after a news dateline (新华社郑州6月18日电 题：…, 本报讯): the dateline says
    where a report was filed, neither its title nor its region."""
    return re.sub(_patterns()["dateline_prefix"], "", line)


def _is_number_line(line: str) -> bool:
    return re.fullmatch(r"\s*" + _patterns()["doc_number"] + r"\s*", line) is not None


def extract_metadata(
    text: str,
    fallback_title: str,
    format_title: str | None = None,
    given: Mapping[str, object] | None = None,
) -> DocumentMeta:
    """What the text states, with ``given`` fields (format, sidecar) over it.

    Example:
        >>> text = "关于X的通知\\n浙委办发〔2019〕12号\\n……2019年3月5日"
        >>> meta = extract_metadata(text, "x", None)
        >>> (meta.title, meta.doc_number, meta.date)
        ('关于X的通知', '浙委办发〔2019〕12号', '2019-03-05')
    """
    patterns = _patterns()
    head = text[: patterns["head_chars"]]
    history, footer = read_history(text), read_footer(text)
    title = (format_title or "").strip() or first_heading_line(text)
    number = re.search(patterns["doc_number"], head)
    meta = DocumentMeta(
        title=title or fallback_title,
        title_supplied=not title,
        authority=_issuer(head, title, history, footer),
        doc_number=(history and history.doc_number)
        or (re.sub(r"\s+", "", number.group()) if number else None),
        date=(history and history.version_date)
        or (footer and footer.date)
        or iso_date(text)
        or file_name_date(fallback_title),
        dates=history.events if history else _footer_events(footer),
        publisher=news_outlet(head),
        repeals=read_repeals(text, title or ""),
    )
    given = checked_fields(given or {})
    meta = replace(with_fields(meta, given), supplied=tuple(sorted(given)))
    return derived(meta, text, history)


def derived(
    meta: DocumentMeta, text: str, history: History | None, kept: Iterable[str] = ()
) -> DocumentMeta:
    """``meta`` with its kind and level derived from its other fields, unless a format, a
    sidecar or ``kept`` (the user's corrections) gave them."""
    fixed = {*meta.supplied, *kept}
    kind = meta.doc_kind if "doc_kind" in fixed else None
    level = meta.level if "level" in fixed else None
    return replace(
        meta,
        doc_kind=kind or document_kind(meta, text, history),
        level=level or (history and history.level) or issuer_level(meta.authority),
    )


def corrected(meta: DocumentMeta, text: str, corrections: Iterable[MetaCorrection]) -> DocumentMeta:
    """The user's corrections over ``meta``, and the kind and level derived again from the
    corrected fields (an issuer corrected to 国务院 makes the document central)."""
    corrections = list(corrections)
    if not corrections:
        return meta
    meta = apply_corrections(meta, corrections)
    return derived(meta, text, read_history(text), {c.field for c in corrections})


# A day in a file name (02-xwlb-20180520-….txt, report-2024-03-05.md): corpora of news
# and transcripts are named by day while the text says only "9月26日".
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?!\d)")


def file_name_date(name: str) -> str | None:
    """The ISO day a file name states, when the text states none.

    Example:
        >>> file_name_date("02-xwlb-20180520-jili-ganbu")
        '2018-05-20'
    """
    found = _NAME_DATE.search(name)
    return "-".join(found.groups()) if found else None


def reread_metadata(document: Document) -> DocumentMeta:
    """A stored document's metadata read again from its text, the given fields kept."""
    fallback = Path(document.source_path).stem
    return extract_metadata(document.text, fallback, given=given_fields(document.meta))


def _footer_events(footer: Footer | None) -> tuple[DatedEvent, ...]:
    return (DatedEvent("成文", footer.date, footer.text),) if footer else ()


def _issuer(
    head: str, title: str | None, history: History | None, footer: Footer | None
) -> str | None:
    """The issuer: the history's body, the 红头, the title's 'X关于', the signature, a
    web page's 来源, a line."""
    patterns = _patterns()
    if history and history.issuer:
        return history.issuer
    red_head = re.search(patterns["red_head"], head, flags=re.MULTILINE)
    if red_head:
        return red_head.group(1)
    about = re.match(patterns["title_issuer"], title or "")
    if about:
        return re.sub(r"\s+", " ", about.group(1)).strip()
    if footer and footer.issuer:
        return footer.issuer
    # 来源：山东省委组织部 above a web page's text: the organ publishing it.
    source = re.search(patterns["source_line"], head, flags=re.MULTILINE)
    if source and re.fullmatch(patterns["organ_line"], source.group(1)):
        return source.group(1)
    issuing = re.search(patterns["authority_issuing"], head)
    if issuing:
        return issuing.group(1)
    line = re.search(patterns["authority_line"], head, flags=re.MULTILINE)
    return line.group(1) if line else None


def read_footer(text: str) -> Footer | None:
    """The closing date line of an official document, and the issuer line above it."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    while lines and re.fullmatch(r"[（(][^）)]{1,30}[）)]", lines[-1]):
        lines.pop()  # （此件公开发布）, （联系人：…）
    if len(lines) < 2 or len(lines[-1]) > 20:
        return None
    date = iso_date(lines[-1])
    if date is None or not re.fullmatch(r"[\d〇○零一二三四五六七八九十年月日\s]+", lines[-1]):
        return None
    # A jointly issued document is signed by each issuer on its own line, the lead first.
    organs: list[str] = []
    for above in reversed(lines[-1 - JOINT_ISSUERS_MAX : -1]):
        organ = re.fullmatch(_patterns()["organ_line"], above)
        if organ is None:
            break
        organs.insert(0, organ.group(0))
    return Footer(" ".join(organs) or None, date, lines[-1])


def news_outlet(head: str) -> str | None:
    """The outlet a news lead names (央视网消息 → 央视网, 新华社北京3月5日电 → 新华社)."""
    found = re.search(_patterns()["news_outlet"], head)
    return found.group(1) if found else None


def document_kind(meta: DocumentMeta, text: str, history: History | None) -> DocKind | None:
    """The kind the text shows: a statute's history, a news lead, an author, a 文号."""
    patterns = _patterns()
    if history and history.doc_kind:
        return history.doc_kind
    if re.search(patterns["news_lead"], text[: patterns["head_chars"]]):
        return DocKind.NEWS
    if meta.author:
        return DocKind.ARTICLE
    issuer = meta.authority or ""
    articles = len(re.findall(r"(?m)^\s*第[一二三四五六七八九十百]+条", text))
    party = issuer.startswith(("中共", "中国共产党")) and articles >= 3
    if party and re.search(patterns["party_regulation_title"], meta.title):
        return DocKind.PARTY_REGULATION
    if meta.doc_number or (issuer and re.search(patterns["directive_title"], meta.title)):
        return DocKind.NORMATIVE_DOCUMENT
    return None


def issuer_level(issuer: str | None) -> IssuerLevel | None:
    """Central for 国务院/中共中央/全国…; otherwise the level of the place the issuer opens with."""
    if not issuer:
        return None
    # The State Council's ministries issue in their own name (人力资源社会保障部).
    if CENTRAL.match(issuer) or re.match(_patterns()["central_body"], issuer):
        return IssuerLevel.CENTRAL
    place = LEADING_PLACE.match(issuer)
    return place_level(place.group(1)) if place else None


def read_sidecar(path: Path) -> dict[str, Any]:
    """Fields from ``<file>.meta.json`` beside a source file (they override the text's).

    Raises:
        MetaFieldError: a value the field cannot hold (an unreadable date, say).
    """
    sidecar = path.with_name(path.name.removesuffix(path.suffix) + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}
    data = json.loads(sidecar.read_text(encoding="utf-8"))
    try:
        return checked_fields({key: data[key] for key in SIDECAR_FIELDS if key in data})
    except MetaFieldError as error:
        raise MetaFieldError(f"{sidecar.name}: {error}") from None
