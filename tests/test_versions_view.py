"""The Versions tab's views on a real library of two versions of one small regulation:
the works table, the side-by-side diff (marked, escaped), the timeline SVG and its CSV."""

from __future__ import annotations

import codecs
import csv
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest

from policykg.ingest.models import Citation
from policykg.ingest.settings import Settings
from policykg.library import Library
from policykg.retrieval.diff import Article, diff_versions
from policykg.retrieval.timeline import TIMELINE_COLUMNS, Adoption
from policykg.ui.app.tabs import compare, versions
from policykg.ui.app.workspace import Workspace

TITLE = "丽水市激励干部担当作为条例"
# Two versions as LawRefBook prints them: a title heading, the history lines, the articles.
# 2024 raises the allowance (第三条 changed), adds 第四条 and renumbers the last article.
VERSIONS = {
    "丽水激励条例-2020.md": f"""# {TITLE}

2020年5月1日 丽水市第八届人民代表大会常务委员会第二十次会议通过

第一条 为了激励干部担当作为，结合本市实际，制定本条例。

第二条 全市建立容错纠错机制，对改革创新中的失误依规予以容错。

第三条 乡镇干部每人每月发放乡镇工作补贴300元。

第四条 本条例自2020年6月1日起施行。
""",
    "丽水激励条例-2024.md": f"""# {TITLE}

2020年5月1日 丽水市第八届人民代表大会常务委员会第二十次会议通过
2024年6月1日 丽水市第九届人民代表大会常务委员会第十五次会议修订

第一条 为了激励干部担当作为，结合本市实际，制定本条例。

第二条 全市建立容错纠错机制，对改革创新中的失误依规予以容错。

第三条 乡镇干部每人每月发放乡镇工作补贴500元。

第四条 全市推行干部职级晋升激励，对实绩突出的干部优先晋升职级。

第五条 本条例自2024年7月1日起施行。
""",
}
# The three first adoptions the texts state, as a point's title reads them.
EVENTS = {
    "丽水市 · 容错纠错机制 · 2020-05-01",
    "丽水市 · 乡镇工作补贴 · 2020-05-01",
    "丽水市 · 干部职级晋升激励 · 2024-06-01",
}
HOSTILE = '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2">'
SVG = "{http://www.w3.org/2000/svg}"


def write_versions(folder: Path) -> list[Path]:
    """The two versions as files in ``folder``, oldest first."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in VERSIONS.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(folder / name)
    return paths


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    folder = tmp_path_factory.mktemp("versions-view")
    with Library(Settings(data_dir=folder / "data")) as library:
        assert not library.ingest(write_versions(folder / "texts")).failed
        yield Workspace(library)


def doc_ids(workspace: Workspace) -> tuple[str, str]:
    """The 2020 and the 2024 version's document ids, by the file each came from."""
    by_name = {Path(d.source_path).name: d.doc_id for d in workspace.library.store.documents()}
    old, new = VERSIONS
    return by_name[old], by_name[new]


def test_the_works_table_lists_both_versions_and_they_are_the_default_pair(
    workspace: Workspace,
) -> None:
    old, new = doc_ids(workspace)
    works, old_pick, new_pick, diff = versions.fill_versions(workspace, None, None)
    assert (old_pick["value"], new_pick["value"]) == (old, new)
    row = re.search(r'<tr data-work="[^"]+"><td>(.*?)</td>.*?</tr>', works)
    assert row is not None and row.group(1) == TITLE
    listed = re.findall(r'<li data-doc="(\w+)" data-status="(\w+)">(\S+)', row.group(0))
    assert listed == [(old, "superseded", "2020-05-01"), (new, "in_force", "2024-06-01")]
    # A pick the user made is kept when the tab refreshes.
    assert diff == versions.show_diff(workspace, old, new)
    _, kept_old, kept_new, _ = versions.fill_versions(workspace, new, old)
    assert (kept_old["value"], kept_new["value"]) == (new, old)


def test_the_diff_marks_the_changed_article_side_by_side(workspace: Workspace) -> None:
    old, new = doc_ids(workspace)
    shown = versions.show_diff(workspace, old, new)
    counts = dict(re.findall(r'<b data-count="(\w+)">(\d+)</b>', shown))
    assert counts == {"added": "1", "removed": "0", "changed": "2", "moved": "0", "unchanged": "2"}
    rows = re.findall(
        r'<tr data-change="(\w+)"><td>.*?</td><td>(.*?)</td><td>(.*?)</td></tr>', shown
    )
    allowance = next(row for row in rows if "乡镇工作补贴" in row[1])
    assert allowance == (
        "changed",
        '<span class="pk-loc">第三条</span>乡镇干部每人每月发放乡镇工作补贴<del>3</del>00元。',
        '<span class="pk-loc">第三条</span>乡镇干部每人每月发放乡镇工作补贴<ins>5</ins>00元。',
    )
    added = next(row for row in rows if row[0] == "added")
    assert "—" in added[1] and "全市推行干部职级晋升激励" in added[2]
    assert "<del>" not in added[2] and "<ins>" not in added[2]


