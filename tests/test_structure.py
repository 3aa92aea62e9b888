from __future__ import annotations

import json
import re

import pytest

from policykg.ingest.headings import chinese_numeral, heading_level
from policykg.ingest.models import Provision
from policykg.ingest.structure import LONG_SENTENCE_CHARS, parse_structure
from tests.conftest import SHARED, needs_shared

NOTICE = (
    "关于激励干部担当作为的实施意见\r\n"
    "一、总体要求\r\n"
    "坚持严管和厚爱结合。坚持激励和约束并重！\r\n"
    "（一）完善考核评价。要建立实绩档案;要强化结果运用。\r\n"
    "1. 落实容错纠错机制,细化容错情形。\r\n"
    "二、组织实施\r\n"
    "第一条 各地要结合实际抓好落实。\r\n"
)

# A statute as the shared corpus-law files write it: Markdown title and chapters, a
# history note, articles whose paragraphs (款) and items (项, 目) each stand on a line.
STATUTE = """# 中华人民共和国干部激励法

2020年1月1日 第十三届全国人民代表大会常务委员会第十五次会议通过

<!-- INFO END -->

## 第一章 总则

第一条 为了激励干部担当作为，制定本法。

## 第二章 奖励

### 第一节 一般规定

第二十一条 对工作表现突出的干部，给予奖励。

奖励分为：

（一）嘉奖；

（二）记三等功、记二等功；

（三）授予称号。

对受奖励的干部，可以给予一次性奖金。获得奖励的情况记入本人档案。

第二十二条 干部有下列情形之一的，应当给予奖励：
（一）忠于职守，积极工作，成绩显著的；
（二）在工作中有发明创造，取得显著效益的，包括：
1. 提出合理化建议的；
2. 改进工作方法的。
第二十二条之一 受处分的期间为：警告，六个月；记过，十二个月；记大过，十八个月。
"""

# An official document numbered 一、 （一） 1., some items holding sentences.
MEASURES = """关于进一步激励干部担当作为的若干措施
一、总体要求
坚持严管和厚爱结合，坚持激励和约束并重。
鼓励先行先试。宽容改革失误。
二、主要措施
（一）完善考核评价
（二）强化正向激励
（三）落实容错纠错。要做到以下几点：
1.细化容错情形，明确认定程序。
2.建立澄清正名机制。对受到诬告的干部，及时澄清正名。
三、组织实施
各地要结合实际抓好落实。
"""

# A body made only of numbered lines that end in full stops (issue #13).
ONLY_ITEMS = """关于加强基层干部队伍建设的通知
一、要完善基层干部考核评价机制。
二、要落实容错纠错机制，激励干部担当作为。
三、各地要结合实际抓好落实。
"""

# Sentence-final punctuation (with closing quotes); ； and ： end only an over-long
# sentence's pieces.
_FINAL = re.compile(r"([。！？!?；;：:]|(?<=[\u4e00-\u9fff])\.)[”’」』）)]*$")


def assert_whole_sentences(text: str, provisions: tuple[Provision, ...]) -> None:
    """Every provision is a verbatim span of whole sentences, and has a locator."""
    assert provisions
    for p in provisions:
        assert text[p.start : p.end] == p.text, p
        assert p.locator, p
        line_start = max(text.rfind("\n", 0, p.start), text.rfind("\r", 0, p.start)) + 1
        before = text[line_start : p.start].strip()
        assert not before or _FINAL.search(before), f"starts mid-sentence: {p.text[:30]!r}"
        after = re.split(r"[\r\n]", text[p.end :], maxsplit=1)[0].strip()
        assert not after or _FINAL.search(p.text), f"ends mid-sentence: {p.text[-30:]!r}"


def by_text(provisions: tuple[Provision, ...]) -> dict[str, Provision]:
    return {p.text: p for p in provisions}


def test_headings_are_recognised_by_marker() -> None:
    levels = [
        heading_level(line)
        for line in ("第一章 总则", "一、总体要求", "（一）完善考核评价", "1. 落实容错纠错机制")
    ]
    assert None not in levels
    assert levels == sorted(level or 0 for level in levels) and len(set(levels)) == 4
    assert heading_level("第一条 各地要结合实际") is not None
    assert heading_level("第三条规定的人员，应当接受培训。") is None  # a reference, not an article
    assert heading_level("坚持严管和厚爱结合。") is None


