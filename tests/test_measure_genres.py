"""Measures in official genres: a notice's allowance, statute articles, news and a work report.

Each fixture is a few sentences written in the style of its genre; the assertions
are the label, the holder, the incentive type and the status.
"""

from __future__ import annotations

import pytest

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.models import (
    Document,
    DocumentMeta,
    MeasureMention,
    ParsedDocument,
    Status,
    document_id,
)
from policykg.ingest.pipeline import parse_document


def parse(text: str, title: str, region_code: str | None = None) -> ParsedDocument:
    meta = DocumentMeta(title=title, region_code=region_code)
    return parse_document(Document(document_id(text), "/tmp/g.txt", "txt", "utf-8", text, meta))


def labelled(parsed: ParsedDocument, label: str) -> MeasureMention:
    found = [m for m in parsed.measures if m.label_zh == label]
    assert found, [m.label_zh for m in parsed.measures]
    return found[0]


def typed_by_opening(parsed: ParsedDocument, chars: int) -> set[tuple[str, str]]:
    """Each measure's type with the opening of its provision (第十八条, 1.)."""
    texts = {p.provision_id: p.text for p in parsed.provisions}
    return {(m.incentive_type, texts[m.provision_id][:chars]) for m in parsed.measures}


def test_notice_allowance_is_named_without_its_figure() -> None:
    parsed = parse(
        "关于调整乡镇工作补贴标准的通知\n各县（市、区）人力资源和社会保障局：\n"
        "自2025年1月起，对在乡镇工作的机关事业单位工作人员，每人每月发放乡镇工作补贴300元。\n",
        title="关于调整乡镇工作补贴标准的通知",
        region_code="330100",
    )
    allowance = labelled(parsed, "乡镇工作补贴")
    assert allowance.region_codes == ("330100",)
    assert allowance.incentive_type == "material"
    assert allowance.status is Status.REQUIRED  # a notice from above binds its addressees
    provision = next(p for p in parsed.provisions if p.provision_id == allowance.provision_id)
    assert "300元" in provision.text  # the figure is in the cited provision


STATUTE = (
    "# 示范省干部激励保障条例\n"
    "第一条 为了激励干部担当作为，根据有关法律，结合本省实际，制定本条例。\n"
    "第二条 县级以上人民政府应当建立容错纠错机制，对干部在改革创新中的失误予以宽容。\n"
    "第三条 事业单位对急需紧缺的高层次人才，可以实行协议工资制。\n"
    "第四条 本条例自公布之日起施行。\n"
)


def test_statute_articles_with_shall_and_may_are_both_required() -> None:
    parsed = parse(STATUTE, title="浙江省干部激励保障条例", region_code="330000")
    tolerance = labelled(parsed, "容错纠错机制")
    salary = labelled(parsed, "协议工资制")
    assert (tolerance.incentive_type, salary.incentive_type) == ("fault_tolerance", "material")
    assert tolerance.status is Status.REQUIRED  # 应当
    assert salary.status is Status.REQUIRED  # 可以 in a statute is the law's rule too
    assert tolerance.region_codes == salary.region_codes == ("330000",)


def test_national_statute_belongs_to_the_nation() -> None:
    parsed = parse(STATUTE.replace("本省", "国家"), title="干部激励保障条例")
    assert labelled(parsed, "协议工资制").region_codes == ("CN",)


def test_news_platform_and_list_belong_to_their_subjects() -> None:
    parsed = parse(
        "宁波推进干部数字化管理\n"
        "近日，宁波市上线“甬干通”数字化管理平台，干部信息实现一网查询。"
        "海曙区制定基层减负事项清单，明确村社区不再承担的工作。\n",
        title="宁波推进干部数字化管理",
    )
    app = labelled(parsed, "甬干通")
    assert (app.region_codes, app.incentive_type, app.status) == (
        ("330200",),
        "assessment",
        Status.ADOPTED,
    )
    checklist = labelled(parsed, "基层减负事项清单")
    assert (checklist.region_codes, checklist.incentive_type, checklist.status) == (
        ("330203",),
        "burden_reduction",
        Status.ADOPTED,
    )


