from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from policykg.ingest.models import IngestError
from policykg.ingest.readers import READERS, SUPPORTED, iter_source_files, read_document
from policykg.ingest.readers.html import read_html
from policykg.ingest.settings import Settings
from tests.conftest import CORPUS_REAL, SEED, needs_shared

CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
NOTICE = (
    "关于进一步激励干部担当作为的实施意见\n"
    "浙委办发〔2019〕12号\n"
    "中共浙江省委办公厅印发《关于进一步激励干部担当作为的实施意见》。\n"
    "一、健全容错纠错机制\n"
    "各地要落实“三个区分开来”要求。\n"
    "2019年3月5日\n"
)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", max_file_bytes=200_000)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_utf8_text_keeps_crlf_and_metadata(tmp_path: Path, settings: Settings) -> None:
    text = NOTICE.replace("\n", "\r\n")
    doc = read_document(write(tmp_path / "notice.txt", text.encode("utf-8")), settings)
    assert doc.text == text  # no newline translation
    assert doc.encoding == "utf-8"
    assert doc.meta.title == "关于进一步激励干部担当作为的实施意见"
    assert doc.meta.title_supplied is False
    assert doc.meta.doc_number == "浙委办发〔2019〕12号"
    assert doc.meta.authority == "中共浙江省委办公厅"
    assert doc.meta.date == "2019-03-05"
    assert doc.source_path == str((tmp_path / "notice.txt").resolve())


@pytest.mark.parametrize(
    ("encoding", "text", "expected"),
    [
        ("utf-8-sig", NOTICE, "utf-8-sig"),
        ("gb18030", NOTICE, "gb18030"),
        ("gbk", NOTICE, "gb18030"),
        ("big5", "關於激勵幹部擔當作為的意見\n各地要落實「三個區分開來」。\n", "big5"),
    ],
)
def test_encodings_are_detected(
    tmp_path: Path, settings: Settings, encoding: str, text: str, expected: str
) -> None:
    doc = read_document(write(tmp_path / "doc.txt", text.encode(encoding)), settings)
    assert doc.text == text
    assert doc.encoding == expected


def test_gb18030_seed_decodes_to_the_same_text(tmp_path: Path, settings: Settings) -> None:
    original = SEED.read_text(encoding="utf-8")
    copy = write(tmp_path / "seed-gb.txt", original.encode("gb18030"))
    big = Settings(data_dir=settings.data_dir)
    doc = read_document(copy, big)
    assert doc.text == original
    assert doc.doc_id == read_document(SEED, big).doc_id


def test_bundled_sidecar_supplies_title_and_author() -> None:
    doc = read_document(SEED, Settings())
    assert doc.meta.title_supplied is True
    assert doc.meta.author == "刘海超"
    assert "长三角" in doc.meta.title


def test_html_drops_scripts_and_keeps_title(tmp_path: Path, settings: Settings) -> None:
    html = (
        '<html><head><meta charset="gbk"><title>干部激励通知</title>'
        "<script>alert(1)</script></head><body><h1>一、总体要求</h1>"
        "<p>要健全<b>容错纠错</b>机制。</p><p>要落实及时奖励。</p></body></html>"
    )
    doc = read_document(write(tmp_path / "n.html", html.encode("gbk")), settings)
    assert doc.meta.title == "干部激励通知"
    assert doc.text == "一、总体要求\n要健全容错纠错机制。\n要落实及时奖励。"
    assert "alert" not in doc.text


@pytest.mark.parametrize("title", ["<title>干部激励通知</title>", ""])
def test_an_html_doctype_subset_is_not_the_title(
    tmp_path: Path, settings: Settings, title: str
) -> None:
    html = (
        '<?xml version="1.0"?>\n<!DOCTYPE html [\n  <!ENTITY org "组织部">\n]>\n'
        f"<html><head>{title}</head><body><h1>干部激励通知</h1>"
        "<p>要健全容错纠错机制。</p></body></html>"
    )
    doc = read_document(write(tmp_path / "n.html", html.encode("utf-8")), settings)
    assert doc.meta.title == "干部激励通知"
    assert doc.text == "干部激励通知\n要健全容错纠错机制。"


def test_deep_html_within_the_limit_is_read(tmp_path: Path, settings: Settings) -> None:
    levels = 4_000  # deeper than any real page; a tree builder took seconds here
    html = "<p>前言。</p>" + "<span>" * levels + "要落实及时奖励。" + "</span>" * levels
    doc = read_document(write(tmp_path / "deep.html", html.encode("utf-8")), settings)
    assert doc.text == "前言。\n要落实及时奖励。"
    too_deep = "<div>" * 5_000 + "深" + "</div>" * 5_000
    with pytest.raises(IngestError, match=r"deep\.html: refused, elements nested deeper than"):
        read_document(write(tmp_path / "deep.html", too_deep.encode("utf-8")), settings)
    many = "<p>多</p>" * 500_001
    with pytest.raises(IngestError, match=r"refused, more than 500,000 elements"):
        read_html(tmp_path / "many.html", many.encode("utf-8"))


