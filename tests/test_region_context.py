"""The document's own region, words that stand for it, abbreviations, senders and receivers."""

from __future__ import annotations

import pytest

from policykg.ingest.document_region import document_region, dominant_region
from policykg.ingest.gazetteer import Gazetteer, load_gazetteer
from policykg.ingest.metadata import extract_metadata
from policykg.ingest.models import Document, DocumentMeta, MentionRole, document_id
from policykg.ingest.pipeline import parse_document
from policykg.ingest.region_shorthand import load_shorthand
from policykg.ingest.regions import link_regions

CHENZHOU, HUNAN, ZHEJIANG = "431000", "430000", "330000"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def document(text: str, title: str | None = None) -> Document:
    meta = extract_metadata(text, "t", title)
    return Document(document_id(text), "/tmp/t.txt", "txt", "utf-8", text, meta)


def linked(text: str, gazetteer: Gazetteer, region: str | None = None) -> list[tuple[str, str]]:
    found = link_regions(text, gazetteer, document_region=region)
    for mention in found:
        assert text[mention.start : mention.end] == mention.surface
    return [(m.surface, m.code) for m in found]


CITY_NOTICE = (
    "关于印发激励干部担当作为若干措施的通知\n"
    "中共郴州市委组织部\n"
    "各县市区委组织部：\n"
    "为进一步激励干部担当作为，结合我市实际，制定本措施。\n"
    "浙江省建立容错免责机制。我市建立容错纠错机制，对改革创新中的失误依规予以容错。\n"
    "市委组织部会同市纪委监委建立澄清正名机制。\n"
)


def test_city_notice_region_comes_from_its_issuer(gazetteer: Gazetteer) -> None:
    notice = document(CITY_NOTICE)
    assert document_region(notice, link_regions(notice.text, gazetteer), gazetteer) == CHENZHOU


def test_title_names_the_region_over_a_dominant_other(gazetteer: Gazetteer) -> None:
    text = "浙江省杭州市、宁波市、温州市都有做法。"
    titled = document(text, title="郴州市苏仙区干部激励办法")
    assert document_region(titled, link_regions(text, gazetteer), gazetteer) == "431003"
    assert document_region(document(text), link_regions(text, gazetteer), gazetteer) == ZHEJIANG


def test_header_line_and_sidecar_name_give_the_region(gazetteer: Gazetteer) -> None:
    text = "中共仙居县委\n关于进一步激励干部担当作为的意见\n全县各级党组织要建立容错机制。\n"
    headed = document(text, title="关于进一步激励干部担当作为的意见")
    assert headed.meta.authority is None  # neither title nor authority: the header line decides
    assert document_region(headed, [], gazetteer) == "331024"
    named = Document(
        "d1", "/tmp/t.txt", "txt", "utf-8", "正文。", DocumentMeta(title="t", region_code="郴州市")
    )
    assert document_region(named, [], gazetteer) == CHENZHOU


def test_wo_shi_stands_for_the_city_and_measures_follow(gazetteer: Gazetteer) -> None:
    assert linked("结合我市实际，我市建立容错纠错机制。", gazetteer, CHENZHOU) == [
        ("我市", CHENZHOU),
        ("我市", CHENZHOU),
    ]
    parsed = parse_document(document(CITY_NOTICE))
    assert parsed.document.meta.region_code == CHENZHOU
    implicit = [m for m in parsed.region_mentions if m.implicit]
    assert {m.surface for m in implicit} == {"我市", "市委", "市纪委"}
    assert {m.code for m in implicit} == {CHENZHOU}
    # Without 我市 the sentence would inherit the paragraph's 浙江省.
    held = {m.label_zh: m.region_codes for m in parsed.measures}
    assert held["容错纠错机制"] == (CHENZHOU,)
    assert held["容错免责机制"] == (ZHEJIANG,)


def test_quan_sheng_in_a_province_report(gazetteer: Gazetteer) -> None:
    text = "全省推行职级晋升预公告制度，省委组织部牵头，本省各市县落实。"
    assert linked(text, gazetteer, ZHEJIANG) == [
        ("全省", ZHEJIANG),
        ("省委", ZHEJIANG),
        ("本省", ZHEJIANG),
    ]


