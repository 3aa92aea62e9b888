"""Mechanical checks for probe_docs16 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p16q34": ("疗休养", "休整"),
    "p16q35": ("轮休",),
    "p16q36": ("体检",),
    "p16q37": ("工作群",),
    "p16q38": ("取暖", "供暖"),
    "p16q39": ("跟班学习", "跟岗学习"),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p16q15": ["疗休养", "疗养"],
    "p16q16": ["交通补助", "下村交通"],
    "p16q17": ["出售", "购买", "产权"],
    "p16q18": ["安家", "一次性"],
    "p16q19": ["疗休养", "疗养"],
    "p16q20": ["取暖", "供暖"],
    "p16q43": ["原州", "固原"],
    "p16q44": ["结婚", "婚假", "生育", "产假"],
    "p16q45": ["高温", "防暑"],
    "p16q46": ["律师", "法律援助"],
    "p16q47": ["孙园"],
    "p16q48": ["利川"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