def test_work_report_review_is_adopted_and_plan_is_recommended() -> None:
    parsed = parse(
        "2025年示范省政府工作报告\n"
        "一、2024年工作回顾\n"
        "过去一年，我们建立干部容错纠错机制，激励干部担当作为。\n"
        "二、2025年重点工作\n"
        "完善干部考核评价体系，持续为基层减负。\n",
        title="2025年浙江省政府工作报告",
        region_code="330000",
    )
    assert labelled(parsed, "干部容错纠错机制").status is Status.ADOPTED
    plan = labelled(parsed, "干部考核评价体系")
    assert (plan.status, plan.incentive_type, plan.region_codes) == (
        Status.RECOMMENDED,
        "assessment",
        ("330000",),
    )


def test_a_speech_reviewing_a_past_year_tells_what_was_done_and_its_tasks_plan() -> None:
    text = (
        "在全市组织工作会议上的讲话\n"
        "一、实事求是看待2024年全市组织工作\n"
        "二是成长通道更宽。市里还建立乡镇干部职级晋升单列计划。\n"
        "二、扎实做好2025年重点任务\n"
        "一是完善干部考核评价体系。\n"
    )
    meta = DocumentMeta(title="在全市组织工作会议上的讲话", region_code="360700", date="2025-01-16")
    parsed = parse_document(Document(document_id(text), "/tmp/g.txt", "txt", "utf-8", text, meta))
    # 二是 enumerates a review, not a plan: the heading looks back at the year before.
    assert labelled(parsed, "乡镇干部职级晋升单列计划").status is Status.ADOPTED
    assert labelled(parsed, "干部考核评价体系").status is Status.RECOMMENDED


def test_the_place_after_you_does_what_the_clause_says() -> None:
    text = (
        "关于做好闽宁协作挂职干部管理服务工作的通知\n"
        "宁夏回族自治区每年选派80名县乡干部来闽挂职。"
        "来闽挂职干部由我省接收单位安排住宿，并按每人每天100元发放伙食补助。\n"
    )
    parsed = parse(text, title="关于做好闽宁协作挂职干部管理服务工作的通知", region_code="350000")
    # 由我省: 福建 houses and feeds them, though the sentence before is about 宁夏.
    assert labelled(parsed, "伙食补助").region_codes == ("350000",)


def test_a_place_whose_name_opens_with_a_filler_is_the_subject() -> None:
    # 如 before a noun is "such as", but 如皋市 and 如东县 are places of 南通.
    text = (
        "在全市人才工作会议上的讲话\n"
        "四是人才服务更加贴心。如皋市每年组织高层次人才开展一次健康体检和疗休养。"
        "如东县依托海上风电产业，组建风电工程技术人员职称评审委员会。\n"
    )
    parsed = parse(text, title="在全市人才工作会议上的讲话", region_code="320600")
    assert labelled(parsed, "一次健康体检和疗休养").region_codes == ("320682",)
    assert labelled(parsed, "风电工程技术人员职称评审委员会").region_codes == ("320623",)


def test_central_notice_orders_unless_it_reports_a_decision() -> None:
    parsed = parse(
        "中共中央办公厅印发《关于为基层减负的通知》\n"
        "为落实重要指示精神，经中央同意，决定将2019年作为“基层减负年”。"
        "各级机关要大幅度精简文件和会议。\n",
        title="中共中央办公厅印发《关于为基层减负的通知》",
    )
    year = labelled(parsed, "基层减负年")
    assert (year.status, year.region_codes) == (Status.ADOPTED, ("CN",))  # 重要 is no order
    assert labelled(parsed, "精简文件和会议").status is Status.REQUIRED


def test_an_article_with_an_incentive_cue_but_no_phrase_is_a_measure_of_its_clause() -> None:
    text = (
        "# 示范省公务员管理条例\n"
        "第六十四条 公务员在受处分期间不得晋升职务、职级和级别。\n"
        "第六十五条 本条例自公布之日起施行。\n"
    )
    parsed = parse(text, title="浙江省公务员管理条例", region_code="330000")
    (rule,) = [m for m in parsed.measures if "受处分期间" in m.label_zh]
    assert rule.label_zh.startswith("公务员在受处分期间不得晋升")  # the article number dropped
    assert rule.region_codes == ("330000",) and rule.incentive_type == "career"
    assert parsed.document.text[rule.start : rule.end] == rule.label_zh
    assert not [m for m in parsed.measures if "施行" in m.label_zh]  # no cue, no measure


