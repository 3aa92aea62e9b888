"""A year-end summary (工作总结) looks back as a whole: what its 一是…二是… tell was done,
and only its plan section (2026年工作打算) plans. Fixture written for this test."""

from __future__ import annotations

from pathlib import Path

from policykg.ingest.models import Status
from tests.test_answers import library_of

SUMMARY = (
    "沈荡镇2025年度工作总结（节选）\n\n"
    "海盐县沈荡镇人民政府\n\n"
    "一、真心关爱干部\n\n"
    "一是推行月度实绩“红黑榜”，每月对机关干部重点任务完成情况排名晾晒。\n\n"
    "二是建设干部“暖心小家”，配备健身和阅读设施。\n\n"
    "二、2026年工作打算\n\n"
    "一是建立干部生日慰问制度，由镇工会为干部送上慰问卡。\n"
)


def test_a_summary_tells_what_was_done_and_its_plan_section_plans(tmp_path: Path) -> None:
    with library_of(tmp_path, {"zongjie.txt": SUMMARY}) as library:
        document = library.store.documents()[0]
        status = {m.label_zh: m.status for m in library.store.measures(document.doc_id)}
        done = [s for label, s in status.items() if "红黑榜" in label or "暖心小家" in label]
        planned = [s for label, s in status.items() if "生日慰问" in label]
        assert done and set(done) == {Status.ADOPTED}, status
        assert planned and set(planned) == {Status.RECOMMENDED}, status
