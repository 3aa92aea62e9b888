from __future__ import annotations

import marshal
import tempfile
from pathlib import Path

import pytest

from policykg.ingest.segment import (
    USER_WORD_FREQ,
    Segmenter,
    load_segmenter,
    private_cache_dir,
)
from tests.conftest import REPO


def test_domain_terms_and_places_stay_whole() -> None:
    segmenter = load_segmenter()
    text = "临港新片区实行协议年薪,落实三个区分开来,健全容错纠错机制,滁州市定远县开展评选"
    words = segmenter.words(text)
    for term in ("临港新片区", "协议年薪", "三个区分开来", "容错纠错", "定远县"):
        assert term in words, words


def test_token_offsets_index_the_text() -> None:
    text = "宁海县建立“一事一奖”快速响应机制。"
    tokens = load_segmenter().tokenize(text)
    assert "".join(t.text for t in tokens) == text
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens][:2] == ["宁海县", "建立"]


def test_dictionary_hash_is_stable() -> None:
    first = load_segmenter().dictionary_hash
    assert len(first) == 16
    assert first == load_segmenter().dictionary_hash


def test_a_dictionary_cache_planted_in_the_shared_temp_dir_is_never_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """jieba would load /tmp/jieba.cache whoever wrote it; ours lives in a private folder."""
    planted = Path(tempfile.gettempdir()) / "jieba.cache"
    saved = planted.read_bytes() if planted.exists() else None
    # A valid cache that makes 们建 a very likely word.
    planted_freq = {char: 1 for char in "我们建立机制"} | {"们建": 10**6, "建立": 1, "机制": 1}
    planted.write_bytes(marshal.dumps((planted_freq, sum(planted_freq.values()))))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    try:
        words = Segmenter(["容错纠错"]).words("我们建立机制")
    finally:
        if saved is None:
            planted.unlink()
        else:
            planted.write_bytes(saved)
    assert words == ["我们", "建立", "机制"]
    cache = private_cache_dir()
    assert cache.is_relative_to(tmp_path) and not cache.stat().st_mode & 0o077


def test_tokens_are_jiebas_with_the_same_user_words() -> None:
    """rjieba cuts; jieba with the same user words is the reference, joined ASCII runs too."""
    import jieba

    segmenter = load_segmenter()
    reference = jieba.Tokenizer()
    reference.tmp_dir = str(private_cache_dir())
    for term in segmenter.terms:
        reference.add_word(term, freq=USER_WORD_FREQ)
    texts = [
        (REPO / "corpus" / "yangtze-delta-cadre-incentives.txt").read_text(encoding="utf-8"),
        "2011-2020年规划 COVID-19疫情 e-mail www.gov.cn 增长5.2% v1.2.3% a_b -- 临港新片区",
        "",
    ]
    for text in texts:
        expected = [(word, start, end) for word, start, end in reference.tokenize(text)]
        assert [(t.text, t.start, t.end) for t in segmenter.tokenize(text)] == expected
        assert segmenter.words(text) == [w for w in reference.lcut(text) if w.strip()]
    assert segmenter.frequency("干部") == reference.FREQ["干部"] > 0
    assert segmenter.frequency("临港新片区") == 0  # our term keeps jieba's own count
