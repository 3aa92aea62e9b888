"""The first date each region adopted each measure, from three dated notices in a real store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from policykg.ui.cli import app

NOTICES = {
    "fuzhou-2023.txt": """中共抚州市委组织部关于落实乡镇工作补贴的通知
抚组发〔2023〕7号
各县（区）委组织部：
全市落实乡镇工作补贴，乡镇干部每人每月发放补贴400元。
全市建立容错纠错机制，对改革创新中的失误依规予以容错。
中共抚州市委组织部
2023年3月15日
""",
    "fuzhou-2024.txt": """中共抚州市委组织部关于进一步落实乡镇工作补贴的通知
抚组发〔2024〕2号
各县（区）委组织部：
全市继续落实乡镇工作补贴，乡镇干部每人每月发放补贴500元。
中共抚州市委组织部
2024年2月1日
""",
    "nanfeng-2021.txt": """南丰县人民政府文件
丰府发〔2021〕9号
关于激励干部担当作为的通知
各乡镇人民政府：
全县建立容错纠错机制，为担当者担当。
南丰县人民政府
二〇二一年六月八日
""",
}


def test_timeline_rows_are_the_earliest_dated_citation_per_region_and_measure(
    tmp_path: Path,
) -> None:
    for name, text in NOTICES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    runner, data = CliRunner(), str(tmp_path / "data")
    assert runner.invoke(app, ["ingest", str(tmp_path), "--data-dir", data]).exit_code == 0
    result = runner.invoke(app, ["timeline", "--csv", "--data-dir", data])
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["first_date"], r["region"], r["adcode"], r["measure"]) for r in rows] == [
        ("2021-06-08", "南丰县", "361023", "容错纠错机制"),
        ("2023-03-15", "抚州市", "361000", "乡镇工作补贴"),  # not the 2024 notice
        ("2023-03-15", "抚州市", "361000", "容错纠错机制"),
    ]
    allowance = rows[1]
    assert allowance["quote"] == "全市落实乡镇工作补贴，乡镇干部每人每月发放补贴400元。"
    assert allowance["reference"].startswith(
        "《中共抚州市委组织部关于落实乡镇工作补贴的通知》（中共抚州市委组织部 抚组发〔2023〕7号，"
        "2023年3月15日）"
    )
    assert (allowance["incentive_type"], allowance["status"]) == ("material", "required")
    only = runner.invoke(app, ["timeline", "--measure", "容错", "--json", "--data-dir", data])
    assert [r["region"] for r in json.loads(only.stdout)] == ["南丰县", "抚州市"]
    typed = runner.invoke(app, ["timeline", "--type", "material", "--json", "--data-dir", data])
    assert [r["measure"] for r in json.loads(typed.stdout)] == ["乡镇工作补贴"]
