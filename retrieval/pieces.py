"""What the dense side embeds besides each sentence: passages and list items.

A sentence alone is short context for a multilingual model ("它" "该机制"), so the
sentences of one article or paragraph are embedded together too, as a passage, up to
``PASSAGE_MAX_CHARS``. A long sentence listing what several places did (大同市…；长治市…；
忻州市岢岚县…帮助42名两地分居的乡镇干部协调配偶在县城就业) is too much at once: a question
on one item reads as far from the whole, so each item of such a sentence is embedded
too. Either lends its score to its sentences, which stay the unit that is cited.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.ingest.models import Provision
from policykg.retrieval.catalog import unit_key
from policykg.retrieval.vectors import vector_id

PASSAGE_MAX_CHARS = 250  # about a naive RAG chunk, but whole sentences of one unit
LIST_MIN_CHARS = 100  # a sentence this long with items split by ； is a list
ITEM_MIN_CHARS = 12  # shorter items (一是…；二是…) are embedded with their neighbours
_ITEM_BREAK = re.compile(r"(?<=[；;])")


def passages(provisions: Sequence[Provision]) -> list[tuple[str, ...]]:
    """Provision ids of each passage: consecutive sentences of one article or paragraph,
    packed up to ``PASSAGE_MAX_CHARS`` (a lone sentence is no passage)."""
    found: list[tuple[str, ...]] = []
    members: list[Provision] = []
    length = 0
    for provision in [*provisions, None]:  # None closes the last passage
        if members and (
            provision is None
            or unit_key(provision) != unit_key(members[-1])
            or length + len(provision.text) > PASSAGE_MAX_CHARS
        ):
            if len(members) > 1:
                found.append(tuple(p.provision_id for p in members))
            members, length = [], 0
        if provision is not None:
            members.append(provision)
            length += len(provision.text)
    return found


def passage_vector_id(members: Sequence[str]) -> int:
    return vector_id("passage:" + ",".join(members))


def list_items(provisions: Sequence[Provision]) -> list[tuple[str, str]]:
    """(provision id, item text) for each item of the long list sentences, in order."""
    found: list[tuple[str, str]] = []
    for provision in provisions:
        if len(provision.text) < LIST_MIN_CHARS:
            continue
        items: list[str] = []
        for part in _ITEM_BREAK.split(provision.text):
            if items and len(items[-1]) < ITEM_MIN_CHARS:
                items[-1] += part  # 一是…； joins what follows
            elif part.strip():
                items.append(part)
        if len(items) > 1:
            found += [(provision.provision_id, item) for item in items]
    return found


def item_vector_ids(provision_ids: Sequence[str]) -> list[int]:
    """A vector id per list item, given each item's provision id in order: the provision's
    id and the item's place among that provision's."""
    ids, seen = [], dict[str, int]()
    for provision_id in provision_ids:
        seen[provision_id] = seen.get(provision_id, -1) + 1
        ids.append(vector_id(f"item:{provision_id}:{seen[provision_id]}"))
    return ids
