"""Answer shapes on fixture documents of our own: evidence, yes/no, documents, figures,
the article's next sentence, the real holder, and "not found" that names nothing."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from policykg.ingest.models import RegionLevel
from policykg.ingest.records import Answer
from policykg.ingest.settings import Settings
from policykg.ingest.vocab import load_vocabulary
from policykg.library import Library
from policykg.retrieval.ask import ask
from policykg.retrieval.documents_asked import alternatives, listed_beside
from policykg.retrieval.intent_rules import (
    Quantity,
    asked_articles,
    asked_quantity,
    classify_intent,
    states_quantity,
)
from policykg.retrieval.levels_asked import requested_level
from policykg.retrieval.named_documents import referenced_documents
from policykg.retrieval.question import understand
from policykg.retrieval.reader import sole_region

NOTICE = """中共抚州市委组织部关于进一步激励干部担当作为的通知
抚组发〔2023〕7号
一、总体要求
全市各级党组织要把激励干部担当作为摆在突出位置。
二、主要措施
（一）建立“先锋榜”评选制度，每年评选一次，对获评干部给予通报表扬。
（二）落实乡镇工作补贴，乡镇干部每人每月发放补贴400元。
（三）南丰县推行“一事一奖”即时奖励机制，对攻坚克难中表现突出的干部当月兑现奖励。
"""

STATUTE = """# 示范省干部监督条例

第一条 为了规范干部监督工作，制定本条例。

第十二条 干部受到诫勉的，由所在单位党组织负责实施。
诫勉的期限为六个月，期满后由原决定单位作出评价。

第十三条 对受到失实举报的干部，应当在一个月内予以澄清正名。

第十四条 干部容错申请由本人提出。
经认定予以容错的，不影响其年度考核等次和评先评优。
"""

REPORT = """平川县二〇二二年工作报告
过去一年，全县建成“平川通”数字平台，干部考核数据全部在线归集。
今年要持续为基层减负，督查检查考核总量压减三成以上。
"""


NEWS = """作风建设专项行动取得新进展
专项行动开展以来，江西、湖南、湖北等地坚持边查边改，对突出问题展开集中整治。
湖南坚持边查边改，对6类突出问题展开集中整治。
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("answer-fixtures")
    fixtures = {"notice.txt": NOTICE, "statute.md": STATUTE, "report.txt": REPORT, "news.txt": NEWS}
    for name, text in fixtures.items():
        (folder / name).write_text(text, encoding="utf-8")
    opened = Library(Settings(data_dir=folder / "data"))
    report = opened.ingest([folder])
    assert not report.failed and len(report.ingested) == len(fixtures)
    yield opened
    opened.close()


def quotes(answer: Answer) -> str:
    return "\n".join(citation.quote for citation in answer.citations)


def verbatim(library: Library, answer: Answer) -> bool:
    for citation in answer.citations:
        document = library.store.document(citation.doc_id)
        if document is None or document.text[citation.start : citation.end] != citation.quote:
            return False
    return True


def test_a_figure_question_cites_the_sentence_that_states_the_figure(library: Library) -> None:
    answer = ask(library, "乡镇干部每月的工作补贴是多少？")
    assert "400元" in quotes(answer) and verbatim(library, answer)


def test_the_next_sentence_of_an_article_is_cited_when_it_holds_the_answer(
    library: Library,
) -> None:
    answer = ask(library, "干部受到诫勉的，诫勉期限多长？")
    assert "六个月" in quotes(answer)
    assert all(citation.locator for citation in answer.citations)


def test_a_short_article_is_quoted_whole_with_its_article_locator(library: Library) -> None:
    answer = ask(library, "干部容错申请由谁提出？")
    article = next(c for c in answer.citations if "容错申请" in c.quote)
    assert article.locator == "第十四条"
    assert "不影响其年度考核等次" in article.quote  # the paragraph beside the match
    assert verbatim(library, answer)


def test_a_which_region_question_about_a_city_names_places_below_it(library: Library) -> None:
    answer = ask(library, "抚州市哪个县推行即时奖励机制？")
    assert [region.label_zh for region in answer.regions] == ["南丰县"]


def test_a_sentence_about_the_region_outranks_a_list_of_regions(library: Library) -> None:
    answer = ask(library, "湖南对哪些突出问题展开集中整治？")
    assert "6类突出问题" in answer.citations[0].quote
    catalog = library.catalog()
    by_text = {text[:2]: pid for pid, text in catalog.provision_text.items()}
    hunan = {library.gazetteer.by_name("湖南省")[0].code}
    assert sole_region(catalog, by_text["湖南"], hunan)  # names 湖南 only
    assert not sole_region(catalog, by_text["专项"], hunan)  # one of a list
    assert not sole_region(catalog, by_text["湖南"], None)  # no region asked


def test_yes_first_with_evidence(library: Library) -> None:
    answer = ask(library, "抚州市有没有建立“先锋榜”评选制度？")
    assert answer.answer.startswith("是") and "先锋榜" in quotes(answer)