def test_self_reference_takes_the_ancestor_at_its_level(gazetteer: Gazetteer) -> None:
    text = "全市统一部署，全区率先试点，本县暂不实行。"
    # In a 杨浦区 notice 全市 is 上海市 and 全区 杨浦区; no county above a district.
    assert linked(text, gazetteer, "310110") == [("全市", "310000"), ("全区", "310110")]
    # In a 宁夏 report 全区 is the autonomous region; 全市 has no fitting level.
    assert linked(text, gazetteer, "640000") == [("全区", "640000")]
    assert linked(text, gazetteer, None) == []


def test_spoken_level_words_are_the_place_just_named_else_the_documents(
    gazetteer: Gazetteer,
) -> None:
    # In a 云南 commentary, 省里 after 福建 is 福建省; 县直部门 with no county near is the
    # document's own county (新县 in a report on it).
    text = "福建山区乡镇多，省里统一发放补贴。"
    assert linked(text, gazetteer, "530000") == [("福建", "350000"), ("省里", "350000")]
    assert linked("县直部门不得把任务转嫁给乡镇。", gazetteer, "411523") == [("县直", "411523")]


def test_self_reference_words_inside_other_words_are_not_regions(gazetteer: Gazetteer) -> None:
    text = "健全县级考核，城市委员会研究，全市场主体参与，各市委组织部落实，郴州市委决定。"
    assert linked(text, gazetteer, CHENZHOU) == [("郴州市", CHENZHOU)]


def test_abbreviation_runs_and_compounds_expand(gazetteer: Gazetteer) -> None:
    assert linked("沪苏浙皖共建干部交流机制", gazetteer) == [
        ("沪", "310000"),
        ("苏", "320000"),
        ("浙", "330000"),
        ("皖", "340000"),
    ]
    assert linked("闽宁协作率先互派干部", gazetteer) == [("闽", "350000"), ("宁", "640000")]
    assert linked("江浙沪干部", gazetteer) == [("江", "320000"), ("浙", "330000"), ("沪", "310000")]
    delta = link_regions("长三角一体化发展", gazetteer)
    assert [m.code for m in delta] == ["M01"]
    members = gazetteer.get("M01").members  # type: ignore[union-attr]
    assert set(members) == {"310000", "320000", "330000", "340000"}


def test_single_abbreviations_only_in_safe_contexts(gazetteer: Gazetteer) -> None:
    assert linked("浙商回归，皖籍干部赴京学习，在沪企业，港资台企", gazetteer) == [
        ("浙", "330000"),
        ("皖", "340000"),
        ("京", "110000"),
        ("沪", "310000"),
        ("港", "810000"),
        ("台", "710000"),
    ]
    ordinary = "建立新机制，出台新政策迈上新台阶，提高津贴，职级晋升，经济复苏，宁可多干，青年干部，甘于奉献"
    assert linked(ordinary, gazetteer) == []
    assert linked("闽宁镇的干部", gazetteer) == []  # a town's name, not the two provinces


def test_aid_sender_and_receiver_stay_apart(gazetteer: Gazetteer) -> None:
    roles = [
        (m.surface, m.code, m.role)
        for m in link_regions("杭州市选派干部到阿克苏地区、喀什地区挂职。", gazetteer)
    ]
    assert roles == [
        ("杭州市", "330100", MentionRole.SENDER),
        ("阿克苏地区", "652900", MentionRole.RECEIVER),
        ("喀什地区", "653100", MentionRole.RECEIVER),
    ]
    aid = link_regions("上海市援疆干部在当地推动干部激励。", gazetteer)
    assert [(m.surface, m.code, m.role) for m in aid] == [
        ("上海市", "310000", MentionRole.SENDER),
        ("疆", "650000", MentionRole.RECEIVER),
    ]
    support = link_regions("福建省对口帮扶宁夏，新疆维吾尔自治区做好援疆干部服务。", gazetteer)
    assert [m.role for m in support] == [
        MentionRole.SENDER,
        MentionRole.RECEIVER,
        MentionRole.NONE,  # 新疆 itself is not the sender of 援疆
        MentionRole.RECEIVER,
    ]


def test_mutual_exchange_has_no_sides(gazetteer: Gazetteer) -> None:
    found = link_regions("福建与宁夏互派干部到对方挂职。", gazetteer)
    assert {m.role for m in found} == {MentionRole.NONE}


