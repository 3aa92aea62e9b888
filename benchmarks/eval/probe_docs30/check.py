"""Mechanical checks for probe_docs30 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p30q19": ("交友", "婚恋", "联谊", "找对象"),
    "p30q20": ("澄清", "恢复名誉"),
    "p30q21": ("补休", "调休"),
    "p30q22": ("心理",),
    "p30q23": ("工作群",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p30q09": ["负担", "减负", "工作群", "应用程序"],
    "p30q10": ["探亲", "探望", "路费", "旅费", "往返"],
    "p30q11": ["保险"],
    "p30q12": ["周转", "宿舍", "公寓", "住房", "住宿"],
    "p30q13": ["购房", "买房", "住房补贴", "购买住房"],
    "p30q14": ["霍尔果斯"],
    "p30q15": ["清波"],
    "p30q16": ["学历", "学费", "研究生"],
    "p30q17": ["上思"],
    "p30q18": ["弹性", "居家办公", "错时上下班"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
