"""A payment the question names by what it pays for (购房补贴, 伙食补助) must be named
by the evidence: another payment (乡镇工作补贴) answers nothing asked. Fixtures written
for these tests."""

from __future__ import annotations

from pathlib import Path

from policykg.retrieval.ask import ask
from tests.test_answers import library_of, quotes

ALLOWANCES = {
    "xiangzhen.txt": "关于提高乡镇工作补贴标准的通知\n\n"
    "自2025年1月起，全县乡镇干部乡镇工作补贴提高到每人每月600元。"
    "对在深山区乡镇工作的干部，每人每月再增发150元。\n",
    "guazhi.txt": "关于做好来闽挂职干部服务保障工作的通知\n\n"
    "援宁挂职干部按每人每天120元的标准发放生活补助。"
    "宁夏来闽挂职干部按每人每天100元发放伙食补助，由接收单位负担。\n",
}


def test_a_payment_for_something_no_text_pays_for_is_not_found(tmp_path: Path) -> None:
    with library_of(tmp_path, ALLOWANCES) as library:
        answer = ask(library, "哪些地方给乡镇干部发放购房补贴？")
        assert answer.citations == () and answer.regions == (), answer.answer


def test_a_question_in_parts_names_one_payment_in_each(tmp_path: Path) -> None:
    with library_of(tmp_path, ALLOWANCES) as library:
        answer = ask(
            library,
            "援宁挂职干部的生活补助是每人每天多少元？来闽挂职干部的伙食补助又是每人每天多少元？",
        )
        cited = quotes(answer)
        assert "120元的标准发放生活补助" in cited and "100元发放伙食补助" in cited, answer.answer


HOUSING = {
    **ALLOWANCES,
    "goufang.txt": "关于鼓励乡镇干部在县城安居的通知\n\n"
    "乡镇干部首次在县城购买住房的，县财政给予每人2万元购房补贴。\n",
}


def test_an_english_payment_for_buying_a_home_is_a_specific_payment(tmp_path: Path) -> None:
    question = (
        "Which places give township officials a subsidy for buying a flat in the county town?"
    )
    with library_of(tmp_path, ALLOWANCES) as library:
        answer = ask(library, question)
        assert answer.citations == () and answer.regions == (), answer.answer
    (housing := tmp_path / "housing").mkdir()
    with library_of(housing, HOUSING) as library:
        answer = ask(library, question)
        assert "2万元购房补贴" in quotes(answer), answer.answer


STUDY = {
    **ALLOWANCES,
    "chuxiong.txt": "楚雄州三县乡镇干部激励保障比较研究\n\n"
    "三县都在省定乡镇工作补贴基础上另行增发。"
    "大姚县每人每月增发300元；武定县每人每月增发350元；双柏县每人每月增发280元。\n",
}


def test_a_payment_named_in_the_paragraph_the_figure_is_quoted_with_is_named(
    tmp_path: Path,
) -> None:
    # The figures' sentence does not repeat 乡镇工作补贴; the sentence before it, quoted
    # with it, does.
    with library_of(tmp_path, STUDY) as library:
        answer = ask(library, "大姚、武定、双柏三县在省定乡镇工作补贴之外，每人每月分别增发多少？")
        assert "武定县每人每月增发350元" in quotes(answer), answer.answer


def test_paying_besides_is_how_it_is_paid_not_what_for(tmp_path: Path) -> None:
    # 另发补贴 / 加发补助: "pay besides" (a one-character adverb before the verb 发), not a
    # payment for something; the documents that pay extra answer.
    with library_of(tmp_path, ALLOWANCES) as library:
        answer = ask(library, "哪些文件对在深山区乡镇工作的干部加发或另发补贴？")
        assert "每人每月再增发150元" in quotes(answer), answer.answer


HEATING = {
    **ALLOWANCES,
    "winter.txt": "示范旗关心关爱边境乡镇干部十条措施\n\n"
    "4. 对在边境乡镇工作的干部，每年供暖期发放1200元取暖补贴。\n",
}


def test_what_an_english_payment_pays_for_is_named_before_it(tmp_path: Path) -> None:
    # A rent subsidy, a heating allowance: the evidence must name rent or heating; the
    # township allowance (乡镇工作补贴) is no rent subsidy.
    with library_of(tmp_path, HEATING) as library:
        rent = ask(library, "Does the county give township officials a rent subsidy?")
        assert rent.answer.startswith("No"), rent.answer
        heating = ask(library, "Does the banner pay border township officials a heating allowance?")
        assert heating.answer.startswith("Yes") and "取暖补贴" in quotes(heating), heating.answer
