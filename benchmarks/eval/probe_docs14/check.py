"""Mechanical checks for probe_docs14 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p14q34": ("澄清",),
    "p14q35": ("疗休养",),
    "p14q36": ("跟班学习",),
    "p14q37": ("工作群", "政务应用程序"),
    "p14q38": ("容错免责",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p14q17": ["遴选"],
    "p14q18": ["住房", "租房", "房租"],
    "p14q19": ["就业", "安置", "配偶"],
    "p14q44": ["喀什"],
    "p14q45": ["通讯费", "通信费", "话费"],
    "p14q46": ["疫苗", "流感", "接种"],
}

sys.exit(check(Path(__file__).resolve().parent, 2400, KEYWORDS, ABSENT))