def test_the_receiving_county_does_not_hold_the_senders_measure(gazetteer: Gazetteer) -> None:
    text = "杭州市选派优秀干部到仙居县挂职锻炼，建立容错纠错机制。\n"
    parsed = parse_document(document(text))
    assert parsed.measures
    assert all("331024" not in m.region_codes for m in parsed.measures)


def test_shared_county_name_resolved_by_the_document_region(gazetteer: Gazetteer) -> None:
    text = "鼓楼区推行干部容错纠错机制。"
    assert linked(text, gazetteer) == []
    assert linked(text, gazetteer, "320100") == [("鼓楼区", "320106")]
    assert linked(text, gazetteer, "350000") == [("鼓楼区", "350102")]  # 福州's, in a 福建 text


def test_dominant_region_descends_while_one_place_dominates(gazetteer: Gazetteer) -> None:
    text = "山东烟台市芝罘区推行澄清正名。芝罘区纪委监委召开会议。芝罘区建立机制。"
    assert dominant_region(link_regions(text, gazetteer), gazetteer) == "370602"
    mixed = "浙江省杭州市、宁波市和温州市分别试点。"
    assert dominant_region(link_regions(mixed, gazetteer), gazetteer) == ZHEJIANG


def test_every_abbreviation_names_a_gazetteer_region(gazetteer: Gazetteer) -> None:
    lexicon = load_shorthand()
    codes = [
        *(code for code, _ in lexicon.letters.values()),
        *(code for codes in lexicon.compounds.values() for code in codes),
        *lexicon.receiving.values(),
    ]
    assert [code for code in codes if gazetteer.get(code) is None] == []
    assert len({code for code, _ in lexicon.letters.values()}) == 34  # every province-level unit
    assert linked("推进兵地融合发展", gazetteer) == [("兵", "Z65001"), ("地", "650000")]


def test_a_news_dateline_is_where_it_was_filed_not_what_it_is_about(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "新华社长沙2025年3月2日电  题：山里的干部留得住——湖南汝城县关爱基层干部见闻\n"
        "汝城县为乡镇干部建起周转房，干部下村有了落脚处。\n"
    )
    news = document(text)
    region = document_region(news, link_regions(text, gazetteer), gazetteer)
    assert region == gazetteer.by_name("汝城县")[0].code


def test_a_provincial_papers_commentary_speaks_for_the_papers_province(
    gazetteer: Gazetteer,
) -> None:
    text = (
        "向沪苏浙学什么\n"
        "《河北日报》2025年9月16日　评论\n"
        "上海市对远郊乡镇干部发放补贴。浙江省推行职级单列。我省从2024年起提高乡镇工作补贴。\n"
    )
    mentions = link_regions(text, gazetteer)
    assert document_region(document(text), mentions, gazetteer) == "130000"  # 河北省, not 河北区
    # Without a 我省 the paper's place is only where it is published.
    plain = text.replace("我省", "有的省")
    assert document_region(document(plain), link_regions(plain, gazetteer), gazetteer) is None


@pytest.mark.parametrize(("paper", "province"), [("新华日报", "320000"), ("大众日报", "370000")])
def test_a_paper_not_named_after_its_province_speaks_for_it_by_our_list(
    gazetteer: Gazetteer, paper: str, province: str
) -> None:
    # 《新华日报》 is 江苏's paper though its name names no place (data/news_outlets.tsv).
    text = (
        "向闽鲁川学什么\n"
        f"《{paper}》2025年11月4日　评论\n"
        "福建省推行疗休养。四川省设立观测点。我省从2023年起增发乡镇工作补贴。\n"
    )
    assert document_region(document(text), link_regions(text, gazetteer), gazetteer) == province


def test_a_headline_with_a_comma_stays_above_the_papers_line(gazetteer: Gazetteer) -> None:
    # A headline may hold a comma; the paper's line below it is still the header's.
    text = (
        "给基层减负，要在“减”字上见真章\n"
        "周明哲\n"
        "《新华日报》（2025年10月28日　第3版）\n"
        "苏北一个乡镇的干部手机里装了十几个政务App。建议我省开展政务应用程序专项清理。\n"
    )
    assert document_region(document(text), link_regions(text, gazetteer), gazetteer) == "320000"
