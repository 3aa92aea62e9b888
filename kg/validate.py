"""Graph validation: the SHACL shapes (pyshacl), then every quote against the source.

SHACL checks shape (types, statuses, regions or national scope, selectors); the
second check is one SHACL cannot do: each ``oa:exact`` must equal the stored
document text at ``oa:start``–``oa:end``.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

from pyshacl import validate as shacl_validate
from rdflib import Graph

from policykg.ingest.store import Store
from policykg.kg.base import GraphStore

SELECTORS = """
SELECT DISTINCT ?mention ?docId ?start ?end ?exact WHERE {
  ?mention a pkg:MeasureMention ; oa:hasTarget ?target .
  ?target oa:hasSource ?doc ; oa:hasSelector ?pos , ?quote .
  ?doc pkg:docId ?docId .
  ?pos a oa:TextPositionSelector ; oa:start ?start ; oa:end ?end .
  ?quote a oa:TextQuoteSelector ; oa:exact ?exact .
}
"""


@dataclass(frozen=True, slots=True)
class ValidationReport:
    conforms: bool
    checked_quotes: int
    problems: tuple[str, ...]


def shapes_graph() -> Graph:
    graph = Graph()
    graph.parse(
        data=resources.files("policykg.kg").joinpath("shapes.ttl").read_text("utf-8"),
        format="turtle",
    )
    return graph


def validate_graph(graph: GraphStore, store: Store) -> ValidationReport:
    """Run the SHACL shapes and the verbatim-quote check."""
    data = graph.union_graph()
    conforms, report_graph, _ = shacl_validate(data, shacl_graph=shapes_graph(), inference="none")
    problems = [] if conforms else _shacl_messages(report_graph)
    texts: dict[str, str | None] = {}
    checked = 0
    for mention, doc_id, start, end, exact in graph.rows(SELECTORS):
        key = str(doc_id)
        if key not in texts:
            document = store.document(key)
            texts[key] = document.text if document else None
        text = texts[key]
        checked += 1
        if text is None:
            problems.append(f"{mention}: its document {key} is not in the store")
        elif text[int(start) : int(end)] != str(exact):
            problems.append(f"{mention}: oa:exact differs from the document text at {start}-{end}")
    return ValidationReport(not problems, checked, tuple(problems))


def _shacl_messages(report: Any) -> list[str]:
    rows: Any = report.query(
        """
        PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?focus ?message WHERE { ?r a sh:ValidationResult ; sh:focusNode ?focus .
                                      OPTIONAL { ?r sh:resultMessage ?message } }
        """
    )
    return [f"{focus}: {message or 'violates a shape'}" for focus, message in rows]
