"""Mechanical checks for probe_docs19 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p19q19": ("跟班学习",),
    "p19q20": ("供氧室",),
    "p19q21": ("容错免责",),
    "p19q22": ("督查检查考核",),
    "p19q23": ("澄清正名",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p19q16": ["卫生间"],
    "p19q17": ["配偶", "就业", "安置"],
    "p19q18": ["取暖"],
    "p19q24": ["店前"],
    "p19q25": ["购房", "买房", "购买住房"],
    "p19q26": ["黔南"],
    "p19q27": ["学费"],
    "p19q28": ["父母"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