AID_NOTICE = (
    "中共绍兴市委组织部关于援疆干部人才管理服务的通知\n"
    "我市选派干部人才赴新疆维吾尔自治区和田地区和田县开展对口支援工作。\n"
    "三、待遇保障\n"
    "（一）援疆期间，援疆干部人才原职务职级、工资福利待遇不变。\n"
    "（二）市财政按每人每月2000元标准发放援疆生活补助。\n"
    "（三）嵊州市推行“援疆积分”管理办法，积分结果与评优评先挂钩。\n"
    "四、关心关爱\n"
    "建立援疆干部人才家属联系制度，帮助解决子女入学等实际困难。\n"
)


def test_an_aid_notice_s_measures_are_the_sender_s_under_its_typed_headings() -> None:
    parsed = parse(AID_NOTICE, title=AID_NOTICE.splitlines()[0], region_code="330600")
    held = {m.label_zh: m for m in parsed.measures}
    # 援疆 names the receiver: the allowance is 绍兴市's, though its label says 疆.
    allowance = labelled(parsed, "援疆生活补助")
    assert allowance.region_codes == ("330600",) and allowance.incentive_type == "material"
    # An item's own subject, after its marker (（三）嵊州市推行…).
    shengzhou = load_gazetteer().by_name("嵊州市")[0].code
    assert next(m for label, m in held.items() if "援疆积分" in label).region_codes == (shengzhou,)
    # No cue of its own: 四、关心关爱 says what type the measure under it is.
    family = next(m for label, m in held.items() if "家属联系制度" in label)
    assert family.incentive_type == "care" and family.region_codes == ("330600",)
    xinjiang = load_gazetteer().by_name("新疆")[0].code
    assert not [m for m in parsed.measures if m.region_codes[0].startswith(xinjiang[:2])]


def test_common_care_honour_and_burden_measures_are_typed_by_the_lexicon() -> None:
    parsed = parse(
        "关于关心关爱乡镇干部的工作情况\n"
        "金阳县实行乡镇干部轮休制度，每月集中轮休三天。"
        "布拖县为偏远乡镇新建干部周转宿舍40套。"
        "美姑县推行“周三无会日”，县直部门当天不召集乡镇干部开会。"
        "被评为优秀驻村第一书记的，由县委、县政府予以通报表扬。\n",
        title="关于关心关爱乡镇干部的工作情况",
    )
    typed = {(m.incentive_type, m.region_codes) for m in parsed.measures}
    gazetteer = load_gazetteer()

    def code(name: str) -> tuple[str, ...]:
        return (gazetteer.by_name(name)[0].code,)

    assert ("care", code("金阳县")) in typed
    assert ("material", code("布拖县")) in typed
    assert ("burden_reduction", code("美姑县")) in typed
    assert any(m.incentive_type == "honor" and "通报表扬" in m.label_zh for m in parsed.measures)


def test_a_second_place_in_one_sentence_holds_its_own_practice() -> None:
    parsed = parse(
        "关于高海拔乡镇干部关爱工作的情况通报\n"
        "石渠县推行乡镇干部轮休制度，每季度集中轮休一周；"
        "色达县为海拔4000米以上的乡镇配齐供氧设备和干部周转房。\n",
        title="关于高海拔乡镇干部关爱工作的情况通报",
    )
    gazetteer = load_gazetteer()
    holders = {code for m in parsed.measures for code in m.region_codes}
    assert gazetteer.by_name("石渠县")[0].code in holders
    seda = [m for m in parsed.measures if gazetteer.by_name("色达县")[0].code in m.region_codes]
    assert seda and seda[0].incentive_type == "material" and "供氧" in seda[0].label_zh


