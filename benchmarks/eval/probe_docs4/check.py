"""Mechanical checks for probe_docs4 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p4q23": ("澄清正名",),
    "p4q24": ("疗休养",),
    "p4q25": ("周转房", "周转宿舍", "周转公寓"),
    "p4q26": ("无会日", "无会周"),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p4q41": ["平度"],
    "p4q42": ["陇南"],
    "p4q43": ["肥东"],
    "p4q44": ["信阳"],
    "p4q45": ["年薪", "协议工资"],
    "p4q20": ["补贴", "津贴", "补助", "工资"],
    "p4q21": ["容错", "免责", "问责"],
    "p4q22": ["疗休养", "疗养"],
}

sys.exit(check(Path(__file__).resolve().parent, 4000, KEYWORDS, ABSENT))
