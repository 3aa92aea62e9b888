"""A congress committee's inspection report states what went wrong under 存在的主要问题:
faults, not practices of the places it names. And a practice asked in English that no
text of the library names, in any of its words, is done nowhere. Fixtures written for
these tests."""

from __future__ import annotations

from pathlib import Path

from policykg.retrieval.ask import ask
from tests.test_answers import library_of
from tests.test_measure_genres import parse

ZHUMADIAN, XIPING = "411700", "411721"

REPORT = (
    "驻马店市人大常委会执法检查组关于检查《驻马店市乡村振兴促进条例》实施情况的报告\n\n"
    "一、《条例》实施取得的成效\n\n"
    "全市建成乡镇干部周转房1860套，乡镇工作补贴按照每人每月不低于500元的标准发放。\n\n"
    "二、存在的主要问题\n\n"
    "（一）补贴发放不够及时。西平县存在乡镇工作补贴按季度发放的情况。\n\n"
    "（二）周转房分布不均。全市仍有31个乡镇没有干部周转房。\n\n"
    "三、意见和建议\n\n"
    "（一）建议将乡镇干部周转房建设纳入市级民生实事，2026年底前实现乡镇全覆盖。\n"
)


def test_faults_under_the_main_problems_are_no_measures() -> None:
    parsed = parse(REPORT, "驻马店市乡村振兴促进条例实施情况的报告", ZHUMADIAN)
    held = {(m.label_zh, m.region_codes) for m in parsed.measures}
    assert not any(XIPING in codes for _, codes in held), held
    assert not any("分布不均" in label or "没有干部周转房" in label for label, _ in held), held
    assert any(ZHUMADIAN in codes for _, codes in held), held  # what it did, and advises


WEEKENDS = (
    "玉山县关于乡镇干部周末回家问题网民留言的回复\n\n"
    "怀玉乡已实行“周末轮休”制度，每个周末安排不超过三分之一的乡镇干部值班，其余干部正常休息。\n\n"
    "县直部门原则上不得在周末召集乡镇干部开会。\n\n"
    "怀玉乡解决乡镇干部周末回家难，家在县城的乡镇干部周末轮流回到家里，由乡里统一安排。\n"
)


def test_a_practice_no_text_names_is_done_nowhere_however_close_the_rest(
    tmp_path: Path,
) -> None:
    with library_of(tmp_path, {"huifu.txt": WEEKENDS}) as library:
        answer = ask(
            library, "Which places run a shuttle bus to take township officials home at weekends?"
        )
        assert not answer.regions and not answer.citations, answer.answer
        rest = ask(library, "Which places let township officials take turns resting at weekends?")
        assert rest.citations, rest.answer  # the practice the texts name is still found


LEAVE = (
    "灵台县关于保障乡镇干部休假的通知\n\n"
    "各乡镇要制定干部年休假计划，确保每名乡镇干部每年休假不少于5天。\n\n"
    "因工作需要未休的，按规定给予补偿，并在次年优先安排补休。\n"
)


def test_a_kind_of_leave_no_text_names_is_granted_nowhere(tmp_path: Path) -> None:
    # Childcare leave (育儿假) is a kind of leave, and a practice of its own: the texts'
    # annual leave does not grant it.
    with library_of(tmp_path, {"xiujia.txt": LEAVE}) as library:
        answer = ask(library, "Which places give township officials extra childcare leave?")
        assert not answer.regions and not answer.citations, answer.answer
        annual = ask(library, "Which places plan township officials' annual leave?")
        assert annual.citations, annual.answer


HOUSING = (
    "宁强县关于帮助乡镇干部解决住房问题的若干措施\n\n"
    "乡镇干部在乡镇无自有住房的，每人每月发放租房补贴300元。\n\n"
    "各乡镇建设干部周转房，优先保障新录用干部居住。\n\n"
    "对在乡镇安家的干部，给予一次性安家补助1万元，帮助干部在乡镇安家落户。\n"
)


def test_a_home_purchase_subsidy_is_not_a_rent_subsidy(tmp_path: Path) -> None:
    with library_of(tmp_path, {"zhufang.txt": HOUSING}) as library:
        answer = ask(
            library,
            "Which places help officials buy a home or pay them a housing purchase subsidy?",
        )
        assert not answer.regions and not answer.citations, answer.answer
        housing = ask(library, "Which places build staff housing for township officials?")
        assert housing.citations, housing.answer
