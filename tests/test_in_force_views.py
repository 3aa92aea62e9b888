"""`measures` and `compare` prefer the versions in force and answer as of a day."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policykg.ingest.settings import Settings
from policykg.library import Library
from policykg.ui.cli import app

TITLE = "示范省干部激励条例"
ARTICLES = (
    "第一条 为了激励干部担当作为，制定本条例。\n\n"
    "第二条 本省建立容错纠错机制，对改革创新中的失误依法免责。\n\n"
)
VERSIONS = {
    # Both versions state 容错纠错机制; only the old one 预公告, only the new one 澄清正名.
    "old.md": (
        f"# {TITLE}\n\n{ARTICLES}第三条 本省实行职级晋升预公告制度，对拟晋升干部提前公告。\n",
        "2019-05-01",
    ),
    "new.md": (
        f"# {TITLE}（2023年修订）\n\n{ARTICLES}"
        "第三条 本省推行澄清正名制度，对受到失实举报的干部及时澄清。\n",
        "2023-09-01",
    ),
}
BEFORE_THE_NEW_VERSION = "2020-01-01"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("in-force")
    for name, (text, date) in VERSIONS.items():
        (folder / name).write_text(text, encoding="utf-8")
        meta = {"issuer": "示范省人民代表大会常务委员会", "date": date, "doc_kind": "地方性法规"}
        (folder / name.replace(".md", ".meta.json")).write_text(json.dumps(meta), "utf-8")
    data = folder / "data"
    with Library(Settings(data_dir=data)) as library:
        report = library.ingest([folder / name for name in VERSIONS])
        assert not report.failed and len(report.ingested) == 2
    yield data


def run(data_dir: Path, *args: str) -> str:
    # Wide enough that the table keeps each cell on one line.
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, [*args, "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    return result.output


def doc_ids(data_dir: Path) -> dict[str, str]:
    """File name → document id."""
    with Library(Settings(data_dir=data_dir)) as library:
        return {Path(d.source_path).name: d.doc_id for d in library.store.documents()}


def by_label(records: list[dict], word: str) -> dict:
    (record,) = [r for r in records if word in r["label_zh"]]
    return record


def test_measures_cite_the_version_in_force_and_mark_what_only_an_old_one_says(
    data_dir: Path,
) -> None:
    ids = doc_ids(data_dir)
    records = json.loads(run(data_dir, "measures", "--json"))
    both = by_label(records, "容错纠错")
    assert [c["doc_id"] for c in both["citations"]] == [ids["new.md"]]
    assert all(c["in_force"] is True for c in both["citations"])
    old_only = by_label(records, "预公告")
    assert [c["in_force"] for c in old_only["citations"]] == [False]
    assert "预公告制度 (outdated version)" in run(data_dir, "measures")


def test_measures_as_of_a_day_before_the_new_version(data_dir: Path) -> None:
    ids = doc_ids(data_dir)
    records = json.loads(run(data_dir, "measures", "--as-of", BEFORE_THE_NEW_VERSION, "--json"))
    assert not [r for r in records if "澄清正名" in r["label_zh"]]  # not made yet
    assert [c["doc_id"] for c in by_label(records, "容错纠错")["citations"]] == [ids["old.md"]]
    assert [c["in_force"] for c in by_label(records, "预公告")["citations"]] == [True]


def test_compare_prefers_the_version_in_force_and_takes_as_of(data_dir: Path) -> None:
    ids = doc_ids(data_dir)
    rows = json.loads(run(data_dir, "compare", "中国", "上海", "--json"))
    cited = {row["measure"]: row["citation"] for row in rows if row["region"] == "中华人民共和国"}
    tolerance = next(c for label, c in cited.items() if "容错纠错" in label)
    assert tolerance["doc_id"] == ids["new.md"]
    assert next(c for label, c in cited.items() if "预公告" in label)["in_force"] is False
    earlier = json.loads(
        run(data_dir, "compare", "中国", "上海", "--as-of", BEFORE_THE_NEW_VERSION, "--json")
    )
    measures = {row["measure"] for row in earlier}
    assert not any("澄清正名" in m for m in measures) and any("预公告" in m for m in measures)
    bad = CliRunner().invoke(app, ["compare", "中国", "上海", "--as-of", "2020-13-40"])
    assert bad.exit_code != 0 and "--as-of" in bad.output