# A province's feature on its counties, in the news genre: each county's practice is its own.
FEATURE = (
    "山区乡镇干部有了更多“加油站”\n"
    "本报记者在河北省多个山区县采访了解到，各地想方设法为乡镇干部撑腰鼓劲。\n"
    "从2023年起，阜平县在全县乡镇推行干部“实绩积分制”，按月公示、按季排名。"
    "县委组织部负责人告诉记者，积分结果还同职级晋升挂钩。\n"
    "平均海拔较高的丰宁满族自治县，为全县乡镇干部宿舍安装了供氧设施。\n"
    "威县纪委监委有关负责人介绍，全县近两年共为12名干部澄清正名。\n"
    "承德市某乡镇干部告诉记者，现在轮休有了制度保障。\n"
)


def test_a_feature_s_county_holds_what_follows_its_name() -> None:
    parsed = parse(FEATURE, title="山区乡镇干部有了更多“加油站”", region_code="130000")
    gazetteer = load_gazetteer()

    def holders_of(word: str) -> set[str]:
        found = [m for m in parsed.measures if word in m.label_zh]
        assert found, [m.label_zh for m in parsed.measures]
        return {gazetteer.path_zh(code)[-1] for m in found for code in m.region_codes}

    # After a time lead (从2023年起，阜平县…) the county opens the paragraph; 县委 and
    # 全县 in a province's report are the county named last, not the province.
    assert holders_of("实绩积分制") == {"阜平县"}
    assert holders_of("职级晋升") == {"阜平县"}
    # A clause that is a place described (…的丰宁满族自治县，为全县…) names its holder.
    assert holders_of("供氧设施") == {"丰宁满族自治县"}
    # A speaker's place (…负责人介绍，全县…) is not the holder; 全县 is the county.
    assert holders_of("澄清正名") == {"威县"}
    # A cadre quoted from a city speaks of the province's practice.
    assert "承德市" not in holders_of("轮休")


def test_what_a_place_provides_its_cadres_is_its_measure() -> None:
    # 为…干部 + 租用/配备/安排: what they are given is the place's measure, of care when
    # nothing else gives its type; the same verbs without a beneficiary make none.
    parsed = parse(
        "沪滇协作干部人才交流工作报告\n"
        "元阳县为沪方挂职干部人才统一租用了带厨房的周转公寓。"
        "绿春县为在乡镇蹲点的沪方专业技术人才配备了越野车辆和卫星电话。\n"
        "县里统一安排部署全年重点工作。\n",
        title="沪滇协作干部人才交流工作报告",
    )
    flats = labelled(parsed, "带厨房的周转公寓")
    assert flats.region_codes == ("532528",)  # 元阳县
    phones = labelled(parsed, "越野车辆和卫星电话")
    assert (phones.region_codes, phones.incentive_type) == (("532531",), "care")  # 绿春县
    assert not [m for m in parsed.measures if "部署" in m.label_zh]


def test_a_place_inside_the_one_named_before_it_holds_the_measure() -> None:
    # 长沙的浏阳市: the county-level city acts, not 长沙市.
    parsed = parse(
        "园区干部薪酬改革观察\n长沙的浏阳市在浏阳经开区推行园区人员“全员聘任、协议薪酬”改革。\n",
        title="园区干部薪酬改革观察",
    )
    assert labelled(parsed, "协议薪酬").region_codes == ("430181",)


def test_an_aspect_opened_with_zai_shang_types_the_clauses_after_it() -> None:
    # 在待遇保障上，…: the aspect gives the type of a measure whose words give none.
    parsed = parse(
        "边境乡镇干部队伍建设见闻\n在待遇保障上，东港市推行乡镇干部“暖心套餐”。\n",
        title="边境乡镇干部队伍建设见闻",
    )
    package = labelled(parsed, "乡镇干部暖心套餐")
    assert (package.region_codes, package.incentive_type) == (("210681",), "material")


def test_the_clauses_explaining_a_practice_give_it_its_type() -> None:
    # “只报一次” names no type; what follows says what it is for (台账, 重复填报: a burden
    # cut, more cues than 数据's assessment), and the town holds it.
    parsed = parse(
        "秦岭山区乡镇见闻\n"
        "宁陕县地处秦岭腹地。"
        "江口回族镇推行镇村报表“只报一次”，县直部门需要的数据由镇里从已有台账中统一提取，"
        "不再让村干部重复填报。\n",
        title="秦岭山区乡镇见闻",
    )
    gazetteer = load_gazetteer()
    reports = labelled(parsed, "镇村报表只报一次")
    assert reports.incentive_type == "burden_reduction"
    towns = gazetteer.by_name("江口回族镇")
    assert reports.region_codes == tuple(
        t.code for t in towns if "宁陕县" in gazetteer.path_zh(t.code)
    )


