"""jieba segmentation with a domain dictionary built from the project's vocabularies.

The dictionary holds incentive-type terms, measure terms and region names, so
协议年薪, 容错纠错, 三个区分开来, 临港新片区 and 定远县 stay whole.

Text is cut by rjieba (jieba's algorithm and dictionary in Rust, 8x faster here) with
the same user words. Its tokens and offsets equal jieba's on every bundled, real, law
and government-report text but one kind: rjieba keeps ASCII runs joined by ``-``,
``_`` or ``.`` whole (``2011-2020``, ``e-mail``), where jieba splits them; they are
split back the way jieba does. jieba itself is loaded only for its word counts.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.vocab import load_vocabulary

# A frequency high enough that jieba keeps a dictionary term whole against its
# own statistics, low enough not to swallow neighbouring characters.
USER_WORD_FREQ = 200_000
# An ASCII token with a joiner inside: rjieba keeps it whole, jieba does not.
_JOINED = re.compile(r"[A-Za-z0-9%]*[-_.][-_.%A-Za-z0-9]*")
# How jieba's HMM step splits such a run: letter/digit runs (a decimal, a per cent
# sign kept on) and the text between them, in order.
_JIEBA_SKIP = re.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


class Segmenter:
    """A jieba tokenizer that knows the domain dictionary (state: rjieba's dictionary)."""

    def __init__(self, terms: Iterable[str]) -> None:
        import rjieba

        self.terms = tuple(sorted({t for t in terms if len(t) >= 2 and not t.isspace()}))
        self.dictionary_hash = hashlib.sha256("\n".join(self.terms).encode()).hexdigest()[:16]
        self._cutter = rjieba.Jieba()
        for term in self.terms:
            self._cutter.add_word(term, USER_WORD_FREQ, None)

    def tokenize(self, text: str) -> list[Token]:
        """Tokens with ``[start, end)`` offsets into ``text`` (as ``jieba.tokenize``)."""
        tokens = []
        for word, start, _ in self._cutter.tokenize(text):
            for piece in _as_jieba(word):
                tokens.append(Token(piece, start, start + len(piece)))
                start += len(piece)
        return tokens

    def words(self, text: str) -> list[str]:
        """Non-blank tokens, for indexing and matching."""
        return [p for word in self._cutter.cut(text) for p in _as_jieba(word) if p.strip()]

    def search_words(self, text: str) -> list[str]:
        """``words`` plus the known words inside each long one (jieba's search mode)."""
        cut = self._cutter.cut_for_search(text)
        return [p for word in cut for p in _as_jieba(word) if p.strip()]

    @cached_property
    def _counts(self) -> dict[str, int]:
        """jieba's word counts, loaded on first use: only ``frequency`` needs them."""
        import jieba  # imported late: it loads pkg_resources

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        # jieba caches its prefix dictionary in the shared temp dir by default, and loads
        # whatever file it finds there: a planted cache would change every count.
        tokenizer.tmp_dir = str(private_cache_dir())
        tokenizer.initialize()
        return dict(tokenizer.FREQ)

    def frequency(self, word: str) -> int:
        """jieba's corpus count of ``word`` (0 when unknown): how common a plain word is.

        Our dictionary's terms keep jieba's count, not the user frequency given to them.
        """
        return int(self._counts.get(word, 0))


def _as_jieba(word: str) -> list[str]:
    """``word`` as jieba would cut it: itself, or a joined ASCII run split apart."""
    if len(word) < 2 or not _JOINED.fullmatch(word):
        return [word]
    return [piece for piece in _JIEBA_SKIP.split(word) if piece]


def private_cache_dir() -> Path:
    """A cache folder only this user can write (``$XDG_CACHE_HOME/policykg``, mode 0700).

    When it cannot be made private, a fresh private temporary folder instead.
    """
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "policykg"
    try:
        base.mkdir(parents=True, exist_ok=True, mode=0o700)
        info = base.stat()
        if info.st_uid == os.getuid() and not info.st_mode & 0o077:
            return base
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="policykg-jieba-"))


def domain_terms() -> set[str]:
    """Vocabulary terms plus every Chinese region name and alias of the gazetteer."""
    terms = load_vocabulary().domain_terms()
    terms.update(name for name in load_gazetteer().surface_forms() if _is_chinese(name))
    return terms


def _is_chinese(name: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in name)


@lru_cache(maxsize=1)
def load_segmenter() -> Segmenter:
    """The shared domain segmenter (built once per process)."""
    return Segmenter(domain_terms())