def test_no_when_the_singled_out_term_is_nowhere(library: Library) -> None:
    answer = ask(library, "抚州市有没有实行“协议年薪”？")
    assert answer.answer.startswith("没有")
    assert answer.citations == () and answer.measures == ()


def test_a_document_question_answers_with_documents(library: Library) -> None:
    answer = ask(library, "哪些文件提到了“澄清正名”？")
    assert answer.intent == "documents"
    assert "《示范省干部监督条例》" in answer.answer
    assert "通知" not in answer.answer


def test_the_real_holder_below_the_asked_city_is_named_with_its_path(library: Library) -> None:
    answer = ask(library, "抚州市有哪些即时奖励的做法？")
    assert "一事一奖" in quotes(answer)
    assert any(region.label_zh == "南丰县" for region in answer.regions)


def test_an_english_question_reaches_chinese_text(library: Library) -> None:
    answer = ask(library, "How much is the monthly township work allowance?")
    assert "400元" in quotes(answer)


def test_not_found_names_no_region_and_cites_nothing(library: Library) -> None:
    for question in ("住房公积金贷款贴息怎么申请？", "Which provinces pilot a four-day week?"):
        answer = ask(library, question)
        assert answer.citations == () and answer.regions == () and answer.measures == ()


def test_no_citation_is_cut_mid_sentence(library: Library) -> None:
    for question in ("平川县在基层减负方面有什么要求？", "抚州市有哪些激励干部的措施？"):
        for citation in ask(library, question).citations:
            document = library.store.document(citation.doc_id)
            assert document is not None
            after = document.text[citation.end : citation.end + 1]
            assert citation.quote[-1] in "。！？" or after in ("\n", "")


def test_the_fixture_regions_are_the_gazetteer_s(library: Library) -> None:
    # The holder test means 南丰县 under 抚州市: fail loudly if the gazetteer disagrees.
    (county,) = library.gazetteer.by_name("南丰县")
    assert county.parent_code is not None
    assert library.gazetteer.get(county.parent_code).name_zh == "抚州市"  # type: ignore[union-attr]


def test_each_sentence_is_about_the_regions_it_names(library: Library) -> None:
    catalog, store = library.catalog(), library.store
    checked = 0
    for doc_id in store.doc_ids():
        provisions = store.provisions(doc_id)
        for mention in store.region_mentions(doc_id):
            for holder in (p for p in provisions if p.start <= mention.start < p.end):
                assert mention.code in catalog.provision_regions[holder.provision_id], mention
                checked += 1  # (a title or heading is no provision)
    assert checked >= 3


def referenced_titles(library: Library, text: str) -> list[str]:
    """The titles of the documents a question names, as the reader resolves them."""
    catalog = library.catalog()
    words = library.index.segmenter.words(text)
    question = understand(text, library.gazetteer, load_vocabulary(), words)
    return [catalog.documents[doc_id].title for doc_id in referenced_documents(question, catalog)]


def test_a_document_named_by_the_tail_of_its_title_is_searched_in(library: Library) -> None:
    text = "干部监督条例规定诫勉由谁负责实施？"
    (title,) = referenced_titles(library, text)
    assert title.endswith("干部监督条例")
    assert "所在单位党组织负责实施" in quotes(ask(library, text))


def test_an_english_question_names_a_document_by_its_kind_and_words(library: Library) -> None:
    text = "What does the cadre supervision regulation say about an admonishment period?"
    (title,) = referenced_titles(library, text)
    assert title.endswith("干部监督条例")
    assert "六个月" in quotes(ask(library, text))


def test_an_english_reader_may_call_a_regulation_a_rule(library: Library) -> None:
    # English writes a 规章 or 条例 as "the … rule" as often as "the … regulation".
    text = "What does the cadre supervision rule say about an admonishment period?"
    (title,) = referenced_titles(library, text)
    assert title.endswith("干部监督条例")


def test_a_listed_region_s_measures_never_say_one_thing_twice(seed_library: Library) -> None:
    answer = ask(seed_library, "哪些地区实行协议年薪？")
    for listed in re.findall(r"（([^（）]*)）\[", answer.answer):
        labels = listed.split("、")
        assert len(labels) == len(set(labels)), answer.answer
    assert "协议年薪、协议年薪" not in answer.answer


def test_a_question_names_a_news_report_by_a_run_of_its_headline(library: Library) -> None:
    assert referenced_titles(library, "作风建设专项行动中湖南整治了几类问题？") == [
        "作风建设专项行动取得新进展"
    ]
    assert referenced_titles(library, "湖南整治了几类突出问题？") == []  # no run of six


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # An auxiliary opens a yes/no question; "how often" opens a clause inside it.
        ("Does the regulation limit how often cadres are inspected?", "yes_no"),
        ("How often are cadres inspected?", "fact"),
        ("Do you know which counties pay a township allowance?", "which_regions"),
    ],
)
def test_an_english_question_opening_with_an_auxiliary_is_yes_no(
    library: Library, question: str, intent: str
) -> None:
    assert ask(library, question).intent == intent


