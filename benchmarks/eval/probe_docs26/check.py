"""Mechanical checks for probe_docs26 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p26q24": ("轮休",),
    "p26q25": ("意外伤害保险",),
    "p26q26": ("协议年薪",),
    "p26q27": ("谈心",),
    "p26q28": ("干部之家", "干部驿站"),
    "p26q29": ("工作群",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p26q12": ["协议年薪", "聘任制", "年薪"],
    "p26q13": ["阿图什"],
    "p26q14": ["保险"],
    "p26q15": ["取暖", "供暖", "采暖"],
    "p26q16": ["事业单位", "事业编制"],
    "p26q17": ["购房", "住房补贴", "安家费"],
    "p26q18": ["千灯"],
    "p26q19": ["双语", "民族语言", "少数民族语"],
    "p26q20": ["乐东"],
    "p26q21": ["加分"],
    "p26q22": ["清镇"],
    "p26q23": ["长期护理", "护理保险", "上门照护"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