def test_provisions_carry_section_paths_locators_and_exact_spans() -> None:
    sections, provisions = parse_structure("d1", NOTICE, "关于激励干部担当作为的实施意见")
    assert [(p.text, p.locator) for p in provisions] == [
        ("坚持严管和厚爱结合。", "一、"),
        ("坚持激励和约束并重！", "一、"),
        ("（一）完善考核评价。", "一、（一）"),
        ("要建立实绩档案;要强化结果运用。", "一、（一）"),
        ("1. 落实容错纠错机制,细化容错情形。", "一、（一）1."),
        ("第一条 各地要结合实际抓好落实。", "第一条"),
    ]
    assert_whole_sentences(NOTICE, provisions)
    assert provisions[0].section == ("一、总体要求",)
    assert provisions[3].section == ("一、总体要求", "（一）完善考核评价")
    assert provisions[4].section == ("一、总体要求", "（一）完善考核评价", "1. 落实容错纠错机制")
    assert provisions[5].section == ("二、组织实施", "第一条 各地要结合实际抓好落实")
    assert [s.path[-1] for s in sections][:2] == ["一、总体要求", "（一）完善考核评价"]


def test_statute_articles_are_cited_by_article_paragraph_and_item() -> None:
    _, provisions = parse_structure("d1", STATUTE, "# 中华人民共和国干部激励法")
    assert_whole_sentences(STATUTE, provisions)
    locators = {p.text: p.locator for p in provisions}
    assert locators == {  # the history line says how the law was made: no provision
        "第一条 为了激励干部担当作为，制定本法。": "第一条",
        "第二十一条 对工作表现突出的干部，给予奖励。": "第二十一条第一款",
        "奖励分为：": "第二十一条第二款",
        "（一）嘉奖；": "第二十一条第二款第一项",
        "（二）记三等功、记二等功；": "第二十一条第二款第二项",
        "（三）授予称号。": "第二十一条第二款第三项",
        # one 款 of two sentences: an answer may cite both under one locator
        "对受奖励的干部，可以给予一次性奖金。": "第二十一条第三款",
        "获得奖励的情况记入本人档案。": "第二十一条第三款",
        "第二十二条 干部有下列情形之一的，应当给予奖励：": "第二十二条",
        "（一）忠于职守，积极工作，成绩显著的；": "第二十二条第一项",
        "（二）在工作中有发明创造，取得显著效益的，包括：": "第二十二条第二项",
        "1. 提出合理化建议的；": "第二十二条第二项第一目",
        "2. 改进工作方法的。": "第二十二条第二项第二目",
        # ； joins the clauses of one sentence
        "第二十二条之一 受处分的期间为：警告，六个月；记过，十二个月；记大过，十八个月。": (
            "第二十二条之一"
        ),
    }
    item = by_text(provisions)["（一）嘉奖；"]
    assert item.section[:3] == ("第二章 奖励", "第一节 一般规定", "第二十一条 对工作表现突出的干部")
    assert (
        by_text(provisions)["第一条 为了激励干部担当作为，制定本法。"].section[0] == "第一章 总则"
    )


def test_official_documents_are_cited_by_their_numbering_path() -> None:
    _, provisions = parse_structure("d1", MEASURES, "关于进一步激励干部担当作为的若干措施")
    assert_whole_sentences(MEASURES, provisions)
    assert [(p.text, p.locator) for p in provisions] == [
        ("坚持严管和厚爱结合，坚持激励和约束并重。", "一、第1段"),
        ("鼓励先行先试。", "一、第2段"),
        ("宽容改革失误。", "一、第2段"),
        ("（三）落实容错纠错。", "二、（三）"),
        ("要做到以下几点：", "二、（三）"),
        ("1.细化容错情形，明确认定程序。", "二、（三）1."),
        ("2.建立澄清正名机制。", "二、（三）2."),
        ("对受到诬告的干部，及时澄清正名。", "二、（三）2."),
        ("各地要结合实际抓好落实。", "三、"),
    ]


def test_a_body_of_numbered_lines_yields_provisions() -> None:
    _, provisions = parse_structure("d1", ONLY_ITEMS, "关于加强基层干部队伍建设的通知")
    assert [(p.text, p.locator) for p in provisions] == [
        ("一、要完善基层干部考核评价机制。", "一、"),
        ("二、要落实容错纠错机制，激励干部担当作为。", "二、"),
        ("三、各地要结合实际抓好落实。", "三、"),
    ]


def test_unnumbered_text_is_cited_by_paragraph() -> None:
    text = "标题\n第一段的第一句。第一段的第二句。\n第二段只有一句话\n"
    _, provisions = parse_structure("d1", text, "标题")
    assert [(p.text, p.locator) for p in provisions] == [
        ("第一段的第一句。", "第1段"),
        ("第一段的第二句。", "第1段"),
        ("第二段只有一句话", "第2段"),
    ]


def test_a_list_restarting_inside_an_item_nests_below_it() -> None:
    text = "三、任务\n（一）工业\n一、要建设工厂。\n二、要培养工人。\n（二）农业\n要增加生产。\n"
    _, provisions = parse_structure("d1", text, None)
    assert [p.locator for p in provisions] == ["三、（一）一、", "三、（一）二、", "三、（二）"]


