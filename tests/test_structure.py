from __future__ import annotations

from policykg.ingest.structure import heading_level, parse_structure

NOTICE = (
    "关于激励干部担当作为的实施意见\r\n"
    "一、总体要求\r\n"
    "坚持严管和厚爱结合。坚持激励和约束并重！\r\n"
    "（一）完善考核评价。要建立实绩档案;要强化结果运用。\r\n"
    "1. 落实容错纠错机制,细化容错情形。\r\n"
    "二、组织实施\r\n"
    "第一条 各地要结合实际抓好落实。\r\n"
)


def test_headings_are_recognised_by_marker() -> None:
    assert heading_level("一、总体要求") == 2
    assert heading_level("（一）完善考核评价") == 3
    assert heading_level("1. 落实容错纠错机制") == 4
    assert heading_level("第一条 各地要结合实际") == 6
    assert heading_level("坚持严管和厚爱结合。") is None


def test_provisions_carry_section_paths_and_exact_spans() -> None:
    sections, provisions = parse_structure("d1", NOTICE, "关于激励干部担当作为的实施意见")
    texts = [p.text for p in provisions]
    assert texts == [
        "坚持严管和厚爱结合。",
        "坚持激励和约束并重！",
        "要建立实绩档案;",
        "要强化结果运用。",
        "1. 落实容错纠错机制,细化容错情形。",
        "第一条 各地要结合实际抓好落实。",
    ]
    for provision in provisions:
        assert NOTICE[provision.start : provision.end] == provision.text
    assert provisions[0].section == ("一、总体要求",)
    assert provisions[2].section == ("一、总体要求", "（一）完善考核评价")
    assert provisions[4].section == ("一、总体要求", "（一）完善考核评价", "1. 落实容错纠错机制")
    assert provisions[5].section == ("二、组织实施", "第一条 各地要结合实际抓好落实")
    assert [s.path[-1] for s in sections][:2] == ["一、总体要求", "（一）完善考核评价"]


def test_short_title_lines_open_sections_in_the_seed(seed_text: str) -> None:
    sections, provisions = parse_structure("d1", seed_text, None)
    assert [s.path for s in sections] == [
        ("长三角地区干部队伍激励的创新举措",),
        ("长三角地区干部队伍激励的共性特征",),
        ("对江苏激励干部担当作为的启示",),
    ]
    quotes = [p.text for p in provisions]
    assert "浙江省明确6类21种具体容错情形" in "".join(quotes)
    assert all(seed_text[p.start : p.end] == p.text for p in provisions)
    # mixed ASCII and full-width punctuation: ASCII commas do not end a provision
    assert any(p.text.startswith("物质激励方面,临港新片区") for p in provisions)


def test_megabyte_line_is_split_into_bounded_provisions() -> None:
    text = "干部" * 300_000
    _, provisions = parse_structure("d1", text, None)
    assert len(provisions) > 100
    assert max(p.end - p.start for p in provisions) <= 400
    assert "".join(p.text for p in provisions) == text
