"""Markdown emphasis around an article's number (**第四条**), a table's row of figures as
evidence, a study's plan under its 下一步打算 heading, a measure a document names twice
listed once (once for each document), a reader's verb with its result (攒下, 用上), a
revised version's date, a yes/no asked of one version, figures a question states (干满10年)
and paying more (多发补贴). Fixtures written for these tests."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.headings import heading_level, markers_end
from policykg.ingest.history import read_history
from policykg.ingest.models import Status
from policykg.retrieval.ask import ask
from policykg.retrieval.reader import RESULTATIVE
from policykg.retrieval.wording import is_furniture
from tests.test_answers import library_of

POINTS_RULES = (
    "# 某镇机关干部积分制管理实施细则\n\n"
    "**第一条**　为激发机关干部干事创业热情，制定本细则。\n\n"
    "**第四条**　积分项目和分值按下表执行：\n\n"
    "| 类别 | 积分项目 | 分值 |\n"
    "|---|---|---|\n"
    "| 加分 | 参加防汛、森林防火等急难险重任务 | 每次加5分 |\n"
    "| 加分 | 受到县级表彰 | 每次加6分 |\n\n"
    "**第五条**　全年加分总额不超过60分。\n"
)


def test_an_article_number_in_bold_is_still_an_article(tmp_path: Path) -> None:
    line = "**第四条**　积分项目和分值按下表执行："
    assert heading_level(line) is not None
    assert line[markers_end(line) :].startswith("积分项目")
    with library_of(tmp_path, {"points.md": POINTS_RULES}) as library:
        document = library.store.documents()[0]
        provisions = library.store.provisions(document.doc_id)
        locators = {p.text.strip(): p.locator for p in provisions}
        assert locators["**第五条**　全年加分总额不超过60分。"] == "第五条", locators
        # The table's rows are the article's: their locator names it.
        row = next(p for p in provisions if "急难险重任务" in p.text)
        assert row.locator.startswith("第四条"), row.locator
        assert all("*" not in section for p in provisions for section in p.section)


def test_a_tables_row_of_figures_is_evidence(tmp_path: Path) -> None:
    assert not is_furniture("| 加分 | 参加防汛、森林防火等急难险重任务 | 每次加5分 |")
    assert is_furniture("| 类别 | 积分项目 | 分值 |")  # the header states nothing
    with library_of(tmp_path, {"points.md": POINTS_RULES}) as library:
        answer = ask(library, "参加防汛、森林防火任务每次加几分？")
        assert any("每次加5分" in c.quote for c in answer.citations), answer.answer


STUDY_VISIT = (
    "关于赴外省学习考察干部关爱工作的报告\n\n"
    "新蔡县学习考察组\n\n"
    "一、考察地的主要做法\n\n"
    "（一）将乐县乡镇工作补贴标准为每人每月600元。\n\n"
    "二、几点启示\n\n"
    "与将乐县相比，我县乡镇工作补贴标准仍为每人每月350元，乡镇干部反映报表偏多。\n\n"
    "三、我县下一步打算\n\n"
    "（一）建立乡镇干部实绩季度晾晒制度，2026年一季度起实施。\n\n"
    "（二）提请县委研究，将乡镇工作补贴提高到每人每月500元。\n\n"
    "（三）在练村镇、砖店镇试点推行报表“一表通”，成熟后在全县推广。\n"
)
XINCAI = "411729"
LIANCUN, ZHUANDIAN = "411729-c35e70", "411729-262ed9"


def test_a_studys_plan_is_what_the_place_plans(tmp_path: Path) -> None:
    with library_of(tmp_path, {"kaocha.txt": STUDY_VISIT}) as library:
        document = library.store.documents()[0]
        texts = {p.provision_id: p.text for p in library.store.provisions(document.doc_id)}
        planned = {
            m.label_zh: m
            for m in library.store.measures(document.doc_id)
            if "打算" not in texts[m.provision_id] and texts[m.provision_id].startswith("（")
        }
        season = next(m for label, m in planned.items() if "晾晒" in label)
        assert season.status is Status.RECOMMENDED and season.region_codes == (XINCAI,)
        # 报表 names the burden it cuts; the pilot towns (在练村镇、砖店镇试点…) hold the
        # pilot, the county what it spreads after (成熟后在全县推广).
        forms = next(m for label, m in planned.items() if "一表通" in label)
        assert forms.incentive_type == "burden_reduction"
        assert set(forms.region_codes) == {LIANCUN, ZHUANDIAN}, forms.region_codes
        assert forms.status is Status.RECOMMENDED

        answer = ask(library, "新蔡县考察回来打算怎么做？")
        quoted = " ".join(c.quote for c in answer.citations)
        assert "实绩季度晾晒制度" in quoted and "一表通" in quoted, answer.answer
        # 乡镇工作补贴 of the findings and of the plan: listed once.
        assert answer.answer.count("乡镇工作补贴") <= 1, answer.answer


TWO_NOTICES = {
    "notice-2019.txt": "甲市关于加强驻村干部保障的通知\n\n2019年3月1日\n\n"
    "驻村工作队员按照每人每月400元的标准发放驻村生活补助。\n",
    "notice-2023.txt": "甲市关于提高驻村干部保障标准的通知\n\n2023年6月1日\n\n"
    "驻村生活补助标准由每人每月400元提高到每人每月600元。\n",
}


def test_the_same_measure_in_two_documents_is_listed_for_each(tmp_path: Path) -> None:
    with library_of(tmp_path, TWO_NOTICES) as library:
        answer = ask(library, "甲市的驻村生活补助是怎么规定的？")
        quoted = " ".join(c.quote for c in answer.citations)
        assert "400元的标准" in quoted and "提高到每人每月600元" in quoted, answer.answer


def test_a_verb_with_its_result_or_direction_is_how_a_reader_speaks() -> None:
    for spoken in ("拿到", "考得", "攒下", "用上", "评上", "干完"):
        assert RESULTATIVE.fullmatch(spoken), spoken
    assert not RESULTATIVE.fullmatch("职级")


def test_a_documents_question_lists_every_document_naming_it(tmp_path: Path) -> None:
    places = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"]
    notices = {
        f"notice-{index}.txt": f"{place}县关心关爱干部的通知\n\n"
        f"{place}县每年组织乡镇干部分批参加疗休养，每次不超过5天。\n"
        for index, place in enumerate(places)
    }
    with library_of(tmp_path, notices) as library:
        answer = ask(library, "哪些文件提到为干部安排疗休养？")
        assert len({c.doc_id for c in answer.citations}) == len(places), answer.answer


LEAVE = {
    "leave.txt": "甲县关于落实干部休假制度的通知\n\n乡镇干部年休假由乡镇党委统筹安排，可以分段休。\n",
    "paid.txt": "乙县关心关爱干部十条措施\n\n保障乡镇干部每年享受带薪年假。\n",
    "checkup.txt": "丙县关于组织干部体检的通知\n\n乡镇干部每年安排一次健康体检，费用由县财政保障。\n",
}


def test_a_term_the_segmenter_cuts_in_two_names_the_documents(tmp_path: Path) -> None:
    with library_of(tmp_path, LEAVE) as library:
        answer = ask(library, "哪些文件提到保障干部每年的带薪假期？")  # 带薪 假期, read as 年休假
        listed = answer.answer.split("相关规定")[0]  # the documents, not the see-also quotes
        assert "《甲县关于落实干部休假制度的通知》" in listed, answer.answer
        assert "《乙县关心关爱干部十条措施》" in listed, answer.answer
        assert "丙县" not in listed, answer.answer


REVISED_HEADER = (
    "2023年3月20日中共甲县委办公室、甲县人民政府办公室印发（甲委办发〔2023〕12号）　"
    "2026年1月16日修订印发（甲委办发〔2026〕3号）　自2026年3月1日起施行"
)


def test_a_revised_versions_date_is_its_revisions() -> None:
    history = read_history(f"# 甲县乡镇干部休假管理办法\n\n{REVISED_HEADER}\n\n第一条 为了…\n")
    assert history is not None and history.version_date == "2026-01-16", history


LEAVE_RULES = {
    "rules-2023.md": "# 甲县乡镇干部休假管理办法\n\n"
    "2023年3月20日中共甲县委办公室印发（甲委办发〔2023〕12号）　自2023年4月1日起施行\n\n"
    "第一条 乡镇干部依法享受带薪年休假，乡镇党委应当统筹安排。\n\n"
    "第二条 乡镇工作补贴每人每月400元。\n",
    "rules-2026.md": "# 甲县乡镇干部休假管理办法\n\n" + REVISED_HEADER + "\n\n"
    "第一条 乡镇干部依法享受带薪年休假，乡镇党委应当统筹安排。\n\n"
    "第二条 乡镇工作补贴每人每月600元。\n\n"
    "第三条 对在乡镇连续工作满八年的干部，每三年安排一次疗休养。\n",
}


def test_a_yes_no_asked_of_a_version_is_that_versions(tmp_path: Path) -> None:
    with library_of(tmp_path, LEAVE_RULES) as library:
        before = ask(library, "2023年版《甲县乡镇干部休假管理办法》有没有给乡镇干部安排疗休养？")
        assert before.answer.startswith("没有"), before.answer
        after = ask(library, "2026年版《甲县乡镇干部休假管理办法》有没有给乡镇干部安排疗休养？")
        assert after.answer.startswith("是"), after.answer


ALLOWANCE_QA = (
    "关于调整乡镇工作补贴标准的政策解读\n\n"
    "一、问：新的补贴标准是多少？\n\n"
    "答：乡镇工作补贴最高标准为每人每月800元，按乡镇类别分档发放。\n\n"
    "二、问：在乡镇工作的年限对补贴有影响吗？\n\n"
    "答：有影响。在乡镇累计工作满10年的，每人每月增发100元；满20年的，每人每月增发200元。\n\n"
    "三、问：各市可以提高标准吗？\n\n"
    "答：可以。例如，东营市对沿海乡镇的干部每人每月再增发100元。\n"
)


def test_figures_the_question_states_find_the_provision_stating_them(tmp_path: Path) -> None:
    with library_of(tmp_path, {"qa.txt": ALLOWANCE_QA}) as library:
        answer = ask(library, "乡镇干部在乡镇干满10年、20年，乡镇工作补贴每月能多拿多少？")
        assert any("增发200元" in c.quote for c in answer.citations), answer.answer


def test_paying_more_is_how_much_not_what_for(tmp_path: Path) -> None:
    with library_of(tmp_path, {"qa.txt": ALLOWANCE_QA}) as library:
        answer = ask(library, "哪个市给沿海乡镇的干部在全省标准之外再多发补贴？多发多少？")
        assert any("再增发100元" in c.quote for c in answer.citations), answer.answer
