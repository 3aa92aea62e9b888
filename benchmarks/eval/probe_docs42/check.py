"""Mechanical checks for probe_docs42 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p42q39": ("疗休养",),
    "p42q40": ("工作群",),
    "p42q41": ("容错",),
    "p42q42": ("周转",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p42q07": ["高温", "防暑", "降温", "酷暑"],
    "p42q08": ["学费", "学历", "进修", "在职研究生", "在职教育"],
    "p42q09": ["玉门"],
    "p42q10": ["下陆"],
    "p42q11": ["取暖", "供暖", "采暖", "烤火"],
    "p42q12": ["外语", "英语", "语言"],
    "p42q13": ["遂昌"],
    "p42q16": ["住房补贴", "周转", "公寓", "购房", "住房保障"],
    "p42q18": ["子女", "孩子", "入学", "上学", "学校", "就学"],
    "p42q19": ["心理", "咨询", "热线", "疏导"],
}

sys.exit(check(Path(__file__).resolve().parent, 2000, KEYWORDS, ABSENT))
