"""Measures that name no type themselves: pay stated as money per person and period,
training programmes named by their head (…课堂, …讲堂, …讲习所), and what a place issues
its cadres (配发). Fixtures written for these tests, in the genres the held-out sets
showed them in: a Q&A, a news round-up."""

from __future__ import annotations

from policykg.ingest.models import ParsedDocument
from tests.test_measure_genres import parse

QA = (
    "关于调整乡镇工作补贴政策的问答\n\n"
    "一、问：这次调整后的标准是多少？\n\n"
    "答：乡镇工作补贴标准调整为每人每月不低于500元。\n\n"
    "二、问：边远乡镇有没有额外倾斜？\n\n"
    "答：有。在高寒山区乡镇工作的，在上述标准基础上每人每月再增发200元。\n"
)

ROUND_UP = (
    "丽水市关心关爱乡镇干部工作综述\n\n"
    "龙泉市开设“乡村课堂”，每月请老党员给新干部讲群众工作方法。"
    "庆元县为下村干部配发“山路包”，里面有雨衣、手电和常用药品。\n"
)


def _holding(parsed: ParsedDocument, fragment: str) -> list[tuple[str, tuple[str, ...]]]:
    """(type, regions) of the measures whose provision holds ``fragment``."""
    texts = {p.provision_id: p.text for p in parsed.provisions}
    return [
        (m.incentive_type, m.region_codes)
        for m in parsed.measures
        if fragment in texts[m.provision_id]
    ]


def test_money_per_person_and_period_is_pay_though_only_its_question_names_it() -> None:
    parsed = parse(QA, "关于调整乡镇工作补贴政策的问答", "420000")
    assert ("material", ("420000",)) in _holding(parsed, "每人每月再增发200元")


def test_a_quoted_programme_named_by_its_head_is_training() -> None:
    parsed = parse(ROUND_UP, "丽水市关心关爱乡镇干部工作综述", "331100")
    programme = [m for m in parsed.measures if m.label_zh == "乡村课堂"]
    assert programme, [m.label_zh for m in parsed.measures]
    assert programme[0].incentive_type == "career"
    assert programme[0].region_codes == ("331181",)  # 龙泉市, not the city of the round-up


def test_what_a_place_issues_its_cadres_is_its_measure() -> None:
    parsed = parse(ROUND_UP, "丽水市关心关爱乡镇干部工作综述", "331100")
    issued = [m for m in parsed.measures if "山路包" in m.label_zh]
    assert issued, [m.label_zh for m in parsed.measures]
    assert issued[0].region_codes == ("331126",)  # 庆元县


EXCHANGE = (
    "上海市对口支援干部交流工作通知\n\n"
    "日喀则市每年选派30名干部到上海跟班学习，在沪期间的食宿由我市接收单位负责安排。\n"
)

HIGH_ALTITUDE = (
    "高原乡镇干部关心关爱办法\n\n"
    "第九条 经医疗机构诊断不宜继续在高海拔地区工作的乡镇干部，应当及时调整到低海拔地区工作。\n"
)


def test_board_and_lodging_is_the_host_places_measure() -> None:
    parsed = parse(EXCHANGE, "上海市对口支援干部交流工作通知", "310000")
    assert ("material", ("310000",)) in _holding(parsed, "食宿由我市接收单位负责安排")


def test_a_move_to_low_altitude_is_care() -> None:
    parsed = parse(HIGH_ALTITUDE, "高原乡镇干部关心关爱办法", "540000")
    assert ("care", ("540000",)) in _holding(parsed, "调整到低海拔地区")


PILOTS = (
    "江苏省乡镇工作补贴分档发放政策问答\n\n"
    "问：此前有没有地方开展过试点？\n\n"
    "答：连云港市对海岛一线工作的干部每人每月增发200元；"
    "淮安市为沿湖乡镇干部每年安排一次免费体检。\n"
)


def test_a_place_paying_its_own_figure_before_another_places_practice() -> None:
    parsed = parse(PILOTS, "江苏省乡镇工作补贴分档发放政策问答", "320000")
    holding = _holding(parsed, "每人每月增发200元")
    assert ("material", ("320700",)) in holding, holding  # 连云港市
    assert ("care", ("320800",)) in holding, holding  # 淮安市's check-up stays its own


CARE_ROUND_UP = (
    "丽水市关心关爱乡镇干部工作综述\n\n"
    "丽水市各县把关心关爱乡镇干部作为重点，落实带薪休假和健康体检。"
    "庆元县实行驻村干部“轮值下山”，每月安排干部轮流回城4天。"
    "松阳县对在乡镇连续工作满十年的干部颁发“扎根松阴”荣誉证书。"
    "景宁县对在乡镇工作满十年的专业技术人员，评聘职称时同等条件下优先推荐。\n"
)


