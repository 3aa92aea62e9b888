"""A citation as a reference a drafter or a researcher can paste, in two styles.

``legal``: the style of Chinese legal and official drafting,
《标题》（发文机关 文号，日期）第X条 — 《中华人民共和国监察法》（全国人民代表大会常务委员会，
2024年12月25日）第二十一条. ``gbt7714``: GB/T 7714-2015, the national standard for
bibliographies — 责任者. 题名: 其他题名信息[类型]. 日期: 引文位置. Laws, regulations
and official documents are type Z (其他), news N, other articles Z too (no
journal is known); the author of an article is its 责任者, else the issuer. Parts
the document does not state are left out, never invented.
"""

from __future__ import annotations

from enum import Enum

from policykg.ingest.models import Citation, DocKind, VersionStatus

UNKNOWN_AUTHOR = "佚名"  # GB/T 7714's word for an author not stated
# A version not in force says so, in 北大法宝's words (时效性).
VALIDITY_NOTES = {
    VersionStatus.SUPERSEDED.value: "（已被修改）",
    VersionStatus.REPEALED.value: "（已废止）",
}


class CiteStyle(str, Enum):
    """The reference style of ``ask --cite-style`` and of ``reference`` in ``/ask`` JSON."""

    LEGAL = "legal"
    GBT7714 = "gbt7714"


def reference(citation: Citation, style: CiteStyle = CiteStyle.LEGAL) -> str:
    """The citation's reference in ``style``.

    Example:
        >>> reference(citation, CiteStyle.LEGAL)  # doctest: +SKIP
        '《事业单位人事管理条例》（国务院 中华人民共和国国务院令第652号，2014年4月25日）第二条'
    """
    if style is CiteStyle.GBT7714:
        return gbt7714(citation)
    return legal(citation)


def legal(citation: Citation) -> str:
    """《标题》（发文机关 文号，日期）第X条; the parenthesis holds what is known."""
    by = " ".join(part for part in (citation.issuer, citation.doc_number) if part)
    facts = "，".join(part for part in (by, chinese_date(citation.date)) if part)
    where = f"（{facts}）" if facts else ""
    note = VALIDITY_NOTES.get(citation.status or "", "")
    return f"《{citation.doc_title}》{where}{citation.locator}{note}"


def gbt7714(citation: Citation) -> str:
    """责任者. 题名: 文号[类型]. 日期: 引文位置. (GB/T 7714-2015, 4.1 and 8.x)."""
    kind = DocKind(citation.doc_kind) if citation.doc_kind else None
    code = "N" if kind is DocKind.NEWS else "Z"
    responsible = citation.author or citation.issuer or UNKNOWN_AUTHOR
    title = citation.doc_title + (f": {citation.doc_number}" if citation.doc_number else "")
    text = f"{responsible}. {title}[{code}]."
    where = ": ".join(part for part in (citation.date, citation.locator) if part)
    return f"{text} {where}." if where else text


def chinese_date(date: str | None) -> str | None:
    """``2024-12-25`` as 2024年12月25日 (and ``2024-12`` as 2024年12月)."""
    if not date:
        return None
    units = ("年", "月", "日")
    return "".join(f"{int(part)}{unit}" for part, unit in zip(date.split("-"), units, strict=False))
