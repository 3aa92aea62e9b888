#!/usr/bin/env python3
"""Check probe3/questions.jsonl against split.tsv and the dev source texts.

Usage (from anywhere):  python benchmarks/eval/probe3/check.py
Standard library only.  Reuses CLASSES, Q_KEYS and the text loaders of ../check_gold.py.
Exits 1 and lists the problems if any check fails; prints OK otherwise.
"""

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent
sys.path.insert(0, str(EVAL))
from check_gold import CLASSES, Q_KEYS, find_shared, load_text  # noqa: E402

PROBE = HERE / "questions.jsonl"
EARLIER = [
    EVAL / "questions_dev.jsonl",
    EVAL / "questions_probe.jsonl",
    EVAL / "questions_probe2.jsonl",
]
ID_PREFIX = "p3q"
N_QUESTIONS = 50

# class counts chosen for this probe (weighted toward the classes earlier probes found hardest)
WANT = {
    "statute": 15,
    "yes_no": 12,
    "document": 8,
    "number": 2,
    "measure": 3,
    "region_scope": 2,
    "implicit_region": 2,
    "advice": 2,
    "negative": 4,
}
YES_NO_SPLIT = {"yes": 6, "no": 6}
EN_RANGE = (15, 20)  # "about a third" of 50
MIN_SUPERVISION_PAIR = 5  # statute questions comparing the 2018 and 2024 Supervision Law
SUPERVISION = {"监察法(2018-03-20).md", "监察法(2024-12-25).md"}
FRAG_MIN, FRAG_MAX = 6, 20  # brief: 6-20 characters (check_gold.py accepts at most 20)
MAX_FRAGS = 3  # check_gold.py rejects more than 3
COPY_RUN = 8  # a Chinese question may not copy 8+ characters in a row from a dev document
# titles of laws / documents that questions may quote in full
TITLES = [
    "北京国际科技创新中心建设条例",
    "山东省人才发展促进条例",
    "重大行政决策程序暂行条例",
    "事业单位人事管理条例",
    "优化营商环境条例",
    "推进领导干部能上能下规定",
    "关于解决形式主义突出问题为基层减负的通知",
    "中华人民共和国公务员法",
    "中华人民共和国监察法",
    "政府工作报告",
]
# document names that may recur in any question; ignored when comparing with earlier questions
NAMES_ZH = [
    r"\d{4}年(的|版|修正的|修正后的)?政府工作报告",
    r"\d{4}年(的|版|修正的|修正后的)?监察法",
    r"第十五次党代会报告",
    r"《[^》]+》",
] + [re.escape(t) for t in TITLES]
NAMES_EN = [
    r"the \d{4} (amended |original )?government work report",
    r"the (original )?\d{4} (amended |original )?supervision law",
    r"the civil servant law",
    r"the yangtze (river )?delta article",
]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
INVISIBLE = re.compile(r"[\u200b-\u200f\ufeff]")


