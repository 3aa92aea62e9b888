"""BM25 (bm25s) over jieba tokens with the domain dictionary.

bm25s has no incremental update, so the tokenised corpus is kept and the BM25
matrices are rebuilt lazily, on the first search after a change.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import bm25s
import numpy as np

from policykg.ingest.segment import Segmenter

_WORD = re.compile(r"\w", re.UNICODE)
# How provisions are cut for word search; an index cut another way is cut again on open.
TOKEN_SCHEME = "search-mode-1"


def index_tokens(text: str, segmenter: Segmenter) -> list[str]:
    """Lower-cased words with at least one letter or digit (no punctuation).

    Search mode also yields the known words inside a long one (基层减负 → 基层, 减负,
    基层减负), so a question asking about 减负 finds a text that writes 基层减负.
    """
    return [w.lower() for w in segmenter.search_words(text) if _WORD.search(w)]


# Search mode also yields a long word's known parts (乡镇干部 → 乡镇, 干部, 乡镇干部): in a
# question they would count one phrase two or three times, outweighing a rarer word beside
# it (牧区); a part weighs this much (tuning sets: 0.5 +1, 0.3 +2 −1, 0 +3 −7).
PART_WEIGHT = 0.5


def parts_of_longer(tokens: list[str]) -> list[str]:
    """The Chinese tokens that lie inside a longer token of the same query."""
    return [
        t for t in tokens if not t.isascii() and any(len(u) > len(t) and t in u for u in tokens)
    ]


class LexicalIndex:
    """Tokenised provisions and their BM25 model (state: both)."""

    def __init__(self, tokens: dict[str, list[str]] | None = None) -> None:
        self.tokens: dict[str, list[str]] = tokens or {}
        self._model: bm25s.BM25 | None = None
        self._order: list[str] = []
        self.version = 0  # counts changes: indexes derived from this one know when to follow

    def __len__(self) -> int:
        return len(self.tokens)

    def ids(self) -> set[str]:
        return set(self.tokens)

    def add(self, provision_id: str, tokens: list[str]) -> None:
        self.tokens[provision_id] = tokens
        self._model = None
        self.version += 1

    def remove(self, provision_ids: list[str]) -> None:
        for provision_id in provision_ids:
            self.tokens.pop(provision_id, None)
        self._model = None
        self.version += 1

    def _ensure(self) -> bm25s.BM25 | None:
        if self._model is None and self.tokens:
            self._order = list(self.tokens)
            model = bm25s.BM25()
            # An empty token list would be dropped by bm25s and shift the rows.
            model.index([self.tokens[p] or ["\u2205"] for p in self._order], show_progress=False)
            self._model = model
        return self._model

    def search(self, query_tokens: list[str], k: int) -> list[tuple[str, float]]:
        model = self._ensure()
        if model is None or not query_tokens:
            return []
        scores = np.asarray(model.get_scores(query_tokens))
        if parts := parts_of_longer(query_tokens):
            scores = scores - (1 - PART_WEIGHT) * np.asarray(model.get_scores(parts))
        top = np.argsort(-scores)[:k]
        return [(self._order[i], float(scores[i])) for i in top if scores[i] > 0]

    def save(self, path: Path) -> None:
        with path.open("w", encoding="utf-8") as handle:
            for provision_id, tokens in self.tokens.items():
                handle.write(json.dumps([provision_id, tokens], ensure_ascii=False) + "\n")

    @classmethod
    def load(cls, path: Path) -> LexicalIndex:
        tokens: dict[str, list[str]] = {}
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                provision_id, words = json.loads(line)
                tokens[provision_id] = words
        return cls(tokens)
