"""Mechanical checks for probe_docs39 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p39q20": ("周转", "公寓"),
    "p39q21": ("澄清",),
    "p39q22": ("疗休养", "疗养"),
    "p39q23": ("积分",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p39q10": ["补贴", "津贴", "工资", "报酬", "薪酬", "奖金"],
    "p39q11": ["记功", "三等功", "二等功", "立功", "记大功"],
    "p39q12": ["心理", "心灵", "疏导", "咨询", "谈心"],
    "p39q13": ["就业", "安排工作", "工作安置", "随调", "随迁"],
    "p39q14": ["鹿泉"],
    "p39q15": ["育儿", "产假", "陪产", "托育", "哺乳"],
    "p39q16": ["学历", "学费", "学位", "在职研究生", "在职教育"],
    "p39q17": ["浦北"],
    "p39q18": ["公积金"],
    "p39q19": ["退休", "离休"],
}

sys.exit(check(Path(__file__).resolve().parent, 1700, KEYWORDS, ABSENT))
