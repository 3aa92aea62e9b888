"""Sections of docs/benchmarks.md that their own runs write (between HTML-comment markers),
so a run of one benchmark rewrites its section and keeps the others'."""

from __future__ import annotations

ANCHOR = "## Cost curve"  # a section not yet in the report goes before this heading
OWN_START, OWN_END = "<!-- owneval:start -->", "<!-- owneval:end -->"  # benchmarks.owneval


def splice(report: str, section: str, start: str, end: str) -> str:
    """``report`` with the section between ``start`` and ``end`` replaced (or added)."""
    if start in report and end in report:
        head, rest = report.split(start, 1)
        return head + section + rest.split(end, 1)[1]
    if ANCHOR in report:
        head, rest = report.split(ANCHOR, 1)
        return f"{head}{section}\n\n{ANCHOR}{rest}"
    return f"{report.rstrip()}\n\n{section}\n"


def kept(old_report: str, start: str, end: str) -> str | None:
    """The section an earlier report holds between ``start`` and ``end``, markers included."""
    if start not in old_report or end not in old_report:
        return None
    return start + old_report.split(start, 1)[1].split(end, 1)[0] + end
