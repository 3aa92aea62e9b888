"""An in-memory view of the store that answers need on every question.

Built once per library state (the library drops it after each ingest or
removal), so a question never scans the database.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.headings import CN_NUMERALS
from policykg.ingest.lexicon import english_senses
from policykg.ingest.models import Document, IssuerLevel, MeasureMention, Provision
from policykg.ingest.regions import link_regions
from policykg.ingest.segment import load_segmenter
from policykg.ingest.store import Store


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What answers say about a document: its title, issuer, date, region and years."""

    doc_id: str
    title: str
    authority: str | None
    date: str | None
    region_code: str | None
    years: frozenset[str]  # the years its title and date name
    kind: str | None = None  # legal | report | notice | opinion | decision, from the title
    title_en: frozenset[str] = frozenset()  # English words of the title's other words
    central: bool = False  # issued by a central body: the nation's, when it names no place


@dataclass(slots=True)
class Catalog:
    measures: list[MeasureMention]
    provision_regions: dict[str, set[str]]  # provision id → regions it is about
    provision_text: dict[str, str]
    region_codes: set[str] = field(default_factory=set)  # every region the library names
    documents: dict[str, DocumentInfo] = field(default_factory=dict)
    provision_doc: dict[str, str] = field(default_factory=dict)
    provision_context: dict[str, str] = field(default_factory=dict)  # its section headings
    # The sentences of one article (第X条) or paragraph, in order: an answer may need two.
    provision_unit: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # How many provisions hold each character bigram: rare words weigh more as evidence.
    bigram_counts: dict[str, int] = field(default_factory=dict)
    # Regions the section headings above a provision name: in a question's scope, though
    # not what the provision itself names (sole region, facets).
    heading_regions: dict[str, set[str]] = field(default_factory=dict)
    provision_locator: dict[str, str] = field(default_factory=dict)  # 第七条第二款, 二、（三）
    # Each document's provisions joined, filled when first asked for.
    _document_texts: dict[str, str] = field(default_factory=dict, repr=False)

    def bigram_weight(self, gram: str) -> float:
        """Inverse document frequency of a bigram over the provisions (BM25's form)."""
        total = len(self.provision_text) or 1
        count = self.bigram_counts.get(gram, 0)
        return math.log(1 + (total - count + 0.5) / (count + 0.5))

    def usage(self, word: str) -> int:
        """In how many provisions ``word`` may occur: its rarest bigram's count (a bound)."""
        pairs = [word[i : i + 2] for i in range(len(word) - 1)] or [word]
        return min(self.bigram_counts.get(pair, 0) for pair in pairs)

    def names(self, term: str) -> bool:
        """Whether any provision, heading or title holds ``term``."""
        if self.usage(term):
            return True
        return any(term in context for context in self.provision_context.values()) or any(
            term in document.title for document in self.documents.values()
        )

    def in_scope(self, provision_id: str, scope: set[str]) -> bool:
        """Whether the provision, or a heading above it, names a region of ``scope``."""
        named = self.provision_regions.get(provision_id, set())
        return bool((named | self.heading_regions.get(provision_id, set())) & scope)

    def provision_document(self, provision_id: str) -> DocumentInfo | None:
        doc_id = self.provision_doc.get(provision_id)
        return self.documents.get(doc_id) if doc_id else None

    def context_text(self, provision_id: str) -> str:
        """The document title and the section headings above the provision."""
        document = self.provision_document(provision_id)
        title = document.title if document else ""
        return f"{title} {self.provision_context.get(provision_id, '')}"

    def document_text(self, doc_id: str) -> str:
        """A document's provisions in order, joined by spaces: all a version says."""
        if not self._document_texts:
            parts: dict[str, list[str]] = defaultdict(list)
            for provision_id, document in self.provision_doc.items():
                parts[document].append(self.provision_text.get(provision_id, ""))
            self._document_texts.update((d, " ".join(texts)) for d, texts in parts.items())
        return self._document_texts.get(doc_id, "")

    def text_in_context(self, provision_id: str) -> str:
        """The provision with its document title and headings (第七章 基层减负 over it)."""
        return f"{self.provision_text.get(provision_id, '')} {self.context_text(provision_id)}"


