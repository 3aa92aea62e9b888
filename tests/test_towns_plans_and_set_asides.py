"""A town's own document (its title opens with the town), a sub-question asking what is
planned or how much (打算涨到多少？还准备再建多少套？), a question setting a measure aside
(除了乡镇工作补贴，…), documents asked for in words none of them writes (出了差错可以
不被追究责任), a full place name not cut by a short one before it (和安吉县), and English
words for a term of office, a multiplier and a mentor. Fixtures written for these tests."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.regions import link_regions
from policykg.ingest.towns import county_of, is_town_code
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.ask import ask
from policykg.retrieval.intent_rules import intent_rules
from policykg.retrieval.parts import may_answer_part
from policykg.retrieval.question import chinese_terms
from policykg.retrieval.translate import translate_query
from tests.test_answers import library_of

ANJI = "330523"

TOWN_NOTICE = (
    "天荒坪镇2025年度机关干部考核结果公示\n\n"
    "根据《安吉县乡镇机关干部年度考核办法》和安吉县委组织部的要求，经镇党委会议研究，我镇"
    "2025年度机关干部考核结果已经确定，现公示如下。\n\n"
    "一、全镇参加考核的机关干部共52名，确定优秀等次12名。\n\n"
    "二、年度考核奖励按等次确定系数，优秀1.3，称职1.0。我镇对联系偏远山村的驻村干部，"
    "在等次系数基础上上浮0.1。\n\n"
    "三、我镇为外地干部统一安排周转宿舍，镇机关食堂为加班干部提供晚餐。\n\n"
    "公示期为5个工作日，对公示结果有异议的，可向安吉县委组织部反映。\n"
)


def test_a_towns_own_notice_speaks_for_the_town(tmp_path: Path) -> None:
    with library_of(tmp_path, {"tianhuangping-gongshi.txt": TOWN_NOTICE}) as library:
        document = library.store.documents()[0]
        code = document.meta.region_code
        assert code is not None and is_town_code(code) and county_of(code) == ANJI, code
        measures = library.store.measures(document.doc_id)
        sentence = next(
            p for p in library.store.provisions(document.doc_id) if "周转宿舍" in p.text
        )
        held = [m for m in measures if m.provision_id == sentence.provision_id]
        assert held and all(m.region_codes == (code,) for m in held), held


def test_a_part_asking_what_is_planned_or_how_much_needs_a_plan_or_a_figure() -> None:
    more = "还准备再建多少套周转房"
    assert may_answer_part("我们计划2026年在山区乡镇再新建周转房40套。", more)
    assert not may_answer_part("近三年建成乡镇干部周转房120套。", more)  # done, not planned
    raise_to = "打算把高寒山区的补贴涨到多少"
    assert may_answer_part("拟从明年起将补贴由每人每月150元提高到250元。", raise_to)
    assert not may_answer_part("您提出的提高补贴标准等三条意见收悉。", raise_to)
    amount = "高寒山区补贴是多少"
    assert may_answer_part("每人每月发放150元高寒山区补贴。", amount)
    assert not may_answer_part("建成周转房120套，高寒山区补贴按月发放。", amount)  # no sum
    assert may_answer_part("高寒山区补贴按月发放。", "补贴怎么发放")  # asks no figure


def test_a_measure_set_aside_is_not_what_is_asked() -> None:
    vocab = load_vocabulary()
    asked = "除了乡镇工作补贴，哪些地方每月再给山区乡镇干部加发一笔钱？"
    assert "乡镇工作补贴" not in chinese_terms(asked, vocab)
    assert "乡镇工作补贴" in chinese_terms("哪些地方发放乡镇工作补贴？", vocab)


FAULT_TOLERANT = {
    "rule.txt": "甲市关于激励干部担当作为的办法\n\n第六条 干部在改革中出现失误，未谋取私利的，"
    "予以容错。\n\n第七条 乡镇工作补贴每人每月不低于500元。\n",
    "speech.txt": "在全市基层减负工作会议上的讲话\n\n要落实容错纠错机制，让干部放手干事。"
    "要精简会议文件，减少督查检查。\n",
    "notice.txt": "乙县关于发放乡镇工作补贴的通知\n\n乡镇工作补贴按月随工资发放。"
    "对在山区乡镇工作的，每人每月再增发100元。\n",
}


def test_documents_asked_in_words_none_writes_are_found_by_the_practices_own_words(
    tmp_path: Path,
) -> None:
    with library_of(tmp_path, FAULT_TOLERANT) as library:
        answer = ask(library, "哪些文件讲到干部干事出了差错、符合条件的可以不被追究责任？")
        titles = answer.answer
        assert "甲市关于激励干部担当作为的办法" in titles, titles
        assert "在全市基层减负工作会议上的讲话" in titles, titles
        assert "乙县关于发放乡镇工作补贴的通知" not in titles, titles


def test_a_full_name_is_not_cut_by_a_short_form_before_it() -> None:
    gazetteer = load_gazetteer()
    linked = link_regions("根据办法和安吉县委组织部的要求", gazetteer)
    assert [(m.code, m.surface) for m in linked] == [(ANJI, "安吉县")]


def test_english_words_for_terms_and_multipliers_reach_the_texts_words() -> None:
    stop = intent_rules().stopwords_en
    terms = translate_query("how much does each completed term add", stop).zh_terms
    assert "满一届" in terms and "增加" in terms, terms
    assert "系数" in translate_query("what bonus multiplier applies", stop).zh_terms
    assert "导师" in translate_query("pair young officials with a mentor", stop).zh_terms