def test_the_next_item_of_a_list_does_not_explain_the_one_before() -> None:
    # 二是…；三是要加强容错案例的总结: the third item's 容错 is not the second item's type.
    parsed = parse(
        "关于激励干部担当作为的通报\n"
        "各地要抓好落实：一是要建立乡镇干部积分档案；二是要建立受诬告干部回访制度；"
        "三是要加强容错案例的总结提炼。\n",
        title="关于激励干部担当作为的通报",
    )
    kinds = {m.label_zh: m.incentive_type for m in parsed.measures}
    assert kinds.get("受诬告干部回访制度") != "fault_tolerance", kinds


def test_a_press_conference_question_holds_no_measure_its_answer_does() -> None:
    parsed = parse(
        "省委组织部负责同志就《关于关心关爱乡镇干部的若干措施》答记者问\n"
        "问：很多乡镇干部关心职级晋升问题，《若干措施》是怎么考虑的？\n"
        "答：我们明确县乡职级晋升计划的40%用于乡镇，乡镇干部晋升职级不受职数限制。\n",
        title="省委组织部负责同志就《关于关心关爱乡镇干部的若干措施》答记者问",
    )
    (asked,) = [p for p in parsed.provisions if p.text.startswith("问：")]
    assert not [m for m in parsed.measures if asked.start <= m.start < asked.end]
    assert any(m.label_zh.startswith("县乡职级晋升计划") for m in parsed.measures)


def test_putting_work_on_public_display_or_scoring_by_residents_is_assessment() -> None:
    # 一周一晒 names no type; 晾晒 (public display of each one's progress) and residents'
    # 打分 are how officials' work is assessed.
    parsed = parse(
        "瑶山乡镇干部见闻\n"
        "乳源瑶族自治县地处粤北山区。"
        "大桥镇实行干部“一周一晒”，每周一在镇干部大会上晾晒各人上周的工作进度。"
        "东坪镇每季度组织群众代表为驻村干部打分。\n",
        title="瑶山乡镇干部见闻",
    )
    kinds = {m.incentive_type for m in parsed.measures}
    labels = [m.label_zh for m in parsed.measures if m.incentive_type == "assessment"]
    assert "assessment" in kinds and any("一周一晒" in label for label in labels), labels


def test_what_a_place_is_going_to_do_is_its_plan() -> None:
    # 下一步…将, 明年…将: not done yet; the label drops the words that only frame it.
    parsed = parse(
        "山区县留住乡镇干部见闻\n"
        "宝兴县为全县乡镇干部统一购买了地质灾害意外伤害保险。\n"
        "罗志强说：明年我们将在偏远乡镇新建干部周转房80套。\n"
        "下一步，宝兴县将推动县直机关和乡镇干部双向交流，每年交流不少于20名。\n",
        title="山区县留住乡镇干部见闻",
    )
    statuses = {m.label_zh: m.status for m in parsed.measures}
    housing = [label for label in statuses if "周转房80套" in label]
    assert housing == ["偏远乡镇新建干部周转房80套"], statuses
    assert statuses[housing[0]] is Status.RECOMMENDED
    exchange = [s for label, s in statuses.items() if "双向交流" in label]
    assert exchange and all(s is Status.RECOMMENDED for s in exchange), statuses
    insurance = [s for label, s in statuses.items() if "保险" in label]
    assert insurance and all(s is Status.ADOPTED for s in insurance), statuses


