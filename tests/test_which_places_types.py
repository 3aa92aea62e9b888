"""Which places do something asked with a term and a type beside it ("… toward
assessment or promotion"): places doing it under the type answer too, not only those
whose measure names the term. Fixtures written for these tests."""

from __future__ import annotations

from pathlib import Path

from policykg.retrieval.ask import ask
from tests.test_answers import library_of, quotes

REPORTS = {
    "tianzhu.txt": "天祝县改进乡镇干部职级晋升\n\n"
    "天祝藏族自治县在乡镇干部职级晋升民主推荐环节引入村（社区）干部和群众代表评议，"
    "评议结果占推荐得分的20%。\n",
    "xiaohaizi.txt": "察哈尔右翼中旗小海子镇考核包村干部\n\n"
    "小海子镇推行“一季一评”，每季度由村“两委”成员和群众代表对包村干部打分，"
    "评分结果与年度考核挂钩。\n",
    "jingning.txt": "静宁县乡镇干部队伍建设\n\n"
    "静宁县全县职级晋升计划的35%用于乡镇，去年共有126名乡镇干部晋升职级。\n",
}


def test_places_doing_it_under_the_type_named_beside_the_term_answer(tmp_path: Path) -> None:
    with library_of(tmp_path, REPORTS) as library:
        answer = ask(
            library,
            "Which places have village cadres and resident representatives score or evaluate"
            " township officials, with the results counting toward assessment or promotion?",
        )
        names = {region.label_zh for region in answer.regions}
        assert "天祝藏族自治县" in names, answer.answer
        # 小海子镇's 一季一评 is listed as an answer, not only quoted beside it.
        assert names & {"小海子镇", "察哈尔右翼中旗"}, answer.answer
        assert "一季一评" in quotes(answer), answer.answer


SALARIES = {
    "lingang.txt": "临港新片区薪酬制度改革\n\n临港新片区对聘任制公务员实行协议年薪。\n",
    "yangpu.txt": "杨浦区绩效奖金改革\n\n杨浦区推动公务员绩效奖金向一线倾斜。\n",
    "yongjia.txt": "永嘉县乡镇干部补贴\n\n永嘉县提高乡镇工作补贴标准。\n",
}


def test_a_term_whose_type_is_its_own_lists_only_the_places_doing_it(tmp_path: Path) -> None:
    # 协议年薪 is material pay; other material measures (绩效奖金, 乡镇工作补贴) do not answer.
    with library_of(tmp_path, SALARIES) as library:
        answer = ask(library, "哪些地区实行协议年薪？")
        assert [region.label_zh for region in answer.regions] == [
            "中国(上海)自由贸易试验区临港新片区"
        ], answer.answer
