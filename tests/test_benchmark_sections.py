"""A benchmark's own section of docs/benchmarks.md is replaced by its run and kept by others."""

from __future__ import annotations

from benchmarks import sections

START, END = sections.OWN_START, sections.OWN_END
REPORT = "# Benchmarks\n\n## Speed\n\nfast\n\n## Cost curve\n\n- links\n"


def test_a_new_section_goes_before_the_cost_curve_and_a_second_run_replaces_it() -> None:
    first = sections.splice(REPORT, f"{START}\n## Own\n\n60/80\n{END}", START, END)
    assert first.index("60/80") < first.index("## Cost curve") and first.count(START) == 1
    second = sections.splice(first, f"{START}\n## Own\n\n62/80\n{END}", START, END)
    assert "62/80" in second and "60/80" not in second and second.count(START) == 1


def test_a_full_rewrite_keeps_the_section_an_earlier_report_held() -> None:
    old = sections.splice(REPORT, f"{START}\n## Own\n\n60/80\n{END}", START, END)
    own = sections.kept(old, START, END)
    assert own is not None and own.startswith(START) and own.endswith(END)
    rewritten = sections.splice(REPORT.replace("fast", "faster"), own, START, END)
    assert "60/80" in rewritten and "faster" in rewritten
    assert sections.kept(REPORT, START, END) is None
