"""A document that repeals, replaces or amends another marks it: the phrasings read, the
named document found by 文号 or title, its status as of the notice's day, through the CLI."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from policykg.ingest.metadata import extract_metadata
from policykg.ingest.models import DocKind, DocumentMeta, VersionStatus
from policykg.ingest.repeals import read_repeals
from policykg.ingest.versions import group_works
from tests.conftest import SHARED, cli_json, needs_shared

OLD = """浙江省人民政府关于印发浙江省干部激励暂行办法的通知
浙政发〔2018〕12号
各市、县（市、区）人民政府：
现将《浙江省干部激励暂行办法》印发给你们，请认真贯彻执行。
一、对表现突出的干部及时奖励。
浙江省人民政府
2018年3月1日
"""
REPEAL = """浙江省人民政府关于废止部分规范性文件的决定
浙政发〔2022〕5号
各市、县（市、区）人民政府：
经清理，省政府决定废止下列规范性文件：
1.《浙江省干部激励暂行办法》（浙政发〔2018〕12号）
2.《浙江省机关事务管理暂行规定》
本决定自2022年7月1日起施行。
浙江省人民政府
2022年6月1日
"""
NEW = """浙江省人民政府关于印发浙江省干部激励办法的通知
浙政发〔2023〕3号
各市、县（市、区）人民政府：
现将《浙江省干部激励办法》印发给你们，请认真贯彻执行。
一、对表现突出的干部及时奖励，发放一次性奖金。
二、本办法自2023年6月1日起施行，原《浙江省干部激励暂行办法》同时停止执行。
浙江省人民政府
2023年5月1日
"""


def write(folder: Path, **texts: str) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return [str(folder / f"{name}.txt") for name in texts]


def ingest(data: Path, files: list[str]) -> dict[str, str]:
    """Ingest through the CLI; file stem → doc id."""
    report = cli_json(data, "ingest", *files)
    assert not report["failed"], report
    documents = cli_json(data, "documents")
    return {Path(d["source_path"]).stem: d["doc_id"] for d in documents}


def statuses(data: Path, *options: str) -> dict[str, tuple[str, str | None]]:
    """doc id → (status, ended_by), from `policykg versions --json`."""
    works = cli_json(data, "versions", *options)
    return {v["doc_id"]: (v["status"], v["ended_by"]) for w in works for v in w["versions"]}


# --- the phrasings --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (
            "本办法自印发之日起施行，《浙江省干部激励办法》（浙政发[2018] 12号）同时废止。",
            [("浙江省干部激励办法", "浙政发〔2018〕12号", None)],
        ),
        (
            "本条例自2007年6月1日起施行。1988年9月13日国务院发布的《国家行政机关工作人员"
            "贪污贿赂行政处分暂行规定》同时废止。",
            [("国家行政机关工作人员贪污贿赂行政处分暂行规定", None, "2007-06-01")],
        ),
        ("原《某市干部考核暂行办法》停止执行。", [("某市干部考核暂行办法", None, None)]),
        (
            "现决定对《甲办法》（浙政发〔2015〕3号）、《乙规定》予以废止。",
            [("甲办法", "浙政发〔2015〕3号", None), ("乙规定", None, None)],
        ),
        ("决定废止《丙条例》和《丁条例》。", [("丙条例", None, None), ("丁条例", None, None)]),
        ("浙政发〔2015〕3号文件同时废止。", [(None, "浙政发〔2015〕3号", None)]),
        ("根据《甲法》，《乙办法》同时废止。", [("乙办法", None, None)]),
        (
            "本条例自2019年4月7日起施行。1998年5月26日中共中央组织部印发的《党政领导干部考核工作"
            "暂行规定》、2009年7月16日中共中央组织部印发的《党政领导班子和领导干部年度考核办法"
            "（试行）》同时废止。",
            [
                ("党政领导干部考核工作暂行规定", None, "2019-04-07"),
                ("党政领导班子和领导干部年度考核办法（试行）", None, "2019-04-07"),
            ],
        ),
        (
            "下列文件予以废止：\n一、《戊通知》\n二、《己意见》\n其他事项另行通知。",
            [
                ("戊通知", None, None),
                ("己意见", None, None),
            ],
        ),
    ],
)
def test_repeal_phrasings_name_the_documents(text: str, named: list[tuple]) -> None:
    clauses = read_repeals(text)
    assert [(c.title, c.doc_number, c.date) for c in clauses] == named
    assert {c.effect for c in clauses} == {VersionStatus.REPEALED}


@pytest.mark.parametrize(
    "text",
    [
        "2013年7月18日 《国务院关于废止和修改部分行政法规的决定》第二次修订",  # a verb in a title
        "根据《中华人民共和国行政许可法》予以废止。",  # the ground, not what is repealed
        "《某条例》第二十条同时废止。",  # one article, not the document
        "及时制定或者修改、废止有关法律、法规、规章。",  # nothing named
        "依法作出的重大行政决策，未经法定程序不得随意变更或者停止执行。",
    ],
)
def test_what_does_not_repeal_a_document(text: str) -> None:
    assert read_repeals(text) == ()


def test_an_amendment_supersedes_what_it_amends() -> None:
    title = "全国人民代表大会常务委员会关于修改《中华人民共和国监察法》的决定"
    by_title = read_repeals("本决定自公布之日起施行。", title)
    in_text = read_repeals("决定对《某市物业管理条例》作如下修改：")
    assert [(c.title, c.effect) for c in (*by_title, *in_text)] == [
        ("中华人民共和国监察法", VersionStatus.SUPERSEDED),
        ("某市物业管理条例", VersionStatus.SUPERSEDED),
    ]


# --- the document named --------------------------------------------------------------


def meta(title: str, date: str, **fields: object) -> DocumentMeta:
    fields.setdefault("doc_kind", DocKind.NORMATIVE_DOCUMENT)
    fields.setdefault("authority", "浙江省人民政府")
    fields.setdefault("region_code", "330000")
    return DocumentMeta(title=title, date=date, **fields)  # type: ignore[arg-type]


JIANGSU = {"authority": "江苏省人民政府", "region_code": "320000"}


def status_of(metas: list[tuple[str, DocumentMeta]], as_of: str | None = None) -> dict:
    return {v.doc_id: v.status for w in group_works(metas, as_of) for v in w.versions}


def test_a_title_is_matched_with_its_variants_in_the_notices_region_only() -> None:
    named = "决定废止《浙江省干部激励办法（试行）》和《关于加强基层减负的通知》。"
    notice = replace(meta("关于废止部分文件的决定", "2022-06-01"), repeals=read_repeals(named))
    metas = [
        ("trial", meta("浙江省干部激励暂行办法", "2018-03-01")),  # 试行 and 暂行 are one
        ("about", meta("浙江省人民政府关于加强基层减负的通知", "2019-01-01")),  # issuer left out
        ("elsewhere", meta("浙江省干部激励暂行办法", "2018-03-01", **JIANGSU)),
        ("later", meta("浙江省干部激励暂行办法", "2023-01-01", authority="浙江省委")),
        ("notice", notice),
    ]
    found = status_of(metas)
    assert (found["trial"], found["about"]) == (VersionStatus.REPEALED, VersionStatus.REPEALED)
    assert found["elsewhere"] is VersionStatus.UNKNOWN  # another province's
    assert found["later"] is VersionStatus.UNKNOWN  # made after the notice
    assert status_of(metas, "2022-05-31")["trial"] is VersionStatus.UNKNOWN  # not yet


def test_a_news_report_of_a_repeal_repeals_nothing() -> None:
    text = "新华社北京4月21日电 1998年印发的《党政领导干部考核工作暂行规定》同时废止。"
    report = extract_metadata(text, "news")
    assert report.doc_kind is DocKind.NEWS and report.repeals
    old = meta("党政领导干部考核工作暂行规定", "1998-05-26", authority=None, region_code=None)
    assert status_of([("old", old), ("news", report)])["old"] is VersionStatus.UNKNOWN


# --- through the CLI ------------------------------------------------------------------


def test_a_repeal_notice_marks_the_document_repealed_as_of_its_day(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = ingest(data, write(tmp_path / "texts", old=OLD, repeal=REPEAL))
    old, repeal = ids["old"], ids["repeal"]
    assert statuses(data)[old] == ("repealed", repeal)  # matched by its 文号
    assert statuses(data, "--as-of", "2022-06-30")[old] == ("unknown", None)  # takes effect 7-1
    assert statuses(data, "--as-of", "2022-07-01")[old] == ("repealed", repeal)
    shown = cli_json(data, "meta", repeal)
    assert shown["repeals"][0] == {
        "title": "浙江省干部激励暂行办法",
        "doc_number": "浙政发〔2018〕12号",
        "effect": "repealed",
        "date": "2022-07-01",
        "text": "1.《浙江省干部激励暂行办法》（浙政发〔2018〕12号）",
    }
    assert cli_json(data, "meta", old, "--set", "status=in_force")["status"] == "in_force"
    assert statuses(data)[old] == ("in_force", repeal)  # the user's status wins


def test_a_new_measure_replacing_its_interim_one_makes_one_work(tmp_path: Path) -> None:
    data = tmp_path / "data"
    ids = ingest(data, write(tmp_path / "texts", old=OLD, new=NEW))
    (work,) = cli_json(data, "versions")
    assert [(v["doc_id"], v["status"], v["ended_by"]) for v in work["versions"]] == [
        (ids["old"], "superseded", ids["new"]),
        (ids["new"], "in_force", None),
    ]
    before = cli_json(data, "versions", "--as-of", "2022-12-31")
    assert [(v["doc_id"], v["status"]) for w in before for v in w["versions"]] == [
        (ids["old"], "in_force")  # the version in force then: the new one was not made yet
    ]


REPEALED_LAW = """# 中华人民共和国行政监察法

1997年5月9日 第八届全国人民代表大会常务委员会第二十五次会议通过

第一条 为了加强监察工作，保证政令畅通，维护行政纪律，促进廉政建设，根据宪法，制定本法。
"""


@needs_shared
def test_the_supervision_law_repeals_the_administrative_supervision_law(tmp_path: Path) -> None:
    """监察法 (2018) ends: 《中华人民共和国行政监察法》同时废止; the 2024 version says it again."""
    law = SHARED / "corpus-law"
    (tmp_path / "行政监察法.md").write_text(REPEALED_LAW, encoding="utf-8")
    files = [str(tmp_path / "行政监察法.md"), str(law / "监察法(2018-03-20).md")]
    ids = ingest(tmp_path / "data", [*files, str(law / "监察法(2024-12-25).md")])
    found = statuses(tmp_path / "data")
    assert found[ids["行政监察法"]] == ("repealed", ids["监察法(2018-03-20)"])
    assert found[ids["监察法(2018-03-20)"]] == ("superseded", None)
    assert found[ids["监察法(2024-12-25)"]] == ("in_force", None)
    assert statuses(tmp_path / "data", "--as-of", "2017-12-31")[ids["行政监察法"]][0] == "unknown"