def test_an_english_yes_needs_strong_evidence_not_the_chinese_word_share(
    library: Library,
) -> None:
    for question, quoted in (
        ("Do township cadres in Fuzhou City, Jiangxi receive a monthly allowance?", "400元"),
        (
            "Does the Model Province cadre supervision regulation require clearing the names "
            "of falsely reported cadres within a month?",
            "一个月内予以澄清正名",
        ),
    ):
        yes = ask(library, question)
        assert yes.answer.startswith("Yes") and quoted in quotes(yes), yes.answer
    no = ask(library, "Does Fuzhou City, Jiangxi pay cadres a negotiated annual salary?")
    assert no.answer.startswith("No") and no.citations == ()


VERSIONED = {
    "rules-2018.md": (
        "# 示范市干部容错办法\n\n第一条 为了鼓励干部担当作为，制定本办法。\n\n"
        "第三条 对引进重大产业项目的干部，按照项目到位资金给予一次性奖励。\n\n"
        "第五条 受理机关应当自受理容错申请之日起三十日内作出认定。\n",
        "2018-04-01",
    ),
    "rules-2022.md": (
        "# 示范市干部容错办法（2022年修订）\n\n第一条 为了鼓励干部担当作为，制定本办法。\n\n"
        "第四条 本市建立容错事前报备制度。\n\n"
        "第六条 受理机关应当自受理容错申请之日起二十个工作日内作出认定。\n",
        "2022-06-01",
    ),
}


@contextmanager
def library_of(folder: Path, texts: dict[str, str]) -> Iterator[Library]:
    """A library of ``texts`` (file name → text), written into ``folder`` and ingested."""
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Library(Settings(data_dir=folder / "data")) as library:
        assert not library.ingest([folder / name for name in texts]).failed
        yield library


@contextmanager
def versioned_library(folder: Path) -> Iterator[Library]:
    """A library of the two versions of one local regulation (``VERSIONED``)."""
    for name, (_, date) in VERSIONED.items():
        meta = {"issuer": "示范市人民代表大会常务委员会", "date": date, "doc_kind": "地方性法规"}
        (folder / name.replace(".md", ".meta.json")).write_text(json.dumps(meta), "utf-8")
    with library_of(folder, {name: text for name, (text, _) in VERSIONED.items()}) as library:
        yield library


def test_a_change_question_quotes_the_same_article_in_each_version(tmp_path: Path) -> None:
    with versioned_library(tmp_path) as library:
        changed = ask(library, "示范市干部容错办法修订后，作出容错认定的期限有什么变化？")
        assert "二十个工作日内" in quotes(changed) and "三十日内" in quotes(changed)
        # A question that asks no change quotes the version in force only.
        plain = ask(library, "示范市作出容错认定的期限是多久？")
        assert "二十个工作日内" in quotes(plain) and "三十日内" not in quotes(plain)


def test_a_question_on_what_a_revision_took_out_quotes_the_article_gone(tmp_path: Path) -> None:
    with versioned_library(tmp_path) as library:
        removed = ask(library, "示范市干部容错办法2022年修订时删掉了哪一条干部奖励的规定？")
        assert removed.citations and "引进重大产业项目" in removed.citations[0].quote
        # Asked with no words of its own: the article taken out is the answer.
        bare = ask(library, "示范市干部容错办法2022年修订时删去了哪一条？")
        assert bare.citations and "引进重大产业项目" in bare.citations[0].quote
        added = ask(library, "示范市干部容错办法2022年修订时新增了哪一条规定？")
        assert added.citations and "事前报备" in added.citations[0].quote


def test_a_level_word_inside_a_place_name_asks_for_no_level(library: Library) -> None:
    assert requested_level("What does Bainang County give aid cadres?") is None
    assert requested_level("Which counties of Fuzhou City reward cadres?") is RegionLevel.COUNTY
    answer = ask(
        library,
        "Where in Fuzhou City, Jiangxi are cadres who crack hard problems given their prize "
        "in the same month?",
    )
    assert "南丰县" in [region.label_zh for region in answer.regions]


def test_documents_on_a_topic_include_those_in_other_words_but_a_mention_is_literal(
    tmp_path: Path,
) -> None:
    texts = {
        "a.md": "# 示范县干部保护办法\n\n第三条 对受到失实举报的干部，应当及时予以澄清正名。\n",
        "b.md": "# 示范镇基层治理规定\n\n第九条 对受到失实举报的干部，应当及时予以澄清。\n",
        "c.md": "# 示范市绩效工资办法\n\n第二条 绩效工资向一线岗位倾斜。\n",
    }
    with library_of(tmp_path, texts) as library:
        names = {d.doc_id: Path(d.source_path).name for d in library.store.documents()}
        topical = ask(library, "哪些文件对受到失实举报的干部澄清正名作了规定？")
        assert {names[c.doc_id] for c in topical.citations} == {"a.md", "b.md"}
        literal = ask(library, "哪些文件提到了“澄清正名”？")
        listed = [line for line in literal.answer.splitlines() if line.startswith("- ")]
        assert len(listed) == 1 and "示范县干部保护办法" in listed[0]


