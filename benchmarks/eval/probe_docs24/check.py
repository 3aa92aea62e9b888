"""Mechanical checks for probe_docs24 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p24q34": ("疗休养",),
    "p24q35": ("供氧", "制氧"),
    "p24q36": ("意外伤害保险",),
    "p24q37": ("跟岗",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p24q14": ["配偶", "就业"],
    "p24q15": ["探亲", "探望", "家属", "配偶", "父母", "亲属"],
    "p24q16": ["保险"],
    "p24q17": ["表彰", "称号", "评选", "荣誉"],
    "p24q38": ["双桥"],
    "p24q39": ["法律职业资格", "司法考试"],
    "p24q40": ["札达"],
    "p24q41": ["贴息", "公积金", "贷款"],
    "p24q42": ["高温", "防暑", "降温"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
