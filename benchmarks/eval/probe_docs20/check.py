"""Mechanical checks for probe_docs20 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p20q39": ("夫妻房", "夫妻周转房"),
    "p20q40": ("下乡交通补助",),
    "p20q41": ("心理",),
    "p20q42": ("名额单列",),
    "p20q43": ("疗休养",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p20q20": ["子女", "入学", "上学", "就学", "教育"],
    "p20q21": ["探亲", "往返交通费", "路费", "报销"],
    "p20q22": ["住房补贴", "租房补贴", "货币化", "购房补贴"],
    "p20q44": ["通讯", "通信补", "话费"],
    "p20q45": ["股份", "股权", "分红"],
    "p20q46": ["芷江", "怀化"],
    "p20q47": ["子洲"],
    "p20q48": ["学历", "学位", "脱产"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