def test_an_over_long_sentence_is_split_only_at_semicolons_and_colons() -> None:
    clauses = [f"第{i}项工作要抓紧落实，确保取得实效" for i in range(60)]
    text = "各地要" + "；".join(clauses) + "。后一句。"
    _, provisions = parse_structure("d1", text, None)
    assert "".join(p.text for p in provisions) == text
    assert all(p.text.endswith(("；", "。")) for p in provisions)
    assert max(len(p.text) for p in provisions) <= LONG_SENTENCE_CHARS
    assert provisions[-1].text == "后一句。"


def test_an_over_long_sentence_without_breaks_stays_whole() -> None:
    text = "干部" * 300_000
    _, provisions = parse_structure("d1", text, None)
    assert [p.text for p in provisions] == [text]


def test_chinese_numerals() -> None:
    assert [chinese_numeral(n) for n in (1, 10, 12, 20, 21, 100, 105, 110, 123)] == [
        "一",
        "十",
        "十二",
        "二十",
        "二十一",
        "一百",
        "一百零五",
        "一百一十",
        "一百二十三",
    ]


def test_short_title_lines_open_sections_in_the_seed(seed_text: str) -> None:
    sections, provisions = parse_structure("d1", seed_text, None)
    assert [s.path for s in sections] == [
        ("长三角地区干部队伍激励的创新举措",),
        ("长三角地区干部队伍激励的共性特征",),
        ("对江苏激励干部担当作为的启示",),
    ]
    assert_whole_sentences(seed_text, provisions)
    quotes = [p.text for p in provisions]
    assert "浙江省明确6类21种具体容错情形" in "".join(quotes)
    # mixed ASCII and full-width punctuation: ASCII commas do not end a provision
    assert any(p.text.startswith("物质激励方面,临港新片区") for p in provisions)
    assert provisions[0].locator == "第1段"
    assert {p.locator for p in provisions} == {f"第{n}段" for n in range(1, 13)}


@needs_shared
def test_no_provision_of_a_statute_is_cut_mid_sentence() -> None:
    text = (SHARED / "corpus-law" / "公务员法(2018-12-29).md").read_text(encoding="utf-8")
    _, provisions = parse_structure("d1", text, "# 中华人民共和国公务员法")
    assert_whole_sentences(text, provisions)
    locators = {p.text: p.locator for p in provisions}
    assert locators[
        "受处分的期间为：警告，六个月；记过，十二个月；记大过，十八个月；降级、撤职，二十四个月。"
    ] == ("第六十四条第二款")
    assert locators["（一）具有中华人民共和国国籍；"] == "第十三条第一项"
    assert locators["公务员在挂职期间，不改变与原机关的人事关系。"] == "第七十二条第二款"
    assert not any(p.text.startswith(("#", "<!--")) for p in provisions)


@needs_shared
@pytest.mark.parametrize(
    "name",
    [
        "13-xwlb-20240205-quanguo-zuzhi-buzhang-huiyi.txt",
        "01-news-20150803-gongzhi-renyuan-tiaozi-zhiji-bingxing.txt",
    ],
)
def test_no_provision_of_a_news_text_is_cut_mid_sentence(name: str) -> None:
    text = (SHARED / "corpus-real" / name).read_text(encoding="utf-8")
    title = text.splitlines()[0]
    _, provisions = parse_structure("d1", text, title)
    assert_whole_sentences(text, provisions)
    assert provisions[0].locator == "第1段"


@needs_shared
def test_numbered_items_of_a_report_are_split_into_sentences_not_windows() -> None:
    name = "08-zhejiang-2022-15th-party-congress-report-excerpt.txt"
    text = (SHARED / "corpus-real" / name).read_text(encoding="utf-8")
    _, provisions = parse_structure("d1", text, text.splitlines()[0])
    assert_whole_sentences(text, provisions)
    cited = by_text(provisions)[
        "健全“两新”组织党组织实质作用发挥机制，加强机关、国企、学校、公立医院等各领域党建。"
    ]
    assert cited.locator == "四、2."
    assert by_text(provisions)["1.健全党的全面领导体系。"].locator == "四、1."


@needs_shared
def test_a_government_work_report_is_cited_by_part_item_and_paragraph() -> None:
    path = SHARED / "corpus-large" / "government_work_reports.jsonl"
    record = json.loads(path.read_text(encoding="utf-8").splitlines()[0])  # 2025
    text = f"{record['title']}\n{record['content']}"
    _, provisions = parse_structure("d1", text, record["title"])
    assert_whole_sentences(text, provisions)
    assert by_text(provisions)["实施提振消费专项行动。"].locator == "三、（一）第2段"
