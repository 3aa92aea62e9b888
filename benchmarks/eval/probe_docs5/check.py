"""Mechanical checks for probe_docs5 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

HERE = Path(__file__).resolve().parent

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p5q23": ("周转",),
    "p5q24": ("疗养", "休养"),
    "p5q25": ("澄清",),
    "p5q26": ("协议年薪", "协议薪酬", "协议工资"),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p5q19": ["疗养", "休养"],
    "p5q20": ["年薪", "协议工资", "协议薪酬"],
    "p5q21": ["应用程序", "填报", "数据", "APP", "减负"],
    "p5q22": ["周转", "住房", "宿舍", "公寓", "住所"],
    "p5q41": ["毕节"],
    "p5q42": ["桂林"],
    "p5q43": ["伽师"],
    "p5q44": ["本溪"],
    "p5q45": ["产假", "生育", "女干部", "哺乳"],
}
# This probe's own rule: at least four long documents in which the answer is buried.
LONG, MIN_LONG = 5000, 4

rc = check(HERE, 6000, KEYWORDS, ABSENT)
long_docs = sorted(
    p.name
    for p in HERE.iterdir()
    if p.suffix in (".txt", ".md")
    and p.name != "README.md"
    and len(p.read_text(encoding="utf-8")) > LONG
)
print("long documents", len(long_docs), long_docs)
if len(long_docs) < MIN_LONG:
    print(f"PROBLEM: fewer than {MIN_LONG} documents longer than {LONG} characters")
    rc = 1
sys.exit(rc)
