"""Which evidence answers: a yes/no about one place, a documents question in other words."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.segment import load_segmenter
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.ask import ask
from policykg.retrieval.documents_asked import answering_documents, nearby_documents
from policykg.retrieval.levels_asked import requested_level
from policykg.retrieval.question import (
    abbreviations,
    alternative_sides,
    classify_intent,
    understand,
)
from policykg.retrieval.reader import Scored
from tests.test_answers import library_of, quotes

# A report on one city that also tells what another province did.
JINGMEN = (
    "摘牌减负 让基层干部轻装上阵\n"
    "湖北荆门市推行村级组织工作事项清单，清单以外的事项村里可以拒绝。\n"
    "除了精简工作事项之外，一些地方还清理了村级组织出具的证明事项。"
    "江西省明确了27项不应由村级组织出具的证明事项，其中计划生育证明予以取消。\n"
)


def test_a_yes_about_a_place_needs_evidence_about_that_place(tmp_path: Path) -> None:
    with library_of(tmp_path, {"jingmen.txt": JINGMEN}) as library:
        elsewhere = ask(library, "荆门市有没有取消计划生育证明？")
        assert elsewhere.answer.startswith("没有") and not elsewhere.citations
        there = ask(library, "江西省有没有取消计划生育证明？")
        assert there.answer.startswith("是") and "计划生育证明予以取消" in quotes(there)


def test_documents_scoring_about_as_well_as_the_best_are_listed() -> None:
    def scored(pid: str, score: float, share: float) -> Scored:
        return Scored(pid, score, share, share, True)

    answering = [
        scored("a1", 1.20, 0.60),  # the question's words
        scored("b1", 1.10, 0.20),  # the same in other words, scored nearly as well
        scored("c1", 0.90, 0.20),  # the same share, scored well below
        scored("d1", 0.80, 0.50),  # near the best share
        scored("a2", 0.70, 0.10),  # a's other provision
    ]
    docs = {"a1": "a", "b1": "b", "c1": "c", "d1": "d", "a2": "a"}
    assert answering_documents(answering, docs) == {"a": "a1", "b": "b1", "d": "d1"}


def test_the_next_documents_close_behind_the_best_are_listed_too() -> None:
    def weighed(pid: str, score: float) -> tuple[float, Scored]:
        return score, Scored(pid, score, 0.2, 0.2, True)

    provisions = [
        weighed("a1", 0.90),  # the best
        weighed("a2", 0.85),  # the best document's other provision
        weighed("b1", 0.70),  # below the threshold, close behind the best
        weighed("c1", 0.66),  # … just above the floor
        weighed("d1", 0.60),  # too far below
    ]
    docs = {"a1": "a", "a2": "a", "b1": "b", "c1": "c", "d1": "d"}
    assert nearby_documents(provisions, docs) == {"a": "a1", "b": "b1", "c": "c1"}
    # Far below a strong best, a document is not close behind it.
    assert nearby_documents([weighed("a1", 1.5), *provisions[1:]], docs) == {"a": "a1"}


@pytest.mark.parametrize(
    ("question", "intent"),
    [
        ("Which government work reports deal with rural teachers' pay?", "documents"),
        ("Which of the State Council work reports call for tackling formalism?", "documents"),
        ("哪些政府工作报告提到了乡村教师？", "documents"),
        ("哪几部地方性法规规定了容错？", "documents"),
        # The place is asked, not the document: a verb stands between.
        ("Which provinces have regulations on fault tolerance?", "which_regions"),
        ("Which cities report higher pay for township officials?", "which_regions"),
        ("哪些地区出台了容错办法？", "which_regions"),
        # News articles are documents; a law's articles that say something are provisions.
        ("Which articles report on rotating officials between towns?", "documents"),
        ("How many days does the office have, and which articles say so?", "fact"),
        # 头几年 is a time, not a number asked: the question is whether.
        ("新录用的干部头几年是不是可以不交房租？", "yes_no"),
        ("干部在乡镇工作满几年可以申请疗休养？", "fact"),
    ],
)
def test_a_documents_question_may_qualify_the_kind_of_document(question: str, intent: str) -> None:
    assert classify_intent(question, 0).value == intent


DINGXI = (
    "——甘肃定西激励乡镇干部担当作为调查\n"
    "通渭县为表现突出的乡镇干部开通职级晋升绿色通道。\n"
    "2024年，岷县对工作群进行清理，乡镇层面保留的工作群精简到260个，"
    "非工作时间不得在工作群里布置任务。\n"
)


def test_which_place_names_the_place_its_best_evidence_is_about(tmp_path: Path) -> None:
    with library_of(tmp_path, {"dingxi.txt": DINGXI}) as library:
        answer = ask(library, "甘肃哪个县清理了乡镇干部手机上的工作群？")
        assert "岷县" in [region.label_zh for region in answer.regions]
        assert "工作群精简到260个" in quotes(answer)


def test_asked_which_county_the_evidence_naming_a_county_weighs_more(tmp_path: Path) -> None:
    overview = (
        "山西省关心关爱乡镇干部工作综述\n"
        "全省为乡镇干部协调解决两地分居问题，推动配偶就近就业。\n"
        "岢岚县为两地分居的乡镇干部协调配偶在县城安排工作，去年帮助了42人。\n"
        "全省持续推进乡镇干部周转房建设，改善乡镇干部工作生活条件。\n"
    )
    with library_of(tmp_path, {"overview.txt": overview}) as library:
        answer = ask(library, "山西省哪个县为两地分居的乡镇干部解决配偶就业问题？")
        # The province's own sentence holds more of the words; the county's is the answer.
        assert "岢岚县为两地分居" in quotes(answer)
        assert any(region.label_zh == "岢岚县" for region in answer.regions)


# Two provinces' regulations on foreign talent; nothing national.
FOREIGN_TALENT = {
    "zhejiang.md": "# 浙江省人才发展条例\n\n"
    "第一条 为了促进人才发展，制定本条例。\n\n"
    "第二条 本省为外籍高层次人才申请永久居留提供便利。\n",
    "sichuan.md": "# 四川省人才发展条例\n\n"
    "第一条 为了促进人才发展，制定本条例。\n\n"
    "第二条 本省对外籍人才申请永久居留的，简化办理程序。\n",
}


def test_an_english_question_naming_only_china_is_not_narrowed_to_the_national_level(
    tmp_path: Path,
) -> None:
    # "in China" names the country every document is in: the provinces' rules answer.
    with library_of(tmp_path, FOREIGN_TALENT) as library:
        answer = ask(
            library, "Which regulations help foreign talent obtain permanent residence in China?"
        )
        assert {"永久居留" in citation.quote for citation in answer.citations} == {True}
        assert {c.doc_id for c in answer.citations} == {d.doc_id for d in library.store.documents()}


# Two towns each doing one of two things a question offers as alternatives, among
# other burden cuts across the county (more than a type-only answer reads).
TOWNS_CUTTING_BURDENS = (
    "竹山县乡镇干部减负见闻\n"
    "竹山县规范面向乡镇的督查检查考核，全年督查检查事项压减40%。\n"
    "县里清理规范乡镇挂牌，摘除各类牌子300余块。\n"
    "县直部门不得要求乡镇干部重复填报报表、提供材料。\n"
    "县里推行乡镇台账“一本账”，30多本台账合并为8本。\n"
    "未经县委、县政府批准，不得要求乡镇签订责任状。\n"
    "县里严禁以工作留痕代替工作实绩，不得要求乡镇干部拍照留痕。\n"
    "宝丰镇推行“项目专班”，为乡镇干部减负，事务性工作由专班统一办理。\n"
    "官渡镇精简会议文件，乡镇全年发文数量减少三成，为干部减负。\n"
    "得胜镇清理村级组织出具的证明事项，为村干部减负。\n"
    "柳林乡推行督查检查“合并办”，同一事项只查一次，为干部减负。\n"
    "深河乡对乡镇干部考核实行“一张表”，为基层减负。\n"
    "擂鼓镇对各类工作群进行清理，把40多个微信工作群精简为6个。\n"
    "竹坪乡实行干部“周三无会日”，每周三乡里不开会、不发文。\n"
)


def test_each_alternative_a_question_offers_is_read_without_the_other(tmp_path: Path) -> None:
    text = "哪些乡镇通过精简工作群或者设立固定的不开会日来为干部减负？"
    assert alternative_sides(text, "zh", load_segmenter().words(text)) == (
        ("通过", "精简", "工作群"),
        ("设立", "固定", "不开会"),  # 不开会 is a burden-reduction term, kept whole
    )
    # A word and its synonym (兼任或挂任) are not two alternatives.
    synonyms = "哪些法规允许科技人员到公司里兼任或挂任职务？"
    assert alternative_sides(synonyms, "zh", load_segmenter().words(synonyms)) == ()
    with library_of(tmp_path, {"zhushan.txt": TOWNS_CUTTING_BURDENS}) as library:
        answer = ask(library, text)
        towns = {region.label_zh for region in answer.regions}
        assert {"擂鼓镇", "竹坪乡"} <= towns, answer.answer
        # The town cutting its work groups holds every word of its alternative and none
        # of the other's: read without them, it ranks with the best, not below the
        # towns that only share 减负 and 乡镇.
        texts = library.catalog().provision_text
        best = [texts[pid] for pid in answer.retrieved[:2]]
        assert any("工作群精简为6个" in t for t in best), best


def test_a_central_bodys_provision_naming_no_place_is_the_nations(tmp_path: Path) -> None:
    rules = (
        "# 乡镇公务员激励保障办法\n\n"
        "2025年4月18日人力资源社会保障部印发　人社部发〔2025〕21号\n\n"
        "第一条 为了激励乡镇公务员担当作为，制定本办法。\n\n"
        "第十五条 乡镇公务员参加上级召开的会议和培训，一般每月累计不超过三天。\n"
    )
    with library_of(tmp_path, {"rules.md": rules}) as library:
        answer = ask(library, "乡镇公务员每月参加上级会议和培训最多几天？")
        assert "一般每月累计不超过三天" in quotes(answer)
        assert [region.label_zh for region in answer.regions] == ["中华人民共和国"]


def test_a_byline_an_outlet_line_or_a_question_is_never_cited_as_evidence(tmp_path: Path) -> None:
    speech = (
        "让大别山里的干部安心干事\n"
        "——在全省基层干部队伍建设工作经验交流会上的发言\n"
        "中共金寨县委书记　储卫东\n"
        "（2025年11月7日）\n"
        "金寨县地处大别山腹地，全县23个乡镇中有一半以上是深山库区乡镇。\n"
        "下一步，我们要重点抓好哪几件事？\n"
        "下一步，我们要建立乡镇工作补贴随县级财力增长的动态调整机制。\n"
        "每年从县直机关选派50名年轻干部到深山库区乡镇任职。\n"
    )
    with library_of(tmp_path, {"speech.txt": speech}) as library:
        answer = ask(library, "金寨县委书记在交流发言中提出下一步要重点抓好哪几件事？")
        cited = quotes(answer)
        assert "动态调整机制" in cited
        assert "储卫东" not in cited and "交流会上的发言" not in cited, cited
        assert "哪几件事" not in cited, cited  # a question asks; it says nothing


# One town doing it, one county planning it, and a county's plans asked about.
EXCHANGE_NEWS = (
    "两地乡镇干部见闻\n"
    "湖北省竹山县得胜镇与县直部门建立干部互派机制，每年互派10名干部。\n"
    "下一步，乳源瑶族自治县将推动县直机关和瑶族聚居镇干部双向交流，每年交流不少于20名。\n"
    "乳源瑶族自治县为瑶族聚居镇干部每人每月发放800元山区补贴。\n"
    "明年，乳源瑶族自治县将为乡镇干部新建周转房60套。\n"
)


def test_which_places_lists_those_planning_it_after_those_doing_it(tmp_path: Path) -> None:
    with library_of(tmp_path, {"news.txt": EXCHANGE_NEWS}) as library:
        answer = ask(library, "哪些地方建立了县直部门与乡镇干部互派或双向交流的机制？")
        names = [region.label_zh for region in answer.regions]
        assert names[:2] == ["得胜镇", "乳源瑶族自治县"], answer.answer
        assert "计划或建议" in answer.answer.split("；")[1]
        # Asked what the county plans, it lists its plans, of whatever type.
        plans = ask(library, "乳源瑶族自治县下一步有什么打算？")
        cited = quotes(plans)
        assert "每年交流不少于20名" in cited and "新建周转房60套" in cited, plans.answer


def test_a_term_written_out_in_full_is_read_as_the_texts_write_it() -> None:
    words = load_segmenter().words("哪些文件提到让干部轮流休息？")
    assert abbreviations(words, load_vocabulary()) == ("轮休",)
    assert abbreviations(load_segmenter().words("哪些地方给干部发补贴？"), load_vocabulary()) == ()


def test_a_yes_about_a_specific_payment_needs_that_payment(tmp_path: Path) -> None:
    briefing = (
        "衢州市山区乡镇干部工作简报\n"
        "衢州市实施市县机关年轻干部“墩苗”计划，选派60名机关干部到山区乡镇任职两年。\n"
        "衢州市将山区乡镇干部的乡镇工作补贴提高到每人每月500元。\n"
        "江山市为驻村干部每人每月发放300元生活补贴。\n"
    )
    with library_of(tmp_path, {"briefing.txt": briefing}) as library:
        other = ask(library, "衢州市的“墩苗”计划是否给下派到山区乡镇的机关干部发放专项生活补助？")
        assert other.answer.startswith("没有"), other.answer
        same = ask(library, "衢州市是否提高了山区乡镇干部的乡镇工作补贴？")
        assert same.answer.startswith("是"), same.answer
        # The same payment in other words (生活补贴 for 生活补助) still says yes.
        paraphrase = ask(library, "江山市是否给驻村干部发放生活补助？")
        assert paraphrase.answer.startswith("是"), paraphrase.answer


# Three documents providing housing for officials in passing, one on something else.
HOUSING_DOCUMENTS = {
    "report.txt": "关于朝阳市乡镇干部队伍建设情况的调研报告\n"
    "各县也进行了探索：建平县建成乡镇干部周转房210套，北票市每年定向遴选15名乡镇干部。\n",
    "rules.md": "# 重庆市基层干部关爱激励条例\n\n"
    "第一条 为了关心关爱基层干部，制定本条例。\n\n"
    "第六条 区县人民政府应当建设乡镇干部周转房，优先保障新录用干部。\n",
    "reply.txt": "关于市政协提案的答复\n"
    "市财政安排专项资金，支持乡镇建设干部周转宿舍，目前已建成1260套。\n",
    "exams.txt": "关于乡镇干部年度考核的通知\n"
    "各乡镇要在12月底前完成干部年度考核，考核结果报县委组织部。\n",
}


def test_documents_naming_a_domain_term_the_question_names_are_all_listed(
    tmp_path: Path,
) -> None:
    with library_of(tmp_path, HOUSING_DOCUMENTS) as library:
        english = ask(
            library, "Which documents deal with providing turnover housing for officials?"
        )
        titles = ("朝阳市乡镇干部队伍", "重庆市基层干部", "市政协提案")
        assert all(title in english.answer for title in titles), english.answer
        assert "年度考核的通知" not in english.answer, english.answer
        # A Chinese question naming the term lists the documents naming it.
        chinese = ask(library, "哪些文件提到为乡镇干部建设周转房？")
        assert all(title in chinese.answer for title in titles[:2]), chinese.answer
        assert "年度考核的通知" not in chinese.answer, chinese.answer


# Five towns each showing or scoring officials' work their own way, among county measures.
TOWNS_SHOWING_WORK = (
    "竹山县乡镇干部考核见闻\n"
    "竹山县把乡镇干部的实绩考核作为激励的抓手。\n"
    "官渡镇每季度组织群众代表为驻村干部打分，打分结果占年度考核分值的30%。\n"
    "擂鼓镇每月在镇政府公示栏张榜公布干部工作实绩。\n"
    "宝丰镇实行干部“一周一晒”，每周一在镇干部大会上晾晒各人上周的工作进度。\n"
    "得胜镇每月张贴干部实绩“红黑榜”。\n"
    "柳林乡推行乡镇干部“实绩亮晒”，每月在便民服务中心公示干部办结事项，接受群众评议。\n"
    "县里为乡镇干部发放乡镇工作补贴，每人每月500元。\n"
    "县里每年组织乡镇干部健康体检一次。\n"
    "县里对乡镇干部实行年度考核，考核结果与绩效奖金挂钩。\n"
    "县直部门选派干部到乡镇挂职锻炼，为期一年。\n"
    "县里评选表彰十名优秀乡镇干部。\n"
)


def test_which_towns_reads_past_the_best_three_provisions(tmp_path: Path) -> None:
    with library_of(tmp_path, {"zhushan.txt": TOWNS_SHOWING_WORK}) as library:
        answer = ask(library, "哪些乡镇公开晾晒或张榜公布干部的工作实绩？")
        towns = {region.label_zh for region in answer.regions}
        assert {"官渡镇", "擂鼓镇", "宝丰镇", "得胜镇", "柳林乡"} <= towns, answer.answer


def test_a_term_naming_a_type_is_asked_as_that_type(tmp_path: Path) -> None:
    commentary = (
        "让苏北乡镇干部留得住\n"
        "《新华日报》（2025年11月4日　第3版）\n"
        "苏北乡镇干部职级晋升慢、交流渠道窄，我省已对苏北乡镇干部每月增发400元补贴。\n"
        "一是建议对苏北乡镇干部实行职级晋升单列计划，单列比例不低于45%。\n"
        "二是要建立苏南苏北乡镇干部互派挂职机制，每年互派不少于300名。\n"
        "三是要推行乡镇干部周转房标准化建设。\n"
    )
    with library_of(tmp_path, {"commentary.txt": commentary}) as library:
        answer = ask(library, "这篇评论对江苏苏北乡镇干部的职级晋升和干部交流提出了什么建议？")
        cited = quotes(answer)
        # 干部交流 is the exchange type's name: the 互派挂职 advice answers it.
        assert "单列比例不低于45%" in cited and "每年互派不少于300名" in cited, answer.answer


SECONDMENTS = {
    "fengyang.txt": "凤阳县激励干部担当作为情况\n"
    "凤阳县每年选派35周岁以下年轻干部到村任职，任期两年，在一线磨砺本领。\n",
    "laoshan.txt": "崂山区年轻干部培养情况\n"
    "崂山区选派60名35周岁以下年轻干部到社区挂职，在服务群众中经受锻炼。\n",
    "baoji.md": "# 宝鸡市激励干部担当作为实施细则\n\n"
    "第一条 为了激励干部担当作为，制定本细则。\n\n"
    "第九条 凤翔区作为本市机关干部“墩苗”锻炼基地，承接市直部门年轻干部驻村任职。\n",
    "tianjin.txt": "天津市与甘肃省干部交流情况报告\n"
    "天津市选派党政干部到甘肃挂职锻炼，接收甘方干部来津跟班学习。\n",
}


def test_a_term_naming_a_type_also_finds_that_type_in_other_words(tmp_path: Path) -> None:
    with library_of(tmp_path, SECONDMENTS) as library:
        answer = ask(
            library,
            "Where are young officials from government offices sent to villages or urban "
            "communities on appointments or secondments to toughen them up at the grassroots?",
        )
        places = {region.label_zh for region in answer.regions}
        assert {"凤阳县", "崂山区"} <= places, answer.answer


@pytest.mark.parametrize(
    ("question", "level"),
    [
        ("Which townships in Lhasa's Dazi district arrange something of their own?", "town"),
        ("达孜区有哪些乡为援藏干部作了专门安排？", "town"),
        ("Which county in Yantai city reports this?", "county"),
        ("哪些县为乡镇干部提供交通补贴？", "county"),
    ],
)
def test_the_level_asked_with_which_goes_before_a_level_named_in_passing(
    question: str, level: str
) -> None:
    asked = requested_level(question)
    assert asked is not None and asked.value == level


@pytest.mark.parametrize(
    "question",
    [
        "哪些县或镇为驻点干部配建了带厨房的住处？",
        "哪些县、乡镇建立了容错机制？",
        "Which counties or towns built staff housing?",
    ],
)
def test_two_levels_asked_together_ask_for_places_of_either(question: str) -> None:
    assert requested_level(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "By how much did Beijing's Yanqing district cut the items it appraises townships on?",
        "What has Yanqing in Beijing done for township officials?",
        "In Yanqing District, Beijing, what was cut?",
    ],
)
def test_an_english_place_written_to_locate_another_is_not_asked(question: str) -> None:
    # Beijing's Yanqing district: Yanqing is asked; Beijing says where it lies.
    assert understand(question, load_gazetteer(), load_vocabulary(), []).region_codes == ("110119",)


def test_a_town_answers_a_question_asking_for_counties_or_towns(tmp_path: Path) -> None:
    texts = {
        "news.txt": "铜仁茶乡留住科技人才\n"
        "木黄镇为驻镇科技特派员改造了8套“专家小院”，配齐厨房和热水。\n",
        "aid.txt": "关于做好援藏干部人才服务保障工作的通知\n"
        "（二）错那市为在勒布沟驻点的援藏干部人才配建集体食堂和厨房。\n",
    }
    with library_of(tmp_path, texts) as library:
        answer = ask(library, "哪些县或镇为驻点的科技人员配建了带厨房的住处？")
        assert "木黄镇" in {region.label_zh for region in answer.regions}, answer.answer


# Two townships doing something of their own for aid officials, under their district.
DAZI = (
    "镇江市援藏工作三年总结\n"
    "达孜区为援藏干部人才统一安排周转宿舍，宿舍全部配备制氧机。\n"
    "章多乡为在乡工作的援藏干部每人结对一名藏族干部作“语言师傅”，帮助援藏干部学会日常藏语。\n"
    "唐嘎乡每年藏历新年邀请援藏干部到牧民家中过年。\n"
)


def test_asked_which_places_of_a_level_the_evidence_names_them(tmp_path: Path) -> None:
    with library_of(tmp_path, {"dazi.txt": DAZI}) as library:
        answer = ask(library, "达孜区有哪些乡为援藏干部作了自己的安排？")
        places = {region.label_zh for region in answer.regions}
        assert {"章多乡", "唐嘎乡"} <= places, answer.answer
        assert "达孜区" not in places, answer.answer


MENTAL_HEALTH = {
    "xinjiang.txt": "关于关心关爱基层干部的意见\n"
    "（四）加强心理关爱。开通基层干部心理咨询热线，对压力较大的干部及时谈心。\n"
    "各地每年组织乡镇干部健康体检一次。\n",
    "news.txt": "山区县关爱乡镇干部见闻\n"
    "昭觉县把乡镇干部心理健康测评纳入年度体检，测评结果只向本人反馈。\n"
    "修水县在每个乡镇建起干部“暖心驿站”，配备阅览室、健身室和心理咨询室。\n"
    "武宁县为乡镇干部发放交通补贴，每人每月300元。\n",
}


def test_which_places_takes_the_best_evidence_whatever_type_its_measures_have(
    tmp_path: Path,
) -> None:
    with library_of(tmp_path, MENTAL_HEALTH) as library:
        answer = ask(
            library, "Which places offer township officials psychological counselling support?"
        )
        places = {region.label_zh for region in answer.regions}
        assert {"昭觉县", "修水县"} <= places, answer.answer


def test_comparing_places_on_no_named_topic_lists_what_each_does(tmp_path: Path) -> None:
    report = (
        "长江沿线四市激励乡镇干部见闻\n"
        "宜昌市每年评选30名“宜昌最美乡镇干部”，获评干部年度考核直接定为优秀。\n"
        "芜湖市实施乡镇干部“赋能计划”，每年选派乡镇干部到长三角城市跟班学习。\n"
    )
    with library_of(tmp_path, {"report.txt": report}) as library:
        answer = ask(library, "Compare Yichang and Wuhu on how they motivate township officials.")
        assert "(none found)" not in answer.answer, answer.answer
        cited = quotes(answer)
        assert "宜昌最美乡镇干部" in cited and "赋能计划" in cited, answer.answer


def test_the_first_part_of_a_question_is_answered_when_the_best_evidence_answers_the_second(
    tmp_path: Path,
) -> None:
    summary = (
        "镇江市援藏工作三年总结\n"
        "2022年6月，我市第十批援藏干部人才共有34名进藏，其中党政干部10名。\n"
        "我市按每人每月2000元的标准为援藏干部人才发放援藏工作生活补助。\n"
        "援藏干部人才每年安排两次回镇休假。\n"
    )
    with library_of(tmp_path, {"summary.txt": summary}) as library:
        answer = ask(
            library, "镇江市第十批援藏干部人才共有多少名？援藏工作生活补助每人每月多少元？"
        )
        cited = quotes(answer)
        assert "共有34名进藏" in cited and "每人每月2000元" in cited, answer.answer


def test_the_level_an_english_question_asks_is_not_translated_as_its_content() -> None:
    text = "Which towns run regular evening classes for their young officials?"
    question = understand(text, load_gazetteer(), load_vocabulary(), [])
    assert "城市" not in question.expansions and "夜校" in question.expansions, question.expansions


def test_a_place_written_only_to_locate_the_next_is_not_asked() -> None:
    def asked(text: str) -> tuple[str, ...]:
        return understand(text, load_gazetteer(), load_vocabulary(), []).region_codes

    assert asked("湖南通道侗族自治县哪个乡为乡镇干部建了职工之家？") == ("431230",)
    # Two places apart are both asked: the meeting's city and the region it was about.
    assert len(asked("在黑龙江省哈尔滨市召开的座谈会对东北地区的干部交流提出了什么要求？")) >= 2
