"""Mechanical checks for probe_docs17 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p17q39": ("供氧",),
    "p17q40": ("传帮带",),
    "p17q41": ("报表",),
    "p17q42": ("心理",),
    "p17q43": ("容错免责",),
    "p17q44": ("跟岗学习",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p17q35": ["交通补贴", "交通补助", "交通费"],
    "p17q36": ["退休"],
    "p17q37": ["入学", "子女", "随迁", "学校"],
    "p17q38": ["基金", "专项资金"],
    "p17q45": ["阿里"],
    "p17q46": ["购房"],
    "p17q47": ["莒南"],
    "p17q48": ["私车", "里程"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
