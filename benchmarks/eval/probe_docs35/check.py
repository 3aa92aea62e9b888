"""Mechanical checks for probe_docs35 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p35q19": ("澄清",),
    "p35q20": ("心理",),
    "p35q21": ("协议年薪", "聘任制"),
    "p35q22": ("工作群",),
    "p35q23": ("食堂",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p35q07": ["周转", "宿舍", "公寓"],
    "p35q08": ["群众", "服务对象", "满意度", "民主测评", "测评"],
    "p35q11": ["配偶", "家属", "随迁", "子女", "家庭"],
    "p35q12": ["心理", "心灵", "疏导", "咨询"],
    "p35q13": ["护理假", "陪护假", "照护", "独生子女", "父母"],
    "p35q14": ["高要"],
    "p35q15": ["法律援助", "律师", "法律顾问"],
    "p35q16": ["宝丰"],
    "p35q17": ["子女", "入学", "学位", "上学"],
    "p35q18": ["弹性", "远程办公", "居家办公", "线上办公", "在家办公"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