def test_rooms_and_facilities_for_officials_are_measures_of_their_type() -> None:
    # A coined name (暖心小院, 亲情视频室) says nothing; the rooms it holds do.
    parsed = parse(
        "大别山区乡镇干部见闻\n"
        "金寨县地处大别山腹地。"
        "花石乡在乡政府院内建起“暖心小院”，设置了洗衣房、阅览室和健身角。"
        "天堂寨镇建立了“亲情视频室”，干部晚上可以和远方的家人视频聊天。\n",
        title="大别山区乡镇干部见闻",
    )
    kinds = {m.label_zh: m.incentive_type for m in parsed.measures}
    assert any(
        ("暖心小院" in label or "洗衣房" in label) and kind == "material"
        for label, kind in kinds.items()
    ), kinds
    assert any("亲情视频室" in label and kind == "care" for label, kind in kinds.items()), kinds


def test_an_articles_added_amount_is_a_measure_of_the_articles_type() -> None:
    # The second paragraph names no payment, only how much more: the article's payment.
    text = (
        "# 西藏自治区乡镇干部激励保障条例\n\n"
        "第一条 为了激励乡镇干部担当作为，制定本条例。\n\n"
        "第二条 本条例适用于本自治区乡镇干部。\n\n"
        "第三条 本自治区加强乡镇干部队伍建设。\n\n"
        "第五条 乡镇干部按照规定享受乡镇工作补贴，标准为每人每月不低于六百元。\n\n"
        "对在海拔四千五百米以上乡镇工作的干部，每人每月再增加不低于三百元。\n"
    )
    parsed = parse(text, title="西藏自治区乡镇干部激励保障条例", region_code="540000")
    added = [m for m in parsed.measures if "再增加不低于三百元" in m.label_zh]
    assert added and added[0].incentive_type == "material", [m.label_zh for m in parsed.measures]


def test_diligence_and_clearing_a_name_are_fault_tolerance() -> None:
    parsed = parse(
        "# 某省促进科技成果转化条例\n\n"
        "第十八条 科研机构负责人在成果转化定价中已经履行勤勉尽责义务、未牟取非法利益的，"
        "不因后续价值变化承担决策责任。\n\n"
        "第十九条 干部受到不实举报的，纪检监察机关在查清事实后及时予以澄清。\n",
        title="某省促进科技成果转化条例",
        region_code="350000",
    )
    typed = typed_by_opening(parsed, 4)
    assert ("fault_tolerance", "第十八条") in typed, typed
    assert ("fault_tolerance", "第十九条") in typed, typed


def test_rent_free_housing_a_meeting_free_week_and_recreation_are_typed() -> None:
    parsed = parse(
        "某县关心关爱乡镇干部实施方案\n\n"
        "1.新录用干部入住前三年免收租金。\n\n"
        "2.每月第一周为乡镇“无会周”，县直部门原则上不召集乡镇干部开会。\n\n"
        "3.每季度组织一次乡镇干部文体活动，丰富干部业余生活。\n",
        title="某县关心关爱乡镇干部实施方案",
        region_code="431230",
    )
    typed = typed_by_opening(parsed, 2)
    assert {("material", "1."), ("burden_reduction", "2."), ("care", "3.")} <= typed, typed


def test_a_clause_opened_by_a_place_whose_name_starts_like_a_conjunction_is_a_measure() -> None:
    parsed = parse(
        "关于边境乡镇干部的报道\n\n和龙市每年从市直机关选派15名年轻干部到边境乡镇挂职一年。\n",
        title="关于边境乡镇干部的报道",
    )
    gazetteer = load_gazetteer()
    helong = gazetteer.by_name("和龙市")[0].code
    assert ("exchange", (helong,)) in {(m.incentive_type, m.region_codes) for m in parsed.measures}


