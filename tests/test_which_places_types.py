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
