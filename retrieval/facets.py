"""Facets of a question: the part of the library an answer may draw on.

北大法宝's users narrow a search by 地区, 效力级别, 发布日期 and 时效 before they read;
here the same facets narrow what the answer reads. They turn into the set of
provisions allowed, and the search looks past the rest (deeper the narrower the
set), so a narrow facet still finds the allowed provisions that answer instead
of leaving an empty answer behind a post-filter.

Example:
    >>> facets = parse_facets(library.store, library.gazetteer, regions=["浙江"])  # doctest: +SKIP
    >>> ask(library, "有哪些容错纠错做法？", facets=facets).regions[0].label_zh  # doctest: +SKIP
    '浙江省'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

import numpy as np

from policykg.ingest.gazetteer import Gazetteer
from policykg.ingest.meta_fields import MetaFieldError, normalise_date
from policykg.ingest.models import DocKind, VersionStatus
from policykg.ingest.store import Store
from policykg.ingest.vocab import UnknownIncentiveType, load_vocabulary
from policykg.retrieval.catalog import Catalog
from policykg.retrieval.index import Hit, Query, SearchIndex, as_query
from policykg.retrieval.intent_rules import Intent
from policykg.retrieval.question import Question
from policykg.retrieval.records import expand_regions
from policykg.retrieval.validity import versions_as_of

NOT_IN_FORCE = (VersionStatus.SUPERSEDED, VersionStatus.REPEALED)


class FacetError(ValueError):
    """A facet that names nothing the library knows (a region, type, document, kind, date)."""


@dataclass(frozen=True, slots=True)
class Facets:
    """What an answer may draw on; an empty facet does not filter.

    Dates are ISO prefixes (``2023``, ``2023-05``, ``2023-05-01``) and compare with a
    document's date at their own precision; an undated document passes no date facet.
    """

    regions: tuple[str, ...] = ()  # region codes; their sub-regions count too
    types: tuple[str, ...] = ()  # incentive-type codes: provisions stating such a measure
    documents: tuple[str, ...] = ()  # document ids
    kinds: tuple[DocKind, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    in_force: bool = False  # leave out versions superseded or repealed

    @property
    def active(self) -> bool:
        return bool(
            self.regions
            or self.types
            or self.documents
            or self.kinds
            or self.date_from
            or self.date_to
            or self.in_force
        )

    def allowed(
        self, store: Store, gazetteer: Gazetteer, catalog: Catalog, as_of: str | None = None
    ) -> frozenset[str]:
        """The provision ids that pass every facet (in force as of ``as_of``, else today)."""
        doc_ids = {d for d in catalog.documents if self._document_passes(store, catalog, d)}
        if self.in_force:
            status = versions_as_of(store, catalog, as_of).status
            doc_ids = {d for d in doc_ids if status.get(d) not in NOT_IN_FORCE}
        allowed = {pid for pid, doc_id in catalog.provision_doc.items() if doc_id in doc_ids}
        if self.regions:
            scope = expand_regions(gazetteer, self.regions)
            allowed = {pid for pid in allowed if _in_region(catalog, pid, scope)}
        if self.types:
            typed = {m.provision_id for m in catalog.measures if m.incentive_type in self.types}
            allowed &= typed
        return frozenset(allowed)

    def _document_passes(self, store: Store, catalog: Catalog, doc_id: str) -> bool:
        if self.documents and doc_id not in self.documents:
            return False
        date = catalog.documents[doc_id].date
        if (self.date_from or self.date_to) and not date:
            return False
        if self.date_from and date and date[: len(self.date_from)] < self.date_from:
            return False
        if self.date_to and date and date[: len(self.date_to)] > self.date_to:
            return False
        if self.kinds:
            document = store.document(doc_id)  # the kind is only in the stored meta
            return document is not None and document.meta.doc_kind in self.kinds
        return True


def _in_region(catalog: Catalog, provision_id: str, scope: set[str]) -> bool:
    """About a region in scope, or in a document of one (as the reader scopes a question)."""
    if catalog.in_scope(provision_id, scope):
        return True
    document = catalog.provision_document(provision_id)
    return document is not None and document.region_code in scope


def parse_facets(
    store: Store,
    gazetteer: Gazetteer,
    *,
    regions: Iterable[str] = (),
    types: Iterable[str] = (),
    documents: Iterable[str] = (),
    kinds: Iterable[str] = (),
    date_from: str | None = None,
    date_to: str | None = None,
    in_force: bool = False,
) -> Facets:
    """Facets from what a person typed (names or codes); ``FacetError`` names the bad one."""
    start = _date("from", date_from)
    end = _date("to", date_to)
    if start and end and start[: len(end)] > end:
        raise FacetError(f"the date range is empty: {start} is after {end}")
    return Facets(
        regions=tuple(dict.fromkeys(_region(gazetteer, r) for r in _given(regions))),
        types=tuple(dict.fromkeys(_type(t) for t in _given(types))),
        documents=tuple(dict.fromkeys(_document(store, d) for d in _given(documents))),
        kinds=tuple(dict.fromkeys(_kind(k) for k in _given(kinds))),
        date_from=start,
        date_to=end,
        in_force=in_force,
    )


def _given(values: Iterable[str]) -> list[str]:
    return [v.strip() for v in values if v and v.strip()]


def _region(gazetteer: Gazetteer, name: str) -> str:
    if gazetteer.get(name) is not None:
        return name
    found = gazetteer.by_name(name)
    if not found:
        raise FacetError(f"unknown region {name!r}: give a name (浙江, Zhejiang) or a code")
    return found[0].code


def _type(code: str) -> str:
    try:
        return load_vocabulary().type(code).code
    except UnknownIncentiveType as error:
        raise FacetError(str(error)) from None


def _document(store: Store, doc_id: str) -> str:
    found = doc_id if store.document(doc_id) is not None else store.resolve_doc_id(doc_id)
    if found is None:
        raise FacetError(f"no document {doc_id!r} in the library (give its id or a unique prefix)")
    return found


def _kind(text: str) -> DocKind:
    for kind in DocKind:
        if text in (kind.value, kind.name, kind.name.lower()):
            return kind
    known = ", ".join(f"{k.name.lower()} ({k.value})" for k in DocKind)
    raise FacetError(f"unknown document kind {text!r}: use one of {known}")


def _date(which: str, text: str | None) -> str | None:
    if not text or not text.strip():
        return None
    try:
        return normalise_date(text)
    except MetaFieldError as error:
        raise FacetError(f"date {which}: {error}") from None


def facet_labels(facets: Facets, gazetteer: Gazetteer, catalog: Catalog) -> list[str]:
    """One short label per active facet value, as chips show them: 地区 浙江省, 类型 容错纠错."""
    types = {entry.code: entry.label_zh for entry in load_vocabulary().types}
    labels = [f"地区 {_region_name(gazetteer, code)}" for code in facets.regions]
    labels += [f"类型 {types.get(code, code)}" for code in facets.types]
    labels += [f"文件 《{_title(catalog, doc_id)}》" for doc_id in facets.documents]
    labels += [f"效力级别 {kind.value}" for kind in facets.kinds]
    if facets.date_from or facets.date_to:
        labels.append(f"日期 {facets.date_from or '…'} – {facets.date_to or '…'}")
    if facets.in_force:
        labels.append("仅现行有效")
    return labels


def _region_name(gazetteer: Gazetteer, code: str) -> str:
    region = gazetteer.get(code)
    return region.name_zh if region is not None else code


def _title(catalog: Catalog, doc_id: str) -> str:
    document = catalog.documents.get(doc_id)
    return document.title if document is not None else doc_id


def search_within(
    index: SearchIndex,
    query: str | Query,
    k: int,
    allowed: frozenset[str] | None,
    vector: np.ndarray | None = None,
) -> list[Hit]:
    """The top ``k`` hits among the allowed provisions (all of them with no facet).

    The search goes as deep as the allowed share of the index suggests, then deeper
    until ``k`` are found or the whole index has been looked through.
    """
    if allowed is None:
        return index.search(query, k, vector)
    if not allowed:
        return []
    if vector is None:
        vector = index.query_vector(as_query(query))
    total = max(len(index.provision_ids()), 1)
    depth = min(total, k * max(1, -(-total // len(allowed))))
    while True:
        found = [hit for hit in index.search(query, depth, vector) if hit.provision_id in allowed]
        if len(found) >= k or depth >= total:
            return found[:k]
        depth = min(total, depth * 4)


def restricted(catalog: Catalog, allowed: frozenset[str]) -> Catalog:
    """The catalog as an answer under facets sees it: measures and texts outside blanked.

    Texts are blanked, not dropped, so the bigram weights stay those of the whole
    library (the reader's scores do not shift with a facet), while answers that scan
    the catalog (measures of a type, documents holding a term) find only allowed ones.
    """
    return replace(
        catalog,
        measures=[m for m in catalog.measures if m.provision_id in allowed],
        provision_text={
            pid: text if pid in allowed else "" for pid, text in catalog.provision_text.items()
        },
    )


def read_under(question: Question, facets: Facets, allowed: frozenset[str]) -> Question:
    """The question as the answer reads it under facets.

    A region facet on a question that names no region reads as that region's question
    (the evidence weighs the region as if asked); when no provision passes, "not
    found", and the answer names no region (a comparison or a yes/no would name or
    deny one).
    """
    if not allowed:
        return replace(question, region_codes=(), intent=Intent.OPEN)
    if facets.regions and not question.region_codes:
        return replace(question, region_codes=facets.regions)
    return question
