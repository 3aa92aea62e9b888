"""Mechanical checks for probe_docs15 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p15q25": ("澄清", "说明情况"),
    "p15q26": ("容错免责",),
    "p15q27": ("疗休养",),
    "p15q28": ("跟岗", "轮岗"),
    "p15q29": ("优秀等次比例",),
    "p15q30": ("周转房",),
    "p15q31": ("工作群", "政务APP"),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p15q20": ["工作日", "容错申请"],
    "p15q21": ["八百元", "工作补助", "二百元"],
    "p15q22": ["地暖", "暖气"],
    "p15q23": ["基金", "变故"],
    "p15q24": ["表彰", "评选"],
    "p15q32": ["绥宁"],
    "p15q33": ["购房", "买房"],
    "p15q34": ["配偶", "随迁"],
    "p15q35": ["广灵"],
}

sys.exit(check(Path(__file__).resolve().parent, 4600, KEYWORDS, ABSENT))
