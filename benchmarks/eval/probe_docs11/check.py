"""Mechanical checks for probe_docs11 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p11q37": ("澄清正名",),
    "p11q38": ("容错免责",),
    "p11q39": ("健康档案",),
    "p11q40": ("人身意外伤害保险",),
    "p11q41": ("跟岗学习", "跟班学习"),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p11q18": ["供氧", "制氧"],
    "p11q19": ["就业", "随迁", "安置"],
    "p11q20": ["家属", "配偶", "子女"],
    "p11q46": ["昌都"],
    "p11q47": ["退休"],
    "p11q48": ["高坪"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
