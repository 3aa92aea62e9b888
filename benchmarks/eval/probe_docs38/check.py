"""Mechanical checks for probe_docs38 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p38q19": ("周转", "人才公寓"),
    "p38q20": ("听证",),
    "p38q21": ("工作群",),
    "p38q22": ("心理",),
    "p38q23": ("体检",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p38q09": ["免收", "免租", "免交", "减免"],
    "p38q10": ["学费", "助学", "升学", "上大学", "入学", "教育"],
    "p38q11": ["子女", "入学", "就学", "上学", "学校"],
    "p38q12": ["劳务费", "报酬", "酬金", "补贴", "补助"],
    "p38q13": ["居家办公", "远程办公", "在家办公", "居家", "弹性"],
    "p38q14": ["精河"],
    "p38q15": ["嵊泗"],
    "p38q16": ["左云"],
    "p38q17": ["婚恋", "交友", "联谊", "找对象", "单身", "婚姻"],
    "p38q18": ["取暖", "供暖", "采暖", "暖气"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
