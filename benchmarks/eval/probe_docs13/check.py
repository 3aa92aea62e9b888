"""Mechanical checks for probe_docs13 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p13q37": ("澄清正名",),
    "p13q38": ("人身意外伤害保险",),
    "p13q39": ("制氧", "供氧"),
    "p13q40": ("跟岗学习", "跟班学习"),
    "p13q41": ("轮休",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p13q18": ["心理", "热线"],
    "p13q19": ["取暖", "供暖"],
    "p13q20": ["补助", "补贴"],
    "p13q46": ["三亚"],
    "p13q47": ["贷款", "首付", "购房", "按揭"],
    "p13q48": ["燕子河"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
