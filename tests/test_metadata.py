"""Document metadata as the documents state it, and the user's corrections of it.

Statutes with a history block (the real texts in ../shared/corpus-law, read in
place), official notices (文号 in the header, issuer and date in the footer), HTML
``<meta>``, DOCX core properties and a sidecar; a correction that survives the
document being derived again and its file being edited and ingested again.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import docx
import pytest

from policykg.ingest.history import iso_date
from policykg.ingest.meta_fields import MetaFieldError, normalise_date, parse_correction
from policykg.ingest.metadata import extract_metadata
from policykg.ingest.models import DocKind, IngestError, IssuerLevel
from policykg.ingest.readers import read_document
from policykg.ingest.settings import Settings
from policykg.library import Library
from tests.conftest import SHARED, needs_shared

LAW = SHARED / "corpus-law"
# The issuer, kind and level of each of the 16 statutes, read from their history lines.
LAW_FACTS = {
    "上海市优化营商环境条例(2020-04-10).md": (
        "上海市人民代表大会常务委员会",
        "地方性法规",
        "provincial",
    ),
    "上海市优化营商环境条例(2024-09-27).md": (
        "上海市人民代表大会常务委员会",
        "地方性法规",
        "provincial",
    ),
    "事业单位人事管理条例(2014-04-25).md": ("国务院", "行政法规", "central"),
    "优化营商环境条例(2019-10-22).md": ("国务院", "行政法规", "central"),
    "公务员法(2018-12-29).md": ("全国人民代表大会常务委员会", "法律", "central"),
    "北京国际科技创新中心建设条例(2024-01-25).md": (
        "北京市人民代表大会",
        "地方性法规",
        "provincial",
    ),
    "国家科学技术奖励条例(2020-10-07).md": ("国务院", "行政法规", "central"),
    "国家科学技术奖励条例(2024-05-26).md": ("国务院", "行政法规", "central"),
    "山东省人才发展促进条例(2020-03-26).md": (
        "山东省人民代表大会常务委员会",
        "地方性法规",
        "provincial",
    ),
    "浙江省民营企业发展促进条例(2020-01-16).md": ("浙江省人民代表大会", "地方性法规", "provincial"),
    "监察官法(2021-08-20).md": ("全国人民代表大会常务委员会", "法律", "central"),
    "监察法(2018-03-20).md": ("全国人民代表大会", "法律", "central"),
    "监察法(2024-12-25).md": ("全国人民代表大会常务委员会", "法律", "central"),
    "科学技术进步法(2021-12-24).md": ("全国人民代表大会常务委员会", "法律", "central"),
    "行政机关公务员处分条例(2007-04-22).md": ("国务院", "行政法规", "central"),
    "重大行政决策程序暂行条例(2019-04-20).md": ("国务院", "行政法规", "central"),
}
NOTICE = """中共抚州市委组织部关于进一步激励干部担当作为的通知
抚组发〔2023〕7号
各县（区）委组织部：
为进一步激励干部担当作为，现就有关事项通知如下。
一、落实乡镇工作补贴，乡镇干部每人每月发放补贴400元。
二、2022年12月底前完成首批评选。
中共抚州市委组织部
2023年3月15日
（此件公开发布）
"""
RED_HEAD = """南丰县人民政府文件
丰府发〔2024〕3号
关于推行即时奖励机制的通知
各乡镇人民政府：
为激励干部担当作为，经研究，决定推行“一事一奖”即时奖励机制。
南丰县人民政府
二〇二四年一月十八日
"""


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@needs_shared
def test_every_statute_has_its_version_date_issuer_kind_and_level(settings: Settings) -> None:
    with (LAW / "MANIFEST.tsv").open(encoding="utf-8") as rows:
        manifest = {row["file"]: row for row in csv.DictReader(rows, delimiter="\t")}
    assert set(manifest) == set(LAW_FACTS)
    for name, (issuer, kind, level) in LAW_FACTS.items():
        meta = read_document(LAW / name, settings).meta
        row = manifest[name]
        assert (meta.title, meta.date) == (row["title"], row["version_date"]), name
        assert (meta.authority, meta.doc_kind, meta.level) == (
            issuer,
            DocKind(kind),
            IssuerLevel(level),
        ), name
        assert not meta.title.startswith("#")
        # Every dated line of the history block, in the manifest's order.
        history = [part.strip().split(" ")[0] for part in row["history"].split(" / ")]
        assert [e.text.split(" ")[0].strip("（") for e in meta.dates] == history, name


@needs_shared
def test_the_amended_version_of_a_law_gets_its_own_date(settings: Settings) -> None:
    old = read_document(LAW / "监察法(2018-03-20).md", settings).meta
    new = read_document(LAW / "监察法(2024-12-25).md", settings).meta
    assert (old.date, new.date) == ("2018-03-20", "2024-12-25")
    assert [(e.event, e.date) for e in new.dates] == [
        ("通过", "2018-03-20"),
        ("修正", "2024-12-25"),
    ]
    regulation = read_document(LAW / "事业单位人事管理条例(2014-04-25).md", settings).meta
    assert regulation.doc_number == "中华人民共和国国务院令第652号"
    assert [e.event for e in regulation.dates] == ["通过", "公布", "施行"]  # 施行 is not the date


def test_official_notice_header_and_footer(tmp_path: Path, settings: Settings) -> None:
    meta = read_document(write(tmp_path, "notice.txt", NOTICE), settings).meta
    assert meta.title == "中共抚州市委组织部关于进一步激励干部担当作为的通知"
    assert (meta.authority, meta.doc_number) == ("中共抚州市委组织部", "抚组发〔2023〕7号")
    # The footer's date, not the first date of the body (2022年12月).
    assert meta.date == "2023-03-15"
    assert [(e.event, e.date) for e in meta.dates] == [("成文", "2023-03-15")]
    assert (meta.doc_kind, meta.level) == (DocKind.NORMATIVE_DOCUMENT, IssuerLevel.PREFECTURAL)


def test_red_head_names_the_issuer_and_the_title_follows_the_number(
    tmp_path: Path, settings: Settings
) -> None:
    meta = read_document(write(tmp_path, "red.txt", RED_HEAD), settings).meta
    assert meta.title == "关于推行即时奖励机制的通知"
    assert (meta.authority, meta.doc_number, meta.date) == (
        "南丰县人民政府",
        "丰府发〔2024〕3号",
        "2024-01-18",  # 二〇二四年一月十八日
    )
    assert meta.level is IssuerLevel.COUNTY


def test_a_long_markdown_heading_is_the_whole_title(tmp_path: Path, settings: Settings) -> None:
    title = "关于进一步完善干部考核评价机制推动形成能者上优者奖庸者下劣者汰良好局面" * 2
    path = write(tmp_path, "long.md", f"# {title}\n\n第一条 为了规范考核工作，制定本办法。\n")
    meta = read_document(path, settings).meta
    assert (meta.title, meta.title_supplied) == (title, False)
    assert len(title) > 60


def test_html_meta_gives_title_date_and_issuer(tmp_path: Path, settings: Settings) -> None:
    page = (
        '<html><head><meta charset="utf-8"><title>通知 - 抚州市人民政府网</title>'
        '<meta name="ArticleTitle" content="关于做好干部容错纠错工作的通知">'
        '<meta name="PubDate" content="2023-06-01 09:30">'
        '<meta name="ContentSource" content="抚州市人民政府办公室">'
        '<meta name="author" content="市政府办">'
        "</head><body><p>各县（区）人民政府：</p><p>现就容错纠错工作通知如下。</p></body></html>"
    )
    meta = read_document(write(tmp_path, "page.html", page), settings).meta
    assert (meta.title, meta.date, meta.authority) == (
        "关于做好干部容错纠错工作的通知",
        "2023-06-01",
        "抚州市人民政府办公室",
    )
    assert set(meta.supplied) == {"title", "date", "authority", "author"}


def test_html_meta_with_an_unreadable_date_is_left_out(tmp_path: Path, settings: Settings) -> None:
    page = '<meta name="PubDate" content="yesterday"><p>2021年5月4日，某县召开会议。</p>'
    meta = read_document(write(tmp_path, "odd.html", page), settings).meta
    assert meta.date == "2021-05-04"  # the text's date; the page is still read


def test_docx_core_properties(tmp_path: Path, settings: Settings) -> None:
    document = docx.Document()
    document.add_paragraph("为激励干部担当作为，现提出如下意见。")
    document.core_properties.title = "关于激励干部担当作为的实施意见"
    document.core_properties.author = "王明"
    document.core_properties.category = "研究文章"
    document.save(str(tmp_path / "opinion.docx"))
    meta = read_document(tmp_path / "opinion.docx", settings).meta
    assert (meta.title, meta.author, meta.doc_kind) == (
        "关于激励干部担当作为的实施意见",
        "王明",
        DocKind.ARTICLE,
    )


def test_sidecar_fields_override_the_text(tmp_path: Path, settings: Settings) -> None:
    path = write(tmp_path, "notice.txt", NOTICE)
    sidecar = {"issuer": "抚州市委组织部", "date": "2023年3月16日", "doc_kind": "规范性文件"}
    (tmp_path / "notice.meta.json").write_text(json.dumps(sidecar, ensure_ascii=False), "utf-8")
    meta = read_document(path, settings).meta
    assert (meta.authority, meta.date, meta.doc_kind) == (
        "抚州市委组织部",
        "2023-03-16",
        DocKind.NORMATIVE_DOCUMENT,
    )
    assert meta.doc_number == "抚组发〔2023〕7号"  # what the sidecar does not give stays
    (tmp_path / "notice.meta.json").write_text('{"date": "spring"}', "utf-8")
    with pytest.raises(IngestError, match=r"notice.meta.json: unreadable date 'spring'"):
        read_document(path, settings)


def test_corrections_are_checked_where_they_enter() -> None:
    assert parse_correction("issuer=国务院").field == "authority"
    assert parse_correction("date=").value is None
    assert normalise_date("2024/5/26") == "2024-05-26"
    with pytest.raises(MetaFieldError, match="unknown metadata field 'editor'"):
        parse_correction("editor=x")
    with pytest.raises(MetaFieldError, match="unknown doc_kind"):
        parse_correction("doc_kind=法规")
    with pytest.raises(MetaFieldError, match="no such date"):
        parse_correction("date=2024-13-01")


def test_a_correction_survives_rederiving_and_reingesting(tmp_path: Path) -> None:
    import sqlite3

    settings = Settings(data_dir=tmp_path / "data")
    path = write(tmp_path, "notice.txt", NOTICE)
    with Library(settings) as library:
        (doc_id,) = library.ingest([path]).ingested
        fixes = [parse_correction("issuer=抚州市委组织部"), parse_correction("doc_number=")]
        meta = library.correct_meta(doc_id, fixes)
        assert meta is not None and (meta.authority, meta.doc_number) == ("抚州市委组织部", None)
        pid = library.store.provisions(doc_id)[0].provision_id
        citation = library.store.citation(pid)
        assert citation is not None and citation.issuer == "抚州市委组织部"
    with sqlite3.connect(settings.store_path) as db:  # as if ingest's rules had changed
        db.execute("UPDATE documents SET derived_with = 'older-rules'")
    with Library(settings) as library:
        assert library.notices and "re-deriving 1 document" in library.notices[0]
        document = library.store.document(doc_id)
        assert document is not None and document.meta.authority == "抚州市委组织部"
        assert document.meta.date == "2023-03-15"  # the fields not corrected are read again
    path.write_text(NOTICE + "附件：评选办法\n", encoding="utf-8")  # the file is edited
    with Library(settings) as library:
        (new_id,) = library.ingest([path]).ingested
        assert new_id != doc_id
        document = library.store.document(new_id)
        assert document is not None
        assert (document.meta.authority, document.meta.doc_number) == ("抚州市委组织部", None)
        assert [c.field for c in library.store.corrections(new_id)] == ["authority", "doc_number"]
        assert library.store.corrections(doc_id) == []
        library.correct_meta(new_id, [], reset=True)  # forgotten: the text's values return
        document = library.store.document(new_id)
        assert document is not None and document.meta.authority == "中共抚州市委组织部"
        assert library.remove(new_id) and library.store.corrections(new_id) == []


def test_meta_command_shows_and_corrects(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from policykg.ui.cli import app

    runner = CliRunner()
    data = str(tmp_path / "data")
    path = write(tmp_path, "notice.txt", NOTICE)
    assert runner.invoke(app, ["ingest", str(path), "--data-dir", data]).exit_code == 0
    listed = runner.invoke(app, ["documents", "--data-dir", data, "--json"]).stdout
    doc_id = json.loads(listed.strip().splitlines()[-1])[0]["doc_id"]
    shown = runner.invoke(app, ["meta", doc_id[:8], "--data-dir", data, "--json"])
    data_out = json.loads(shown.stdout.strip().splitlines()[-1])
    assert (data_out["authority"], data_out["doc_kind"], data_out["corrected"]) == (
        "中共抚州市委组织部",
        "规范性文件",
        [],
    )
    assert data_out["dates"] == [{"event": "成文", "date": "2023-03-15", "text": "2023年3月15日"}]
    args = ["meta", doc_id, "--set", "date=2023-03-20", "--set", "level=prefectural"]
    corrected = runner.invoke(app, [*args, "--data-dir", data, "--json"])
    out = json.loads(corrected.stdout.strip().splitlines()[-1])
    assert (out["date"], out["corrected"]) == ("2023-03-20", ["date", "level"])
    table = runner.invoke(app, ["meta", doc_id, "--data-dir", data]).stdout
    assert "2023-03-20" in table and "yes" in table
    refused = runner.invoke(app, ["meta", doc_id, "--set", "date=soon", "--data-dir", data])
    assert refused.exit_code == 2 and "unreadable date 'soon'" in refused.stderr


def test_metadata_stored_before_supplied_was_recorded_keeps_the_sidecar_s(tmp_path: Path) -> None:
    """An older store's metadata has no ``supplied``: a sidecar's title and author survive
    re-derivation, and what the text states is read again."""
    import shutil
    import sqlite3

    from tests.conftest import SEED

    shutil.copy(SEED, tmp_path / SEED.name)
    shutil.copy(SEED.with_name(SEED.stem + ".meta.json"), tmp_path)
    settings = Settings(data_dir=tmp_path / "data")
    with Library(settings) as library:
        (doc_id,) = library.ingest([tmp_path / SEED.name]).ingested
        expected = library.store.document(doc_id).meta  # type: ignore[union-attr]
    with sqlite3.connect(settings.store_path) as db:
        (stored,) = db.execute("SELECT meta FROM documents").fetchone()
        old = {
            k: v
            for k, v in json.loads(stored).items()
            if k in ("title", "title_supplied", "author")
        }
        db.execute("UPDATE documents SET meta = ?, derived_with = 'older'", (json.dumps(old),))
    with Library(settings) as library:
        meta = library.store.document(doc_id).meta  # type: ignore[union-attr]
    assert (meta.title, meta.title_supplied, meta.author) == (
        "长三角地区激励干部担当作为的创新举措与对江苏的启示",
        True,
        "刘海超",
    )
    assert meta == expected


def test_the_library_tab_saves_a_correction(tmp_path: Path) -> None:
    from policykg.ui.app.tabs.library import correct, documents_table
    from policykg.ui.app.workspace import Workspace

    path = write(tmp_path, "notice.txt", NOTICE)
    with Library(Settings(data_dir=tmp_path / "data")) as library:
        (doc_id,) = library.ingest([path]).ingested
        workspace = Workspace(library)
        message, table = correct(workspace, doc_id, "issuer", "抚州市委组织部")
        assert message == "Saved: issuer = 抚州市委组织部."
        assert table[0][2] == "抚州市委组织部" and table == documents_table(workspace)
        assert [c.field for c in library.store.corrections(doc_id)] == ["authority"]
        message, _ = correct(workspace, doc_id, "date", "soon")
        assert message == "Not saved: unreadable date 'soon' (write YYYY-MM-DD, YYYY-MM or YYYY)."
        message, table = correct(workspace, doc_id, "doc_number", "")
        assert message == "Saved: doc_number = (cleared)." and table[0][3] == ""


SETTINGS = Settings()


def test_a_day_in_the_file_name_dates_a_text_that_states_none(tmp_path: Path) -> None:
    undated = tmp_path / "02-xwlb-20180520-jili.txt"
    undated.write_text("中共中央办公厅印发意见\n央视网消息：9月26日召开会议。\n", encoding="utf-8")
    assert read_document(undated, SETTINGS).meta.date == "2018-05-20"
    dated = tmp_path / "03-xwlb-20190311-jianfu.txt"
    dated.write_text("关于减负的通知\n……\n2019年3月5日\n", encoding="utf-8")
    assert read_document(dated, SETTINGS).meta.date == "2019-03-05"  # the text's own day wins
    no_day = tmp_path / "notice-20181340.txt"  # no month 13
    no_day.write_text("关于减负的通知\n正文。\n", encoding="utf-8")
    assert read_document(no_day, SETTINGS).meta.date is None


@needs_shared
def test_news_texts_of_corpus_real_that_state_no_day_get_their_file_s() -> None:
    with (SHARED / "corpus-real" / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    undated = 0
    for row in rows:
        document = read_document(SHARED / "corpus-real" / row["file"], SETTINGS)
        if iso_date(document.text) is None and "-20" in row["file"][:12]:
            undated += 1
            assert document.meta.date == row["date_if_stated"][:10], row["file"]
    assert undated >= 10  # most transcripts say only "9月26日"


def test_a_corrected_issuer_derives_the_level_and_kind_again(tmp_path: Path) -> None:
    source = tmp_path / "notice.txt"
    source.write_text(
        "关于进一步规范基层考核的通知\n城固县人民政府办公室\n各镇人民政府：\n"
        "一、精简考核事项。\n二、规范督查检查。\n",
        encoding="utf-8",
    )
    with Library(Settings(data_dir=tmp_path / "data")) as library:
        library.ingest([source])
        (document,) = library.store.documents()
        assert document.meta.level is not IssuerLevel.CENTRAL
        meta = library.correct_meta(document.doc_id, [parse_correction("issuer=国务院办公厅")])
        assert meta is not None and meta.authority == "国务院办公厅"
        assert meta.level is IssuerLevel.CENTRAL  # from the corrected issuer, not the text's
        kept = library.correct_meta(document.doc_id, [parse_correction("level=provincial")])
        assert kept is not None and kept.level is IssuerLevel.PROVINCIAL  # a corrected level stays


def test_a_news_dateline_is_not_part_of_the_title() -> None:
    text = (
        "新华社长沙2025年3月2日电  题：山里的干部留得住——湖南汝城县关爱基层干部见闻\n\n"
        "新华社记者  张某\n\n汝城县为乡镇干部建起周转房。\n"
    )
    meta = extract_metadata(text, "news", None)
    assert meta.title == "山里的干部留得住——湖南汝城县关爱基层干部见闻"
    assert (meta.publisher, meta.date, meta.doc_kind) == ("新华社", "2025-03-02", DocKind.NEWS)


def test_issuers_on_a_line_above_the_title_are_part_of_it() -> None:
    text = (
        "中共示范市委组织部 示范市财政局\n"
        "关于印发《关心关爱基层干部十条措施》的通知\n\n"
        "各乡镇党委、政府：\n\n现将《关心关爱基层干部十条措施》印发给你们。\n"
    )
    meta = extract_metadata(text, "fallback", None)
    assert meta.title == (
        "中共示范市委组织部 示范市财政局关于印发《关心关爱基层干部十条措施》的通知"
    )


def test_a_city_regulation_approved_by_the_province_is_the_citys() -> None:
    text = (
        "# 三亚市人才发展促进条例\n\n"
        "2022年10月27日 三亚市第七届人民代表大会常务委员会第十一次会议通过 "
        "2022年11月30日 海南省第六届人民代表大会常务委员会第四十次会议批准\n\n"
        "第一条 为了聚集各类人才，制定本条例。\n\n第二条 本条例所称人才，是指在本市工作的人员。\n\n"
        "第三条 本条例自2023年1月1日起施行。\n"
    )
    meta = extract_metadata(text, "fallback", None)
    # The city's congress made it (通过); the province's only approved it (批准).
    assert meta.authority == "三亚市人民代表大会常务委员会"
    assert (meta.level, meta.doc_kind) == (IssuerLevel.PREFECTURAL, DocKind.LOCAL_REGULATION)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # A news headline may hold a comma; a first line that is a sentence is no title.
        (
            "黄河滩上，干部和群众一起“安新家”\n\n本报济南12月3日电 初冬时节。\n",
            "黄河滩上，干部和群众一起“安新家”",
        ),
        (
            "长三角地区作为我国经济发展的重要引擎,其高质量发展离不开一支敢于担当、善于作为的干部队伍。\n",
            "fallback",
        ),
        # Two places reporting together, on a line of their own above 关于…的报告.
        (
            "广州市天河区　贵州省纳雍县\n关于2025年东西部协作干部人才交流工作情况的报告\n\n2025年，两地深化交流。\n",
            "广州市天河区　贵州省纳雍县关于2025年东西部协作干部人才交流工作情况的报告",
        ),
    ],
)
def test_the_title_line_of_a_headline_or_a_joint_report(text: str, title: str) -> None:
    assert extract_metadata(text, "fallback").title == title


def test_a_ministry_issuing_in_its_own_name_is_central() -> None:
    text = (
        "# 乡镇公务员激励保障办法\n\n"
        "2025年4月18日人力资源社会保障部印发　人社部发〔2025〕21号\n\n"
        "第一条 为了激励乡镇公务员担当作为，制定本办法。\n"
    )
    assert extract_metadata(text, "x").level is IssuerLevel.CENTRAL
