"""Mechanical checks for probe_docs25 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p25q36": ("协议年薪",),
    "p25q37": ("意外伤害保险",),
    "p25q38": ("第一周",),
    "p25q39": ("三等功",),
    "p25q40": ("疗休养",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p25q16": ["重庆", "川渝", "互派"],
    "p25q17": ["体检", "疗休养", "休养", "疗养"],
    "p25q18": ["子女", "入学", "上学", "学校"],
    "p25q41": ["大宁"],
    "p25q42": ["屏边"],
    "p25q43": ["联谊", "婚恋", "单身", "相亲"],
    "p25q44": ["学费", "学历"],
    "p25q45": ["阿荣"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
