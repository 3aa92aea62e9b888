"""Mechanical checks for probe_docs34 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p34q19": ("心理",),
    "p34q20": ("回访",),
    "p34q21": ("工作群",),
    "p34q22": ("补休",),
    "p34q23": ("食堂", "三餐", "用餐", "就餐"),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p34q09": ["疗休养", "休养"],
    "p34q10": ["出国", "境外", "国外", "出境"],
    "p34q11": ["住房", "公寓", "安家", "购房", "租房", "住宿"],
    "p34q12": ["体检", "健康检查"],
    "p34q13": ["陪产", "育儿假", "产假", "生育", "哺乳"],
    "p34q14": ["天台"],
    "p34q15": ["阿图什"],
    "p34q16": ["武义"],
    "p34q17": ["配偶", "爱人", "随迁", "夫妻"],
    "p34q18": ["通讯", "通信", "话费"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
