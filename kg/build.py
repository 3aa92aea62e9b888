"""Triples: the base graph (ontology, incentive-type scheme, regions) and one
document's graph (document, provisions, measures, mentions with selectors)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from importlib import resources

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from policykg.ingest.gazetteer import Gazetteer, load_gazetteer
from policykg.ingest.iris import (
    BASE,
    PKG,
    document_iri,
    incentive_type_iri,
    measure_iri,
    mention_iri,
    provision_iri,
    region_iri,
    work_iri,
)
from policykg.ingest.models import MeasureMention, ParsedDocument, Provision, Region, RegionLevel
from policykg.ingest.towns import is_town_code
from policykg.ingest.versions import Work
from policykg.ingest.vocab import Vocabulary

OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")
SCHEME = URIRef(BASE + "id/incentive-types")
NATIONAL = "CN"
VERSIONS_GRAPH = URIRef(BASE + "graph/versions")

Triple = tuple[URIRef, URIRef, URIRef | Literal]

PREFIXES = {
    "pkg": PKG,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "oa": OA,
    "schema": SCHEMA,
    "id": Namespace(BASE + "id/"),
}


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def ontology_graph() -> Graph:
    graph = Graph()
    graph.parse(
        data=resources.files("policykg.kg").joinpath("ontology.ttl").read_text("utf-8"),
        format="turtle",
    )
    return graph


def scheme_triples(vocab: Vocabulary) -> Iterator[Triple]:
    """The incentive types as a SKOS concept scheme, labels and synonyms in zh and en."""
    yield SCHEME, RDF.type, SKOS.ConceptScheme
    yield SCHEME, SKOS.prefLabel, Literal("干部激励类型", lang="zh")
    yield SCHEME, SKOS.prefLabel, Literal("Cadre incentive types", lang="en")
    for entry in vocab.types:
        concept = incentive_type_iri(entry.code)
        yield concept, RDF.type, PKG.IncentiveType
        yield concept, RDF.type, SKOS.Concept
        yield concept, SKOS.inScheme, SCHEME
        yield concept, SKOS.notation, Literal(entry.code)
        yield concept, SKOS.prefLabel, Literal(entry.label_zh, lang="zh")
        yield concept, SKOS.prefLabel, Literal(entry.label_en, lang="en")
        for synonym in entry.synonyms_zh:
            yield concept, SKOS.altLabel, Literal(synonym, lang="zh")
        for synonym in entry.synonyms_en:
            yield concept, SKOS.altLabel, Literal(synonym, lang="en")


def region_triples(gazetteer: Gazetteer) -> Iterator[Triple]:
    """Every region above the towns with its code, level, labels and containment."""
    for region in gazetteer.regions():
        yield from _one_region(region)


def _one_region(region: Region) -> Iterator[Triple]:
    node = region_iri(region.code)
    yield node, RDF.type, PKG.Region
    yield node, PKG.adminCode, Literal(region.code)
    yield node, PKG.level, Literal(region.level.value)
    yield node, SKOS.prefLabel, Literal(region.name_zh, lang="zh")
    yield node, SKOS.prefLabel, Literal(region.name_en, lang="en")
    if region.short_zh != region.name_zh:
        yield node, SKOS.altLabel, Literal(region.short_zh, lang="zh")
    if region.parent_code:
        yield node, SCHEMA.containedInPlace, region_iri(region.parent_code)
    for member in region.members:
        yield node, PKG.hasMember, region_iri(member)
        yield region_iri(member), PKG.memberOf, node
    if region.level is RegionLevel.NATIONAL:
        yield node, PKG.nationalScope, Literal(True)


def document_triples(parsed: ParsedDocument) -> Iterator[Triple]:
    """Everything one document contributes; it lives in that document's named graph."""
    doc, meta = parsed.document, parsed.document.meta
    node = document_iri(doc.doc_id)
    yield node, RDF.type, PKG.Document
    yield node, PKG.docId, Literal(doc.doc_id)
    yield node, DCTERMS.title, Literal(meta.title, lang="zh")
    yield node, PKG.titleSupplied, Literal(meta.title_supplied)
    yield node, DCTERMS.source, Literal(doc.source_path)
    yield node, DCTERMS.format, Literal(doc.format)
    for predicate, value in (
        (DCTERMS.identifier, meta.doc_number),
        (DCTERMS.publisher, meta.authority),
        (DCTERMS.creator, meta.author),
    ):
        if value:
            yield node, predicate, Literal(value)
    if meta.date:
        datatype = XSD.date if len(meta.date) == 10 else XSD.string
        yield node, DCTERMS.issued, Literal(meta.date, datatype=datatype)
    if meta.region_code:
        yield node, DCTERMS.spatial, region_iri(meta.region_code)
    if meta.doc_kind:
        yield node, DCTERMS.type, Literal(meta.doc_kind.value, lang="zh")
    if meta.level:
        yield node, PKG.issuerLevel, Literal(meta.level.value)
    yield from _town_triples(parsed)
    yield from _provision_triples(parsed)
    by_id = {p.provision_id: p for p in parsed.provisions}
    for mention in parsed.measures:
        yield from _measure_triples(parsed, mention, by_id[mention.provision_id])


