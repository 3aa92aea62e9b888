"""Asked for everything a revision added or took out (新增了哪些条目, which items did the
revision add), the answer is the two versions' diff: every unit one has and the other
lacks, quoted whole, and a part added whole quoted from its heading. Fixtures written
for these tests."""

from __future__ import annotations

from pathlib import Path

from policykg.retrieval.ask import ask
from policykg.retrieval.diff import Change, articles, diff_versions
from policykg.retrieval.revisions import asks_every_change
from tests.test_answers import library_of, quotes, verbatim

MIANYANG = "510700"

OLD = (
    "绵阳市关心关爱基层干部实施细则（试行）\n\n"
    "绵委办〔2021〕6号　2021年4月2日印发\n\n"
    "为关心关爱基层干部，激励担当作为，制定本细则。\n\n"
    "## 一、考核评价\n\n"
    "（一）平时考核。各级机关对干部实行平时考核，按季度进行，结果及时反馈本人。\n\n"
    "（二）述职评议。乡镇党委书记每年向县委述职，接受群众代表评议。\n\n"
    "## 二、待遇保障\n\n"
    "（一）乡镇工作补贴。乡镇工作人员按每人每月不低于500元的标准发放乡镇工作补贴。\n\n"
    "（二）周转房。各县统筹建设乡镇干部周转房，按需保障新录用干部住宿。\n\n"
    "## 三、容错纠错\n\n"
    "（一）认定程序。容错申请由本人或者所在单位党组织提出，县级以上党委组织部门"
    "自受理之日起30日内作出认定。\n"
)
NEW = (
    "绵阳市关心关爱基层干部实施细则\n\n"
    "绵委办〔2026〕2号　2026年3月5日印发\n\n"
    "为关心关爱基层干部，激励担当作为，制定本细则。\n\n"
    "## 一、考核评价\n\n"
    "（一）平时考核。各级机关对干部实行平时考核，按季度进行，结果及时反馈本人。\n\n"
    "## 二、待遇保障\n\n"
    "（一）乡镇工作补贴。乡镇工作人员按每人每月不低于650元的标准发放乡镇工作补贴。\n\n"
    "（二）协议年薪。乡镇对招商引资等专业性较强的岗位，可以实行聘任制，按照协议年薪确定薪酬。\n\n"
    "（三）周转房。各县统筹建设乡镇干部周转房，按需保障新录用干部住宿。\n\n"
    "## 三、容错纠错\n\n"
    "（一）认定程序。容错申请由本人或者所在单位党组织提出，县级以上党委组织部门"
    "自受理之日起15个工作日内作出认定。\n\n"
    "（二）回访关爱。组织部门在作出容错认定后一个月内对当事人回访谈心。\n\n"
    "## 四、减轻基层负担\n\n"
    "（一）面向乡镇的督查检查考核事项实行年度计划管理，未列入计划的不得开展。\n\n"
    "（二）乡镇工作群每个乡镇保留不超过十个，不得要求干部在群内晒照片。\n"
)
TEXTS = {"mianyang-xize-2021.md": OLD, "mianyang-xize-2026.md": NEW}

ADDED_ITEMS = ("（二）协议年薪。", "（二）回访关爱。")
NEW_PART = "四、减轻基层负担"


def test_items_are_compared_by_their_text_not_their_numbers(tmp_path: Path) -> None:
    with library_of(tmp_path, TEXTS) as library:
        store = library.store
        sides = []
        for name in TEXTS:
            doc = next(d for d in store.documents() if d.source_path.endswith(name))
            sides.append((doc.doc_id, articles(doc.text, store.provisions(doc.doc_id))))
    result = diff_versions(sides[0][0], sides[0][1], sides[1][0], sides[1][1])
    added = [c.new.locator for c in result.changes if c.change is Change.ADDED and c.new]
    removed = [c.old.locator for c in result.changes if c.change is Change.REMOVED and c.old]
    # 周转房, renumbered （二） → （三）, is the same item; 述职评议 was taken out.
    assert added == ["二、（二）", "三、（二）", "四、（一）", "四、（二）"]
    assert removed == ["一、（二）"]


def test_asked_for_every_added_item_each_is_quoted_and_a_new_part_from_its_heading(
    tmp_path: Path,
) -> None:
    with library_of(tmp_path, TEXTS) as library:
        answer = ask(
            library, "2026年修订的绵阳市实施细则比2021年试行版新增了哪些条目？分别讲什么？"
        )
        cited = quotes(answer)
        for item in ADDED_ITEMS:
            assert item in cited, answer.answer
        part = next(c.quote for c in answer.citations if c.quote.startswith(NEW_PART))
        assert "（一）面向乡镇" in part and "（二）乡镇工作群" in part, part
        assert "周转房" not in cited and "平时考核" not in cited, answer.answer
        assert answer.answer.startswith("2026年版较2021年版新增3处")
        assert MIANYANG in [r.code for r in answer.regions]
        assert verbatim(library, answer)


def test_asked_what_a_revision_took_out_the_earlier_versions_unit_is_quoted(
    tmp_path: Path,
) -> None:
    with library_of(tmp_path, TEXTS) as library:
        answer = ask(library, "绵阳市实施细则2026年修订时删去了2021年版的哪几条？")
        assert [c.quote.split("。")[0] for c in answer.citations] == ["（二）述职评议"]
        assert "删去" in answer.answer and "已被修改或废止" in answer.answer


def test_a_question_on_one_change_is_not_read_as_asking_for_all() -> None:
    assert asks_every_change("新增了哪些条目？") is not None
    assert asks_every_change("Which articles did the 2024 revision add?") is not None
    assert asks_every_change("2025年修订时删去了2019年版的哪一条？") is None
    assert asks_every_change("新增了哪一条来帮干部解决家里的难处？") is None
    assert asks_every_change("新增了哪些要求，防止妨碍企业正常经营？") is None  # on a topic
    assert asks_every_change("第七条2025年修订后有哪些变化？") is None  # changed, not added


def test_asked_in_english_which_items_a_revision_added(tmp_path: Path) -> None:
    with library_of(tmp_path, TEXTS) as library:
        answer = ask(
            library,
            "Which items did the 2026 revision of Mianyang's rules on caring for "
            "grassroots officials add?",
        )
        cited = quotes(answer)
        assert all(item in cited for item in ADDED_ITEMS), answer.answer
        assert NEW_PART in cited and "周转房" not in cited, answer.answer
        assert answer.answer.startswith("Compared with the 2021 version, the 2026 version adds")
