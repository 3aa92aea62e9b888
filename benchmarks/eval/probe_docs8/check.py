"""Mechanical checks for probe_docs8 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p8q34": ("疗休养",),
    "p8q35": ("意外伤害保险",),
    "p8q36": ("澄清",),
    "p8q37": ("无会",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p8q16": ["加分", "中考", "升学", "高考"],
    "p8q17": ["政务应用程序", "打卡", "排名", "工作群", "应用程序"],
    "p8q42": ["年薪"],
    "p8q43": ["林芝", "广东"],
    "p8q44": ["天津", "和田"],
    "p8q45": ["公积金"],
}

sys.exit(check(Path(__file__).resolve().parent, 5000, KEYWORDS, ABSENT))
