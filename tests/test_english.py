"""English through the bilingual lexicon: questions into Chinese, labels without pinyin."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
from pypinyin import Style, lazy_pinyin
from pypinyin.constants import PINYIN_DICT

from policykg.ingest.english import english_label
from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.lexicon import cedict_entries, chinese, english
from policykg.ingest.models import MeasureMention, Status
from policykg.ingest.pipeline import parse_document
from policykg.ingest.readers import iter_source_files, read_document
from policykg.ingest.segment import load_segmenter
from policykg.ingest.settings import Settings
from policykg.ingest.vocab import load_vocabulary
from policykg.library import Library
from policykg.retrieval.answer import measure_label
from policykg.retrieval.ask import ask
from policykg.retrieval.english_terms import english_terms, english_type
from policykg.retrieval.gloss import english_query, gloss_words
from policykg.retrieval.index import TOPIC_WEIGHT, Query
from policykg.retrieval.intent_rules import Quantity, asked_quantity, intent_rules
from policykg.retrieval.question import understand
from policykg.retrieval.translate import translate_query, variants
from policykg.retrieval.wording import EN_TERM_SHARE, holds
from tests.conftest import CORPUS_REAL, EVAL, needs_shared

# Questions of our own wording, none from an evaluation set.
ENGLISH_QUESTIONS = (
    "Which regions use negotiated annual salaries?",
    "What fault-tolerance measures exist for cadres?",
    "How are cadres commended for their work?",
    "Which places reduce burdens on grassroots cadres?",
    "What does Zhejiang do about rank promotion?",
    "Which county runs a 'cadre star' selection?",
    "How does Shanghai use data to assess cadres?",
    "What is done for the families of cadres who work far from home?",
    "Which regions send cadres on temporary posts?",
    "What mental health support do cadres get?",
)


@pytest.mark.parametrize(
    ("english_phrase", "expected"),
    [
        ("annual salary", "年薪"),
        ("fault tolerance", "容错"),
        ("grassroots", "基层"),
        ("burden", "负担"),
        ("commendation", "表彰"),
        ("temporary post", "挂职"),
        ("cadre", "干部"),  # the glossary's word before the dictionary's
    ],
)
def test_the_lexicon_puts_the_usual_chinese_word_first(english_phrase: str, expected: str) -> None:
    assert chinese(english_phrase)[0] == expected


def test_the_lexicon_renders_chinese_words_and_drops_single_characters() -> None:
    assert english("调查") == "investigation"
    assert english("类") is None  # one character: too ambiguous alone
    assert english("不存在的词语") is None


def test_dictionary_forms_of_question_words() -> None:
    assert "burden" in variants("burdens")
    assert "promotion" in variants("promoting")
    assert "honor" in variants("honours")
    assert variants("four") == ("four",)  # not "for" (为了): -our only after three letters
    assert "organization" in variants("organisation")


def test_an_english_question_becomes_chinese_content_words() -> None:
    terms = translate_query("What did the report promise on cutting burdens at the grassroots?")
    assert {"减负", "基层"} <= set(terms.zh_terms)  # cutting burdens: the glossary's phrase
    assert "什么" not in terms.zh_terms  # question words are not content
    assert terms.search_text_zh.split() == list(terms.zh_terms)


def test_the_word_the_library_uses_is_chosen_among_the_dictionary_s() -> None:
    # CC-CEDICT offers several words for "innovation"; the texts decide which one.
    offered = chinese("innovation")
    assert len(offered) >= 2
    for preferred in offered[:2]:
        terms = translate_query("innovation", used=lambda w, p=preferred: 50 if w == p else 0)
        assert terms.zh_terms[0] == preferred


def test_a_word_our_glossary_lists_keeps_its_translation_when_the_texts_use_it() -> None:
    # "promoted" is 提拔 in our glossary; 推动 (promote a cause), which the texts use far
    # more, comes after it. A glossary word the texts never use yields to the texts'.
    common = {"推动": 400, "提拔": 3}
    terms = translate_query("promoted", used=lambda w: common.get(w, 0))
    assert terms.zh_terms[0] == "提拔"
    assert translate_query("promoted", used=lambda w: 0 if w == "提拔" else 5).zh_terms[0] != "提拔"


def test_a_phrasal_verb_is_translated_as_one_phrase() -> None:
    assert "制定" in translate_query("Who will draw up the plan?").zh_terms
    assert translate_query("up").zh_terms == ()  # a particle alone is no content


def test_every_word_of_a_phrase_is_tried_in_its_dictionary_forms() -> None:
    assert "制定" in translate_query("Who is drawing up the plan?").zh_terms  # → draw up
    # The dictionary has 监管 for "supervision" and 监督 for "supervise": both are offered.
    assert "监督" in translate_query("supervision", used=lambda w: 9 if w == "监督" else 0).zh_terms


def test_the_word_after_how_frames_the_question() -> None:
    assert "悠久" not in translate_query("How long may a suspect be detained?").zh_terms
    assert translate_query("How large is the allowance?").zh_terms[0] != "大型"


def test_a_hyphenated_word_the_lexicon_lacks_is_split() -> None:
    assert "薪酬" in translate_query("a negotiated-salary system").zh_terms or "待遇" in (
        translate_query("a negotiated-salary system").zh_terms
    )
    assert translate_query("a negotiated-salary system") != translate_query("a system")


def test_a_glossary_phrase_is_found_written_with_or_without_its_hyphen() -> None:
    # The glossary lists "meeting-free day"; a hyphenated word the dictionary lacks is
    # split (meeting free days), and still finds it.
    assert "无会日" in translate_query("Which towns have meeting-free days?").zh_terms
    assert "无会日" in translate_query("Which towns have a meeting free day?").zh_terms


def test_provisions_carry_the_english_words_of_their_chinese_words() -> None:
    assert {"detain", "retain"} <= set(gloss_words("留置"))
    assert {"dismiss", "fire"} <= set(gloss_words("辞退"))
    assert gloss_words("2024") == ()
    assert english_query("监察机关留置的期限是多久？") == []  # a Chinese question: no glosses
    assert english_query("How long may a suspect be detained?") == ["long", "suspect", "detain"]


def test_an_english_question_reaches_a_provision_through_its_glosses(tmp_path: Path) -> None:
    # No dictionary choice for "detained" or "dismissed" is in these texts (拘留, 解雇 …):
    # only the provisions' own words, glossed in English, meet the question's.
    source = tmp_path / "条例.md"
    source.write_text(
        "# 示范监督条例\n\n第一条 为了规范监督工作，制定本条例。\n\n"
        "第二条 留置时间不得超过三个月。\n\n第三条 连续两年考核不称职的，予以辞退。\n\n"
        "第四条 监督机关应当公开工作信息。\n",
        encoding="utf-8",
    )
    with Library(Settings(data_dir=tmp_path / "data")) as library:
        library.ingest([source])
        for question, expected in (
            ("How long can someone be detained?", "留置时间"),
            ("When is an official dismissed?", "予以辞退"),
        ):
            hits = library.index.search(question, 2)
            texts = [library.catalog().provision_text[h.provision_id] for h in hits]
            assert expected in texts[0], (question, texts)
            assert hits[0].gloss_rank == 0


def test_chinese_written_into_an_english_question_is_kept() -> None:
    assert "澄清正名" in translate_query("Who was cleared (澄清正名)?").zh_terms


def test_understood_english_questions_search_in_chinese() -> None:
    text = "Which places reduce burdens on grassroots cadres?"
    question = understand(text, load_gazetteer(), load_vocabulary(), load_segmenter().words(text))
    assert "基层" in question.search_query.words
    assert any("基层" in word for word in question.expansions)


def test_an_english_questions_type_labels_are_a_topic_apart() -> None:
    text = "Which regions use negotiated annual salaries?"
    question = understand(text, load_gazetteer(), load_vocabulary(), load_segmenter().words(text))
    query = question.search_query
    assert "物质激励" in query.topic.split() and "物质激励" not in query.text.split()
    assert "协议年薪" in query.text.split()  # a term the question names stays in its text
    assert query.text.startswith(text) and "物质激励" in query.words


def test_a_topic_pulls_the_query_vector_and_the_lexical_ranking_reads_it(seed_library) -> None:
    index = seed_library.index
    text, topic = "Which regions use negotiated annual salaries? 协议年薪", "物质激励 薪酬 待遇保障"
    vector = index.query_vector(Query(text, topic))
    own, labels = index.embedder.encode([text, topic])
    expected = own + TOPIC_WEIGHT * labels
    assert np.allclose(vector, expected / np.linalg.norm(expected), atol=1e-5)
    assert index.query_vector(Query(text)) == pytest.approx(own, abs=1e-5)
    assert index.lexical_search(Query(text, topic), 10) == index.lexical_search(
        f"{text} {topic}", 10
    )


def test_the_glossary_gives_a_term_every_english_rendering_and_labels_with_the_first() -> None:
    # 留置 is asked about as detention, detain or held in custody; its label is the first.
    for phrase in ("detention", "detain", "held in custody"):
        assert chinese(phrase)[0] == "留置"
    assert english("留置") == "detention"
    assert chinese("side job")[0] == "兼职"
    assert chinese("civil servant")[0] == "公务员"  # the glossary says civil servants


def test_a_plural_possessive_is_translated_as_its_word() -> None:
    assert "干部" in translate_query("How is cadres' wellbeing looked after?").zh_terms


@pytest.mark.parametrize(
    ("question", "not_meant"),
    [
        ("Where is officials' work put on display?", "公干"),
        ("How is the official's pay set?", "禄食"),
    ],
)
def test_a_possessive_ends_a_phrase(question: str, not_meant: str) -> None:
    # "officials' work" is the officials' work, not "official work" (公干, a business trip).
    terms = translate_query(question).zh_terms
    assert "干部" in terms and not_meant not in terms


def test_a_phrasal_verb_around_its_object_is_one_phrase() -> None:
    terms = translate_query("When can an agency let a civil servant go?").zh_terms
    assert "辞退" in terms and "公务员" in terms  # let … go, and its object
    assert translate_query("What measures did Zhejiang take in 2020?").zh_terms == ("措施",)


def test_a_label_left_with_a_lone_particle_or_dictionary_shorthand_stays_chinese() -> None:
    # "到 commendation", "advanced team 的 experience way of handling sth" read as neither.
    assert english_label("到表彰") == "到表彰"
    assert english_label("先进集体的经验做法") == "先进集体的经验做法"
    assert english_label("协议年薪") == "negotiated annual salary"


def test_labels_translate_word_by_word_and_keep_untranslatable_chinese() -> None:
    assert english_label("问责调查") == "accountability investigation"
    assert english_label("6类21种") == "6类21种"
    assert english_label("仙居县职级晋升预公告").startswith("Xianju County")


def test_a_clause_that_reads_as_neither_language_stays_chinese_with_its_type() -> None:
    clause = "滇方坚持用当地干部一样的标准使用"  # word by word: "滇方 persevere with 用 local …"
    assert english_label(clause) == clause
    mention = MeasureMention(
        "k", clause, english_label(clause), "care", Status.ADOPTED, (), "d", "p", 0, 1
    )
    assert measure_label(mention, zh=False) == f"{clause} (care and support)"
    assert measure_label(mention, zh=True) == clause


# --- the pinyin detector -------------------------------------------------------------


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    text = "".join(chr(code) for code in PINYIN_DICT)
    return frozenset(lazy_pinyin(text, style=Style.NORMAL, errors="ignore"))


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Words of CC-CEDICT's English glosses (proper names aside): real English."""
    words = set()
    for _, proper, senses in cedict_entries():
        if not proper:
            words.update(re.findall(r"[a-z]+", senses.lower()))
    return frozenset(words)


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    return frozenset(
        word.lower() for region in load_gazetteer().regions() for word in region.name_en.split()
    )