def test_a_practice_a_place_names_in_its_own_words_is_of_the_documents_kind() -> None:
    parsed = parse(CARE_ROUND_UP, "丽水市关心关爱乡镇干部工作综述", "331100")
    practice = [m for m in parsed.measures if "轮值下山" in m.label_zh]
    assert practice, [m.label_zh for m in parsed.measures]
    assert practice[0].region_codes == ("331126",)  # 庆元县
    assert practice[0].incentive_type == "care"  # what the round-up's cues are about


def test_certificates_of_honour_and_professional_titles_have_their_types() -> None:
    parsed = parse(CARE_ROUND_UP, "丽水市关心关爱乡镇干部工作综述", "331100")
    assert ("honor", ("331124",)) in _holding(parsed, "荣誉证书")  # 松阳县
    assert ("career", ("331127",)) in _holding(parsed, "评聘职称")  # 景宁畲族自治县


TRANSCRIPT = (
    "新闻联播文字实录\n\n"
    "记者：在广元市苍溪县，来自杭州市余杭区的挂职干部刚从产业园回来。"
    "区里每年还给援川干部安排一次带薪休假，往返交通费由区财政报销。\n"
)


def test_a_text_of_no_place_still_reads_the_district_it_just_named() -> None:
    parsed = parse(TRANSCRIPT, "新闻联播文字实录")
    assert ("care", ("330110",)) in _holding(parsed, "带薪休假")  # 余杭区, not 苍溪县


STUDY_TITLE = "关于恩施州巴东、鹤峰、宣恩三县乡镇干部激励机制的比较调研报告"
STUDY = f"{STUDY_TITLE}\n\n四、对策建议\n\n（一）建议全州统一乡镇工作补贴最低标准，不低于每人每月600元。\n"


def test_a_title_naming_a_place_and_several_of_its_parts_speaks_for_that_place() -> None:
    parsed = parse(STUDY, STUDY_TITLE)
    holding = _holding(parsed, "建议全州统一乡镇工作补贴")
    assert ("material", ("422800",)) in holding, holding  # 恩施州, not 巴东县


SIBLINGS_TITLE = "山区乡镇干部激励保障机制比较研究"
SIBLINGS = (
    f"{SIBLINGS_TITLE}\n——基于岳西、太湖、宿松三县的调研\n\n四、对策建议\n\n"
    "（一）建议全市统一山区乡镇工作补贴最低标准，不低于每人每月600元。\n"
)


def test_a_study_of_several_counties_of_one_city_speaks_for_that_city() -> None:
    parsed = parse(SIBLINGS, SIBLINGS_TITLE)
    holding = _holding(parsed, "建议全市统一山区乡镇工作补贴")
    assert ("material", ("340800",)) in holding, holding  # 安庆市, not 岳西县


RULES_TITLE = "芜湖市干部容错纠错实施办法"
RULES = (
    f"# {RULES_TITLE}\n\n"
    "第八条 干部本人可以向组织部门提出容错申请。\n\n"
    "第九条 组织部门应当会同纪检监察机关调查核实，自受理之日起十五个工作日内作出认定。\n\n"
    "第十条 对认定结果有异议的，可以在收到之日起十个工作日内申请复核。\n"
)


def test_a_statutes_rule_naming_no_type_is_of_the_type_its_title_names() -> None:
    parsed = parse(RULES, RULES_TITLE, "340200")
    assert ("fault_tolerance", ("340200",)) in _holding(parsed, "十五个工作日内作出认定")


COUNTIES = (
    "朝阳市关心关爱乡镇干部工作情况报告\n\n"
    "各县（市、区）也结合实际进行了探索：建平县建成乡镇干部周转房210套，基本解决了住宿问题；"
    "喀喇沁左翼蒙古族自治县在全县乡镇建成“职工之家”22个。"
    "凌源市由市委组织部牵头，帮助30名两地分居的乡镇干部协调配偶在城区就业。\n"
)


def test_the_first_place_of_a_list_holds_its_own_practice() -> None:
    parsed = parse(COUNTIES, "朝阳市关心关爱乡镇干部工作情况报告", "211300")
    assert ("material", ("211322",)) in _holding(parsed, "建平县建成乡镇干部周转房")


def test_couples_living_apart_are_cared_for() -> None:
    parsed = parse(COUNTIES, "朝阳市关心关爱乡镇干部工作情况报告", "211300")
    assert ("care", ("211382",)) in _holding(parsed, "两地分居")  # 凌源市
