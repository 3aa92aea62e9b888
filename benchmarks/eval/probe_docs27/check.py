"""Mechanical checks for probe_docs27 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p27q33": ("年休假",),
    "p27q34": ("谈心",),
    "p27q35": ("子女",),
    "p27q36": ("澄清", "诬告"),
    "p27q37": ("食堂",),
    "p27q38": ("职称",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p27q15": ["体检", "疗休养", "休养", "健康"],
    "p27q16": ["腾冲"],
    "p27q17": ["取暖"],
    "p27q18": ["协议年薪", "年薪", "聘任制"],
    "p27q19": ["村干部", "村（社区）", "村党组织", "村支部", "村两委"],
    "p27q39": ["护理假", "陪护假", "照料假", "照护假", "独生子女"],
    "p27q40": ["筠连"],
    "p27q41": ["心理"],
    "p27q42": ["松阳"],
    "p27q43": ["购房", "公积金", "住房补贴"],
    "p27q44": ["慈利"],
    "p27q45": ["居家办公", "弹性", "远程办公"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