def _pinyin_only(token: str) -> bool:
    """Whether a token splits wholly into two or more pinyin syllables."""
    word, syllables = token.lower(), _syllables()
    reach = {0: 0}  # end position → fewest syllables to get there
    for end in range(1, len(word) + 1):
        counts = [reach[s] + 1 for s in reach if s < end and word[s:end] in syllables]
        if counts:
            reach[end] = min(counts)
    return reach.get(len(word), 0) >= 2


def pinyin_tokens(text: str) -> list[str]:
    """Latin tokens that read as pinyin of a Chinese word, not English nor a region's name."""
    return [
        token
        for token in re.findall(r"[A-Za-z]{4,}", text)
        if _pinyin_only(token)
        and token.lower() not in _english_words()
        and token.lower() not in _region_words()
    ]


def test_the_detector_finds_pinyin_and_spares_english_and_region_names() -> None:
    assert pinyin_tokens("Wenzediaocha and 6 Lei 21 Zhong rules") == ["Wenzediaocha"]
    assert pinyin_tokens("Xianju County: accountability investigation, China") == []


def _answer_texts(library: Library, question: str) -> list[str]:
    answer = ask(library, question)
    texts = [answer.answer, *(r.label_en for r in answer.regions)]
    for measure in answer.measures:
        texts += [measure.label_en, *(r.label_en for r in measure.regions)]
    return texts