def test_the_words_naming_a_document_do_not_rank_its_provisions(tmp_path: Path) -> None:
    text = (
        "# 示范市国际科技创新中心建设条例\n\n"
        "第一条 为了推进国际科技创新中心建设，制定本条例。\n\n"
        "第二条 国际科技创新中心建设坚持创新驱动、开放合作。\n\n"
        "第三条 市人民政府应当编制国际科技创新中心建设规划，明确国际科技创新中心建设任务。\n\n"
        "第四条 区人民政府应当落实国际科技创新中心建设规划。\n\n"
        "第九条 科研机构、医院引进急需紧缺人才，编制已满的，可以使用周转编制。\n"
    )
    with library_of(tmp_path, {"law.md": text}) as library:
        answer = ask(
            library, "《示范市国际科技创新中心建设条例》对科研机构编制已满时引进人才有什么规定？"
        )
        cited = [c.locator for c in answer.citations]
        assert cited[0] == "第九条" and not {"第一条", "第二条", "第四条"} & set(cited), cited


def test_a_question_in_a_headline_s_own_words_still_finds_the_story(library: Library) -> None:
    # 作风建设专项行动 names the news story by its headline and is also what is asked.
    answer = ask(library, "湖南如何推进作风建设专项行动？")
    assert answer.citations and "湖南" in quotes(answer), answer.answer


def test_a_chapter_heading_answers_for_the_articles_under_it(tmp_path: Path) -> None:
    # 第十九条 never says 减负: its chapter does. A yes/no question on the topic is
    # answered by the article, and a topic the law never names is still a "no".
    text = (
        "# 示范省基层干部激励保障条例\n\n"
        "## 第一章  总则\n\n"
        "第一条 为了激励基层干部担当作为，制定本条例。\n\n"
        "第二条 年度考核结果作为基层干部调整职务职级、工资以及奖励的依据。\n\n"
        "## 第七章  基层减负\n\n"
        "第十九条 县级以上人民政府应当制定乡镇履行职责事项清单，"
        "清单之外的事项不得以签订责任状等方式转嫁给乡镇。\n"
    )
    with library_of(tmp_path, {"law.md": text}) as library:
        yes = ask(library, "示范省基层干部激励保障条例有没有专门规定为基层减负？")
        assert yes.answer.startswith("是") and "清单之外的事项" in quotes(yes)
        no = ask(library, "示范省基层干部激励保障条例有没有规定交通补贴？")
        assert no.answer.startswith("没有") and not no.citations


def test_a_documents_question_offering_alternatives_lists_those_holding_any(
    tmp_path: Path,
) -> None:
    texts = {
        "a.txt": "示范县关爱基层干部的通知\n推进乡镇干部周转宿舍建设，实现全覆盖。\n",
        "b.txt": "示范市对口协作报告\n为挂职干部统一租用了带厨房的周转公寓。\n",
        "c.txt": "示范区减负通知\n精简会议文件，严控督查检查考核总量。\n",
    }
    assert alternatives("哪些文件涉及周转房、周转宿舍或周转公寓？") == (
        "周转房",
        "周转宿舍",
        "周转公寓",
    )
    assert alternatives("哪些文件规定或提到了周转房？") == ()  # verbs, not terms
    # Quoted terms joined by 或, as written, however the segmenter cuts them.
    assert alternatives("哪些文件提到安排“夫妻房”或“夫妻周转房”？") == ("夫妻房", "夫妻周转房")
    assert alternatives("哪些文件提到“夫妻房”、“周转房”？") == ()  # a list: both
    with library_of(tmp_path, texts) as library:
        names = {d.doc_id: Path(d.source_path).name for d in library.store.documents()}
        answer = ask(library, "哪些文件涉及周转房、周转宿舍或周转公寓？")
        assert {names[c.doc_id] for c in answer.citations} == {"a.txt", "b.txt"}


FAULT_TOLERANCE = {
    "law.md": "# 示范市优化营商环境条例\n\n"
    "## 第四章  干部激励和容错免责\n\n"
    "第十二条 对依照规定予以免责的工作人员，不作负面评价。\n",
    "speech.txt": "在全市人才工作会议上的讲话\n"
    "全市为17名在重大项目推进中出现失误的干部容错免责。\n",
    "private.md": "# 示范省民营经济促进条例\n\n"
    "第二十条 国家工作人员在服务民营经济组织过程中出现失误的，应当予以容错免责。\n",
    "burden.md": "# 示范市基层减负促进条例\n\n"
    "第十四条 乡镇干部在执行急难险重任务中出现失误的，依照规定予以容错。\n",
    "exchange.txt": "示范县干部交流通知\n选调20名乡镇干部到县直部门跟岗学习半年。\n",
}


def test_a_term_singled_out_beside_alternatives_is_what_documents_must_hold(
    tmp_path: Path,
) -> None:
    # 干部或人才工作者 offers whom for, which a text may call 工作人员; the quoted term is
    # what is asked, held by a text or by the heading over it (第四章 …容错免责).
    with library_of(tmp_path, FAULT_TOLERANCE) as library:
        names = {d.doc_id: Path(d.source_path).name for d in library.store.documents()}
        answer = ask(library, "哪些文件提到对出现失误的干部或人才工作者“容错免责”？")
        cited = {names[c.doc_id] for c in answer.citations}
        assert {"law.md", "speech.txt", "private.md"} <= cited, answer.answer
        listed = answer.answer.split("相关规定")[0]  # the documents, before related provisions
        assert "基层减负" not in listed, answer.answer