@pytest.mark.parametrize(
    ("title", "sentence", "kind"),
    [
        # A list of duties outside which nothing is passed down is a burden cut.
        (
            "关于减轻基层负担的讲话",
            "要加快制定乡镇履行职责事项清单，清单之外的事项一律不得随意下派。",
            "burden_reduction",
        ),
        # A screening for officials is care.
        (
            "关于高海拔地区乡镇干部的调研",
            "迪庆藏族自治州此前已先行试点，每年开展一次高原病专项筛查。",
            "care",
        ),
        # So are a fund for officials in need and a room for their recreation.
        (
            "麻山深处的乡镇干部",
            "下一步，望谟县将设立乡镇干部关爱基金，对家庭遭遇重大困难的干部及时给予帮扶。",
            "care",
        ),
        (
            "三旗县乡镇干部激励保障调研",
            "白音特拉乡在乡政府院内建起干部阳光活动室，配备乒乓球台和健身器材。",
            "care",
        ),
        # Posts set aside to be filled from township officials are a career step.
        (
            "某县激励乡镇干部担当作为实施方案",
            "5. 县直部门副科级领导职位出现空缺的，三分之一用于面向乡镇干部选拔。",
            "career",
        ),
        # Grants and equity for talent are material; health records and a clinic for
        # altitude sickness care; a professional post or leave to start a business, career.
        (
            "示范市科技创新促进条例",
            "第十三条 对引进的高层次科技领军人才团队，市人民政府给予最高一千万元的资助。",
            "material",
        ),
        (
            "示范省数字经济促进条例",
            "第十三条 鼓励数字经济企业对核心技术人才实行股权、期权、分红等激励。",
            "material",
        ),
        (
            "关于做好援藏干部人才关心关爱工作的通知",
            "（三）示范县在县人民医院设立援藏干部人才高原病诊疗室。",
            "care",
        ),
        (
            "关于做好援疆干部人才关心关爱工作的通知",
            "示范县在县人民医院设立援疆干部人才健康管理门诊，定期开展健康随访。",
            "care",
        ),
        (
            "示范市乡村人才振兴促进条例",
            "在乡镇及以下单位连续工作满十年的，可以不受岗位结构比例限制聘用至中级专业技术岗位。",
            "career",
        ),
        (
            "示范市科技创新促进条例",
            "第七条 科研人员经所在单位同意离岗创业的，可以在三年内保留人事关系。",
            "career",
        ),
        # A senior official coaching a new one is a career step; a doctor's consultation
        # by video care; a commuter bus for officials material, as a 班车 is.
        (
            "黑龙江乡镇干部队伍建设新闻",
            "在乌云镇，对交流来的年轻干部，镇里安排老干部一对一带教。",
            "career",
        ),
        (
            "新闻联播文字实录",
            "嘎措乡和县人民医院开通了远程问诊，干部身体不适时可以通过视频向医生求助。",
            "care",
        ),
        (
            "佛坪县留住乡镇干部的报道",
            "玉皇庙镇为家在汉中城区的干部开通了周末通勤车，每周五下午送、周日傍晚接。",
            "material",
        ),
    ],
)
def test_a_clause_naming_only_a_cue_is_of_the_cue_s_type(
    title: str, sentence: str, kind: str
) -> None:
    parsed = parse(f"{title}\n\n{sentence}\n", title=title)
    assert kind in {m.incentive_type for m in parsed.measures}


def test_the_place_after_a_modifier_saying_where_it_lies_is_the_subject() -> None:
    parsed = parse(
        "关于石渠县乡镇干部的报道\n\n"
        "石渠县地处高原。县城所在的尼呷镇为每名干部配备了便携式制氧机。\n",
        title="关于石渠县乡镇干部的报道",
    )
    held = {m.region_codes for m in parsed.measures if "制氧机" in m.label_zh}
    shiqu = load_gazetteer().by_name("石渠县")[0].code
    assert held and all(codes != (shiqu,) for codes in held), held  # 尼呷镇's, not the county's


@pytest.mark.parametrize(
    ("sentence", "town"),
    [
        (
            "岳西县地处大别山腹地。"
            "地处皖鄂两省交界的河图镇与英山县相邻乡镇建立干部互访交流机制，每年互派干部学习交流。",
            "河图镇",
        ),
        (
            "东乡族自治县乡镇干部流失较多。"
            "县城所在地锁南镇与县直部门建立干部双向交流机制，每年互派8名干部。",
            "锁南镇",
        ),
    ],
)
def test_a_place_after_a_modifier_saying_where_it_lies_holds_the_clause(
    sentence: str, town: str
) -> None:
    parsed = parse(f"关于乡镇干部交流的调研\n\n{sentence}\n", title="关于乡镇干部交流的调研")
    named = {m.code: m.surface for m in parsed.region_mentions}
    held = {named.get(code) for m in parsed.measures for code in m.region_codes}
    assert town in held, [(m.label_zh, m.region_codes) for m in parsed.measures]
