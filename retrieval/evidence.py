"""What an answer is made of: the question's evidence and the answer being drafted."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from policykg.ingest.extract import NATIONAL_CODE
from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.models import Citation, MeasureMention
from policykg.ingest.records import Answer
from policykg.ingest.store import Store
from policykg.retrieval.catalog import Catalog, DocumentInfo, unit_locator
from policykg.retrieval.citing import best_sibling
from policykg.retrieval.counterparts import (
    VersionChange,
    asked_version_change,
    only_in_its_version,
)
from policykg.retrieval.gloss import Glossed
from policykg.retrieval.index import Hit, Query
from policykg.retrieval.named_documents import referenced_documents
from policykg.retrieval.question import Question
from policykg.retrieval.reader import (
    Scored,
    Validity,
    in_articles,
    read,
)
from policykg.retrieval.records import (
    expand_regions,
    measure_records,
    most_specific,
    region_record,
)

SEARCH_DEPTH = 60
# Characters: an article or a paragraph up to this long is quoted whole.
ARTICLE_QUOTE_MAX = 400
PARAGRAPH_QUOTE_MAX = 250
REFERENCED_DEPTH = 400
MAX_ARTICLE_HITS = 60  # provisions of named articles added to the search's (every law's 第七条)
VERSION_CHANGE_DEPTH = 30  # how deep a question on what a revision changed looks

Search = Callable[
    [Query, int], Sequence[tuple[str, float, bool]]
]  # (provision id, dense score, lexical hit)


@dataclass(slots=True)
class Draft:
    """An answer being composed (state: its text, regions, mentions and citations)."""

    question: Question
    text: str
    region_codes: list[str] = field(default_factory=list)
    mentions: list[MeasureMention] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)

    def cite(self, citation: Citation | None) -> str:
        """The marker ``[n]`` for a citation, adding it once (or the one quoting it already)."""
        if citation is None:
            return ""
        for index, known in enumerate(self.citations, start=1):
            if known.provision_id == citation.provision_id or (
                known.doc_id == citation.doc_id
                and known.start <= citation.start
                and citation.end <= known.end
            ):
                return f"[{index}]"
        self.citations.append(citation)
        return f"[{len(self.citations)}]"

    def record(self, store: Store, gazetteer: Gazetteer, retrieved: Sequence[str]) -> Answer:
        """The finished answer, with ``retrieved`` (the top-k provision ids)."""
        return Answer(
            question=self.question.text,
            lang=self.question.lang,
            intent=self.question.intent.value,
            answer=self.text,
            regions=tuple(region_record(gazetteer, code) for code in self.region_codes),
            measures=tuple(measure_records(store, gazetteer, self.mentions)),
            citations=tuple(self.citations),
            retrieved=tuple(retrieved),
        )


Hits = Callable[[Query, int], Sequence[Hit]]


@dataclass(slots=True)
class Evidence:
    """What one question may draw on."""

    question: Question
    store: Store
    gazetteer: Gazetteer
    catalog: Catalog
    search: Search
    hits: Hits
    validity: Validity | None = None  # versions in force (today, or as of a date)
    glossed: Glossed | None = None  # the provisions' English glosses, for English questions
    _scored: list[Scored] | None = None
    _asked_scope: tuple[set[str] | None] | None = (
        None  # once per question (a 1-tuple: None is a value)
    )
    _referenced: set[str] | None = None

    @property
    def asked_scope(self) -> set[str] | None:
        """The asked regions and everything below them; none when no place narrows the
        question. An English question naming only China ("… in China", "Chinese
        officials") names the country every document is in, not the national level
        (全国 in a Chinese question asks for that level)."""
        if self._asked_scope is None:
            codes = self.question.region_codes
            everywhere = self.question.lang == "en" and set(codes) == {NATIONAL_CODE}
            self._asked_scope = (None if not codes or everywhere else self.scope(codes),)
        return self._asked_scope[0]

    @property
    def referenced(self) -> set[str]:
        """The documents the question names (by title, a title's tail, kind and year)."""
        if self._referenced is None:
            self._referenced = referenced_documents(self.question, self.catalog)
        return self._referenced

    def region_names(self) -> list[str]:
        """The asked regions' names; for an English question, also its words naming them
        (Liaoning: the scope weighs the place, its glosses need not hold it)."""
        # With the places that hold them: 嵊泗县 in 嵊泗县枸杞乡 says where the town lies.
        regions = [
            region
            for code in self.question.region_codes
            for region in (self.gazetteer.get(code), *self.gazetteer.ancestors(code))
            if region is not None
        ]
        names = [name for region in regions for name in (region.name_zh, region.short_zh)]
        if self.question.lang == "en":
            codes = set(self.question.region_codes)
            words = re.findall(r"[A-Z][a-z]+", self.question.text)
            names += [w for w in words if {r.code for r in self.gazetteer.by_name(w)} & codes]
        return names

    def scored(self) -> list[Scored]:
        """The retrieved provisions read as evidence, best first (in the asked scope)."""
        if self._scored is None:
            question = self.question
            scope = self.asked_scope
            hits = list(self.hits(question.search_query, SEARCH_DEPTH))
            referenced = self.referenced
            if referenced:
                # A named document's provisions may rank low overall: look deeper in it.
                seen = {h.provision_id for h in hits}
                hits += [
                    h
                    for h in self.hits(question.search_query, REFERENCED_DEPTH)
                    if h.provision_id not in seen
                    and self.catalog.provision_doc.get(h.provision_id) in referenced
                ]
            if question.articles:
                hits += self._article_hits(hits, referenced)
            self._scored = read(
                question,
                hits,
                self.catalog,
                scope,
                self.region_names(),
                referenced,
                self.validity,
                self.glossed,
                self._places_at_asked_level(scope),
            )
            if (change := asked_version_change(question.text)) is not None:
                self._scored = self._one_version_first(self._scored, change)
        return self._scored

    def _places_at_asked_level(self, scope: set[str] | None) -> frozenset[str]:
        """Asked which place of a level in a named place (山西有个县…是哪个县？): the library's
        places of that level within it."""
        level = self.question.level
        if level is None or scope is None:
            return frozenset()
        asked = set(self.question.region_codes)
        return frozenset(
            code
            for code in self.catalog.region_codes & scope
            if code not in asked
            and (region := self.gazetteer.get(code)) is not None
            and region.level is level
        )

    def _one_version_first(self, scored: list[Scored], change: VersionChange) -> list[Scored]:
        """Asked what a revision took out (or put in): the provisions of one version only
        that share the question's words (any, if none does) come first, as strong as the
        best evidence (an earlier version's are weighed down for being out of force)."""
        works = self.store.works()
        if not scored or not any(len(work.versions) > 1 for work in works):
            return scored
        if self.question.articles and any(
            in_articles(self.catalog, s.provision_id, self.question.articles) for s in scored
        ):
            return scored  # the articles it names answer, in each version (第三十九条)

        def one_version(s: Scored) -> bool:
            return only_in_its_version(self.catalog, works, s.provision_id, change)

        found = [s for s in scored[:VERSION_CHANGE_DEPTH] if s.coverage > 0 and one_version(s)]
        if not found:  # 删去了哪一条: no words of its own, any article taken out answers
            found = [s for s in scored if one_version(s)][:VERSION_CHANGE_DEPTH]
        lifted = [replace(s, score=max(s.score, scored[0].score)) for s in found]
        moved = {s.provision_id for s in lifted}
        return [*lifted, *(s for s in scored if s.provision_id not in moved)]

    def _article_hits(self, hits: Sequence[Hit], referenced: set[str]) -> list[Hit]:
        """The provisions of the articles the question names (in the documents it names,
        if it names any) that the search did not find: a drafter asking for 第七条 means it."""
        seen = {h.provision_id for h in hits}
        catalog = self.catalog
        return [
            Hit(pid, 0.0, 0.0, 0.0, None, None)
            for pid in catalog.provision_locator
            if pid not in seen
            and in_articles(catalog, pid, self.question.articles)
            and (not referenced or catalog.provision_doc.get(pid) in referenced)
        ][:MAX_ARTICLE_HITS]

    def citation(self, provision_id: str) -> Citation | None:
        """The provision quoted with the rest of its article (第X条) or paragraph when that is
        short: a drafter cites the whole article, and the answer often sits in a sentence
        beside the one that matched. Longer units are quoted sentence by sentence."""
        unit = self.quoted_with(provision_id)
        if len(unit) < 2:
            return self.store.citation(provision_id)  # no query spent on a long unit
        first = self.store.citation(unit[0])
        if first is None:
            return self.store.citation(provision_id)
        span = self.store.span_citation(first, unit[-1], unit_locator(first.locator))
        return replace(span, provision_id=provision_id) if span else None

    def quoted_with(self, provision_id: str) -> tuple[str, ...]:
        """The provisions its citation quotes: the whole article or paragraph when that is
        short (an article up to ``ARTICLE_QUOTE_MAX``, a paragraph ``PARAGRAPH_QUOTE_MAX``),
        else the provision alone."""
        catalog = self.catalog
        members = catalog.provision_unit.get(provision_id, ())
        if len(members) < 2:
            return (provision_id,)
        length = sum(len(catalog.provision_text.get(m, "")) for m in members)
        locator = catalog.provision_locator.get(members[0], "")
        limit = ARTICLE_QUOTE_MAX if unit_locator(locator) != locator else PARAGRAPH_QUOTE_MAX
        return members if length <= limit else (provision_id,)

    def outdated_markers(self, citations: Sequence[Citation]) -> list[str]:
        """The markers of citations quoting a version that is not (or was not) in force."""
        if self.validity is None:
            return []
        return [
            f"[{number}]"
            for number, citation in enumerate(citations, start=1)
            if (document := self.catalog.documents.get(citation.doc_id)) is not None
            and self.validity.outdated(document)
        ]

    def with_sibling(self, provision_id: str) -> list[str]:
        """The provision, and the sentence of its article the answer needs too (in order)."""
        sibling = best_sibling(self.question, provision_id, self.catalog, self.region_names())
        if sibling is None:
            return [provision_id]
        unit = self.catalog.provision_unit[provision_id]
        return sorted((provision_id, sibling), key=unit.index)

    @property
    def zh(self) -> bool:
        return self.question.lang == "zh"

    def region_name(self, code: str) -> str:
        """The region with its path, so a county is never mistaken: 浙江省宁波市宁海县."""
        region = self.gazetteer.get(code)
        if region is None:
            return code
        name_zh = "".join(self.gazetteer.path_zh(code)) or region.name_zh
        if self.zh:
            return name_zh
        chain = [region, *self.gazetteer.ancestors(code)]
        return f"{', '.join(r.name_en for r in chain)} ({name_zh})"

    def scope(self, codes: Sequence[str]) -> set[str]:
        return expand_regions(self.gazetteer, codes)


def own_region(document: DocumentInfo | None) -> str | None:
    """The region a document speaks for: its own, else the nation's for a central body's."""
    if document is None:
        return None
    if document.region_code:
        return document.region_code
    return NATIONAL_CODE if document.central else None


def holders(evidence: Evidence, provision_id: str) -> list[str]:
    """The regions that hold a provision's content: the most specific ones, in scope.

    Its measures' and mentions' regions, else the document's own region (the nation's
    for a central body's); the nation only when nothing more specific holds it.
    """
    catalog, gazetteer = evidence.catalog, evidence.gazetteer
    scope = evidence.asked_scope
    codes = set(catalog.provision_regions.get(provision_id, set()))
    own = own_region(catalog.provision_document(provision_id))
    if not codes and own is not None:
        codes = {own}
    if scope is not None:
        codes &= scope
    specific = most_specific(gazetteer, codes)
    return [c for c in specific if c != NATIONAL_CODE] or specific


# A yes needs the best in-scope evidence to hold this share of the question's words.
