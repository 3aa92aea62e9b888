"""jieba segmentation with a domain dictionary built from the project's vocabularies.

The dictionary holds incentive-type terms, measure terms and region names, so
协议年薪, 容错纠错, 三个区分开来, 临港新片区 and 定远县 stay whole.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.vocab import load_vocabulary

# A frequency high enough that jieba keeps a dictionary term whole against its
# own statistics, low enough not to swallow neighbouring characters.
USER_WORD_FREQ = 200_000


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int


class Segmenter:
    """A jieba tokenizer that knows the domain dictionary (state: jieba's prefix dict)."""

    def __init__(self, terms: Iterable[str]) -> None:
        import jieba  # imported late: it loads pkg_resources

        jieba.setLogLevel(logging.WARNING)
        self.terms = tuple(sorted({t for t in terms if len(t) >= 2 and not t.isspace()}))
        self.dictionary_hash = hashlib.sha256("\n".join(self.terms).encode()).hexdigest()[:16]
        self._tokenizer = jieba.Tokenizer()
        # jieba caches its prefix dictionary in the shared temp dir by default, and loads
        # whatever file it finds there: a planted cache would change every segmentation.
        self._tokenizer.tmp_dir = str(private_cache_dir())
        self._tokenizer.initialize()
        # jieba's own counts, before our terms overwrite them with a fixed user frequency.
        self._base_frequency = {t: int(self._tokenizer.FREQ.get(t, 0)) for t in self.terms}
        for term in self.terms:
            self._tokenizer.add_word(term, freq=USER_WORD_FREQ)

    def tokenize(self, text: str) -> list[Token]:
        """Tokens with ``[start, end)`` offsets into ``text`` (``jieba.tokenize``)."""
        return [Token(word, start, end) for word, start, end in self._tokenizer.tokenize(text)]

    def words(self, text: str) -> list[str]:
        """Non-blank tokens, for indexing and matching."""
        return [word for word in self._tokenizer.lcut(text) if word.strip()]

    def frequency(self, word: str) -> int:
        """jieba's corpus count of ``word`` (0 when unknown): how common a plain word is.

        Our dictionary's terms keep jieba's count, not the user frequency given to them.
        """
        if word in self._base_frequency:
            return self._base_frequency[word]
        return int(self._tokenizer.FREQ.get(word, 0))


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