def test_diff_rows_and_headings_escape_hostile_text() -> None:
    gone, added = (
        '第二条 <b onclick="x()">旧规定</b>全部删除。',
        "第三条 设立&lt;奖励&gt;基金，每年评选。",
    )
    old = [Article("第一条", f"第一条 原文{HOSTILE}。"), Article("第二条", gone)]
    new = [Article("第一条", f"第一条 新文{HOSTILE}。"), Article("第三条", added)]
    shown = versions.diff_html(diff_versions("a", old, "b", new), HOSTILE, HOSTILE)
    assert "<script" not in shown and "<img" not in shown and "<b onclick" not in shown
    assert shown.count("&lt;script&gt;") == 4  # both headings, both sides of 第一条
    assert "&amp;lt;奖励&amp;gt;" in shown  # text that looks escaped is shown as it is
    assert re.findall(r'data-change="(\w+)"', shown) == ["removed", "changed", "added"]


def points(svg: str) -> list[ET.Element]:
    return ET.fromstring(svg).findall(f"{SVG}a")


def test_the_timeline_svg_has_a_point_per_event_that_opens_its_citation(
    workspace: Workspace,
) -> None:
    chart, table, _ = versions.show_timeline(workspace, "", "")
    svg = chart[: chart.index("</svg>") + len("</svg>")]
    found = points(svg)
    titles = [a.findtext(f"{SVG}title") or "" for a in found]
    assert sorted(titles) == sorted(EVENTS) and len(table) == len(EVENTS)
    x = {a.findtext(f"{SVG}title"): float(a.find(f"{SVG}circle").get("cx", "")) for a in found}  # type: ignore[union-attr]
    assert x["丽水市 · 干部职级晋升激励 · 2024-06-01"] > x["丽水市 · 乡镇工作补贴 · 2020-05-01"]
    career = next(a for a in found if "干部职级晋升激励" in (a.findtext(f"{SVG}title") or ""))
    target = career.get("href", "").lstrip("#")
    panel = re.search(rf'<div class="pk-tl-cite" id="{target}">(.*?)</div></div>', chart)
    assert panel is not None
    assert (
        "<blockquote>第四条 全市推行干部职级晋升激励，对实绩突出的干部优先晋升职级。"
        in panel.group(1)
    )
    assert "2024年6月1日）第四条" in panel.group(1)  # the legal-style reference


def test_the_timeline_filters_by_type_and_measure(workspace: Workspace) -> None:
    by_type, rows, _ = versions.show_timeline(workspace, "career", "")
    assert [row[3] for row in rows] == ["干部职级晋升激励"]
    assert len(points(by_type[: by_type.index("</svg>") + 6])) == 1
    _, rows, _ = versions.show_timeline(workspace, "", " 容错 ")
    assert [(row[0], row[3]) for row in rows] == [("2020-05-01", "容错纠错机制")]
    nothing, rows, _ = versions.show_timeline(workspace, "", "没有这种措施")
    assert rows == [] and "No adoptions match" in nothing


def test_the_timeline_csv_has_a_bom_and_the_cli_columns(workspace: Workspace) -> None:
    _, _, path = versions.show_timeline(workspace, "", "")
    raw = Path(path).read_bytes()
    assert raw.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert tuple(rows[0]) == TIMELINE_COLUMNS
    assert {(r["first_date"], r["measure"], r["doc_title"]) for r in rows} == {
        ("2020-05-01", "容错纠错机制", TITLE),
        ("2020-05-01", "乡镇工作补贴", TITLE),
        ("2024-06-01", "干部职级晋升激励", TITLE),
    }


def test_hostile_citation_text_and_undated_events_in_the_timeline() -> None:
    cited = Citation(
        doc_id="d1",
        doc_title=f"标题{HOSTILE}",
        provision_id="p1",
        section="",
        start=0,
        end=10,
        quote=f"引文{HOSTILE}",
        source_path="x.txt",
        locator=f"第一条{HOSTILE}",
    )
    undated = Adoption("某县", "000000", f"措施{HOSTILE}", "m", "career", "required", None, cited)
    shown = versions.timeline_html([undated])
    assert "<script" not in shown and "<img" not in shown
    (point,) = points(shown[: shown.index("</svg>") + 6])
    assert point.findtext(f"{SVG}title") == f"某县 · 措施{HOSTILE} · undated"
    assert "undated 无日期" in shown


def test_the_compare_tab_answers_as_of_a_day(workspace: Workspace) -> None:
    """As `policykg compare --as-of`: the version in force that day is cited, a later measure
    left out; an empty box is today; an unreadable day says so."""
    lishui = "331100"
    then, cited_then, _ = compare.show_comparison(workspace, [lishui], [], "2023-01-01")
    assert 'data-as-of="2023-01-01"' in then and "干部职级晋升激励" not in then
    assert "乡镇工作补贴300元" in cited_then and "500元" not in cited_then
    assert "pk-outdated" not in then
    now, cited_now, _ = compare.show_comparison(workspace, [lishui], [], " ")
    assert "data-as-of" not in now and "干部职级晋升激励" in now
    assert "乡镇工作补贴500元" in cited_now and "300元" not in cited_now
    refused, nothing, path = compare.show_comparison(workspace, [lishui], [], "2023-13-01")
    assert "no such date" in refused and (nothing, path) == ("", None)
