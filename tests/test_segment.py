from __future__ import annotations

from policykg.ingest.segment import load_segmenter


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
