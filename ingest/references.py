"""A citation as a reference a drafter or a researcher can paste, in two styles.

``legal``: the style of Chinese legal and official drafting,
《标题》（发文机关 文号，日期）第X条 — 《中华人民共和国监察法》（全国人民代表大会常务委员会，
2024年12月25日）第二十一条. ``gbt7714``: GB/T 7714-2015, the national standard for
bibliographies — 责任者. 题名: 其他题名信息[类型]. 日期: 引文位置. Laws, regulations
and official documents are type Z (其他), news N, other articles Z too (no
journal is known); the author of an article is its 责任者, else the issuer, and of
a news report its author, else its outlet when that is not a newspaper. A document
online (a ``source_url``) takes the standard's form for electronic resources:
carrier ``/OL``, then the date in parentheses, the day cited in brackets
and the URL — ``佚名. 题名[N/OL]. 人民日报, 2020-08-25[2025-06-01]. URL.`` for a
newspaper, ``新华社. 题名[EB/OL]. (2024-02-21)[2025-06-01]. URL.`` for other news
and texts, ``国务院. 题名: 文号[Z/OL]. (…)[…]. URL.`` for a regulation. Parts the
document does not state are left out, never invented.
"""

from __future__ import annotations

import datetime
import re
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


def reference(
    citation: Citation, style: CiteStyle = CiteStyle.LEGAL, cited_on: datetime.date | None = None
) -> str:
    """The citation's reference in ``style``; ``cited_on`` is GB/T 7714's 引用日期 of a
    document online (today when not given).

    Example:
        >>> reference(citation, CiteStyle.LEGAL)  # doctest: +SKIP
        '《事业单位人事管理条例》（国务院 中华人民共和国国务院令第652号，2014年4月25日）第二条'
    """
    if style is CiteStyle.GBT7714:
        return gbt7714(citation, cited_on)
    return legal(citation)


def legal(citation: Citation) -> str:
    """《标题》（发文机关 文号，日期）第X条; the parenthesis holds what is known."""
    by = " ".join(part for part in (citation.issuer, citation.doc_number) if part)
    facts = "，".join(part for part in (by, chinese_date(citation.date)) if part)
    where = f"（{facts}）" if facts else ""
    note = VALIDITY_NOTES.get(citation.status or "", "")
    return f"《{citation.doc_title}》{where}{citation.locator}{note}"


def gbt7714(citation: Citation, cited_on: datetime.date | None = None) -> str:
    """责任者. 题名: 文号[类型]. 日期: 引文位置. (GB/T 7714-2015, 4.1 and 8.x); online,
    责任者. 题名[类型/OL]. 报纸名, 日期 (or (日期))[引用日期]. URL. — the forms of its
    连续出版物中的析出文献 and 电子资源."""
    kind = DocKind(citation.doc_kind) if citation.doc_kind else None
    paper = newspaper(citation.publisher) if kind is DocKind.NEWS else None
    title = citation.doc_title + (f": {citation.doc_number}" if citation.doc_number else "")
    head = f"{_responsible(citation, kind, paper)}. {title}"
    if citation.source_url:
        return _online(head, citation, kind, paper, cited_on or datetime.date.today())
    code = "N" if kind is DocKind.NEWS else "Z"
    where = ": ".join(part for part in (citation.date, citation.locator) if part)
    where = f"{paper}, {where}" if paper else where
    return f"{head}[{code}]. {where}." if where else f"{head}[{code}]."


def _online(
    head: str, citation: Citation, kind: DocKind | None, paper: str | None, cited_on: datetime.date
) -> str:
    """The electronic-resource form: [N/OL] with the newspaper, else [EB/OL] or [Z/OL]
    with the date in parentheses; the day cited in brackets; the URL."""
    if paper:
        code, made = "N", ", ".join(part for part in (paper, citation.date) if part)
    else:
        code = "EB" if kind in ONLINE_POSTS else "Z"
        made = f"({citation.date})" if citation.date else ""
    return f"{head}[{code}/OL]. {made}[{cited_on.isoformat()}]. {citation.source_url}."


# Texts online that are not laws or official documents: news without a newspaper, articles,
# and texts of unknown kind are electronic bulletins (EB).
ONLINE_POSTS = frozenset({DocKind.NEWS, DocKind.ARTICLE, None})


def newspaper(outlet: str | None) -> str | None:
    """The outlet when it is a newspaper (人民日报, 中国青年报, 人民日报海外版), else None."""
    name = (outlet or "").strip().strip("《》")
    return name if re.search(r"报(?:海外版)?$", name) else None


def _responsible(citation: Citation, kind: DocKind | None, paper: str | None) -> str:
    """The author; of news, else its outlet unless a newspaper (named after the title);
    of other documents, else the issuer; else 佚名."""
    if citation.author:
        return citation.author
    if kind is DocKind.NEWS:
        return citation.publisher if citation.publisher and not paper else UNKNOWN_AUTHOR
    return citation.issuer or UNKNOWN_AUTHOR


def chinese_date(date: str | None) -> str | None:
    """``2024-12-25`` as 2024年12月25日 (and ``2024-12`` as 2024年12月)."""
    if not date:
        return None
    units = ("年", "月", "日")
    return "".join(f"{int(part)}{unit}" for part, unit in zip(date.split("-"), units, strict=False))
