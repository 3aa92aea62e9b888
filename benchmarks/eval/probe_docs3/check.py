"""Mechanical checks for probe_docs3 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p3q28": ("周转房", "周转宿舍", "周转公寓"),
    "p3q29": ("轮休",),
    "p3q30": ("优秀等次比例",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p3q40": ["武汉"],
    "p3q41": ["太原"],
    "p3q42": ["大理"],
    "p3q43": ["鄂尔多斯", "年薪"],
    "p3q44": ["交通", "车补", "通勤", "用车"],
    "p3q45": ["延边"],
    "p3q25": ["子女", "入学"],
    "p3q26": ["安家", "一次性"],
    "p3q27": ["年薪"],
}

sys.exit(check(Path(__file__).resolve().parent, 5000, KEYWORDS, ABSENT))
