"""Mechanical checks for probe_docs43 (standard library only). Run from this folder: python3 check.py"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from probe_check import check  # the shared checks, one folder up

# Document questions: the words whose documents each must list.
KEYWORDS = {
    "p43q20": ("心理",),
    "p43q21": ("乡村教师", "中小学教师"),
    "p43q22": ("年薪",),
    "p43q23": ("工作群",),
}
# Negatives and "no" answers: words absent from every document (a negative) or from the
# named document (a "no").
ABSENT = {
    "p43q10": ["第三方", "委托", "机构", "社会组织"],
    "p43q11": ["疗休养", "疗养", "休假", "休整", "带薪", "补休"],
    "p43q12": ["股权", "期权", "持股", "股票", "配股"],
    "p43q13": ["育儿", "托育", "托儿", "产假", "哺乳", "婴幼儿", "生育"],
    "p43q14": ["利津"],
    "p43q15": ["交通", "车补", "公车", "用车", "通勤"],
    "p43q16": ["酉阳"],
    "p43q17": ["配偶", "随调", "随迁", "夫妻", "家属"],
    "p43q18": ["退休", "返聘", "离休", "老干部", "退下来"],
    "p43q19": ["嵊泗"],
}

sys.exit(check(Path(__file__).resolve().parent, 2000, KEYWORDS, ABSENT))
