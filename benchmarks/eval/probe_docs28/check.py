"""Mechanical checks for probe_docs28 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p28q16": ("心理",),
    "p28q17": ("无会日", "无会周"),
    "p28q18": ("食堂", "就餐", "工作餐", "午餐"),
    "p28q19": ("补休",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p28q08": ["负担", "督查", "打卡", "应用程序"],
    "p28q09": ["体检"],
    "p28q10": ["保险"],
    "p28q11": ["托育", "育儿", "托儿", "保育"],
    "p28q12": ["疏勒"],
    "p28q13": ["金刚"],
    "p28q14": ["律师", "法律顾问", "法律咨询", "法律援助"],
    "p28q15": ["南城"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
