"""Mechanical checks for probe_docs29 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p29q39": ("补休", "调休", "轮休"),
    "p29q40": ("借调",),
    "p29q41": ("打卡", "在线时长", "不用于考勤"),
    "p29q42": ("食堂",),
    "p29q43": ("谈心",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p29q15": ["容错", "失误", "免责", "纠错"],
    "p29q16": ["高温", "防暑", "降温"],
    "p29q17": ["村"],
    "p29q18": ["越城"],
    "p29q19": ["安顺"],
    "p29q20": ["配偶", "随调", "家属就业", "夫妻", "爱人"],
    "p29q21": ["囊谦"],
    "p29q22": ["学费", "学历", "在职研究生", "进修"],
    "p29q23": ["灵宝"],
    "p29q24": ["退休", "离任", "老干部"],
    "p29q25": ["邳州"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
