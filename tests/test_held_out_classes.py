"""Classes of questions the held-out sets showed failing: documents of a family or naming
a term, fillers and specific payments, articles named across versions, zones asked of,
documents named by year and kind, Q&As, lists of figures, officials' conduct in reports,
townships as 乡里, advice, and yes/no asked of what a text says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.models import RegionLevel
from policykg.ingest.segment import load_segmenter
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.ask import ask
from policykg.retrieval.intent_rules import Intent, Quantity, asked_quantity, classify_intent
from policykg.retrieval.levels_asked import requested_level
from policykg.retrieval.question import keywords, understand
from policykg.retrieval.translate import translate_query
from policykg.retrieval.wording import holds
from tests.test_answers import library_of, quotes
from tests.test_measure_genres import parse

# Four years of one city's work reports and a commentary, all on keeping spending tight.
REPORTS = {
    f"report-{year}.txt": f"{year}年宁波市政府工作报告\n"
    f"过去一年，全市经济运行总体平稳，重点项目有序推进。\n"
    f"各级政府要坚持过紧日子，“三公”经费只减不增。\n"
    f"今年将继续深化改革，扩大开放，办好民生实事。\n"
    for year in (2019, 2020, 2021, 2022)
}
COMMENTARY = {
    "commentary.txt": "宁波日报评论：节用为民\n"
    "各级政府要坚持过紧日子，省下的钱要用在民生上。\n"
    "一些单位公共支出仍有压减空间，应当精打细算。\n"
}
OTHER = {
    "notice.txt": "宁波市关于做好节日期间工作的通知\n"
    "各单位要做好值班安排，确保节日期间公共服务正常运转。\n"
}


def test_asked_which_of_a_kind_of_document_only_those_are_listed(tmp_path: Path) -> None:
    with library_of(tmp_path, {**REPORTS, **COMMENTARY}) as library:
        answer = ask(library, "哪几年的政府工作报告要求坚持过紧日子？")
        titles = [line for line in answer.answer.splitlines() if line.startswith("- ")]
        assert len(titles) == 4 and all("政府工作报告" in title for title in titles)
        assert "宁波日报评论" not in answer.answer


def test_a_quoted_english_phrase_is_what_the_documents_must_name(tmp_path: Path) -> None:
    with library_of(tmp_path, {**REPORTS, **COMMENTARY, **OTHER}) as library:
        answer = ask(library, "Which documents mention the 'three public expenses'?")
        assert answer.answer.count("政府工作报告") == 4
        assert "宁波日报评论" not in answer.answer and "通知" not in answer.answer
        assert "“三公”经费只减不增" in quotes(answer)


def test_quotation_marks_inside_a_term_do_not_part_it() -> None:
    assert holds("三公经费", "“三公”经费只减不增")
    assert holds("放管服改革", "深化“放管服”改革")
    assert not holds("三公经费", "三项公共支出")


# A city's reward rule that names its honour 称号, where the English renders 荣誉称号.
REWARDS = {
    "changzhi.md": "# 长治市事业单位工作人员奖励实施办法\n\n"
    "第五条 奖励分为嘉奖、记功、记大功和授予称号。\n\n"
    "第十二条 对获得奖励的工作人员，按照下列标准给予一次性奖金：嘉奖每人一千元，"
    "记功每人一千五百元，记大功每人三千元，授予称号的每人五千元。\n"
}


def test_an_english_term_the_texts_word_otherwise_is_still_answered(tmp_path: Path) -> None:
    with library_of(tmp_path, REWARDS) as library:
        answer = ask(
            library,
            "Under Changzhi's measures, how large is the one-off bonus for the city's"
            " honorary title?",
        )
        assert "授予称号的每人五千元" in quotes(answer)


def test_a_documents_question_may_name_its_kind_before_asking_which() -> None:
    question = "在收录的法律法规中，哪些对诬告陷害他人的行为作了规定？"
    assert classify_intent(question, 0) is Intent.DOCUMENTS


@pytest.mark.parametrize(
    ("question", "fillers"),
    [
        ("事业单位考核时，按规定要不要征求他们所服务对象的看法？", {"他们", "按规定", "要不要"}),
        ("那篇报道里，宁波一共表彰了多少名干部？", {"那篇", "一共"}),
        ("太原市出台了什么样的干部容错纠错办法？", {"什么样"}),
    ],
)
def test_pronouns_and_question_fillers_are_no_content(question: str, fillers: set[str]) -> None:
    assert not fillers & set(keywords(question, "zh", load_segmenter().words(question)))


@pytest.mark.parametrize(
    ("question", "frame", "content"),
    [
        ("哪些材料提到组织干部做健康检查？", "材料", "健康检查"),
        ("哪几篇报道写到了乡镇干部周转房？", "报道", "周转房"),
        ("哪些文件提出要精简会议和文件？", None, "文件"),  # the second 文件 is content
    ],
)
def test_the_kind_of_document_asked_for_is_no_content(
    question: str, frame: str | None, content: str
) -> None:
    segmented = load_segmenter().words(question)
    words = understand(question, load_gazetteer(), load_vocabulary(), segmented).keywords
    assert content in words and (frame is None or frame not in words), words


# Two counties' allowances for township officials; neither pays for phone bills.
ALLOWANCES = {
    "allowances.txt": "乡镇干部待遇保障工作情况通报\n"
    "婺源县乡镇干部按月发放乡镇工作补贴，标准为每人每月420元。\n"
    "淳安县对需要乘船往返的库区乡镇干部，每人每月发放300元交通补贴。\n"
    "边境乡镇要为驻村干部配备必要的防寒、通讯装备，所需经费纳入县级财政预算。\n"
}


def test_a_payment_for_a_cost_no_evidence_names_is_not_found(tmp_path: Path) -> None:
    with library_of(tmp_path, ALLOWANCES) as library:
        phone = ask(library, "哪些地方为乡镇干部发放通讯费补贴？")
        assert not phone.regions and not phone.citations, phone.answer
        fares = ask(library, "哪些地方为乡镇干部发放交通补贴？")
        assert "每人每月发放300元交通补贴" in quotes(fares)


@pytest.mark.parametrize(
    ("english", "chinese"),
    [
        ("Can the penalty be made harsher if he argues back?", "申辩"),
        ("Does a serious demerit block promotion?", "记大过"),
        ("When is the sanction lifted?", "解除处分"),
        ("Are staff exempt from liability?", "免责"),
        ("How are leaders appraised?", "考核"),
        ("Can he ask for the decision to be reviewed?", "复核"),
    ],
)
def test_disciplinary_terms_are_rendered_as_the_statutes_write_them(
    english: str, chinese: str
) -> None:
    assert chinese in translate_query(english).zh_terms


# A regulation whose revision put a new article in as 第三条 and renumbered the old one.
RENUMBERED = {
    "rules-2019.md": (
        "# 示范市科技创新促进条例\n\n第一条 为了促进科技创新，制定本条例。\n\n"
        "第三条 对在科技创新工作中做出显著成绩的单位和个人，给予表彰和奖励。\n\n"
        "第四条 受理机关应当在三十日内作出容错认定。\n",
        "2019-05-30",
    ),
    "rules-2025.md": (
        "# 示范市科技创新促进条例（2025年修订）\n\n第一条 为了促进科技创新，制定本条例。\n\n"
        "第三条 国家工作人员受到诬告、错告的，有关机关应当及时予以澄清正名。\n\n"
        "第四条 对在科技创新工作中做出显著成绩的单位和个人，给予表彰和奖励。\n\n"
        "第五条 受理机关应当在二十日内作出容错认定。\n\n"
        "第六条 市人民政府支持开展人工智能应用场景建设，推动科学技术创新成果转化。\n\n"
        "第七条 科技特派员服务期间的工作业绩，作为科学技术创新人才职称评审的依据。\n\n"
        "第八条 市人民政府设立科技创新专项资金，推动科学技术创新平台建设。\n",
        "2025-03-28",
    ),
}


def test_a_change_question_naming_an_article_is_answered_by_that_article(
    tmp_path: Path,
) -> None:
    for name, (_, date) in RENUMBERED.items():
        meta = {"issuer": "示范市人民代表大会常务委员会", "date": date, "doc_kind": "地方性法规"}
        (tmp_path / name.replace(".md", ".meta.json")).write_text(json.dumps(meta), "utf-8")
    texts = {name: text for name, (text, _) in RENUMBERED.items()}
    with library_of(tmp_path, texts) as library:
        answer = ask(
            library,
            "Article 3 of the 2025 revised science and technology innovation regulation is a new"
            " provision. What does it say, and what did Article 3 of the 2019 text cover?",
        )
        assert "第三条 国家工作人员受到诬告" in quotes(answer)
        assert "第三条 对在科技创新工作中做出显著成绩" in quotes(answer)
        # The revision's other new articles say nothing of what was asked.
        assert "第八条" not in quotes(answer) and "第六条" not in quotes(answer)


# Two documents on online work groups weighing on officials, one on something else.
WORK_GROUPS = {
    "hezhou.txt": "贺州市关心关爱乡镇干部十条措施政策解读\n"
    "问：督查检查考核怎么管？\n"
    "答：实行年度计划管理，未列入计划的一律不得开展，严禁要求乡镇干部在政务APP上打卡。\n",
    "jianghua.txt": "访谈：江华县委书记谈乡镇干部\n"
    "邓湘平：全县面向乡镇的各类微信群由120多个压减到18个，干部下村的时间多了。\n",
    "rewards.txt": "长治市事业单位工作人员奖励实施办法\n"
    "第一条 为了规范事业单位工作人员奖励工作，制定本办法。\n",
}


def test_documents_naming_a_term_the_question_names_are_listed_however_they_score(
    tmp_path: Path,
) -> None:
    with library_of(tmp_path, WORK_GROUPS) as library:
        answer = ask(
            library,
            "哪些文件对微信群、政务APP这类线上工作方式给干部带来的负担作出了规定或采取了措施？",
        )
        assert "贺州市" in answer.answer and "江华县委书记" in answer.answer, answer.answer
        assert "奖励实施办法" not in answer.answer


def test_asked_which_zone_the_level_is_a_zone() -> None:
    question = "北京哪一片区承担汇聚世界一流创新资源的任务？"
    assert requested_level(question) is RegionLevel.ZONE
    assert classify_intent(question, 1) is Intent.WHICH_REGIONS


def test_accountability_and_selection_in_a_work_report_are_measures_of_their_type() -> None:
    text = (
        "2011年政府工作报告\n"
        "推进政务公开，加强行政问责，坚持不懈地开展廉政建设。\n"
        "深化选人用人制度改革，努力营造平等公开、竞争择优的制度环境。\n"
    )
    parsed = parse(text, "2011年政府工作报告", "CN")
    types = {m.label_zh: m.incentive_type for m in parsed.measures}
    assert types.get("加强行政问责") == "assessment", types
    assert types.get("深化选人用人制度改革") == "career", types


def test_which_years_report_asks_for_documents() -> None:
    assert classify_intent("哪一年的报告提出向贫困村选派第一书记？", 0) is Intent.DOCUMENTS
    assert classify_intent("他哪年的工资最高？", 0) is not Intent.DOCUMENTS
    assert "公务用车" in translate_query("Which reports reform official government cars?").zh_terms


# A region's regulation in two versions; one article's figure changed.
NINGXIA = {
    "ningxia-2019.md": (
        "# 宁夏回族自治区关心关爱基层干部条例\n\n"
        "第一条 为了关心关爱基层干部，制定本条例。\n\n"
        "第四条 乡镇党委书记每半年应当与干部开展一次谈心谈话。\n\n"
        "第七条 村党组织书记的基本报酬按照不低于农村居民人均可支配收入的二倍确定。\n",
        "2019-07-01",
    ),
    "ningxia-2025.md": (
        "# 宁夏回族自治区关心关爱基层干部条例（2025年修订）\n\n"
        "第一条 为了关心关爱基层干部，制定本条例。\n\n"
        "第四条 乡镇党委书记每半年应当与干部开展一次谈心谈话。\n\n"
        "第七条 村党组织书记的基本报酬按照不低于农村居民人均可支配收入的二点五倍确定。\n\n"
        "第十二条 县级以上党委组织部门应当每年组织乡镇干部进行一次健康体检。\n",
        "2025-05-01",
    ),
}


def test_an_article_named_with_its_place_is_answered_by_the_article(tmp_path: Path) -> None:
    for name, (_, date) in NINGXIA.items():
        meta = {
            "issuer": "宁夏回族自治区人民代表大会常务委员会",
            "date": date,
            "doc_kind": "地方性法规",
        }
        (tmp_path / name.replace(".md", ".meta.json")).write_text(json.dumps(meta), "utf-8")
    with library_of(tmp_path, {name: text for name, (text, _) in NINGXIA.items()}) as library:
        answer = ask(
            library,
            "《宁夏回族自治区关心关爱基层干部条例》第七条关于村党组织书记基本报酬的标准，"
            "2025年修订后有什么变化？",
        )
        assert "二点五倍确定" in quotes(answer) and "二倍确定" in quotes(answer), answer.answer
        assert "谈心谈话" not in quotes(answer)


# Three years of one city's reports: two set up the wage system, the one between does not.
WAGE_REPORTS = {
    f"wages-{year}.txt": f"{year}年宁波市政府工作报告\n"
    f"过去一年，全市经济运行总体平稳，重点项目有序推进。\n"
    + ("建立职务与级别相结合的公务员工资制度，规范津贴补贴。\n" if year != 2020 else "")
    + "今年将继续深化改革，扩大开放，办好民生实事。\n"
    for year in (2019, 2020, 2021)
}


def test_a_document_named_by_its_year_and_kind_is_what_a_yes_must_come_from(
    tmp_path: Path,
) -> None:
    with library_of(tmp_path, WAGE_REPORTS) as library:
        said = ask(library, "2019年的报告有没有提到建立职务与级别相结合的公务员工资制度？")
        assert said.answer.startswith("是")
        assert [c.doc_title[:4] for c in said.citations] == ["2019"]
        unsaid = ask(library, "2020年的报告有没有提到建立职务与级别相结合的公务员工资制度？")
        assert unsaid.answer.startswith("没有") and not unsaid.citations
        english = ask(
            library,
            "Does the report for 2020 set up a pay system linking civil servants' posts"
            " and grades?",
        )
        assert english.answer.startswith("No") and not english.citations


# A city's rule whose English title renders 干部 twice (official, officer), and a province's
# Q&A on its measures: a question on the province's measures names the Q&A, not the rule.
MEASURES = {
    "baotou.md": "# 包头市干部容错纠错和澄清正名实施办法\n\n"
    "第三条 干部在改革创新中出现失误，符合本办法规定情形的，予以容错。\n",
    "jilin.txt": "吉林省乡镇干部激励措施答记者问\n"
    "答：《若干措施》明确，对在乡镇工作满十年、年度考核均为称职以上的干部，"
    "职级晋升时可以不受职数限制。\n",
}


def test_a_title_word_rendered_twice_names_no_document_alone(tmp_path: Path) -> None:
    with library_of(tmp_path, MEASURES) as library:
        answer = ask(
            library,
            "Do Jilin's new measures allow township officials with long service to be"
            " promoted in rank even when the rank quota is full?",
        )
        assert answer.answer.startswith("Yes")
        assert "职级晋升时可以不受职数限制" in quotes(answer)


# A province's Q&A on its township allowance: each answer is read under its question.
QA = (
    "关于调整乡镇工作补贴标准有关政策问答\n\n"
    "近日，省人力资源和社会保障厅印发通知，调整全省乡镇工作补贴标准。\n\n"
    "问三：新的补贴标准是多少？\n\n"
    "答：按照在乡镇累计工作年限分为三档：不满5年的，每人每月400元；满5年的，每人每月500元。\n\n"
    "问七：借调到县级以上机关的乡镇干部还发不发？\n\n"
    "答：借调不超过三个月的照常发放；超过三个月的，自第四个月起停发。\n"
)


def test_a_qa_answer_is_read_under_its_question() -> None:
    parsed = parse(QA, "关于调整乡镇工作补贴标准有关政策问答", "230000")
    answer = next(p for p in parsed.provisions if p.text.startswith("答：借调"))
    assert answer.section == ("问七：借调到县级以上机关的乡镇干部还发不发？",)
    assert answer.locator.startswith("问七")
    figures = next(p for p in parsed.provisions if p.text.startswith("答：按照"))
    assert figures.section == ("问三：新的补贴标准是多少？",)


# A study listing each county's figure after the first: each county holds its own.
STUDY = (
    "坝上四县乡镇干部激励保障机制比较调研报告\n"
    "（一）待遇保障。四县均在全省规定的乡镇工作补贴标准之上自行提高。"
    "张北县每人每月发放乡镇工作补贴520元，康保县500元，沽源县480元，尚义县450元。\n"
)


def test_each_place_of_a_list_of_figures_holds_its_own() -> None:
    parsed = parse(STUDY, "坝上四县乡镇干部激励保障机制比较调研报告", "130700")
    held = {STUDY[m.start : m.end]: m.region_codes for m in parsed.measures}
    figures = {label: codes for label, codes in held.items() if label.endswith("元")}
    holders = {code for codes in figures.values() for code in codes}
    assert {"130723", "130724", "130725"} <= holders, held  # 康保, 沽源, 尚义


# A national work report's plan for officials' accountability, conduct and spending.
REPORT = (
    "2008年国务院政府工作报告\n"
    "全面落实行政执法责任制，严肃查处失职渎职行为。\n"
    "严格执行领导干部廉洁从政各项规定。\n"
    "公务接待费等支出原则上零增长。\n"
    "认真落实公务员教育培训规划。\n"
)


def test_officials_accountability_conduct_and_spending_in_a_report_are_measures() -> None:
    measures = parse(REPORT, "2008年国务院政府工作报告").measures
    assert {str(m.incentive_type) for m in measures} >= {"assessment", "material", "career"}
    # A verb inside two words is none: 落实行政执法 holds no 实行.
    assert "行政执法责任制" in {m.label_zh for m in measures}


# A city study's five recommendations, one per item.
ADVICE = {
    "study.txt": "张家口市坝上四县乡镇干部激励保障机制调研报告\n"
    "一、基本情况\n"
    "坝上四县乡镇干部待遇偏低，冬季取暖困难，基层任务繁重。\n"
    "二、对策建议\n"
    "（一）建议统一上调坝上四县乡镇工作补贴，四县之间的标准差距控制在50元以内。\n"
    "（二）建议在坝上四县推广乡镇履职事项准入做法，为乡镇干部减负。\n"
    "（三）建议建立坝上四县乡镇干部跨县交流挂职机制，每年互派20名乡镇干部挂职。\n"
    "（四）建议对坝上乡镇干部冬季取暖给予专项支持，每人每年发放800元取暖补贴。\n"
    "（五）建议每年安排坝上乡镇干部分批疗休养，优先安排工作满十年的干部。\n"
}


def test_asked_for_advice_each_recommendation_close_behind_is_cited(tmp_path: Path) -> None:
    with library_of(tmp_path, ADVICE) as library:
        answer = ask(
            library,
            "张家口市的课题组对坝上四县乡镇干部的补贴、减负、交流、取暖和疗休养提出了哪些建议？",
        )
        cited = quotes(answer)
        for item in ("差距控制在50元以内", "准入做法", "跨县交流", "800元取暖补贴", "分批疗休养"):
            assert item in cited, answer.answer


@pytest.mark.parametrize(
    ("question", "quantity"),
    [
        ("调整后各档每人每月多少？", Quantity.MONEY),
        ("在沿边乡镇工作的每人每月再增加多少？", Quantity.MONEY),
        ("每年多少人参加疗休养？", Quantity.PEOPLE),
    ],
)
def test_a_sum_per_person_or_month_asks_money(question: str, quantity: Quantity) -> None:
    assert asked_quantity(question) is quantity


# A county report: a township named, then what 乡里 (the township itself) did.
TOWNSHIP = (
    "塔什库尔干县关心关爱乡镇干部工作综述\n"
    "全县乡镇干部大多在海拔3000米以上工作。\n"
    "各乡也结合实际想办法。达布达尔乡离红其拉甫口岸不远，乡政府驻地海拔超过3800米。"
    "乡里为干部周转宿舍的每个房间都配备了制氧机。县里规定，全乡镇干部都要按时轮休。\n"
)


def test_the_township_a_text_just_named_is_what_its_township_word_stands_for() -> None:
    parsed = parse(TOWNSHIP, "塔什库尔干县关心关爱乡镇干部工作综述", "653131")
    oxygen = next(m for m in parsed.measures if "制氧机" in TOWNSHIP[m.start : m.end])
    assert oxygen.region_codes == ("653131-a3de6b",)  # 达布达尔乡
    every = TOWNSHIP.index("全乡镇")
    assert not any(m.start == every for m in parsed.region_mentions)


@pytest.mark.parametrize(
    "question",
    [
        "2019年版河北条例有没有规定，不能拿干部在政务APP上挂了多长时间来考核乡镇干部？",
        "该办法是否要求每年至少组织多少次谈心谈话？",
    ],
)
def test_asked_whether_a_text_says_something_a_wh_word_inside_it_asks_nothing(
    question: str,
) -> None:
    assert classify_intent(question, 1) is Intent.YES_NO
    assert classify_intent("干部受到不实举报可以怎么办？有没有时限？", 0) is not Intent.YES_NO


# Three texts on caring for township officials, one of them on their mental health.
CARE = {
    "speech.txt": "在全县乡镇干部关心关爱工作推进会上的讲话\n"
    "要加强身心关爱，在每个乡镇建设心理疏导室，关注干部心理健康。\n",
    "notice.txt": "关于做好乡镇干部关心关爱工作的通知\n"
    "各乡镇要把关心关爱干部的各项措施落细落实，按时发放乡镇工作补贴。\n",
    "report.txt": "乡镇干部关心关爱工作情况的报告\n"
    "全市持续关心关爱乡镇干部，周转房建设和食堂建设进展顺利。\n",
}


def test_psychological_wellbeing_is_mental_health_not_care_at_large(tmp_path: Path) -> None:
    with library_of(tmp_path, CARE) as library:
        answer = ask(
            library, "Which documents pay attention to township officials' psychological wellbeing?"
        )
        listed = [line for line in answer.answer.splitlines() if line.startswith("- ")]
        assert len(listed) == 1 and "讲话" in listed[0], answer.answer


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        # 比例 names a figure's kind; asked with 是否 and no wh-word, it is a yes/no.
        ("示范市条例是否对青年科研人员担任项目负责人的比例作出了规定？", Intent.YES_NO),
        ("示范市援疆干部年度考核优秀等次的比例？", Intent.FACT),
        ("示范市援疆干部年度考核优秀等次比例是多少？", Intent.FACT),
    ],
)
def test_a_share_asked_whether_it_is_set_is_a_yes_no(question: str, intent: Intent) -> None:
    segmented = load_segmenter().words(question)
    assert understand(question, load_gazetteer(), load_vocabulary(), segmented).intent is intent


@pytest.mark.parametrize(
    ("question", "advice"),
    [
        ("What does Chengde's party secretary tell the city to do this year?", True),
        ("What did Sihong's party secretary ask the county to do in 2025?", True),
        ("What must be done, the commentary says, to keep officials in their posts?", True),
        ("What has Xinyang done to motivate township officials?", False),
        ("静宁县委书记要求2025年怎样把两个镇的经验推开？", True),
        ("静宁县2024年怎样关心乡镇干部？", False),
    ],
)
def test_a_question_asking_what_to_do_asks_for_advice(question: str, advice: bool) -> None:
    asked = understand(question, load_gazetteer(), load_vocabulary(), [])
    assert asked.recommended is advice
