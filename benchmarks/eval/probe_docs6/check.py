"""Mechanical checks for probe_docs6 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p6q33": ("周转房",),
    "p6q34": ("澄清",),
    "p6q35": ("疗休养",),
    "p6q36": ("补休",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p6q25": ["住房", "周转", "宿舍", "公寓", "住所"],
    "p6q26": ["心理", "疏导", "测评"],
    "p6q27": ["优秀", "等次", "年度考核"],
    "p6q28": ["补贴", "补助", "津贴", "工资", "奖金", "薪酬"],
    "p6q37": ["瑞金"],
    "p6q38": ["唐山"],
    "p6q39": ["通化"],
    "p6q40": ["退休", "返聘"],
}

sys.exit(check(Path(__file__).resolve().parent, 4000, KEYWORDS, ABSENT))
