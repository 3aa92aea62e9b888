"""Search index and answers, with the real model, real FAISS and real BM25."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from policykg.ingest.records import Answer
from policykg.ingest.segment import load_segmenter
from policykg.ingest.settings import Settings
from policykg.library import Library
from policykg.retrieval.ask import QuestionError, ask
from policykg.retrieval.dense import DenseIndex
from policykg.retrieval.embed import load_embedder, small_test_model_path
from policykg.retrieval.evaluate import evaluate, load_questions
from policykg.retrieval.index import IndexMismatchError, Query, SearchIndex
from policykg.retrieval.lexical import TOKEN_SCHEME, LexicalIndex, index_tokens
from policykg.retrieval.vectors import vector_id
from tests.conftest import CORPUS_REAL, EVAL, REPO, needs_shared

SALARY_ZH = "哪些地区实行协议年薪？"


def region_codes(answer: Answer) -> list[str]:
    return [region.code for region in answer.regions]


def assert_verbatim(library: Library, answer: Answer) -> None:
    for citation in answer.citations:
        document = library.store.document(citation.doc_id)
        assert document is not None
        assert document.text[citation.start : citation.end] == citation.quote


# --- the index ---------------------------------------------------------------


def test_domain_terms_are_whole_lexical_tokens() -> None:
    tokens = index_tokens("临港新片区实行协议年薪", load_segmenter())
    assert "协议年薪" in tokens
    assert "临港新片区" in tokens


def test_a_long_term_is_also_found_by_the_words_inside_it() -> None:
    # 实施基层减负新政 is cut 基层减负 (one domain term); a question about 减负 must reach it.
    tokens = index_tokens("实施基层减负新政", load_segmenter())
    assert {"基层减负", "基层", "减负"} <= set(tokens)


def test_a_rare_word_outweighs_a_common_phrase_counted_by_its_parts() -> None:
    # 乡镇干部 in the question is also cut 乡镇 and 干部: counted thrice it would outrank
    # the one provision about 牧区, the word that makes the question.
    segmenter = load_segmenter()
    texts = {
        "town": "乡镇干部享受乡镇工作补助。",
        "pasture": "在牧区工作的，每人每月另发补助。",
        "duty": "乡镇干部要担当作为。",
        "rotation": "推进乡镇干部轮岗交流。",
        "review": "干部年度考核结果作为评先评优的依据。",
    }
    index = LexicalIndex()
    for provision_id, text in texts.items():
        index.add(provision_id, index_tokens(text, segmenter))
    ranked = index.search(index_tokens("牧区乡镇干部补助", segmenter), 2)
    assert [provision_id for provision_id, _ in ranked] == ["pasture", "town"]


def test_dense_index_adds_removes_and_turns_approximate_above_its_limit() -> None:
    embedder = load_embedder()
    sentences = [
        "实行协议年薪、一职一薪的薪酬政策",
        "开展干部之星评选",
        "建立回访教育机制",
        "浙江省明确6类21种具体容错情形",
        "推进人岗精准匹配",
    ]
    vectors = embedder.encode(sentences)
    index = DenseIndex(embedder.dimension, exact_limit=3)
    index.add([vector_id(s) for s in sentences[:3]], vectors[:3])
    assert index.kind == "flat"
    index.add([vector_id(s) for s in sentences[3:]], vectors[3:])
    assert index.kind == "hnsw"  # crossed the limit: approximate from now on
    query = embedder.encode(["协议年薪的薪酬政策"])[0]
    assert index.search(query, 1)[0][0] == vector_id(sentences[0])
    index.remove([vector_id(sentences[0])])
    assert vector_id(sentences[0]) not in [i for i, _ in index.search(query, 5)]
    assert len(index) == 4
    index.compact()
    assert index.tombstones == set() and int(index.index.ntotal) == 4


def test_a_hit_the_dense_search_did_not_reach_carries_its_own_cosine(tmp_path: Path) -> None:
    # Two hundred allowance articles fill the dense search's 60 places for a vector on
    # allowances; the one article holding the asked word comes by the lexical ranking
    # alone, and weighs by its own cosine with that vector, not by zero.
    lines = [f"第{i + 1}条 每月向第{i + 1}乡镇的干部发放生活补助{100 + i}元。" for i in range(200)]
    lines.append("第二百零一条 县里在公告栏设红黑榜一栏，供来访群众查看办事指南。")
    source = tmp_path / "rules.md"
    source.write_text("# 示范县干部管理办法\n\n" + "\n\n".join(lines) + "\n", encoding="utf-8")
    with Library(Settings(data_dir=tmp_path / "data")) as library:
        library.ingest([source])
        index = library.index
        vector = index.query_vector(Query("乡镇干部生活补助"))
        hits = index.search("红黑榜", k=3, vector=vector)
        unreached = [h for h in hits if h.dense_rank is None]
        assert [h.lexical_rank for h in unreached] == [0]
        own = index.dense.index.reconstruct(vector_id(unreached[0].provision_id))
        assert unreached[0].dense_score == pytest.approx(float(own @ vector), abs=1e-5)
        assert unreached[0].dense_score != 0.0


def test_embeddings_are_normalised_and_rank_paraphrases() -> None:
    embedder = load_embedder()
    vectors = embedder.encode(
        ["negotiated annual salary for civil servants", "公务员协议年薪制度", "建立回访教育机制"]
    )
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_index_is_saved_with_a_manifest_and_reopens(seed_library: Library, tmp_path: Path) -> None:
    manifest = json.loads((seed_library.settings.index_dir / "manifest.json").read_text())
    assert manifest["model"] == "usem3"
    assert manifest["dimension"] == 512
    assert manifest["dictionary_hash"] == load_segmenter().dictionary_hash
    assert manifest["provisions"] == len(seed_library.index.provision_ids())
    reopened = SearchIndex.open(seed_library.settings)
    first = reopened.search("协议年薪", 3)[0]
    assert first.provision_id == seed_library.index.search("协议年薪", 3)[0].provision_id
    assert "协议年薪" in (seed_library.store.provision(first.provision_id) or first).text  # type: ignore[union-attr]


def test_index_from_another_model_is_refused_with_a_reindex_hint(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    with Library(settings) as library:
        library.ingest([REPO / "corpus"])
    other = Settings(data_dir=tmp_path, embedding_model=small_test_model_path())
    with pytest.raises(IndexMismatchError, match="policykg reindex"):
        SearchIndex.open(other)


def test_an_index_cut_with_an_older_dictionary_is_re_cut_on_open(tmp_path: Path) -> None:
    # An upgrade's vocabulary changes the domain dictionary: the vectors still hold, and
    # the words are cut again from the store instead of refusing the data dir.
    settings = Settings(data_dir=tmp_path)
    with Library(settings) as library:
        library.ingest([REPO / "corpus"])
        expected = library.index.lexical_search("协议年薪", 3)
        provisions = len(library.index.provision_ids())
    manifest_path = settings.index_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["dictionary_hash"] = "0" * 16
    del manifest["token_scheme"]  # written before word cutting had a scheme
    manifest_path.write_text(json.dumps(manifest))
    lexical_file = settings.index_dir / "lexical.jsonl"
    lexical_file.write_text(lexical_file.read_text().replace("协议年薪", "协议"))  # cut apart
    with Library(settings) as library:
        assert f"{provisions} provisions re-cut" in " ".join(library.notices)
        assert library.index.lexical_search("协议年薪", 3) == expected
    saved = json.loads(manifest_path.read_text())
    assert saved["dictionary_hash"] == load_segmenter().dictionary_hash
    assert saved["token_scheme"] == TOKEN_SCHEME


def test_sentence_transformers_model_builds_and_searches(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, embedding_model=small_test_model_path())
    with Library(settings) as library:
        library.ingest([REPO / "corpus"])
        assert library.index.embedder.dimension == 384
        hits = library.index.search("协议年薪", 5)
        texts = [library.store.provision(h.provision_id).text for h in hits]  # type: ignore[union-attr]
        assert any("协议年薪" in text for text in texts)
    manifest = json.loads((settings.index_dir / "manifest.json").read_text())
    assert manifest["model"] == small_test_model_path()


# --- answers -----------------------------------------------------------------


def test_answer_json_has_the_documented_shape(seed_library: Library) -> None:
    answer = ask(seed_library, SALARY_ZH)
    data = answer.to_json()
    assert list(data) == [
        "question",
        "lang",
        "intent",
        "answer",
        "regions",
        "measures",
        "citations",
        "retrieved",
    ]
    assert data["lang"] == "zh" and data["intent"] == "which_regions"
    assert region_codes(answer) == ["Z31001"]
    region = data["regions"][0]  # type: ignore[index]
    assert list(region) == ["iri", "label_zh", "label_en", "path_zh"]
    assert region["path_zh"][0] == "上海市"
    measure = data["measures"][0]  # type: ignore[index]
    assert list(measure) == [
        "iri",
        "key",
        "label_zh",
        "label_en",
        "incentive_type",
        "status",
        "regions",
        "citations",
    ]
    assert "[1]" in answer.answer
    assert_verbatim(seed_library, answer)
    assert Answer.from_json(json.loads(json.dumps(data))) == answer


@needs_shared
def test_every_dev_question_passes_on_the_seed(seed_library: Library) -> None:
    run = evaluate(seed_library, load_questions(EVAL / "dev_questions.jsonl"))
    failed = [s.id for s in run.scores if not s.passed]
    assert not failed, failed
    assert run.summary["recall@5"] == 1.0
    assert run.summary["citations_verbatim"] == 1.0


@pytest.fixture(scope="module")
def real_library(tmp_path_factory: pytest.TempPathFactory):
    """The seed plus the 20 real texts as distractors."""
    if not CORPUS_REAL.exists():
        pytest.skip("../shared is absent")
    library = Library(Settings(data_dir=tmp_path_factory.mktemp("real-library")))
    report = library.ingest([REPO / "corpus", CORPUS_REAL])
    assert not report.failed
    yield library
    library.close()


@needs_shared
def test_dev_questions_still_pass_among_real_distractors(real_library: Library) -> None:
    run = evaluate(real_library, load_questions(EVAL / "dev_questions.jsonl"))
    failed = [s.id for s in run.scores if not s.passed]
    assert not failed, failed
    assert run.summary["region_f1"] >= 0.95


@needs_shared
def test_own_questions_over_the_real_corpus(real_library: Library) -> None:
    run = evaluate(real_library, load_questions(REPO / "benchmarks" / "questions_real.jsonl"))
    failed = [s.id for s in run.scores if not s.passed]
    assert not failed, failed


PAIRS = [
    ("Which regions use negotiated annual salaries?", SALARY_ZH),
    ("Which county runs a 'cadre star' selection?", "哪个县开展干部之星评选？"),
    ("What measures does Anhui have on fault tolerance?", "安徽省在容错机制方面有哪些做法？"),
    ("Compare Shanghai and Zhejiang on material incentives.", "上海和浙江在物质激励方面有何不同？"),
    (
        "Which districts tilt performance bonuses to the front line?",
        "哪些区推动绩效奖金向一线倾斜？",
    ),
    ("What does Xianju County do on rank promotion?", "仙居县在职级晋升方面有哪些做法？"),
]


@pytest.mark.parametrize(("english", "chinese"), PAIRS)
def test_english_and_chinese_questions_give_the_same_regions(
    seed_library: Library, english: str, chinese: str
) -> None:
    in_english, in_chinese = ask(seed_library, english), ask(seed_library, chinese)
    assert in_english.lang == "en" and in_chinese.lang == "zh"
    assert region_codes(in_english) == region_codes(in_chinese) != []
    assert_verbatim(seed_library, in_english)
    # English answers give English renderings next to the Chinese names.
    assert any(r.label_en in in_english.answer for r in in_english.regions)


@pytest.mark.parametrize(
    "question",
    ["北京有哪些容错纠错做法？", "What does Beijing do about negotiated annual salaries?"],
)
def test_a_region_the_library_lacks_is_not_found(seed_library: Library, question: str) -> None:
    answer = ask(seed_library, question)
    assert answer.regions == () and answer.measures == () and answer.citations == ()
    assert "北京" in answer.answer
    assert "上海" not in answer.answer


def test_a_topic_the_library_lacks_names_no_region(seed_library: Library) -> None:
    answer = ask(seed_library, "哪些地区为干部提供住房公积金贷款贴息？")
    assert answer.regions == () and answer.measures == ()


@pytest.mark.parametrize("question", ["", "   ", "？？！！", "。。。"])
def test_an_empty_question_is_refused(seed_library: Library, question: str) -> None:
    with pytest.raises(QuestionError):
        ask(seed_library, question)


def test_removing_the_seed_leaves_no_stale_hits(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    with Library(settings) as library:
        empty_graph = library.graph.triple_count()
        library.ingest([REPO / "corpus"])
        (doc_id,) = library.store.doc_ids()
        assert region_codes(ask(library, SALARY_ZH)) == ["Z31001"]
        library.remove(doc_id)
        answer = ask(library, SALARY_ZH)
        assert answer.regions == () and answer.citations == ()
        assert library.index.search("协议年薪", 10) == []
        assert library.index.lexical_search("协议年薪", 10) == []
        assert library.index.dense_search("协议年薪", 10) == []
        assert library.graph.triple_count() == empty_graph
        assert doc_id not in library.graph.document_ids()
    with Library(settings) as reopened:  # and nothing comes back from disk
        assert reopened.index.search("协议年薪", 10) == []
        assert len(reopened.index.dense) == 0


def test_a_heading_s_region_puts_the_provisions_under_it_in_that_scope(tmp_path: Path) -> None:
    source = tmp_path / "观察.txt"
    source.write_text(
        "长三角干部激励观察\n一、各地做法\n上海市推行协议年薪制度。\n"
        "二、对江苏的启示\n要推进实践基地、活动场所等共建共用。\n",
        encoding="utf-8",
    )
    with Library(Settings(data_dir=tmp_path / "data")) as library:
        library.ingest([source])
        catalog = library.catalog()
        jiangsu = library.gazetteer.by_name("江苏")[0].code
        (advice,) = [p for p, text in catalog.provision_text.items() if "实践基地" in text]
        (practice,) = [p for p, text in catalog.provision_text.items() if "协议年薪" in text]
        assert catalog.in_scope(advice, {jiangsu})  # under 二、对江苏的启示
        assert not catalog.in_scope(practice, {jiangsu})
        assert jiangsu not in catalog.provision_regions.get(advice, set())  # not its own words
