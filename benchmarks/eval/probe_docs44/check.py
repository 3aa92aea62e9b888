"""Mechanical checks for probe_docs44 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p44q42": ("容错",),
    "p44q43": ("年薪",),
    "p44q44": ("休假", "轮休", "补休"),
    "p44q45": ("体检",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p44q07": ["托育", "托儿", "幼儿园", "子女", "入托", "孩子"],
    "p44q08": ["公积金", "购房", "房贷", "贷款", "买房"],
    "p44q09": ["周村"],
    "p44q10": ["配偶", "家属", "随迁", "夫妻", "爱人"],
    "p44q11": ["郧阳"],
    "p44q12": ["澄城"],
    "p44q17": ["省外", "外省", "异地", "出省", "考察", "外出"],
    "p44q18": ["周转", "宿舍", "公寓", "住房", "住宿"],
    "p44q19": ["工龄", "年限", "任职满", "工作满", "服务满", "连续工作"],
    "p44q20": ["心理", "疏导", "咨询", "减压"],
}

sys.exit(check(Path(__file__).resolve().parent, 2000, KEYWORDS, ABSENT))