def build_catalog(store: Store, gazetteer: Gazetteer) -> Catalog:
    """Measures, and for each provision the regions its measures and mentions name."""
    measures = store.measures()
    provision_regions: dict[str, set[str]] = defaultdict(set)
    for mention in measures:
        provision_regions[mention.provision_id].update(mention.region_codes)
    provision_text: dict[str, str] = {}
    provision_doc: dict[str, str] = {}
    provision_context: dict[str, str] = {}
    provision_unit: dict[str, tuple[str, ...]] = {}
    provision_locator: dict[str, str] = {}
    region_codes: set[str] = set()
    documents = {d.doc_id: _document_info(d, gazetteer) for d in store.documents()}
    regions_of_heading: dict[str, set[str]] = {}
    heading_regions: dict[str, set[str]] = defaultdict(set)
    for doc_id in documents:
        provisions = store.provisions(doc_id)
        mentions = store.region_mentions(doc_id)
        units: dict[str, list[str]] = defaultdict(list)
        for provision in provisions:
            provision_text[provision.provision_id] = provision.text
            provision_doc[provision.provision_id] = doc_id
            provision_context[provision.provision_id] = " ".join(provision.section)
            provision_locator[provision.provision_id] = provision.locator or ""
            units[unit_key(provision)].append(provision.provision_id)
            inside = {m.code for m in mentions if provision.start <= m.start < provision.end}
            provision_regions[provision.provision_id].update(inside)
            # Under "三、对江苏推进干部交流的启示" a provision is about 江苏 too.
            for heading in provision.section:
                if heading not in regions_of_heading:
                    named = link_regions(heading, gazetteer)
                    regions_of_heading[heading] = {m.code for m in named if not m.implicit}
                heading_regions[provision.provision_id].update(regions_of_heading[heading])
        for members in units.values():
            for pid in members:
                provision_unit[pid] = tuple(members)
        region_codes.update(m.code for m in mentions)
    for codes in provision_regions.values():
        region_codes.update(codes)
    counts: Counter[str] = Counter()
    for text in provision_text.values():
        counts.update({text[i : i + 2] for i in range(len(text) - 1)})
    return Catalog(
        measures,
        dict(provision_regions),
        provision_text,
        region_codes,
        documents,
        provision_doc,
        provision_context,
        provision_unit,
        dict(counts),
        dict(heading_regions),
        provision_locator,
    )


_ARTICLE = re.compile(rf"^第[{CN_NUMERALS}\d]+条(?:之[{CN_NUMERALS}]+)?")


def article_of(locator: str) -> str | None:
    """The article a locator lies in (第二条第一款 → 第二条), if it lies in one."""
    article = _ARTICLE.match(locator)
    return article.group() if article else None


# A part's item in a document numbered 一、（一）: 二、（三） of 二、（三）1.
_PART_ITEM = re.compile(rf"^[{CN_NUMERALS}]+、（[{CN_NUMERALS}]+）")


def numbered_unit(locator: str) -> str | None:
    """The article (第二条) or part's item (二、（三）) a locator lies in, if numbered so."""
    unit = _ARTICLE.match(locator) or _PART_ITEM.match(locator)
    return unit.group() if unit else None


def unit_locator(locator: str) -> str:
    """The locator of a sentence's whole unit: its article (第二条第一款 → 第二条), else as is."""
    return article_of(locator) or locator


def unit_key(provision: Provision) -> str:
    """The article a statute's sentence belongs to, else its paragraph."""
    article = _ARTICLE.match(provision.locator or "")
    return article.group() if article else f"¶{provision.paragraph}"


# What a title's last word says the document is, and how English names that kind.
TITLE_KINDS = {
    "法": "legal",
    "条例": "legal",
    "规定": "legal",
    "办法": "legal",
    "细则": "legal",
    "报告": "report",
    "通知": "notice",
    "意见": "opinion",
    "决定": "decision",
}
_TITLE_NOISE = re.compile(r"[（(][^）)]*[）)]|\d{4}(?:-\d{2}-\d{2}|年)?|中华人民共和国|[《》“”]")


def _document_info(document: Document, gazetteer: Gazetteer) -> DocumentInfo:
    meta = document.meta
    years = frozenset(re.findall(r"(?:19|20)\d{2}", f"{meta.title} {meta.date or ''}"))
    kind, title_en = _title_words_en(meta.title, gazetteer)
    return DocumentInfo(
        document.doc_id,
        meta.title,
        meta.authority,
        meta.date,
        meta.region_code,
        years,
        kind,
        title_en,
        meta.level is IssuerLevel.CENTRAL,
    )


def _title_words_en(title: str, gazetteer: Gazetteer) -> tuple[str | None, frozenset[str]]:
    """The title's kind, and the English words of the rest (places by their English names)."""
    stem = _TITLE_NOISE.sub("", title).strip()
    kind = next((k for word, k in TITLE_KINDS.items() if stem.endswith(word)), None)
    if kind is not None:
        stem = stem[: -len(next(w for w in TITLE_KINDS if stem.endswith(w)))]
    words: set[str] = set()
    for mention in link_regions(stem, gazetteer):
        region = gazetteer.get(mention.code)
        if region is not None:
            words.update(region.name_en.lower().split())
    for word in load_segmenter().words(stem):
        for sense in english_senses(word):
            words.update(re.findall(r"[a-z]{3,}", sense.lower()))
    return kind, frozenset(words - TITLE_STOPWORDS)


TITLE_STOPWORDS = frozenset(
    {"the", "and", "for", "with", "province", "city", "county", "district", "china", "chinese"}
)
