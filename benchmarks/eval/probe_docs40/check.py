"""Mechanical checks for probe_docs40 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p40q20": ("心理",),
    "p40q21": ("积分",),
    "p40q22": ("食堂",),
    "p40q23": ("补休",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p40q08": ["两地分居", "配偶", "夫妻", "家属"],
    "p40q10": ["住房", "周转", "宿舍", "公寓", "租房", "住宿"],
    "p40q13": ["心理", "咨询", "疏导", "谈心"],
    "p40q14": ["婚假", "产假", "育儿假", "陪产", "生育"],
    "p40q15": ["巫山"],
    "p40q16": ["贷款", "公积金", "购房补贴"],
    "p40q17": ["靖远"],
    "p40q18": ["高温", "防暑", "降温"],
    "p40q19": ["提前离岗", "离岗休养", "提前退休", "离岗"],
}

sys.exit(check(Path(__file__).resolve().parent, 1850, KEYWORDS, ABSENT))
