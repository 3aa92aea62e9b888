"""Mechanical checks for probe_docs31 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p31q19": ("协议年薪",),
    "p31q20": ("工作群",),
    "p31q21": ("澄清",),
    "p31q22": ("补休",),
    "p31q23": ("意外伤害保险", "意外险"),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p31q07": ["助学", "奖学"],
    "p31q08": ["取暖", "供暖", "采暖"],
    "p31q11": ["心理", "心灵", "咨询", "疏导"],
    "p31q12": ["交通补", "车补", "车辆", "用车"],
    "p31q13": ["婚假", "产假", "陪产", "育儿假", "生育"],
    "p31q14": ["日喀则"],
    "p31q15": ["新乐"],
    "p31q16": ["照护", "照料", "养老服务", "上门服务"],
    "p31q17": ["宁县"],
    "p31q18": ["返聘", "退休干部", "退休人员"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