def test_a_term_is_held_in_the_words_it_is_listed_with(tmp_path: Path) -> None:
    assert listed_beside("跟班学习", "选派干部到上级部门或外地跟班学习、跟岗学习？") == (
        "跟岗学习",
    )
    with library_of(tmp_path, FAULT_TOLERANCE) as library:
        names = {d.doc_id: Path(d.source_path).name for d in library.store.documents()}
        answer = ask(library, "哪些文件提到选派干部到上级部门或外地跟班学习、跟岗学习？")
        assert "exchange.txt" in {names[c.doc_id] for c in answer.citations}, answer.answer


def test_alternatives_no_text_names_are_not_found(tmp_path: Path) -> None:
    # 中考或者高考加分: neither is named anywhere; help with schooling is no answer.
    texts = {
        "aid.txt": "关于做好援疆干部人才关心关爱工作的通知\n"
        "援疆干部人才子女在派出地入学的，由当地教育部门统筹安排学位；"
        "在新疆就医的，由受援地开通就医绿色通道。\n",
    }
    with library_of(tmp_path, texts) as library:
        answer = ask(library, "哪些地方为援疆干部人才的子女提供中考或者高考加分？")
        assert not answer.citations and not answer.regions, answer.answer
        kept = ask(library, "哪些地方为援疆干部人才的子女入学或者就医提供便利？")
        assert kept.citations, kept.answer


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # An A-not-A verb asks yes or no, like 吗 and 是否.
        ("挂职经历能不能算作基层工作经历？", "yes_no"),
        ("这项补贴会不会影响绩效工资？", "yes_no"),
        # A wh-word beside a yes/no tail asks the wh-question.
        ("干部对容错认定结果不服的，可以怎么办？有没有时限？", "open"),
    ],
)
def test_chinese_yes_no_forms(question: str, intent: str) -> None:
    assert classify_intent(question, 1).value == intent


def test_a_chinese_yes_turns_on_the_rare_word_not_the_common_ones(tmp_path: Path) -> None:
    report = (
        "示范市委组织部2024年度工作总结\n"
        "2024年，市委组织部统筹抓好考核评价、选拔任用、待遇保障和关心关爱等工作。\n"
        "市委组织部在春节、中秋等节日走访慰问基层干部，全年慰问困难干部230余人。\n"
        "挂职期满考核优秀的，在选拔任用时优先考虑，挂职经历视同基层工作经历。\n"
    )
    with library_of(tmp_path, {"report.txt": report}) as library:
        # Every word but 疗休养 is in the report: still a "no".
        no = ask(library, "示范市委组织部2024年度的工作总结里有没有提到组织干部疗休养？")
        assert no.answer.startswith("没有") and not no.citations
        yes = ask(library, "示范市挂职经历能不能算作基层工作经历？")
        assert yes.answer.startswith("是") and "视同基层工作经历" in quotes(yes)


def test_english_yes_and_no_on_a_regulation_asked_in_other_words(tmp_path: Path) -> None:
    text = (
        "# 黑龙江省基层减负条例\n\n"
        "第七条 面向乡镇的督查检查考核事项，由省、市、县党委办公厅每年统一制定计划。\n\n"
        "不得要求基层干部在政务应用程序上每日打卡、晒图留痕。\n\n"
        "第九条 省直机关应当每年选派一批年轻干部到乡镇挂职，挂职时间不少于一年。\n"
    )
    with library_of(tmp_path, {"law.md": text}) as library:
        yes = ask(
            library,
            "Does Heilongjiang's regulation bar higher-ups from making grassroots staff check "
            "in every day on government apps?",
        )
        assert yes.answer.startswith("Yes") and "每日打卡" in quotes(yes)
        no = ask(
            library,
            "Does Heilongjiang's regulation say anything about disciplinary leniency for "
            "officials who make mistakes?",
        )
        assert no.answer.startswith("No") and not no.citations


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Which of these texts mention staff dormitories for officials?", "documents"),
        (
            "In Gansu, which of the counties hosting cadres from Tianjin gave them flats?",
            "which_regions",
        ),
    ],
)
def test_which_of_the_asks_like_which(question: str, intent: str) -> None:
    # "which of the counties" asks which counties, even with two places named.
    assert classify_intent(question, 2).value == intent


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # An auxiliary after a leading phrase and its comma still asks yes or no …
        ("Under the 2023 regulation, can a unit register a reform in advance?", "yes_no"),
        ("In the 2015 pay round, did everybody's basic salary go up?", "yes_no"),
        # … while a wh-word there asks the wh-question.
        ("Under the 2023 regulation, how many days does a unit have?", "fact"),
        ("In Zhejiang, which county announces promotions in advance?", "which_regions"),
        ("Does Wuhan pay a township allowance?", "yes_no"),
        # Which years' reports: the documents of those years.
        ("哪几年的政府工作报告提到了庸政懒政？", "documents"),
    ],
)
def test_the_question_form_after_a_leading_phrase(question: str, intent: str) -> None:
    assert classify_intent(question, 1).value == intent


