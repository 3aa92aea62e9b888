"""Mechanical checks for probe_docs41 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p41q25": ("心理疏导", "心理健康", "心理测评", "心理减压", "心理咨询"),
    "p41q26": ("容错",),
    "p41q27": ("食堂",),
    "p41q28": ("工作群",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p41q08": ["交通", "车", "通勤", "路费"],
    "p41q09": ["奖金", "奖励", "记功", "嘉奖", "表彰"],
    "p41q12": ["家属", "配偶", "爱人", "家人", "夫妻", "丈夫", "妻子"],
    "p41q13": ["陪产", "产假", "育儿假", "生育", "护理假"],
    "p41q14": ["当阳"],
    "p41q15": ["班车", "通勤车", "交通车", "接送", "专车"],
    "p41q16": ["德兴"],
    "p41q17": ["正阳"],
    "p41q18": ["取暖", "降温", "高温", "防暑", "烤火"],
    "p41q19": ["生日", "蛋糕"],
}

# The longest document allowed: the 2025 version of the Liaoning pair may run to about 1,850.
sys.exit(check(Path(__file__).resolve().parent, 1850, KEYWORDS, ABSENT))
