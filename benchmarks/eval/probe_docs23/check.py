"""Mechanical checks for probe_docs23 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p23q37": ("容错免责",),
    "p23q38": ("协议工资", "年薪制"),
    "p23q39": ("科技特派员",),
    "p23q40": ("疗休养",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p23q23": ["青年", "四十周岁", "项目负责人"],
    "p23q24": ["休假", "年休假", "假期"],
    "p23q25": ["住房", "购房", "租房", "安家"],
    "p23q44": ["繁昌"],
    "p23q45": ["外语", "英语"],
    "p23q46": ["醴陵"],
    "p23q47": ["学术休假", "带薪学术"],
    "p23q48": ["中考", "高考"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