@pytest.mark.parametrize(
    ("question", "quantity"),
    [
        ("基本工资标准多久调整一次？", Quantity.FREQUENCY),
        ("How often are basic salary scales adjusted?", Quantity.FREQUENCY),
        ("对处理不服的，申请复核的期限是多少天？", Quantity.DURATION),
        ("How much time should the reviewing body be given?", Quantity.DURATION),
        ("乡镇工作补贴标准是多少？", Quantity.MONEY),
        ("How much is the island allowance?", Quantity.MONEY),
        ("By how much did spending fall?", None),  # a change: a sum or a share
        ("每年评选多少名优秀干部？", Quantity.PEOPLE),
        ("What age limit applies to young cadres sent to villages?", Quantity.AGE),
        ("What share of the cost does the province bear?", Quantity.SHARE),
        ("Which regions pay a township allowance?", None),
    ],
)
def test_a_number_question_says_what_kind_of_figure_it_asks_for(
    question: str, quantity: Quantity | None
) -> None:
    assert asked_quantity(question) is quantity


def test_a_figure_of_the_asked_kind_is_the_one_cited(tmp_path: Path) -> None:
    # Both sentences state a figure and share the question's words; only one says how
    # often, and how often is what is asked.
    text = (
        "示范市机关事业单位工资调整情况通报\n"
        "示范市机关事业单位调整基本工资标准的工作已经全面完成，人均基本工资调整约300元。\n"
        "今后基本工资标准每两年调整一次。\n"
    )
    assert states_quantity("今后基本工资标准每两年调整一次。", Quantity.FREQUENCY)
    assert not states_quantity("人均基本工资调整约300元。", Quantity.FREQUENCY)
    assert not states_quantity("2019年起施行", Quantity.DURATION)  # a year, not a span
    with library_of(tmp_path, {"pay.txt": text}) as library:
        answer = ask(library, "示范市机关事业单位基本工资标准调整的频次是怎样的？")
        assert "每两年调整一次" in quotes(answer)


@pytest.mark.parametrize(
    ("question", "regions", "intent"),
    [
        # "and" between two things a place does is no comparison of two places …
        (
            "What help has Jinan given the officials and specialists it sends to Tibet?",
            2,
            "open",
        ),
        # … "and" between two names is.
        ("Shanghai and Zhejiang: material incentives?", 2, "compare"),
        ("Which years' government work reports mention the inspection?", 1, "documents"),
        ("What was the average monthly increase in Beijing?", 1, "fact"),
    ],
)
def test_english_question_forms(question: str, regions: int, intent: str) -> None:
    assert classify_intent(question, regions).value == intent


def test_words_of_a_documents_title_do_not_make_a_yes(tmp_path: Path) -> None:
    # The question names the speech by its title's words (市委书记, 组织工作会议, 讲话);
    # those say which document, not what it says: the yes turns on 疗养, never said.
    speech = (
        "柳州市委书记在全市组织工作会议上的讲话\n"
        "各级党委书记要当好组织工作第一责任人，每年至少专题研究一次组织工作和干部队伍建设。\n"
        "要落实谈心谈话制度，关心关爱基层干部。\n"
    )
    with library_of(tmp_path, {"speech.txt": speech}) as library:
        no = ask(library, "柳州市委书记在组织工作会议上的讲话里，有没有提到组织干部去疗养？")
        assert no.answer.startswith("没有") and not no.citations
        yes = ask(library, "柳州市委书记在组织工作会议上的讲话里，有没有提到谈心谈话制度？")
        assert yes.answer.startswith("是") and "谈心谈话制度" in quotes(yes)


def test_a_term_of_the_named_documents_title_is_held_by_each_of_its_articles(
    tmp_path: Path,
) -> None:
    # 容错纠错 is the title's, as the question names it; 第五条 says 容错认定 and 回访谈心.
    rules = (
        "# 示范市容错纠错实施办法\n\n第一条 为了激励干部担当作为，制定本办法。\n\n"
        "第五条 组织部门应当在容错认定后六个月内，对相关干部开展回访谈心。\n"
    )
    with library_of(tmp_path, {"rules.md": rules}) as library:
        yes = ask(library, "《示范市容错纠错实施办法》有没有规定对干部开展回访谈心？")
        assert yes.answer.startswith("是") and "回访谈心" in quotes(yes)
        # Asked with a figure beside it, the yes turns on the yes/no part's words alone.
        both = ask(
            library, "《示范市容错纠错实施办法》有没有规定对干部开展回访谈心？在多长时间之内完成？"
        )
        assert both.answer.startswith("是") and "六个月内" in quotes(both)