def _assert_no_pinyin(library: Library, questions: list[str]) -> None:
    found = {
        question: tokens
        for question in questions
        if (tokens := [t for text in _answer_texts(library, question) for t in pinyin_tokens(text)])
    }
    assert not found, found


def test_english_answers_over_the_seed_have_no_pinyin(seed_library: Library) -> None:
    _assert_no_pinyin(seed_library, list(ENGLISH_QUESTIONS))


def test_seed_measure_labels_have_no_pinyin(seed_library: Library) -> None:
    labels = [m.label_en for m in seed_library.store.measures()]
    assert labels
    assert not [(label, pinyin_tokens(label)) for label in labels if pinyin_tokens(label)]


@needs_shared
def test_english_dev_answers_have_no_pinyin(seed_library: Library) -> None:
    lines = (EVAL / "dev_questions.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines if line.strip()]
    _assert_no_pinyin(seed_library, [r["question"] for r in rows if r["lang"] == "en"])


@needs_shared
@pytest.mark.slow
def test_corpus_real_measure_labels_have_no_pinyin(tmp_path: Path) -> None:
    """The labels of every measure in the real texts (parsed, not indexed: labels only)."""
    settings = Settings(data_dir=tmp_path)
    labels = [
        measure.label_en
        for path in iter_source_files([CORPUS_REAL])
        for measure in parse_document(read_document(path, settings)).measures
    ]
    assert labels
    assert not [(label, pinyin_tokens(label)) for label in labels if pinyin_tokens(label)]


def test_a_term_is_named_with_a_word_between_its_words() -> None:
    vocab = load_vocabulary()
    # "names (publicly) cleared": one adverb may sit inside the phrase …
    assert "澄清正名" in english_terms("Can they have their names publicly cleared?", vocab)
    # … but not a clause: the words must stay close and in order.
    assert "澄清正名" not in english_terms("names of those who cleared the road", vocab)


def test_the_runner_up_the_texts_use_is_searched_too() -> None:
    # An English word may stand for two words the texts use in different provisions:
    # both are searched; a second choice the texts never use is not.
    first, second = chinese("appeal")[:2]
    used = {first: 30, second: 10}
    terms = translate_query("appeal", used=lambda w: used.get(w, 0)).zh_terms
    assert terms[:2] == (first, second)
    assert second not in translate_query("appeal", used=lambda w: 30 if w == first else 0).zh_terms


def test_a_term_named_only_inside_a_longer_terms_name_is_not_named() -> None:
    vocab = load_vocabulary()
    # "negotiated salary" names 协议年薪, but inside "negotiated salary system" it is
    # part of 协议工资制's name.
    assert english_terms("Who pays under a negotiated salary system?", vocab) == ("协议工资制",)
    assert english_terms("Who pays a negotiated salary?", vocab) == ("协议年薪",)


def test_an_english_term_is_held_by_part_of_its_chinese() -> None:
    # "secondment" was mapped to 挂职锻炼; a text saying 挂职 holds it for an English
    # question, not for a Chinese one that wrote 挂职锻炼 itself.
    text = "公务员在挂职期间，不改变与原机关的人事关系。"
    assert holds("挂职锻炼", text, EN_TERM_SHARE)
    assert not holds("挂职锻炼", text)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Which towns rank their officials' performance every month?", "assessment"),
        ("Where is the points ranking of township officials published?", "assessment"),
        ("Which county announces rank promotions in advance?", "career"),
    ],
)
def test_rank_as_a_verb_or_a_ranking_is_assessment_and_as_a_grade_career(
    question: str, expected: str
) -> None:
    assert english_type(question, load_vocabulary()) == expected


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("How many officials does Tianjin send to Xinjiang in its twelfth batch?", "援疆"),
        ("Can the officials Shanghai posts to Tibet come home for a rest?", "援藏"),
    ],
)
def test_sending_officials_to_a_receiving_region_is_its_aid_term(question: str, term: str) -> None:
    assert term in translate_query(question).zh_terms


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("Must officials sign chain messages in work chat groups?", "接龙"),
        ("Must officials sign chain messages in work chat groups?", "工作群"),
        ("Which towns run evening classes for young officials?", "夜校"),
        ("Who pays into the housing provident fund?", "住房公积金"),
        ("What is done for officials working on the Yellow River floodplain?", "黄河"),
        ("What is done to stop officials leaving the townships?", "流失"),
        ("Does the city set aside public rental housing for officials?", "公租房"),
        ("How long may the legality review of a draft decision take?", "合法性审查"),
        ("How long may someone remain available for investigation?", "责令候查"),
    ],
)
def test_terms_of_cadre_work_the_dictionary_renders_badly_come_from_the_glossary(
    question: str, term: str
) -> None:
    assert term in translate_query(question).zh_terms


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("How do Shanghai and Jiangsu differ in honouring officials?", "honor"),
        ("Which officials were honoured last year?", "honor"),
        ("Which places pay allowances?", "material"),
    ],
)
def test_a_type_is_named_by_its_words_in_any_form(question: str, expected: str) -> None:
    assert english_type(question, load_vocabulary()) == expected


def test_an_english_question_s_connectives_are_not_translated() -> None:
    text = "Can he go because his wife is giving birth, without it being deducted from his leave?"
    terms = translate_query(text, intent_rules().stopwords_en).zh_terms
    assert "因为" not in terms and "未经" not in terms, terms
    assert "休假" in terms, terms


def test_a_phrase_opening_with_a_frame_word_is_read_when_the_glossary_lists_it() -> None:
    # "each" alone frames a question; "each month" is 每月, "per person" 每人.
    assert "每月" in translate_query("What do they get each month?").zh_terms
    assert "每人" in translate_query("How much is paid per person?").zh_terms
    assert translate_query("each of them").zh_terms == ()


def test_how_much_of_and_how_large_a_share_ask_a_share_not_money() -> None:
    assert asked_quantity("How much of the term bonus is held back?") is Quantity.SHARE
    assert asked_quantity("How much is the term bonus?") is Quantity.MONEY
    assert asked_quantity("How large a share of township staff may be rated top?") is (
        Quantity.SHARE
    )
