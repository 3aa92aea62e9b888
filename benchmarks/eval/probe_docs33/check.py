"""Mechanical checks for probe_docs33 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p33q19": ("擂台",),
    "p33q20": ("导师", "师徒"),
    "p33q21": ("澄清",),
    "p33q22": ("追索扣回", "收回奖金"),
    "p33q23": ("年休假",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p33q07": ["家属", "家人", "家里人", "配偶", "父母", "亲属"],
    "p33q08": ["住房", "住宿", "宿舍", "周转", "公寓", "安居"],
    "p33q11": ["住房", "用车", "车辆", "公车", "交通", "租房"],
    "p33q12": ["子女", "入学", "托育", "幼儿", "学位", "孩子", "托管"],
    "p33q13": ["肥城"],
    "p33q14": ["慈溪", "布拖"],
    "p33q15": ["购房", "买房", "购置住房", "购买住房"],
    "p33q16": ["萧县"],
    "p33q17": ["股权", "持股", "期权", "分红权"],
    "p33q18": ["法律援助", "律师", "诉讼", "起诉"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
