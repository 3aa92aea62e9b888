"""References a drafter can paste: the legal style and GB/T 7714-2015, on a statute, a
notice and a news text in a real store, through ``ask --cite-style`` and its JSON."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policykg.ingest.models import Citation
from policykg.ingest.references import CiteStyle, chinese_date, reference
from policykg.ingest.settings import Settings
from policykg.library import Library
from policykg.ui.cli import app
from tests.conftest import SHARED, needs_shared

STATUTE = """# 示范省干部监督条例

2016年3月30日 示范省第十二届人民代表大会常务委员会第二十次会议通过

2021年5月28日 示范省第十三届人民代表大会常务委员会第二十九次会议修订

<!-- INFO END -->

第一条 为了规范干部监督工作，制定本条例。

第十二条 干部受到诫勉的，由所在单位党组织负责实施。

诫勉的期限为六个月，期满后由原决定单位作出评价。
"""
NOTICE = """中共抚州市委组织部关于落实乡镇工作补贴的通知
抚组发〔2023〕7号
各县（区）委组织部：
乡镇干部每人每月发放乡镇工作补贴400元。
中共抚州市委组织部
2023年3月15日
"""
NEWS = """平川县为基层干部减负
央视网消息（新闻联播）：2024年2月21日，平川县摘除村级组织多余牌子，为基层干部减负。
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("references")
    for name, text in (("statute.md", STATUTE), ("notice.txt", NOTICE), ("news.txt", NEWS)):
        (folder / "corpus").mkdir(exist_ok=True)
        (folder / "corpus" / name).write_text(text, encoding="utf-8")
    library = Library(Settings(data_dir=folder / "data"))
    assert not library.ingest([folder / "corpus"]).failed
    yield library
    library.close()


def cited(library: Library, quote_start: str) -> Citation:
    """The citation of the provision that opens with ``quote_start``."""
    for provision in library.store.provisions():
        if provision.text.startswith(quote_start):
            citation = library.store.citation(provision.provision_id)
            assert citation is not None
            return citation
    raise AssertionError(quote_start)


def test_statute_in_both_styles(library: Library) -> None:
    citation = cited(library, "诫勉的期限为六个月")
    assert (citation.issuer, citation.date, citation.doc_kind, citation.locator) == (
        "示范省人民代表大会常务委员会",
        "2021-05-28",  # the revision, not the first adoption
        "地方性法规",
        "第十二条第二款",
    )
    assert reference(citation, CiteStyle.LEGAL) == (
        "《示范省干部监督条例》（示范省人民代表大会常务委员会，2021年5月28日）第十二条第二款"
    )
    assert reference(citation, CiteStyle.GBT7714) == (
        "示范省人民代表大会常务委员会. 示范省干部监督条例[Z]. 2021-05-28: 第十二条第二款."
    )


def test_notice_reference_carries_its_document_number(library: Library) -> None:
    citation = cited(library, "乡镇干部每人每月")
    assert reference(citation, CiteStyle.LEGAL).startswith(
        "《中共抚州市委组织部关于落实乡镇工作补贴的通知》"
        "（中共抚州市委组织部 抚组发〔2023〕7号，2023年3月15日）"
    )
    assert reference(citation, CiteStyle.GBT7714).startswith(
        "中共抚州市委组织部. 中共抚州市委组织部关于落实乡镇工作补贴的通知: 抚组发〔2023〕7号[Z]."
        " 2023-03-15: "
    )


def test_news_is_type_n_by_its_outlet_and_an_unnamed_author_is_yiming(library: Library) -> None:
    citation = cited(library, "央视网消息")
    assert (citation.doc_kind, citation.issuer, citation.date) == ("新闻报道", None, "2024-02-21")
    assert citation.publisher == "央视网"  # the lead names the outlet: it stands for the author
    assert reference(citation, CiteStyle.GBT7714) == (
        f"央视网. 平川县为基层干部减负[N]. 2024-02-21: {citation.locator}."
    )
    unnamed = Citation(**{**citation.to_json(), "publisher": None})
    assert reference(unnamed, CiteStyle.GBT7714).startswith("佚名. 平川县为基层干部减负[N].")
    assert reference(citation, CiteStyle.LEGAL) == (
        f"《平川县为基层干部减负》（2024年2月21日）{citation.locator}"
    )


