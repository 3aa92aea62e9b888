"""Questions in a reader's own words (放几天假, 聊聊心里话, a village in English), the organs
of a level in a town's report (县纪委监委), a table's last row and a proposal's 案由.
Fixtures written for these tests."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from policykg.ingest.gazetteer import Gazetteer, load_gazetteer
from policykg.ingest.metadata import extract_metadata
from policykg.ingest.models import Document, document_id
from policykg.ingest.pipeline import parse_document
from policykg.ingest.regions import link_regions
from policykg.ingest.regions_en import find_regions_en
from policykg.ingest.segment import load_segmenter
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.ask import ask
from policykg.retrieval.question import understand
from tests.test_answer_scope import MENTAL_HEALTH, TOWNS_CUTTING_BURDENS
from tests.test_answers import library_of, quotes
from tests.test_measure_genres import parse

XIANGSHAN, SHIPU, ANJI, TIANHUANGPING = "330225", "330225-2f34f6", "330523", "330523-6864b4"
HUZHOU = "330500"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def keywords(question: str) -> tuple[str, ...]:
    words = load_segmenter().words(question)
    return understand(question, load_gazetteer(), load_vocabulary(), words).keywords


def test_a_verb_and_its_object_written_apart_are_read_as_one_word() -> None:
    asked = keywords("石浦镇的干部忙完开渔季以后，能不能放几天假？")
    assert "放假" in asked, asked
    # 几天 and 以后 frame the ask; they are not what a provision must hold.
    assert not {"几天", "以后"} & set(asked), asked
    assert "出错" in keywords("工作中出了错的干部，是不是不影响评职称？")


TOWN_REPORT = {
    "shipu.txt": "石浦镇2025年关心关爱干部工作总结\n\n"
    "石浦镇是象山县的渔业重镇，每年开渔季，镇干部要连续多日在码头协调渔船进出港。\n\n"
    "镇里规定，开渔季结束后，参与服务的干部每人错峰调休3天。\n\n"
    "镇党委每季度由主要负责同志与每名中层干部开展一次谈心谈话。\n",
    "other.txt": "关于规范乡镇督查检查考核工作的通知\n\n"
    "各乡镇面向村（社区）的督查检查考核事项，一律报县委督查室统筹。\n",
}


def test_a_yes_no_in_a_readers_words_finds_the_days_off(tmp_path: Path) -> None:
    with library_of(tmp_path, TOWN_REPORT) as library:
        answer = ask(library, "象山县石浦镇的干部忙完开渔季以后，能不能放几天假？")
        assert answer.answer.startswith("是"), answer.answer
        assert "错峰调休3天" in quotes(answer), answer.answer
        # A document asked for in plain words: 聊聊心里话 is 谈心谈话.
        listed = ask(library, "哪些文件提到领导找干部聊聊心里话？")
        assert "石浦镇2025年关心关爱干部工作总结" in listed.answer, listed.answer
        assert "督查检查考核" not in listed.answer, listed.answer


def test_a_village_named_in_english_is_not_the_district_of_its_name(
    gazetteer: Gazetteer,
) -> None:
    named = "Does Anji county send new staff to Futian {} for a month?"
    assert [r.code for r in find_regions_en(named.format("village"), gazetteer)] == [ANJI]
    assert "福田区" in [r.name_zh for r in find_regions_en(named.format("district"), gazetteer)]


def test_a_level_organ_in_a_towns_report_is_its_county() -> None:
    report = (
        "天荒坪镇2025年干部队伍建设工作总结\n\n"
        "县纪委监委今年为我镇2名在民宿整治中出现失误的干部容错免责。\n\n"
        "我镇为新进干部改造周转宿舍12间。\n"
    )
    parsed = parse(report, "天荒坪镇2025年干部队伍建设工作总结", TIANHUANGPING)
    held = {m.label_zh: m.region_codes for m in parsed.measures}
    tolerance = [codes for label, codes in held.items() if "容错免责" in label]
    assert tolerance == [(ANJI,)], held
    assert any(codes == (TIANHUANGPING,) for codes in held.values()), held


def test_together_with_after_an_organ_is_no_county(gazetteer: Gazetteer) -> None:
    text = "由县纪委县监委会同县委组织部作出容错认定，由县住建局会同各乡镇负责实施。"
    assert not any(m.code == "431225" for m in link_regions(text, gazetteer, (), ANJI))
    assert [m.code for m in link_regions("湖南省会同县推行干部夜校。", gazetteer)] == [
        "430000",
        "431225",
    ]


def test_a_note_below_a_table_is_not_its_last_rows() -> None:
    notice = (
        "关于调整乡镇工作补贴标准的通知\n\n"
        "一、乡镇工作补贴按附表标准按月发放。\n\n"
        "附件\n\n"
        "| 序号 | 乡镇 | 月标准（元/人） |\n"
        "|---|---|---|\n"
        "| 1 | 递铺街道 | 400 |\n"
        "| 2 | 天荒坪镇 | 600 |\n\n"
        "注：1. 工作年限补贴按本通知第一条另行计发，不在本表列示。2. 乡镇类别每三年评估调整一次。\n"
    )
    parsed = parse(notice, "关于调整乡镇工作补贴标准的通知", ANJI)
    noted = [m for m in parsed.measures if "工作年限补贴" in m.label_zh]
    assert noted, [m.label_zh for m in parsed.measures]
    assert all(m.region_codes == (ANJI,) for m in noted), noted


def test_a_lead_clauses_place_does_what_the_next_clause_tells() -> None:
    study = (
        "关于基层干部关心关爱工作的调研报告\n\n"
        "各地也探索了一些好做法：安吉县天荒坪镇在旅游旺季结束后，安排参与服务的干部轮流补休；"
        "安吉县规定周末不开会、不发文。\n"
    )
    parsed = parse(study, "关于基层干部关心关爱工作的调研报告", HUZHOU)
    held = {m.label_zh: m.region_codes for m in parsed.measures}
    assert held.get("安排参与服务的干部轮流补休") == (TIANHUANGPING,), held
    assert any(codes == (ANJI,) and "不开会" in label for label, codes in held.items()), held


def test_a_proposals_subject_line_and_issuers_above_a_forwarded_title() -> None:
    proposal = (
        "政协湖州市第九届委员会第三次会议\n提案\n\n第0021号\n\n"
        "案由：关于进一步关心关爱乡镇干部的建议\n\n提案人：王某\n\n"
        "一、基本情况\n\n近年来，我市持续推进关心关爱基层干部工作。\n"
    )
    assert extract_metadata(proposal, "t").title == "关于进一步关心关爱乡镇干部的建议"
    forwarded = (
        "中共安吉县委办公室　安吉县人民政府办公室\n"
        "印发《关于激励乡镇干部担当作为的实施意见》的通知\n\n"
        "安委办发〔2025〕9号\n\n各乡镇党委、政府：\n\n现印发给你们，请认真贯彻落实。\n"
    )
    assert extract_metadata(forwarded, "t").title == (
        "中共安吉县委办公室　安吉县人民政府办公室印发《关于激励乡镇干部担当作为的实施意见》的通知"
    )


def test_a_line_ending_in_a_comma_goes_on_into_the_next() -> None:
    feature = (
        "关爱乡镇干部的几件实事\n\n"
        "安吉县有的乡镇离县城60多公里，\n山路弯弯，周末回趟家不容易。\n"
        "县里为离县城远的乡镇开通了周末“回家专车”，\n每周五下午从乡镇发车。\n\n"
        "（一）每季度开展一次谈心谈话，\n（二）每年安排一次健康体检。\n"
    )
    parsed = parse(feature, "关爱乡镇干部的几件实事", ANJI)
    texts = [p.text for p in parsed.provisions]
    # A sentence broken over lines is one provision, quoted as written (with its break).
    assert "县里为离县城远的乡镇开通了周末“回家专车”，\n每周五下午从乡镇发车。" in texts, texts
    assert all(feature[p.start : p.end] == p.text for p in parsed.provisions)
    # An item's marker starts a new one though the line before ends in a comma.
    assert "（二）每年安排一次健康体检。" in texts or "每年安排一次健康体检。" in texts, texts


def test_a_bare_name_after_the_place_it_begins_is_that_place(gazetteer: Gazetteer) -> None:
    text = "湖滨街道的“湖滨服务之星”每季度评选一次。"
    # The library names 河南 too: 湖滨 alone might be its 湖滨区.
    codes = [m.code for m in link_regions(text, gazetteer, ("330102-cedf60", "410000"))]
    assert "411202" not in codes, codes  # 湖滨区 of 三门峡
    # The county's short form after one of its towns stays the county.
    text = "五峰镇位于县城。五峰把补贴提高到600元。"
    county = [m.code for m in link_regions(text, gazetteer, (), "420529")]
    assert "420529" in county, county


def test_an_issuers_line_above_a_title_of_a_documents_kind_joins_it() -> None:
    report = (
        "中共安吉县天荒坪镇委员会\n2025年度干部队伍建设工作报告\n\n县委组织部：\n\n"
        "2025年，镇党委坚持严管和厚爱结合。\n"
    )
    assert extract_metadata(report, "t").title == (
        "中共安吉县天荒坪镇委员会2025年度干部队伍建设工作报告"
    )


def test_naming_places_in_english_takes_firmer_evidence(tmp_path: Path) -> None:
    documents = {**MENTAL_HEALTH, "zhushan.txt": TOWNS_CUTTING_BURDENS}
    with library_of(tmp_path, documents) as library:
        # Near in meaning (leave, duties of townships), but no place gives leave to marry.
        absent = "Which places give township officials extra leave when they marry or have a child?"
        answer = ask(library, absent)
        assert not answer.regions, answer.answer
        # Evidence holding a term the words render names its places, scoring low or not.
        counselling = "Which places offer township officials psychological counselling support?"
        places = {region.label_zh for region in ask(library, counselling).regions}
        assert {"昭觉县", "修水县"} <= places, places
        groups = ask(library, "Which towns cut the number of work chat groups?")
        assert "擂鼓镇" in {region.label_zh for region in groups.regions}, groups.answer


def test_a_feature_in_short_lines_gives_each_place_its_practice() -> None:
    feature = (
        "关爱乡镇干部的几件实事\n\n"
        "安吉县天荒坪镇的干部说，\n以前加班到晚上，只能泡方便面。\n"
        "现在镇里开了“暖心食堂”，\n每天晚上供应晚餐。\n\n"
        "长兴县有的乡镇离县城50多公里，\n周末回趟家不容易。\n"
        "县里为离县城远的乡镇开通了周末“回家专车”，\n每周五下午从乡镇发车。\n\n"
        "德清县为每名新招录的乡镇公务员配了一名“成长导师”，\n一带就是两年。\n"
    )
    parsed = parse(feature, "关爱乡镇干部的几件实事", HUZHOU)
    held = {m.label_zh: (m.region_codes, m.incentive_type) for m in parsed.measures}
    # 现在 is a time, not 在 (where): the town after it acts.
    assert held.get("暖心食堂") == ((TIANHUANGPING,), "material"), held
    assert held.get("周末回家专车") == (("330522",), "material"), held
    assert held.get("一名成长导师") == (("330521",), "career"), held


def test_a_notices_faults_are_no_practice_and_its_good_practice_was_done() -> None:
    notice = (
        "湖州市基层减负办公室\n关于基层减负典型问题和经验做法的通报\n\n湖减负办〔2025〕3号\n\n"
        "各县（区）：\n\n"
        "一、典型问题\n\n"
        "（一）长兴县某局要求乡镇干部每天通过政务应用程序打卡并上传现场照片。\n\n"
        "二、经验做法\n\n"
        "（一）德清县规范工作群。德清县对面向乡镇的工作群进行全面清理，"
        "明确非工作时间不得在群内布置工作。\n\n"
        "三、工作要求\n\n"
        "各县（区）要严格执行乡镇履职事项清单。\n"
    )
    meta = replace(extract_metadata(notice, "t"), region_code=HUZHOU)
    assert meta.doc_number == "湖减负办〔2025〕3号"  # a notice from above: 要 orders
    parsed = parse_document(
        Document(document_id(notice), "/tmp/n.txt", "txt", "utf-8", notice, meta)
    )
    held = {m.label_zh: (m.region_codes, m.status.value) for m in parsed.measures}
    # The head's lines (issuer, 文号, addressees) name the document, not a measure.
    assert "湖减负办〔2025〕3号" not in held and "基层减负" not in held, held
    assert not any("330522" in codes for codes, _ in held.values()), held  # a fault found
    # Under 经验做法 what a county did, its 不得 its own rule; the closing 要 orders.
    deqing = {status for codes, status in held.values() if codes == ("330521",)}
    assert deqing == {"adopted"}, held
    assert held["严格执行乡镇履职事项清单"][1] == "required", held


def test_plans_under_a_heading_of_problems_and_plans_are_kept() -> None:
    summary = (
        "德清县2025年干部关爱工作总结\n\n"
        "一、主要做法\n\n德清县为乡镇干部每年安排一次健康体检。\n\n"
        "二、存在的问题和下一步打算\n\n"
        "一是心理疏导还比较薄弱。下一步，德清县将在每个乡镇建立干部心理服务站。\n"
    )
    parsed = parse(summary, "德清县2025年干部关爱工作总结", "330521")
    labels = {m.label_zh: m.status.value for m in parsed.measures}
    assert any(
        "心理服务站" in label and status == "recommended" for label, status in labels.items()
    ), labels
