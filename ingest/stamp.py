"""What derived data was made with: a hash of the rules, vocabularies, gazetteer and code.

Measures, regions and provisions are derived from a document's stored text by the
modules and data files named here. The store records this stamp per document; a
library opened with a different stamp re-derives those documents, so improved
rules reach documents already stored (re-ingesting unchanged text is skipped).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

# The modules whose output the store keeps (readers are not here: the stored text is
# what they made, and it is not re-read).
DERIVING_MODULES = (
    "candidates.py",
    "cedict.py",
    "clause_types.py",
    "document_region.py",
    "english.py",
    "extract.py",
    "gazetteer.py",
    "genre.py",
    "headings.py",
    "history.py",
    "lexicon.py",
    "measures.py",
    "meta_fields.py",
    "metadata.py",
    "parties.py",
    "models.py",
    "pipeline.py",
    "place_names.py",
    "region_aliases.py",
    "region_roles.py",
    "region_self.py",
    "region_shorthand.py",
    "region_towns.py",
    "regions.py",
    "repeals.py",
    "romanize.py",
    "rules.py",
    "segment.py",
    "speakers.py",
    "structure.py",
    "topics.py",
    "towns.py",
    "vocab.py",
)


def stamp_of(parts: Iterable[tuple[str, bytes]]) -> str:
    """A short hash over named byte strings, independent of their order."""
    digest = hashlib.sha256()
    for name, data in sorted(parts):
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:16]


def package_files(package: str, names: Iterable[str]) -> list[tuple[str, bytes]]:
    """``(package/name, bytes)`` of named files of an installed package."""
    root = resources.files(package)
    return [(f"{package}/{name}", root.joinpath(name).read_bytes()) for name in names]


@lru_cache(maxsize=1)
def ingest_stamp() -> str:
    """The stamp of ingest's derivation: its data files (rules, vocabularies, regions) and code."""
    data = resources.files("policykg.ingest").joinpath("data")
    data_names = sorted(f"data/{item.name}" for item in data.iterdir() if item.is_file())
    return stamp_of(package_files("policykg.ingest", [*data_names, *DERIVING_MODULES]))
