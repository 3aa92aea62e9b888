#!/usr/bin/env python3
"""Check questions_probe2.jsonl against split.tsv and the dev source texts.

Usage (from anywhere):  python benchmarks/eval/probe2_check.py
Standard library only.  Reuses CLASSES, Q_KEYS and the text loaders of check_gold.py.
Exits 1 and lists the problems if any check fails; prints OK otherwise.
"""

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from check_gold import CLASSES, Q_KEYS, find_shared, load_text  # noqa: E402

PROBE = HERE / "questions_probe2.jsonl"
EARLIER = [HERE / "questions_dev.jsonl", HERE / "questions_probe.jsonl"]

# class counts asked for in the brief
WANT = {
    "region_scope": 10,
    "yes_no": 10,
    "document": 7,
    "advice": 7,
    "statute": 8,
    "number": 5,
    "measure": 5,
    "implicit_region": 4,
    "negative": 4,
}
FRAG_MIN, FRAG_MAX = 6, 25  # brief
FRAG_MAX_GOLD = 20  # check_gold.py accepts at most 20, keep compatible
COPY_RUN = 8  # a Chinese question may not copy 8+ characters in a row from a document
# titles of laws / documents that questions may quote in full
TITLES = [
    "事业单位人事管理条例",
    "重大行政决策程序暂行条例",
    "优化营商环境条例",
    "山东省人才发展促进条例",
    "北京国际科技创新中心建设条例",
    "推进领导干部能上能下规定",
    "关于解决形式主义突出问题为基层减负的通知",
    "中华人民共和国公务员法",
    "中华人民共和国监察法",
    "政府工作报告",
]
# document names that may recur in any question; ignored when comparing with earlier questions
NAMES_ZH = [r"\d{4}年(的)?政府工作报告", r"第十五次党代会报告", r"《[^》]+》"] + [
    re.escape(t) for t in TITLES
]
NAMES_EN = [
    r"the \d{4} (amended )?government work report",
    r"the \d{4} (amended )?supervision law",
    r"the civil servant law",
    r"the yangtze (river )?delta article",
]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def main():
    shared = find_shared()
    if shared is None:
        print("probe2_check: source texts (../shared) not found; set POLICYKG_SHARED.")
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
    with open(HERE / "split.tsv", encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            split[r["doc"]] = r
    dev_texts = {}
    for d, r in split.items():
        if r["half"] != "dev":
            continue
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
        if q["id"] != f"p2q{n:02d}":
            P(f"{where}: id should be p2q{n:02d}")
        if q["id"] in seen_ids:
            P(f"{where}: duplicate id")
        seen_ids.add(q["id"])
        text, cls, lang = q["question"], q["class"], q["lang"]
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
        for k in ("docs", "expect_regions", "expect_quote_contains", "expect_documents"):
            if not isinstance(q[k], list):
                P(f"{where}: {k} must be a list")
        docs, regs, frags = q["docs"], q["expect_regions"], q["expect_quote_contains"]
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
        if ans == "no" and (regs or frags):
            P(f"{where}: 'no' answers expect no regions and no quotes")
        if ans == "yes" and not frags:
            P(f"{where}: 'yes' answer needs a quote fragment")

        # fragments
        if cls not in ("negative",) and ans != "no" and not 1 <= len(frags) <= 3:
            P(f"{where}: needs 1-3 fragments, has {len(frags)}")
        for fr in frags:
            if not FRAG_MIN <= len(fr) <= FRAG_MAX:
                P(f"{where}: fragment length {len(fr)} outside {FRAG_MIN}-{FRAG_MAX}: {fr!r}")
            if len(fr) > FRAG_MAX_GOLD:
                P(f"{where}: fragment longer than check_gold's {FRAG_MAX_GOLD}: {fr!r}")
            if not any(fr in dev_texts.get(d, "") for d in docs):
                P(f"{where}: fragment {fr!r} not verbatim in any of its docs")

        # document questions: every expected doc holds a fragment, and no other dev doc of the
        # same corpora holds one (the list is complete)
        if cls == "document":
            exp = q["expect_documents"]
            if not exp:
                P(f"{where}: document question without expect_documents")
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

    if len(lines) != 60:
        P(f"{len(lines)} questions, want 60")
    for c, want in WANT.items():
        if cls_count[c] != want:
            P(f"class {c}: {cls_count[c]} questions, want {want}")
    if yn["yes"] != 5 or yn["no"] != 5:
        P(f"yes_no answers {dict(yn)}, want 5 yes and 5 no")
    if not 25 <= lang_count["en"] <= 35:
        P(f"English questions {lang_count['en']}, want about half")

    print(f"sources: {shared}")
    print(f"questions: {len(lines)}  languages: {dict(lang_count)}  yes/no: {dict(yn)}")
    print("classes: " + " ".join(f"{c}={cls_count[c]}" for c in sorted(cls_count)))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for problem in problems:
            print(" -", problem)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
