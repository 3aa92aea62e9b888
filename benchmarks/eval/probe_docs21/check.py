"""Mechanical checks for probe_docs21 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p21q23": ("再增加不低于", "边境工作补助", "边境偏远团场"),
    "p21q24": ("师徒结对", "导师", "老带新"),
    "p21q25": ("轮休",),
    "p21q26": ("典型案例",),
    "p21q27": ("澄清",),
    "p21q28": ("食堂", "厨房"),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p21q19": ["子女", "入学", "就读", "上学"],
    "p21q20": ["所得税", "个税", "免税", "纳税"],
    "p21q21": ["随迁", "随同", "就业", "安排工作"],
    "p21q22": ["退休"],
    "p21q29": ["黔南"],
    "p21q30": ["结婚", "生育", "婚假", "生子", "生孩子"],
    "p21q31": ["购房"],
    "p21q32": ["呼伦贝尔"],
    "p21q33": ["临县"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