def main():
    shared = find_shared()
    if shared is None:
        print("probe3 check: source texts (../shared) not found; set POLICYKG_SHARED.")
        return 1
    problems: list[str] = []
    P = problems.append

    large_path = shared / "corpus-large" / "government_work_reports.jsonl"
    large = [
        json.loads(line)
        for line in large_path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    split = {}
    with open(EVAL / "split.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            split[r["doc"]] = r
    dev_texts = {}
    for d, r in split.items():
        if r["half"] != "dev":
            continue  # test documents are never loaded
        t = load_text(shared, r["corpus"], d, large)
        if t is None:
            P(f"split.tsv: dev text not found for {d}")
        else:
            dev_texts[d] = t

    # earlier question wordings (to avoid reuse)
    earlier = []
    for p in EARLIER:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                earlier.append(json.loads(line)["question"])

    lines = [ln for ln in PROBE.read_text(encoding="utf-8").splitlines() if ln.strip()]
    seen_ids, seen_q = set(), set()
    cls_count: Counter[str] = Counter()
    lang_count: Counter[str] = Counter()
    yn: Counter[str] = Counter()
    pair_statutes = 0
    for n, line in enumerate(lines, 1):
        where = f"line {n}"
        try:
            q = json.loads(line)
        except json.JSONDecodeError as error:
            P(f"{where}: bad JSON ({error})")
            continue
        if list(q.keys()) != Q_KEYS:
            P(f"{where}: fields/order {list(q.keys())} != {Q_KEYS}")
            continue
        where = f"{where} [{q['id']}]"
        if q["id"] != f"{ID_PREFIX}{n:02d}":
            P(f"{where}: id should be {ID_PREFIX}{n:02d}")
        if q["id"] in seen_ids:
            P(f"{where}: duplicate id")
        seen_ids.add(q["id"])
        text, cls, lang = q["question"], q["class"], q["lang"]
        if not isinstance(text, str) or not text.strip():
            P(f"{where}: empty question")
            continue
        if text in seen_q:
            P(f"{where}: duplicate question")
        seen_q.add(text)
        if cls not in CLASSES or cls not in WANT:
            P(f"{where}: class {cls!r} not allowed")
        cls_count[cls] += 1
        if lang not in ("zh", "en"):
            P(f"{where}: bad lang {lang!r}")
        lang_count[lang] += 1
        if lang == "en" and CJK.search(text):
            P(f"{where}: English question contains Chinese characters")
        if lang == "zh" and not CJK.search(text):
            P(f"{where}: zh question without Chinese")
        bad_list = False
        for k in ("docs", "expect_regions", "expect_quote_contains", "expect_documents"):
            if not isinstance(q[k], list):
                P(f"{where}: {k} must be a list")
                bad_list = True
        if bad_list:
            continue
        docs, regs, frags = q["docs"], q["expect_regions"], q["expect_quote_contains"]
        if len(set(docs)) != len(docs):
            P(f"{where}: duplicate doc in docs")
        for d in docs + q["expect_documents"]:
            if d not in split:
                P(f"{where}: doc {d!r} not in split.tsv")
            elif split[d]["half"] != "dev":
                P(f"{where}: doc {d!r} is not a dev document")
        for d in q["expect_documents"]:
            if d not in docs:
                P(f"{where}: expected document {d!r} not in docs")
        for r in regs:
            if not isinstance(r, str) or not CJK.search(r):
                P(f"{where}: bad region {r!r}")

        # negative
        if q["negative"] is not (cls == "negative"):
            P(f"{where}: negative flag inconsistent with class")
        if cls == "negative" and (docs or regs or frags or q["expect_documents"]):
            P(f"{where}: negative question must have no docs and no expectations")
        if cls != "negative" and not docs:
            P(f"{where}: non-negative question lists no docs")

        # yes/no
        ans = q["expect_answer"]
        if (cls == "yes_no") != (ans is not None):
            P(f"{where}: expect_answer must be set exactly for yes_no")
        if ans not in (None, "yes", "no"):
            P(f"{where}: bad expect_answer {ans!r}")
        if cls == "yes_no":
            yn[ans] += 1
        if ans == "no" and (regs or frags or q["expect_documents"]):
            P(f"{where}: 'no' answers expect no regions, quotes or documents")
        if ans == "yes" and not frags:
            P(f"{where}: 'yes' answer needs a quote fragment")
        if cls != "document" and q["expect_documents"]:
            P(f"{where}: only document questions expect documents")

        # statute questions on both versions of the Supervision Law
        if cls == "statute" and set(docs) >= SUPERVISION:
            pair_statutes += 1

        # fragments
        if cls != "negative" and ans != "no" and not 1 <= len(frags) <= MAX_FRAGS:
            P(f"{where}: needs 1-{MAX_FRAGS} fragments, has {len(frags)}")
        for fr in frags:
            if not isinstance(fr, str):
                P(f"{where}: fragment {fr!r} is not a string")
                continue
            if not FRAG_MIN <= len(fr) <= FRAG_MAX:
                P(f"{where}: fragment length {len(fr)} outside {FRAG_MIN}-{FRAG_MAX}: {fr!r}")
            if INVISIBLE.search(fr):
                P(f"{where}: fragment contains an invisible character: {fr!r}")
            if not any(fr in dev_texts.get(d, "") for d in docs):
                P(f"{where}: fragment {fr!r} not verbatim in any of its docs")

        # document questions: every expected doc holds a fragment, and no other dev doc of the
        # same corpora holds one (the list is complete)
        if cls == "document":
            exp = q["expect_documents"]
            if not exp:
                P(f"{where}: document question without expect_documents")
            if set(exp) != set(docs):
                P(f"{where}: docs and expect_documents differ")
            for d in exp:
                if not any(fr in dev_texts.get(d, "") for fr in frags):
                    P(f"{where}: expected document {d} holds none of the fragments")
            corpora = {split[d]["corpus"] for d in exp if d in split}
            for d, t in dev_texts.items():
                if d in exp or split[d]["corpus"] not in corpora:
                    continue
                if any(fr in t for fr in frags):
                    P(f"{where}: dev document {d} also holds a fragment but is not expected")

        # wording: Chinese questions must not copy 8+ characters from any dev document
        if lang == "zh":
            t = text
            for title in TITLES:
                t = t.replace(title, "|")
            for i in range(len(t) - COPY_RUN + 1):
                run = t[i : i + COPY_RUN]
                if "|" in run:
                    continue
                hit = next((d for d, s in dev_texts.items() if run in s), None)
                if hit:
                    P(f"{where}: question copies {run!r} from {hit}")
                    break
        # wording: no reuse of earlier questions (8 Chinese chars or 6 English words in a row,
        # document names aside)
        for e in earlier:
            if lang == "zh":
                t1, e1 = text, e
                for pat in NAMES_ZH:
                    t1, e1 = re.sub(pat, "|", t1), re.sub(pat, "|", e1)
                shared_run = any(
                    "|" not in t1[i : i + 8] and t1[i : i + 8] in e1 for i in range(len(t1) - 7)
                )
            else:
                t1, e1 = text.lower(), e.lower()
                for pat in NAMES_EN:
                    t1, e1 = re.sub(pat, " | ", t1), re.sub(pat, " | ", e1)
                w = re.findall(r"[a-z0-9']+|\|", t1)
                ew = " " + " ".join(re.findall(r"[a-z0-9']+|\|", e1)) + " "
                shared_run = any(
                    "|" not in w[i : i + 6] and " " + " ".join(w[i : i + 6]) + " " in ew
                    for i in range(len(w) - 5)
                )
            if shared_run:
                P(f"{where}: reuses the wording of an earlier question: {e}")
                break

    if len(lines) != N_QUESTIONS:
        P(f"{len(lines)} questions, want {N_QUESTIONS}")
    for c, want in WANT.items():
        if cls_count[c] != want:
            P(f"class {c}: {cls_count[c]} questions, want {want}")
    if dict(yn) != YES_NO_SPLIT:
        P(f"yes_no answers {dict(yn)}, want {YES_NO_SPLIT}")
    if not EN_RANGE[0] <= lang_count["en"] <= EN_RANGE[1]:
        P(f"English questions {lang_count['en']}, want {EN_RANGE[0]}-{EN_RANGE[1]}")
    if pair_statutes < MIN_SUPERVISION_PAIR:
        P(f"only {pair_statutes} statute questions compare the two Supervision Law versions")

    print(f"sources: {shared}")
    print(f"questions: {len(lines)}  languages: {dict(lang_count)}  yes/no: {dict(yn)}")
    print("classes: " + " ".join(f"{c}={cls_count[c]}" for c in sorted(cls_count)))
    print(f"statute questions on both Supervision Law versions: {pair_statutes}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for problem in problems:
            print(" -", problem)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
