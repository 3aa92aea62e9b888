"""A question about what changed quotes every version: the provision of each other version
of the cited work that says the same thing (三十日内 in 2019, 二十个工作日内 in 2023).

Versions are grouped into works by ``ingest.versions``; within the other version, the
counterpart is the provision most alike in text, article numbers aside (an article
moved or renumbered is still found), and only when it is alike enough to be the same
provision changed, not a neighbour.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher

from policykg.ingest.structure import markers_end
from policykg.ingest.versions import Work
from policykg.retrieval.catalog import Catalog

CHANGE_WORDS = re.compile(
    r"修订|修改|修正|变化|变动|改变|调整|前后|新旧|旧版|新版|原来|原先|之前|以前"
    r"|\bchang(?:e|ed|es)\b|\brevis(?:ed|ion|ions)\b|\bamend(?:ed|ment|ments)?\b"
    r"|\b(?:earlier|previous|older|old|new|newer|later) (?:version|text|edition)",
    re.IGNORECASE,
)
COUNTERPART_MIN_RATIO = 0.5  # most of a provision's text in common: the same one changed


def asks_about_change(question: str) -> bool:
    return CHANGE_WORDS.search(question) is not None


def counterparts(catalog: Catalog, works: Sequence[Work], provision_id: str) -> list[str]:
    """The provision saying the same thing in each other version of its work, oldest first."""
    doc_id = catalog.provision_doc.get(provision_id)
    work = next((w for w in works if any(v.doc_id == doc_id for v in w.versions)), None)
    if work is None:
        return []
    text = _body(catalog.provision_text.get(provision_id, ""))
    found = []
    for version in work.versions:
        if version.doc_id == doc_id:
            continue
        best: tuple[float, str] | None = None
        for pid, other_doc in catalog.provision_doc.items():
            if other_doc != version.doc_id:
                continue
            matcher = SequenceMatcher(None, text, _body(catalog.provision_text[pid]), False)
            if matcher.real_quick_ratio() < COUNTERPART_MIN_RATIO:
                continue
            ratio = matcher.ratio()
            if ratio >= COUNTERPART_MIN_RATIO and (best is None or ratio > best[0]):
                best = (ratio, pid)
        if best is not None:
            found.append(best[1])
    return found


def _body(text: str) -> str:
    """The provision without its article number or item markers (第十五条, （二）)."""
    return text[markers_end(text) :]
