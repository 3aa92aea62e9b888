"""Mechanical checks for probe_docs18 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p18q19": ("疗休养", "下山休整"),
    "p18q20": ("澄清正名",),
    "p18q21": ("入学",),
    "p18q22": ("无会",),
    "p18q23": ("心理",),
    "p18q24": ("职称",),
    "p18q25": ("意外伤害保险",),
    "p18q26": ("艰苦边远地区津贴",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p18q14": ["应用程序", "登录时长", "打卡", "APP"],
    "p18q15": ["交通补贴", "下乡交通", "交通费"],
    "p18q16": ["配偶", "就业", "随迁", "安置"],
    "p18q17": ["子女", "入学", "就读", "学位"],
    "p18q18": ["取暖", "供暖", "采暖"],
    "p18q27": ["莎车"],
    "p18q28": ["购房", "买房", "住房补贴"],
    "p18q29": ["佛坪"],
    "p18q30": ["俄语", "俄罗斯语"],
    "p18q31": ["崇礼"],
    "p18q32": ["公积金"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
