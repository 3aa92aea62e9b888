"""The data contract passed between every stage of policykg.

Every record is a small frozen dataclass. Ids are derived from content, so a
re-ingest of the same text gives the same ids and old citations still resolve.
Offsets are ``[start, end)`` character offsets into ``Document.text`` exactly as
decoded (no newline translation), so ``document.text[start:end]`` is the quote.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, TypeAlias

# An incentive-type code such as "material". The codes, labels and colours live in one
# place, ``ingest/data/incentive_types.json``; ``Vocabulary.type(code)`` checks a code
# where it enters (a command-line option, a rule file) and gives its labels.
IncentiveType: TypeAlias = str


class Status(str, Enum):
    """Whether a measure is in force, advised, or ordered from above."""

    ADOPTED = "adopted"
    RECOMMENDED = "recommended"
    REQUIRED = "required"


class RegionLevel(str, Enum):
    PROVINCE = "province"
    PREFECTURE = "prefecture"
    COUNTY = "county"
    TOWN = "town"  # towns, townships, subdistricts: below a county (``towns``)
    ZONE = "zone"  # special zones such as 临港新片区, 雄安新区
    MACRO = "macro"  # groupings such as 长三角地区 (members, not a parent)
    NATIONAL = "national"


def sha_id(*parts: str, length: int = 16) -> str:
    """A stable hex id from the given strings."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


def document_id(text: str) -> str:
    """Document ids come from the decoded text: the same text is the same document."""
    return "d" + sha_id(text)


def provision_id(doc_id: str, start: int, end: int) -> str:
    return f"{doc_id}-p{start}-{end}"


@dataclass(frozen=True, slots=True)
class Region:
    """One administrative division, special zone or macro-region.

    ``code`` is the 6-digit administrative code for real divisions, and a
    project code (``Z...`` for zones, ``M...`` for macro-regions) otherwise.
    """

    code: str
    name_zh: str
    short_zh: str
    name_en: str
    level: RegionLevel
    parent_code: str | None = None
    members: tuple[str, ...] = ()  # macro-regions only


class MentionRole(str, Enum):
    """A region's part in a transfer of cadres or aid (援疆, 对口支援, 挂职).

    The sender acts (选派, 支援); the receiver hosts. A measure written in such a
    sentence is the sender's, never the receiving county's.
    """

    NONE = "none"
    SENDER = "sender"
    RECEIVER = "receiver"


