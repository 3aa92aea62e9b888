"""Stable IRIs: regions by administrative code, documents and provisions by
content-derived ids, measures by their normalised key."""

from __future__ import annotations

import hashlib

from rdflib import Namespace, URIRef

BASE = "https://w3id.org/policykg/"
ID = Namespace(BASE + "id/")
PKG = Namespace(BASE + "ontology#")


def region_iri(code: str) -> URIRef:
    return ID[f"region/{code}"]


def document_iri(doc_id: str) -> URIRef:
    return ID[f"doc/{doc_id}"]


def provision_iri(provision_id: str) -> URIRef:
    return ID[f"provision/{provision_id}"]


def measure_iri(key: str) -> URIRef:
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return ID[f"measure/{digest}"]


def incentive_type_iri(code: str) -> URIRef:
    return ID[f"incentive-type/{code}"]


def mention_iri(provision_id: str, start: int, end: int) -> URIRef:
    return ID[f"mention/{provision_id}/{start}-{end}"]


def work_iri(work_id: str) -> URIRef:
    """The instrument several document versions realise (``versions.Work``)."""
    return ID[f"work/{work_id}"]
