"""Mechanical checks for probe_docs10 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p10q37": ("疗休养",),
    "p10q38": ("澄清正名",),
    "p10q39": ("容错免责",),
    "p10q40": ("子女入学",),
    "p10q41": ("洗衣房",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p10q17": ["心理", "测评"],
    "p10q18": ["元"],
    "p10q19": ["随迁", "就业", "安置"],
    "p10q20": ["取暖", "供暖"],
    "p10q45": ["援疆", "新疆"],
    "p10q46": ["拉萨"],
    "p10q47": ["洞头"],
    "p10q48": ["购房"],
}

sys.exit(check(Path(__file__).resolve().parent, 2200, KEYWORDS, ABSENT))
