"""Mechanical checks for probe_docs32 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p32q24": ("容错",),
    "p32q25": ("补休", "轮休", "调休"),
    "p32q26": ("系数",),
    "p32q27": ("协议工资", "协议年薪"),
    "p32q28": ("借调", "借用"),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p32q14": ["交通", "通讯", "话费"],
    "p32q15": ["出售", "购买", "产权", "买"],
    "p32q16": ["协议", "年薪"],
    "p32q17": ["漳浦"],
    "p32q18": ["护理假", "陪护", "父母", "独生子女"],
    "p32q19": ["钦州"],
    "p32q20": ["幼儿园", "托育", "托儿", "入园"],
    "p32q21": ["张家口"],
    "p32q22": ["兼职", "兼薪"],
    "p32q23": ["武冈"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