@dataclass(frozen=True, slots=True)
class RegionMention:
    """A region named in a document, linked to a gazetteer code.

    ``implicit`` marks words that stand for a region without naming it: 本市/全省
    (the document's own region) and abbreviations (沪苏浙皖, 援疆).
    """

    code: str
    start: int
    end: int
    surface: str
    implicit: bool = False
    role: MentionRole = MentionRole.NONE


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and the span it governs; ``path`` runs from the top heading down."""

    path: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Provision:
    """The citable unit: one whole sentence of a document, and where it stands.

    ``locator`` cites it in Chinese legal style: 第二十一条第二款第三项 in a statute,
    the numbering path 二、（三）2. in an official document or report, 第5段 in
    unnumbered text; never empty.
    """

    provision_id: str
    doc_id: str
    section: tuple[str, ...]
    paragraph: int
    start: int
    end: int
    text: str
    locator: str

    @property
    def section_label(self) -> str:
        return " > ".join(self.section)


@dataclass(frozen=True, slots=True)
class MeasureMention:
    """One place where a measure is named: the concept key plus its evidence.

    ``start``/``end`` are the span of the measure phrase inside the document;
    the citation is the whole provision ``provision_id``.
    """

    key: str
    label_zh: str
    label_en: str
    incentive_type: IncentiveType
    status: Status
    region_codes: tuple[str, ...]
    doc_id: str
    provision_id: str
    start: int
    end: int


class DocKind(str, Enum):
    """What a document is, as a drafter files it (the values are the Chinese names)."""

    LAW = "法律"
    ADMINISTRATIVE_REGULATION = "行政法规"
    LOCAL_REGULATION = "地方性法规"
    GOVERNMENT_RULE = "规章"  # 地方政府规章 (人民政府令) and 部门规章 (部令)
    PARTY_REGULATION = "党内法规"
    NORMATIVE_DOCUMENT = "规范性文件"
    NEWS = "新闻报道"
    ARTICLE = "研究文章"


class IssuerLevel(str, Enum):
    """The level of government that issued a document."""

    CENTRAL = "central"
    PROVINCIAL = "provincial"
    PREFECTURAL = "prefectural"
    COUNTY = "county"


class VersionStatus(str, Enum):
    """Whether a version of an instrument is the one in force (北大法宝's 时效性)."""

    IN_FORCE = "in_force"  # 现行有效: the latest version of its work
    SUPERSEDED = "superseded"  # 已被修改: a later version of its work is in the library
    REPEALED = "repealed"  # 失效/已废止: its history says 废止, or the user says so
    UNKNOWN = "unknown"  # one version only, and nothing says more


@dataclass(frozen=True, slots=True)
class RepealClause:
    """Another document this one repeals or amends, as it names it: its 《title》, its 文号
    or both (``…《XX办法》（X发〔2018〕12号）同时废止``, ``对《XX条例》作如下修改``)."""

    title: str | None
    doc_number: str | None
    effect: VersionStatus  # REPEALED (废止, 停止执行) or SUPERSEDED (修改)
    date: str | None = None  # the ISO day it takes effect, when the text states one
    text: str = ""  # the words that say it, verbatim

    def to_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "doc_number": self.doc_number,
            "effect": self.effect.value,
            "date": self.date,
            "text": self.text,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RepealClause:
        return cls(
            title=_optional(data.get("title")),
            doc_number=_optional(data.get("doc_number")),
            effect=VersionStatus(data["effect"]),
            date=_optional(data.get("date")),
            text=str(data.get("text") or ""),
        )


@dataclass(frozen=True, slots=True)
class DatedEvent:
    """One dated step of a document's history: 2018年3月20日 … 通过 → ("通过", "2018-03-20")."""

    event: str  # 通过, 发布, 公布, 印发, 施行, 修正, 修订, 废止, or 成文 (a footer's date)
    date: str  # ISO date
    text: str = ""  # the words that state it, verbatim


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What a document says about itself; ``authority`` is its issuer (发文机关/发布部门).

    ``date`` is the date of this version: the last 通过/公布/修正/修订 of a history
    block, a notice's footer date, or the first date in the text. ``supplied`` names
    the fields a file format or a sidecar gave, kept when the text is read again.
    """

    title: str
    title_supplied: bool = False
    author: str | None = None
    authority: str | None = None
    doc_number: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD or YYYY-MM or YYYY)
    region_code: str | None = None
    source_url: str | None = None
    license: str | None = None
    dates: tuple[DatedEvent, ...] = ()
    doc_kind: DocKind | None = None
    level: IssuerLevel | None = None
    supplied: tuple[str, ...] = ()
    status: VersionStatus | None = None  # given by a sidecar or the user; else from versions
    publisher: str | None = None  # a news report's outlet: 人民日报 (报纸名), 央视网, 新华社
    repeals: tuple[RepealClause, ...] = ()  # the documents it repeals or amends

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {name: getattr(self, name) for name in DocumentMeta.__slots__}
        data["status"] = self.status.value if self.status else None
        data["dates"] = [[e.event, e.date, e.text] for e in self.dates]
        data["repeals"] = [clause.to_json() for clause in self.repeals]
        data["doc_kind"] = self.doc_kind.value if self.doc_kind else None
        data["level"] = self.level.value if self.level else None
        data["supplied"] = list(self.supplied)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DocumentMeta:
        """Read back ``to_json``; fields unknown here (a newer store's) are left out."""
        known = {key: value for key, value in data.items() if key in DocumentMeta.__slots__}
        known["dates"] = tuple(DatedEvent(*event) for event in known.get("dates") or ())
        known["doc_kind"] = DocKind(known["doc_kind"]) if known.get("doc_kind") else None
        known["level"] = IssuerLevel(known["level"]) if known.get("level") else None
        known["supplied"] = tuple(known.get("supplied") or ())
        if "supplied" not in data:  # stored before it was recorded: keep what no text gives
            known["supplied"] = _legacy_supplied(known)
        known["status"] = VersionStatus(known["status"]) if known.get("status") else None
        known["repeals"] = tuple(RepealClause.from_json(c) for c in known.get("repeals") or ())
        return cls(**known)


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded source document with its verbatim text."""

    doc_id: str
    source_path: str
    format: str
    encoding: str
    text: str
    meta: DocumentMeta
    content_sha256: str = field(default="")


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """Everything ingest derives from one document, ready to be stored."""

    document: Document
    sections: tuple[Section, ...]
    provisions: tuple[Provision, ...]
    region_mentions: tuple[RegionMention, ...]
    measures: tuple[MeasureMention, ...]


@dataclass(frozen=True, slots=True)
class Citation:
    """A verbatim, provision-level citation: ``quote == document.text[start:end]``."""

    doc_id: str
    doc_title: str
    provision_id: str
    section: str
    start: int
    end: int
    quote: str
    source_path: str
    locator: str  # 第二十一条第二款, 二、（三）2., 第5段 (see ``Provision.locator``)
    # The cited document's metadata (``DocumentMeta``), for a reference a drafter can paste.
    issuer: str | None = None
    doc_number: str | None = None
    date: str | None = None
    doc_kind: str | None = None  # a ``DocKind`` value: 法律, 规范性文件, 新闻报道…
    in_force: bool | None = None  # None: not known
    author: str | None = None  # an article's author
    status: str | None = None  # a ``VersionStatus`` value; None for news and articles
    source_url: str | None = None  # where the document is online
    publisher: str | None = None  # a news report's outlet (报纸名)

    def to_json(self) -> dict[str, object]:
        return {
            "doc_id": self.doc_id,
            "doc_title": self.doc_title,
            "provision_id": self.provision_id,
            "section": self.section,
            "locator": self.locator,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "source_path": self.source_path,
            "issuer": self.issuer,
            "doc_number": self.doc_number,
            "date": self.date,
            "doc_kind": self.doc_kind,
            "in_force": self.in_force,
            "author": self.author,
            "status": self.status,
            "source_url": self.source_url,
            "publisher": self.publisher,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Citation:
        return cls(
            doc_id=str(data["doc_id"]),
            doc_title=str(data["doc_title"]),
            provision_id=str(data["provision_id"]),
            section=str(data["section"]),
            start=int(data["start"]),
            end=int(data["end"]),
            quote=str(data["quote"]),
            source_path=str(data["source_path"]),
            locator=str(data.get("locator", "")),  # answers saved before locators had none
            issuer=_optional(data.get("issuer")),
            doc_number=_optional(data.get("doc_number")),
            date=_optional(data.get("date")),
            doc_kind=_optional(data.get("doc_kind")),
            in_force=None if data.get("in_force") is None else bool(data["in_force"]),
            author=_optional(data.get("author")),
            status=_optional(data.get("status")),
            source_url=_optional(data.get("source_url")),
            publisher=_optional(data.get("publisher")),
        )


# Fields only a sidecar could give before ``DocumentMeta.supplied`` was recorded.
LEGACY_SUPPLIED = ("author", "source_url", "license")


def _legacy_supplied(known: dict[str, Any]) -> tuple[str, ...]:
    """The fields of metadata stored without ``supplied`` to keep when it is read again.

    An author, a source URL or a licence came from a sidecar; so did a title when
    ``title_supplied`` (else the text had none and the file name is read again).
    """
    names = [name for name in LEGACY_SUPPLIED if known.get(name)]
    if known.get("title_supplied"):
        names += ["title", "title_supplied"]
    return tuple(sorted(names))


def _optional(value: object) -> str | None:
    return None if value is None else str(value)


class IngestError(Exception):
    """A file could not be ingested; the message is one readable line."""
