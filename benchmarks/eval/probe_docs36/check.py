"""Mechanical checks for probe_docs36 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p36q24": ("家属",),
    "p36q25": ("心理",),
    "p36q26": ("生日",),
    "p36q27": ("食堂",),
    "p36q28": ("体检",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p36q14": ["就业", "岗位", "招聘"],
    "p36q15": ["住房", "房补"],
    "p36q16": ["心理"],
    "p36q17": ["子女", "孩子", "入学", "上学", "学校"],
    "p36q18": ["巨野"],
    "p36q19": ["连山"],
    "p36q20": ["股权", "期权", "股票", "股份"],
    "p36q21": ["西递"],
    "p36q22": ["购房", "买房"],
    "p36q23": ["弹性", "居家", "远程办公", "在家办公"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
