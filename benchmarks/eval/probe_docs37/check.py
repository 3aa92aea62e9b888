"""Mechanical checks for probe_docs37 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p37q19": ("疗休养",),
    "p37q20": ("澄清",),
    "p37q21": ("无会周", "不安排会议", "不召开会议"),
    "p37q22": ("直接晋升四级主任科员",),
    "p37q23": ("借调",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p37q07": ["补贴", "津贴", "工资", "补助", "奖金", "报酬", "奖励"],
    "p37q08": ["交通补助", "交通补贴", "车补", "油补", "交通费", "公车"],
    "p37q11": ["申诉", "复核", "复议", "异议", "复查"],
    "p37q12": ["退休", "离休", "老干部"],
    "p37q13": ["苍南"],
    "p37q14": ["生育", "二孩", "三孩", "育儿", "产假", "陪产"],
    "p37q15": ["汶川"],
    "p37q16": ["达拉特"],
    "p37q17": ["高温", "防暑", "降温"],
    "p37q18": ["弹性", "居家办公", "远程办公", "错峰上下班"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