def test_a_superseded_version_says_so_and_unknown_parts_are_left_out() -> None:
    bare = Citation("d1", "某办法", "d1-p0-4", "", 0, 4, "某办法。", "/x.txt", "第1段")
    assert reference(bare, CiteStyle.LEGAL) == "《某办法》第1段"
    assert reference(bare, CiteStyle.GBT7714) == "佚名. 某办法[Z]. 第1段."
    old = Citation(
        **{**bare.to_json(), "date": "2020-04", "in_force": False, "status": "superseded"}
    )
    assert reference(old, CiteStyle.LEGAL) == "《某办法》（2020年4月）第1段（已被修改）"
    repealed = Citation(**{**bare.to_json(), "in_force": False, "status": "repealed"})
    assert reference(repealed, CiteStyle.LEGAL) == "《某办法》第1段（已废止）"
    assert chinese_date("2024-12-25") == "2024年12月25日"


def test_ask_json_gives_every_citation_its_reference_in_the_chosen_style(tmp_path: Path) -> None:
    runner = CliRunner()
    (tmp_path / "statute.md").write_text(STATUTE, encoding="utf-8")
    data = str(tmp_path / "data")
    assert (
        runner.invoke(app, ["ingest", str(tmp_path / "statute.md"), "--data-dir", data]).exit_code
        == 0
    )
    for style, mark in (("legal", "《示范省干部监督条例》（"), ("gbt7714", "[Z]. 2021-05-28: ")):
        args = ["ask", "诫勉的期限是多久？", "--json", "--cite-style", style]
        result = runner.invoke(app, [*args, "--data-dir", data])
        assert result.exit_code == 0, result.stderr
        citations = json.loads(result.stdout)["citations"]
        assert citations and all(c["locator"] and mark in c["reference"] for c in citations)
        assert citations[0]["issuer"] == "示范省人民代表大会常务委员会"
    table = runner.invoke(app, ["ask", "诫勉的期限是多久？", "--data-dir", data]).stdout
    assert "《示范省干部监督条例》（示范省人民代表大会常务委员会，2021年5月28日）第十二条" in table
    refused = runner.invoke(app, ["ask", "诫勉", "--cite-style", "apa", "--data-dir", data])
    assert refused.exit_code == 2


@needs_shared
def test_a_real_regulation_in_the_legal_style(tmp_path: Path) -> None:
    source = SHARED / "corpus-law" / "事业单位人事管理条例(2014-04-25).md"
    with Library(Settings(data_dir=tmp_path / "data")) as library:
        library.ingest([source])
        citation = cited(library, "第二条")
        assert reference(citation, CiteStyle.LEGAL) == (
            "《事业单位人事管理条例》（国务院 中华人民共和国国务院令第652号，2014年4月25日）第二条第一款"
        )


# --- documents online: GB/T 7714's electronic-resource form ([N/OL], [EB/OL], [Z/OL]) ----------

PAPER_NEWS = """查处诬告陷害 及时澄清正名
本报讯 今年4月，芝罘区纪委监委接到举报，经调查核实后及时为干部澄清正名。
"""
ONLINE = {
    "paper.txt": (
        PAPER_NEWS,
        {
            "author": "赵兵",
            "publisher": "人民日报",
            "date": "2020-08-25",
            "source_url": "http://paper.people.com.cn/rmrb/html/2020-08/25/nw.D110000renmrb_20200825_3-17.htm",
        },
    ),
    "cctv.txt": (NEWS, {"source_url": "https://tv.cctv.com/2024/02/21/VIDE.shtml"}),
    "statute.md": (STATUTE, {"source_url": "https://flk.example.cn/detail/12"}),
}
CITED_ON = date(2025, 6, 1)