def test_each_part_of_a_question_in_two_parts_is_answered(tmp_path: Path) -> None:
    notice = (
        "关于做好协作挂职干部管理服务工作的通知\n"
        "一、援派挂职干部挂职期间，由派出单位按每人每天120元的标准发放生活补助。\n"
        "二、援派挂职干部到艰苦乡镇挂职的，每人每月再发放600元艰苦地区补助。\n"
        "三、援派挂职干部每年可回原单位休假一次，往返交通费由派出单位报销。\n"
        "四、援派挂职干部挂职期满，考核优秀的优先提拔使用。\n"
        "五、援派挂职干部挂职期间的年度考核由接收单位提出意见。\n"
        "六、对方来我市挂职的干部由接收单位安排住宿，并按每人每天100元发放伙食补助。\n"
    )
    with library_of(tmp_path, {"notice.txt": notice}) as library:
        # The first part's provision reads far better than the second's (伙食补助).
        answer = ask(
            library,
            "援派挂职干部挂职期间，由派出单位按什么标准发放生活补助，每人每天多少元？"
            "伙食补助又是多少？",
        )
        assert "每人每天120元" in quotes(answer) and "每人每天100元" in quotes(answer)


@pytest.mark.parametrize(
    ("question", "articles"),
    [
        ("《监察法》第四十八条规定留置时间最长多久？", ("第四十八条",)),
        ("第7条第2款说了什么？", ("第七条第二款",)),
        ("What does Article 7, paragraph 2 of the Baotou measures require?", ("第七条第二款",)),
        ("What does paragraph 2 of Article 7 require?", ("第七条第二款",)),
        ("Under Art. 103 of the Civil Servant Law, how are they paid?", ("第一百零三条",)),
        ("Which regions pay a township allowance?", ()),
        ("条例第3章讲了什么？", ("第三章",)),
        ("What does Chapter Five of the 2025 regulations deal with?", ("第五章",)),
    ],
)
def test_a_question_names_articles_as_their_locators(
    question: str, articles: tuple[str, ...]
) -> None:
    assert asked_articles(question) == articles


def test_the_article_a_question_names_is_the_one_cited(tmp_path: Path) -> None:
    # Both articles speak of 复核; the question names the second paragraph of 第三条.
    law = (
        "# 示范市干部容错纠错办法\n\n"
        "第一条 为了激励干部担当作为，制定本办法。\n\n"
        "第二条 干部对容错认定结果有异议的，可以申请复核。\n\n"
        "第三条 容错认定由纪检监察机关负责。\n\n"
        "涉及重大项目的申请，应当书面听取本级发展改革部门的意见。\n"
    )
    with library_of(tmp_path, {"law.md": law}) as library:
        answer = ask(library, "What does Article 3, paragraph 2 of the measures require?")
        assert "书面听取本级发展改革部门的意见" in quotes(answer)
        assert answer.citations[0].section.startswith("第三条")


def test_a_chapter_asked_is_answered_by_the_articles_under_its_heading(tmp_path: Path) -> None:
    # 第三章's articles share no word with the question: only their heading says which.
    law = (
        "# 示范州基层干部关爱条例\n\n"
        "## 第一章  总则\n\n"
        "第一条 为了关心关爱基层干部，制定本条例。\n\n"
        "## 第二章  待遇保障\n\n"
        "第二条 乡镇干部每人每月享受乡镇工作补贴400元。\n\n"
        "## 第三章  培养使用\n\n"
        "第三条 每年选派不少于100名基层干部到州直部门跟岗学习。\n\n"
        "第四条 每名基层干部每年参加脱产培训不少于7天。\n"
    )
    with library_of(tmp_path, {"law.md": law}) as library:
        answer = ask(library, "What does Chapter Three of the Shifan regulations deal with?")
        cited = {c.section.split("　")[0].split(" ")[0] for c in answer.citations[:2]}
        assert "跟岗学习" in quotes(answer) and "脱产培训" in quotes(answer), answer.answer
        assert not {"第二条"} & {c.locator for c in answer.citations[:2]}, cited


def test_an_english_documents_question_lists_those_holding_any_term_its_phrase_names(
    tmp_path: Path,
) -> None:
    # "township allowance" names 乡镇补贴, 乡镇工作补贴 and 差异化乡镇补贴: a document
    # holding any of them holds what was asked.
    texts = {
        "a.txt": "示范县关心关爱基层干部的通知\n全县乡镇干部足额享受乡镇工作补贴。\n",
        "b.txt": "示范市乡镇干部队伍建设调研报告\n部分偏远乡镇补贴标准多年未作调整，干部反映强烈。\n",
        "c.txt": "示范区减负通知\n精简会议文件，严控督查检查考核总量。\n",
        # … even where little else of the question is said.
        "d.txt": (
            "示范县2024年政府工作报告\n全年地区生产总值增长6%，固定资产投资增长8%，"
            "社会消费品零售总额增长5%，乡镇补贴按时发放，城乡居民收入稳步增长。\n"
        ),
    }
    with library_of(tmp_path, texts) as library:
        names = {d.doc_id: Path(d.source_path).name for d in library.store.documents()}
        answer = ask(
            library, "Which documents mention a township allowance for officials in remote areas?"
        )
        listed = [line for line in answer.answer.splitlines() if line.startswith("- 《")]
        titles = {names[d.doc_id]: d.meta.title for d in library.store.documents()}
        assert all(any(titles[n] in line for line in listed) for n in ("a.txt", "b.txt", "d.txt"))


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("对牧区接羔期间的检查有什么限制？在第几条？", "provision"),
        ("Which article sets the deadline for a decision?", "provision"),
        ("Which articles in the collection mention secondments?", "documents"),
        # a yes/no beside "which article" asks for the article
        ("上级能不能因此扣分？这是第几条第几款？", "provision"),
    ],
)
def test_a_question_asking_which_article_asks_for_the_provision(question: str, intent: str) -> None:
    assert classify_intent(question, 1).value == intent