def _town_triples(parsed: ParsedDocument) -> Iterator[Triple]:
    """The towns the document names: too many for the base graph (``region_triples``),
    each described in the graphs of the documents naming it, so gone with the last."""
    gazetteer = load_gazetteer()
    codes = {m.code for m in parsed.region_mentions} | {
        code for mention in parsed.measures for code in mention.region_codes
    }
    for code in sorted(c for c in codes if is_town_code(c)):
        region = gazetteer.get(code)
        if region is not None:
            yield from _one_region(region)


def _provision_triples(parsed: ParsedDocument) -> Iterator[Triple]:
    doc_node = document_iri(parsed.document.doc_id)
    mentions = parsed.region_mentions
    for provision in parsed.provisions:
        node = provision_iri(provision.provision_id)
        yield node, RDF.type, PKG.Provision
        yield node, DCTERMS.isPartOf, doc_node
        yield node, PKG.section, Literal(provision.section_label)
        yield node, PKG.start, Literal(provision.start, datatype=XSD.integer)
        yield node, PKG.end, Literal(provision.end, datatype=XSD.integer)
        yield node, PKG.text, Literal(provision.text, lang="zh")
        for code in {m.code for m in mentions if provision.start <= m.start < provision.end}:
            yield node, PKG.mentionsRegion, region_iri(code)
            yield doc_node, DCTERMS.spatial, region_iri(code)


def _measure_triples(
    parsed: ParsedDocument, mention: MeasureMention, provision: Provision
) -> Iterator[Triple]:
    concept = measure_iri(mention.key)
    node = mention_iri(mention.provision_id, mention.start, mention.end)
    target, position, quote = (
        URIRef(node + "#target"),
        URIRef(node + "#pos"),
        URIRef(node + "#quote"),
    )
    yield concept, RDF.type, PKG.Measure
    yield concept, PKG.key, Literal(mention.key)
    yield concept, SKOS.prefLabel, Literal(mention.label_zh, lang="zh")
    yield concept, SKOS.prefLabel, Literal(mention.label_en, lang="en")
    yield concept, PKG.incentiveType, incentive_type_iri(mention.incentive_type)
    yield concept, PKG.status, Literal(mention.status.value)
    yield concept, PKG.hasMention, node
    yield node, RDF.type, PKG.MeasureMention
    yield node, PKG.mentionOf, concept
    yield node, PKG.status, Literal(mention.status.value)
    yield node, PROV.wasDerivedFrom, provision_iri(provision.provision_id)
    yield node, OA.hasTarget, target
    yield target, OA.hasSource, document_iri(parsed.document.doc_id)
    yield target, OA.hasSelector, position
    yield target, OA.hasSelector, quote
    yield position, RDF.type, OA.TextPositionSelector
    yield position, OA.start, Literal(provision.start, datatype=XSD.integer)
    yield position, OA.end, Literal(provision.end, datatype=XSD.integer)
    yield quote, RDF.type, OA.TextQuoteSelector
    yield quote, OA.exact, Literal(parsed.document.text[provision.start : provision.end])
    for code in mention.region_codes:
        if code == NATIONAL:
            yield concept, PKG.nationalScope, Literal(True)
            yield node, PKG.nationalScope, Literal(True)
        yield concept, PKG.region, region_iri(code)
        yield node, PKG.region, region_iri(code)


def version_triples(works: Iterable[Work]) -> Iterator[Triple]:
    """Works and their versions in DCTERMS: isVersionOf, replaces/isReplacedBy, a status.

    These live in their own named graph (``VERSIONS_GRAPH``), rebuilt whenever the
    library changes: a new version changes the status of the ones before it, whose
    document graphs stay as they were.
    """
    for work in works:
        node = work_iri(work.work_id)
        yield node, RDF.type, PKG.Work
        yield node, DCTERMS.title, Literal(work.title, lang="zh")
        if work.issuer:
            yield node, DCTERMS.publisher, Literal(work.issuer)
        previous = None
        for version in work.versions:
            doc = document_iri(version.doc_id)
            yield doc, DCTERMS.isVersionOf, node
            yield node, DCTERMS.hasVersion, doc
            yield doc, PKG.versionStatus, Literal(version.status.value)
            if previous is not None and previous.date != version.date:
                yield doc, DCTERMS.replaces, document_iri(previous.doc_id)
                yield document_iri(previous.doc_id), DCTERMS.isReplacedBy, doc
            previous = version