def write_online(folder: Path) -> list[Path]:
    """The news texts and the statute, each with a sidecar giving where it is online."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (text, sidecar) in ONLINE.items():
        (folder / name).write_text(text, encoding="utf-8")
        stem = name.rsplit(".", 1)[0]
        (folder / f"{stem}.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    return [folder / name for name in ONLINE]


@pytest.fixture(scope="module")
def online(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("online")
    library = Library(Settings(data_dir=folder / "data"))
    assert not library.ingest(write_online(folder / "texts")).failed
    yield library
    library.close()


def test_news_in_a_newspaper_online_is_n_ol_with_the_paper_and_the_day_cited(
    online: Library,
) -> None:
    citation = cited(online, "本报讯")
    assert (citation.doc_kind, citation.publisher) == ("新闻报道", "人民日报")
    assert reference(citation, CiteStyle.GBT7714, CITED_ON) == (
        "赵兵. 查处诬告陷害 及时澄清正名[N/OL]. 人民日报, 2020-08-25[2025-06-01]."
        " http://paper.people.com.cn/rmrb/html/2020-08/25/nw.D110000renmrb_20200825_3-17.htm."
    )
    offline = Citation(**{**citation.to_json(), "source_url": None})
    assert reference(offline, CiteStyle.GBT7714) == (
        f"赵兵. 查处诬告陷害 及时澄清正名[N]. 人民日报, 2020-08-25: {citation.locator}."
    )


def test_other_news_online_is_eb_ol_by_its_outlet(online: Library) -> None:
    citation = cited(online, "央视网消息")
    assert reference(citation, CiteStyle.GBT7714, CITED_ON) == (
        "央视网. 平川县为基层干部减负[EB/OL]. (2024-02-21)[2025-06-01]."
        " https://tv.cctv.com/2024/02/21/VIDE.shtml."
    )
    assert reference(citation, CiteStyle.LEGAL) == (
        f"《平川县为基层干部减负》（2024年2月21日）{citation.locator}"
    )


def test_a_statute_online_keeps_its_legal_style_and_is_z_ol(online: Library) -> None:
    citation = cited(online, "诫勉的期限为六个月")
    assert citation.source_url == "https://flk.example.cn/detail/12"
    assert reference(citation, CiteStyle.LEGAL) == (
        "《示范省干部监督条例》（示范省人民代表大会常务委员会，2021年5月28日）第十二条第二款"
    )
    assert reference(citation, CiteStyle.GBT7714, CITED_ON) == (
        "示范省人民代表大会常务委员会. 示范省干部监督条例[Z/OL]. (2021-05-28)[2025-06-01]."
        " https://flk.example.cn/detail/12."
    )


def test_ask_json_cites_a_text_online_on_the_day_asked(tmp_path: Path) -> None:
    runner, data = CliRunner(), str(tmp_path / "data")
    files = [str(path) for path in write_online(tmp_path / "texts")]
    assert runner.invoke(app, ["ingest", *files, "--data-dir", data]).exit_code == 0
    args = ["ask", "平川县为基层干部减负", "--json", "--cite-style", "gbt7714"]
    result = runner.invoke(app, [*args, "--data-dir", data])
    assert result.exit_code == 0, result.stderr
    citations = json.loads(result.stdout)["citations"]
    news = next(c for c in citations if c["quote"].startswith("央视网消息"))
    assert news["source_url"] == "https://tv.cctv.com/2024/02/21/VIDE.shtml"
    assert news["reference"].startswith("央视网. 平川县为基层干部减负[EB/OL]. (2024-02-21)[")
    assert f"[{date.today().isoformat()}]. https://tv.cctv.com/" in news["reference"]