def test_which_article_is_answered_with_the_article_not_a_list_of_measures(
    tmp_path: Path,
) -> None:
    law = (
        "# 内蒙古自治区减轻基层负担条例\n\n"
        "第一条 为了减轻基层负担，制定本条例。\n\n"
        "第二条 自治区在每个盟市设立不少于两个基层减负观察点。\n\n"
        "第三条 每年二月至五月接羔保育期间，不得安排与牧业生产无关的集中性检查。\n"
    )
    with library_of(tmp_path, {"law.md": law}) as library:
        answer = ask(library, "内蒙古那部减负条例对接羔期间的检查有什么限制？在第几条？")
        assert answer.intent == "provision"
        assert "接羔保育期间" in quotes(answer) and "第三条" in answer.answer


def test_a_documents_question_lists_a_superseded_version_that_says_it_too(tmp_path: Path) -> None:
    # Both versions of the 办法 say 澄清正名; the older is no longer in force but it is a
    # document that says so, and the answer lists it (marked) beside the newer one.
    with versioned_library(tmp_path) as library:
        answer = ask(library, "哪些文件规定了作出容错认定的期限？")
        listed = [line for line in answer.answer.splitlines() if line.startswith("- 《")]
        assert len(listed) == 2, answer.answer


def test_a_yes_no_asked_in_other_words_finds_its_evidence_by_meaning(tmp_path: Path) -> None:
    texts = {
        "care.md": "# 示范县关心关爱乡镇干部十条措施\n\n"
        "一、示范县为长期在高海拔乡镇工作的干部每年安排一次心脑血管专项体检，费用由县财政承担。\n\n"
        "二、示范县对乡镇干部实行周末轮休。\n",
        "training.md": "# 示范市干部教育培训办法\n\n第三条 示范市每年组织一次干部政治理论轮训。\n",
    }
    with library_of(tmp_path, texts) as library:
        paraphrased = ask(
            library,
            "Does Shifan County check the hearts and blood vessels of officials in "
            "high-altitude townships every year?",
        )
        assert paraphrased.answer.startswith("Yes"), paraphrased.answer
        assert "心脑血管专项体检" in quotes(paraphrased)
        absent = ask(library, "示范县会不会给乡镇干部发放取暖补贴？")
        assert absent.answer.startswith("没有") and absent.citations == ()


def test_a_measure_the_library_never_names_is_not_answered_with_others(tmp_path: Path) -> None:
    texts = {
        "pay.md": "# 示范县乡镇干部待遇办法\n\n第三条 示范县对乡镇干部发放乡镇工作补贴，每人每月四百元。\n",
        "aid.md": "# 示范市援疆干部关爱通知\n\n"
        "三、派出单位为每名援疆干部购买保额不低于100万元的人身意外伤害保险。\n",
    }
    with library_of(tmp_path, texts) as library:
        absent = ask(library, "哪些地区对乡镇干部实行协议年薪？")
        assert absent.regions == () and absent.citations == (), absent.answer
        no = ask(library, "示范县对乡镇干部实行协议年薪吗？")
        assert no.answer.startswith("没有") and no.citations == ()
        present = ask(library, "哪些地区对乡镇干部发放乡镇工作补贴？")
        assert "示范县" in present.answer or present.citations, present.answer
        # A figure asked beside a yes or no: yes first, with the provision stating it.
        both = ask(library, "示范市是否为援疆干部购买人身意外伤害保险？保额是多少？")
        assert both.answer.startswith("是。"), both.answer
        assert "100万元" in quotes(both)


def test_a_yes_no_on_one_version_is_answered_by_that_version(tmp_path: Path) -> None:
    with versioned_library(tmp_path) as library:
        # The year picks the version among the documents the 《title》 names.
        named = referenced_titles(library, "2018年版《示范市干部容错办法》规定了什么？")
        assert named == ["示范市干部容错办法"]
        # 2018 says 三十日内; the revision brought in 二十个工作日内: not the 2018 text's.
        old = ask(library, "2018年版《示范市干部容错办法》是否规定二十个工作日内作出容错认定？")
        assert old.answer.startswith("没有") and not old.citations
        new = ask(library, "2022年修订的《示范市干部容错办法》是否规定二十个工作日内作出容错认定？")
        assert new.answer.startswith("是") and "二十个工作日内" in quotes(new)
