"""The graph as a networkx network: typed nodes and edges, comparisons, centrality.

Node types: Region, Measure, IncentiveType, Document, Provision. Edges carry
their relation: hasType, inRegion (with status), citedIn, partOf, containedIn,
memberOf, related.
"""

from __future__ import annotations

import networkx as nx

from policykg.kg.base import GraphStore

NODES = """
SELECT DISTINCT ?node ?type ?zh ?en WHERE {
  { ?node a pkg:Measure . BIND("Measure" AS ?type) }
  UNION { ?node a pkg:IncentiveType . BIND("IncentiveType" AS ?type) }
  UNION { ?node a pkg:Document . BIND("Document" AS ?type) ?node dcterms:title ?zh }
  UNION { ?node a pkg:Provision . BIND("Provision" AS ?type) ?node pkg:text ?zh }
  OPTIONAL { ?node skos:prefLabel ?zh . FILTER(lang(?zh) = "zh") }
  OPTIONAL { ?node skos:prefLabel ?en . FILTER(lang(?en) = "en") }
}
"""
USED_REGIONS = """
SELECT DISTINCT ?node ?zh ?en ?code ?level WHERE {
  { ?m pkg:region ?used } UNION { ?p pkg:mentionsRegion ?used }
  ?used (schema:containedInPlace|pkg:memberOf)* ?node .
  ?node pkg:adminCode ?code ; pkg:level ?level ; skos:prefLabel ?zh , ?en .
  FILTER(lang(?zh) = "zh" && lang(?en) = "en")
}
"""
EDGES = """
SELECT DISTINCT ?a ?relation ?b ?status WHERE {
  { ?a pkg:incentiveType ?b . BIND("hasType" AS ?relation) }
  UNION { ?mention pkg:mentionOf ?a ; pkg:region ?b ; pkg:status ?status . BIND("inRegion" AS ?relation) }
  UNION { ?mention pkg:mentionOf ?a ; prov:wasDerivedFrom ?b . BIND("citedIn" AS ?relation) }
  UNION { ?a a pkg:Provision ; dcterms:isPartOf ?b . BIND("partOf" AS ?relation) }
  UNION { ?a skos:related ?b . BIND("related" AS ?relation) }
}
"""
REGION_EDGES = """
SELECT DISTINCT ?a ?relation ?b WHERE {
  { ?a schema:containedInPlace ?b . BIND("containedIn" AS ?relation) }
  UNION { ?a pkg:memberOf ?b . BIND("memberOf" AS ?relation) }
}
"""


def project(graph: GraphStore, with_provisions: bool = True) -> nx.MultiDiGraph:
    """The graph's research content as a typed networkx multigraph."""
    network = nx.MultiDiGraph()
    for node, kind, zh, en in graph.rows(NODES):
        if str(kind) == "Provision" and not with_provisions:
            continue
        label = str(zh) if zh is not None else str(node).rsplit("/", 1)[-1]
        network.add_node(str(node), type=str(kind), label=label, label_en=str(en or label))
    for node, zh, en, code, level in graph.rows(USED_REGIONS):
        network.add_node(
            str(node),
            type="Region",
            label=str(zh),
            label_en=str(en),
            code=str(code),
            level=str(level),
        )
    for a, relation, b, status in graph.rows(EDGES):
        if str(a) in network and str(b) in network:
            data = {"relation": str(relation)}
            if status is not None:
                data["status"] = str(status)
            network.add_edge(str(a), str(b), key=str(relation), **data)
    for a, relation, b in graph.rows(REGION_EDGES):
        if str(a) in network and str(b) in network:
            network.add_edge(str(a), str(b), key=str(relation), relation=str(relation))
    return network


def central_nodes(
    network: nx.MultiDiGraph, node_type: str, top: int = 10
) -> list[tuple[str, float]]:
    """The most central nodes of a type by degree centrality in the undirected projection."""
    simple = nx.Graph(network)
    centrality = nx.degree_centrality(simple)
    ranked = sorted(
        (
            (network.nodes[n]["label"], score)
            for n, score in centrality.items()
            if network.nodes[n].get("type") == node_type
        ),
        key=lambda item: -item[1],
    )
    return ranked[:top]


def similar_regions(network: nx.MultiDiGraph, top: int = 10) -> list[tuple[str, str, float]]:
    """Region pairs by the Jaccard overlap of their measure concepts."""
    measures: dict[str, set[str]] = {}
    for a, b, data in network.edges(data=True):
        if data.get("relation") == "inRegion":
            measures.setdefault(network.nodes[b]["label"], set()).add(a)
    names = sorted(measures)
    pairs = []
    for i, first in enumerate(names):
        for second in names[i + 1 :]:
            shared = measures[first] & measures[second]
            if shared:
                pairs.append((first, second, len(shared) / len(measures[first] | measures[second])))
    return sorted(pairs, key=lambda p: -p[2])[:top]
