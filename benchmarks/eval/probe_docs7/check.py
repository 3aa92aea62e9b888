"""Mechanical checks for probe_docs7 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p7q29": ("疗休养",),
    "p7q30": ("补休", "轮休"),
    "p7q31": ("澄清",),
    "p7q32": ("体检",),
    "p7q33": ("跟岗", "跟班学习", "苏州、无锡"),
    "p7q34": ("容错", "不作负面评价"),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p7q16": ["负面评价", "勤勉尽责", "预期目标", "科研攻关", "容错"],
    "p7q17": ["取暖补贴", "取暖费", "取暖补助", "燃煤补助"],
    "p7q18": ["食堂", "伙食", "就餐", "餐补", "用餐"],
    "p7q19": ["加分", "高考", "中考", "升学"],
    "p7q35": ["昭觉"],
    "p7q36": ["临夏"],
    "p7q37": ["产假", "育儿假", "生育", "哺乳", "陪护假"],
}

sys.exit(check(Path(__file__).resolve().parent, 6000, KEYWORDS, ABSENT))
