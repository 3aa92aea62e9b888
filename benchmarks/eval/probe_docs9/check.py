"""Mechanical checks for probe_docs9 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p9q37": ("实绩档案",),
    "p9q38": ("意外伤害保险",),
    "p9q39": ("典型案例",),
    "p9q40": ("澄清正名",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p9q17": ["疗休养", "疗养", "休养"],
    "p9q18": ["侮辱", "诽谤", "打击报复", "恶意中伤", "保护措施"],
    "p9q19": ["补贴", "津贴"],
    "p9q45": ["喀什", "援疆", "新疆"],
    "p9q46": ["青海", "玉树"],
    "p9q47": ["中考", "加分", "升学"],
    "p9q48": ["肥西"],
}

sys.exit(check(Path(__file__).resolve().parent, 2200, KEYWORDS, ABSENT))
