"""What the document graphs were built with: the triple builder and the ontology."""

from __future__ import annotations

from functools import lru_cache

from policykg.ingest.stamp import package_files, stamp_of


@lru_cache(maxsize=1)
def graph_stamp() -> str:
    return stamp_of(package_files("policykg.kg", ["build.py", "ontology.ttl"]))
