"""An English yes or no about a practice in a named document (counselling in a county's
inspection plan) is "no" when no provision of it holds the practice, however many of the
document's own words (inspection, plan, township officials) its opening sentence shares.
Fixture written for this test."""

from __future__ import annotations

from pathlib import Path

from policykg.retrieval.ask import ask
from tests.test_answers import library_of

PLAN = (
    "城口县2026年度督查检查考核计划\n\n"
    "各乡镇党委、政府，县级各部门：\n\n"
    "经县委、县政府同意，现将《城口县2026年度督查检查考核计划》印发给你们，请结合实际认真贯彻执行。\n\n"
    "一、县级部门对乡镇的督查检查考核事项由县委督查室统一归口，全年不超过8项。\n\n"
    "二、各部门确需到乡镇现场检查的，由县委督查室统筹组成联合检查组，"
    "同一乡镇同一季度原则上只接受一次现场检查。\n\n"
    "三、县委督查室要支持乡镇干部把精力用在抓落实上，计划外的检查一律不得开展。\n"
)
CARE = (
    "云阳县关心关爱乡镇干部十条措施\n\n"
    "三、县委组织部为乡镇干部提供心理疏导服务，每年开展一次心理健康测评。\n\n"
    "四、乡镇干部每年安排一次健康体检，费用由县财政承担。\n"
)


def test_a_practice_a_named_plan_never_holds_is_answered_no(tmp_path: Path) -> None:
    with library_of(tmp_path, {"jihua.txt": PLAN, "guanai.txt": CARE}) as library:
        absent = ask(
            library,
            "Is there anything in Chengkou county's 2026 inspection plan about counselling "
            "or mental-health support for township officials?",
        )
        assert absent.answer.startswith("No"), absent.answer
        present = ask(library, "Does Yunyang county offer counselling to township officials?")
        assert present.answer.startswith("Yes"), present.answer
        assert any("心理疏导" in c.quote for c in present.citations), present.answer
