"""Mechanical checks for probe_docs22 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p22q18": ("藏语", "彝语"),
    "p22q19": ("心理",),
    "p22q20": ("疗休养",),
    "p22q21": ("工作群",),
    "p22q22": ("班车",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p22q14": ["心理", "疏导"],
    "p22q15": ["安家", "一次性"],
    "p22q16": ["补发", "追溯"],
    "p22q17": ["疗休养", "疗养", "休养"],
    "p22q23": ["杂多"],
    "p22q24": ["购房", "买房"],
    "p22q25": ["都镇湾"],
    "p22q26": ["出国", "境外", "国外"],
    "p22q27": ["额敏"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
