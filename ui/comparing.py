"""The comparison the CLI and the app show: versions in force preferred, as of a day."""

from __future__ import annotations

from dataclasses import replace

from policykg.ingest.models import IncentiveType
from policykg.kg.compare import Comparison, compare
from policykg.library import Library
from policykg.retrieval.records import outdated_mentions, restated
from policykg.retrieval.validity import versions_as_of


def compare_in_force(
    library: Library,
    codes: list[str],
    incentive_type: IncentiveType | None = None,
    as_of: str | None = None,
) -> Comparison:
    """``kg.compare`` of the versions in force today, or on the ISO day ``as_of``.

    What an outdated version says of a measure its version in force states is left out;
    a measure only outdated versions state stays, its citation saying so (``in_force``
    false). Documents made after ``as_of`` are left out, and citations carry their
    versions' status on that day.
    """
    catalog = library.catalog()  # its measures are read once per change, not per comparison
    validity = versions_as_of(library.store, catalog, as_of)
    leave_out = outdated_mentions(catalog.measures, validity)
    result = compare(
        library.graph, library.store, library.gazetteer, codes, incentive_type, leave_out
    )
    cells = {
        place: tuple(replace(m, citation=restated(m.citation, validity)) for m in measures)
        for place, measures in result.cells.items()
    }
    return replace(result, cells=cells)