def test_docx_paragraphs_and_tables(tmp_path: Path, settings: Settings) -> None:
    document = docx.Document()
    document.core_properties.title = "关于激励干部的通知"
    document.add_paragraph("一、总体要求")
    document.add_paragraph("要健全容错纠错机制。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "宁海县"
    table.cell(0, 1).text = "一事一奖"
    document.save(str(tmp_path / "n.docx"))
    doc = read_document(tmp_path / "n.docx", settings)
    assert doc.text == "一、总体要求\n要健全容错纠错机制。\n宁海县\t一事一奖"
    assert doc.meta.title == "关于激励干部的通知"
    assert doc.format == "docx"


@pytest.mark.skipif(not CJK_FONT.exists(), reason="fonts-wqy-microhei is installed by make test")
def test_pdf_text_is_extracted(tmp_path: Path, settings: Settings) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("wqy", fname=str(CJK_FONT), collection_font_number=0)
    pdf.set_font("wqy", size=12)
    pdf.multi_cell(
        0, 8, "关于激励干部担当作为的实施意见\n浙江省建立问责调查与容错评估同步启动制度。"
    )
    pdf.output(str(tmp_path / "n.pdf"))
    doc = read_document(tmp_path / "n.pdf", settings)
    assert doc.text == "关于激励干部担当作为的实施意见\n浙江省建立问责调查与容错评估同步启动制度。"
    assert doc.meta.title == "关于激励干部担当作为的实施意见"


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "0" * 50_000_000)
    return path


BAD_INPUTS = {
    "empty.txt": (lambda p: write(p, b""), "empty file"),
    "blank.txt": (lambda p: write(p, b"  \n\n "), "empty file"),
    "binary.txt": (lambda p: write(p, bytes(range(256)) * 10), "binary"),
    "garbage.txt": (lambda p: write(p, b"\xff\xfe\xfa\x80\x81" * 40 + b"\x81"), "undecodable"),
    "big.txt": (lambda p: write(p, "干部".encode() * 200_000), "limit"),
    "truncated.docx": (lambda p: write(p, b"PK\x03\x04 truncated"), "DOCX"),
    "bomb.docx": (_zip_bomb, "zip bomb"),
    "truncated.pdf": (lambda p: write(p, b"%PDF-1.7\n1 0 obj <<"), "PDF"),
    "notes.xyz": (lambda p: write(p, "文字".encode()), "unsupported"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gets_one_clear_line(tmp_path: Path, settings: Settings, name: str) -> None:
    make, reason = BAD_INPUTS[name]
    path = make(tmp_path / name)
    with pytest.raises(IngestError) as caught:
        read_document(path, settings)
    message = str(caught.value)
    assert reason in message
    assert name in message
    assert "\n" not in message


def test_missing_path_is_reported(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(IngestError, match="no such file"):
        read_document(tmp_path / "nowhere.txt", settings)


def test_folders_expand_to_supported_files_without_sidecars(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.meta.json").write_text("{}")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.docx").write_bytes(b"")
    (tmp_path / "c.png").write_bytes(b"")
    (tmp_path / ".hidden.txt").write_text("x")
    found = [p.relative_to(tmp_path).as_posix() for p in iter_source_files([tmp_path])]
    assert found == ["a.txt", "sub/b.docx"]


@needs_shared
def test_every_real_text_reads(settings: Settings) -> None:
    files = sorted(CORPUS_REAL.glob("*.txt"))
    assert len(files) == 20
    for path in files:
        doc = read_document(path, Settings(data_dir=settings.data_dir))
        assert doc.encoding == "utf-8"
        assert len(doc.text) > 300


def _docx_sample(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Notice on cadre incentives")
    document.save(str(path))
    return path


def _pdf_sample(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, "Notice on cadre incentives")
    pdf.output(str(path))
    return path


SAMPLES = {
    "txt": lambda p: write(p, b"Notice on cadre incentives\n"),
    "md": lambda p: write(p, b"# Notice on cadre incentives\n"),
    "html": lambda p: write(p, b"<html><body><p>Notice on cadre incentives</p></body></html>"),
    "docx": _docx_sample,
    "pdf": _pdf_sample,
}


@pytest.mark.parametrize("suffix", sorted(READERS))
def test_every_suffix_in_the_table_has_a_reader_that_reads_it(
    tmp_path: Path, settings: Settings, suffix: str
) -> None:
    reader = READERS[suffix]
    assert SUPPORTED[suffix] == reader.format
    assert reader.format in SAMPLES, f"no sample for the {reader.format} format"
    doc = read_document(SAMPLES[reader.format](tmp_path / f"sample{suffix}"), settings)
    assert doc.format == reader.format
    assert "Notice on cadre incentives" in doc.text


@pytest.mark.parametrize("name", ["notice.rtf", "notice.doc", "notice"])
def test_an_unknown_suffix_is_refused_not_read_as_pdf(
    tmp_path: Path, settings: Settings, name: str
) -> None:
    path = _pdf_sample(tmp_path / name)  # PDF bytes: a guess would read them
    with pytest.raises(IngestError, match=r"unsupported file type") as caught:
        read_document(path, settings)
    assert "\n" not in str(caught.value) and name in str(caught.value)
    assert list(iter_source_files([tmp_path])) == []
