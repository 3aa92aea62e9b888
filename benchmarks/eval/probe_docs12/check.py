"""Mechanical checks for probe_docs12 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p12q35": ("容错免责",),
    "p12q36": ("周转房", "周转宿舍"),
    "p12q37": ("补休",),
    "p12q38": ("交通补贴", "交通补助"),
    "p12q39": ("食堂",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p12q17": ["应用程序", "打卡", "工作群"],
    "p12q18": ["租房", "房租", "租金"],
    "p12q19": ["职级"],
    "p12q46": ["联谊", "婚恋", "相亲", "交友"],
    "p12q47": ["公积金"],
    "p12q48": ["牡丹江"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
