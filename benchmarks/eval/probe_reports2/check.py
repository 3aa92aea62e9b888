#!/usr/bin/env python3
"""Check probe_reports2 (questions.jsonl and gold.tsv) against the four source reports.

Usage (from anywhere):  python3 benchmarks/eval/probe_reports2/check.py
Standard library only.  Reuses CLASSES, TYPES, Q_KEYS, find_shared and load_text of
../check_gold.py.  Reads ONLY records 33, 35, 37 and 38 of
corpus-large/government_work_reports.jsonl (other lines are skipped unparsed).
Exits 1 and lists the problems if any check fails; prints OK otherwise.
"""

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from check_gold import CLASSES, Q_KEYS, TYPES, find_shared, load_text  # noqa: E402

QUESTIONS = HERE / "questions.jsonl"
GOLD = HERE / "gold.tsv"

# the four reports this set is built on: line number -> year
RECORDS = {33: "2008", 35: "2007", 37: "2006", 38: "2005"}
DOCS = {f"large:{n}" for n in RECORDS}

WANT = {"document": 8, "yes_no": 8, "number": 8, "measure": 6, "advice": 4, "negative": 6}
N_QUESTIONS = 40
YES_NO = {"yes": 4, "no": 4}
EN_RANGE = (11, 16)  # about a third of 40
FRAG_MIN, FRAG_MAX = 6, 20
EVIDENCE_MAX = 120
GOLD_COLS = ["doc", "region", "incentive_type", "measure", "status", "evidence"]
STATUSES = {"adopted", "recommended", "required"}
REGION = "中国"

# document questions: the key phrase(s) that decide which reports belong in the list.
# The expected list must be exactly the reports (of the four) containing a key phrase.
DOC_KEYS = {
    "pq01": ["公务员工资制度"],
    "pq02": ["行政问责制"],
    "pq03": ["行政执法责任制"],
    "pq04": ["津贴补贴"],
    "pq05": ["机关事业单位养老"],
    "pq06": ["三项基本准则"],
    "pq07": ["政府绩效"],
    "pq08": ["减少会议"],
}

# "no" answers and negatives: phrases whose absence backs the answer.
# For a "no" the phrase must be absent from the question's doc; for a negative, from all four.
ABSENT = {
    "pq13": ["职务与级别"],
    "pq14": ["干部交流", "交流干部", "轮岗", "挂职", "交流任职"],
    "pq15": ["容错", "纠错"],
    "pq16": ["年休假", "带薪休假"],
    "pq35": ["乡镇工作补贴", "乡镇补贴"],
    "pq36": ["容错", "纠错", "免责"],
    "pq37": ["职级并行", "职级"],
    "pq38": ["公务员基本工资", "百分之", "基本工资"],
    "pq39": ["谈心", "身心健康", "关心干部"],
    "pq40": ["模范公务员", "表彰", "模范"],
}

# Chinese questions written as paraphrases: they may not copy 8 or more characters in a row
# from any of the four reports (years and the words 政府工作报告 / 报告 aside).
PARAPHRASE_ZH = {
    "pq05",
    "pq07",
    "pq09",
    "pq12",
    "pq17",
    "pq19",
    "pq23",
    "pq27",
    "pq29",
    "pq31",
    "pq32",
    "pq33",
}
COPY_RUN = 8

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def load_reports(shared):
    path = shared / "corpus-large" / "government_work_reports.jsonl"
    large = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            # only the four records are parsed; every other line is a placeholder
            large.append(json.loads(line) if n in RECORDS else {})
            if n >= max(RECORDS):
                break
    texts = {}
    for d in sorted(DOCS):
        t = load_text(shared, "large", d, large)
        texts[d] = t or ""
    return texts


def main():
    shared = find_shared()
    if shared is None:
        print("probe_reports2/check.py: source texts (../shared) not found; set POLICYKG_SHARED.")
        return 1
    problems: list[str] = []
    P = problems.append
    texts = load_reports(shared)
    for d, t in texts.items():
        if not t:
            P(f"source text for {d} is empty or missing")
    for n, year in RECORDS.items():
        # each report reviews the year before it
        if f"{int(year) - 1}年" not in texts[f"large:{n}"]:
            P(f"large:{n} does not look like the {year} report")

    # ---------------- questions
    lines = [ln for ln in QUESTIONS.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if len(lines) != N_QUESTIONS:
        P(f"{len(lines)} questions, want {N_QUESTIONS}")
    cls_count: Counter[str] = Counter()
    lang_count: Counter[str] = Counter()
    yn: Counter[str] = Counter()
    seen_ids, seen_text = set(), set()
    zh_total = 0
    for n, line in enumerate(lines, 1):
        where = f"questions.jsonl:{n}"
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            P(f"{where}: bad JSON ({e})")
            continue
        if list(q.keys()) != Q_KEYS:
            P(f"{where}: fields/order {list(q.keys())} != {Q_KEYS}")
            continue
        qid = q["id"]
        where = f"{where} [{qid}]"
        if qid != f"pq{n:02d}":
            P(f"{where}: id should be pq{n:02d}")
        if qid in seen_ids:
            P(f"{where}: duplicate id")
        seen_ids.add(qid)
        text, cls, lang = q["question"], q["class"], q["lang"]
        if text in seen_text:
            P(f"{where}: duplicate question text")
        seen_text.add(text)
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
        docs, regs, frags, exp = (
            q["docs"],
            q["expect_regions"],
            q["expect_quote_contains"],
            q["expect_documents"],
        )
        for d in docs + exp:
            if d not in DOCS:
                P(f"{where}: doc {d!r} is not one of the four reports {sorted(DOCS)}")
        for d in exp:
            if d not in docs:
                P(f"{where}: expected document {d} not in docs")
        if len(set(docs)) != len(docs):
            P(f"{where}: duplicate docs")

        # negatives
        if q["negative"] is not (cls == "negative"):
            P(f"{where}: negative flag inconsistent with class")
        if cls == "negative":
            if docs or regs or frags or exp:
                P(f"{where}: negative question must have no docs and no expectations")
        elif not docs:
            P(f"{where}: non-negative question lists no docs")

        # yes/no
        ans = q["expect_answer"]
        if ans not in (None, "yes", "no"):
            P(f"{where}: bad expect_answer {ans!r}")
        if (cls == "yes_no") != (ans is not None):
            P(f"{where}: expect_answer must be set exactly for yes_no")
        if cls == "yes_no":
            yn[ans] += 1
        if ans == "no" and (regs or frags or exp):
            P(f"{where}: 'no' answers expect no regions, quotes or documents")

        # fragments
        needs = cls != "negative" and ans != "no"
        if needs and not 1 <= len(frags) <= 3:
            P(f"{where}: needs 1-3 fragments, has {len(frags)}")
        for fr in frags:
            if not FRAG_MIN <= len(fr) <= FRAG_MAX:
                P(f"{where}: fragment length {len(fr)} outside {FRAG_MIN}-{FRAG_MAX}: {fr!r}")
            if not any(fr in texts.get(d, "") for d in docs):
                P(f"{where}: fragment {fr!r} not verbatim in any of its docs")

        # document lists complete
        if cls == "document":
            if not exp:
                P(f"{where}: document question without expect_documents")
            keys = DOC_KEYS.get(qid)
            if not keys:
                P(f"{where}: no key phrase registered in DOC_KEYS")
            else:
                hits = {d for d, t in texts.items() if any(k in t for k in keys)}
                if hits != set(exp):
                    P(
                        f"{where}: key {keys} occurs in {sorted(hits)}, "
                        f"but expect_documents is {sorted(exp)}"
                    )
            for d in exp:
                if not any(fr in texts[d] for fr in frags):
                    P(f"{where}: expected document {d} holds none of the fragments")
            for d, t in texts.items():
                if d not in exp and any(fr in t for fr in frags):
                    P(f"{where}: {d} also holds a fragment but is not expected")
        elif qid in DOC_KEYS:
            P(f"{where}: DOC_KEYS entry for a non-document question")

        # absence backing "no" answers and negatives
        if ans == "no" or cls == "negative":
            phrases = ABSENT.get(qid)
            if not phrases:
                P(f"{where}: no absence phrases registered in ABSENT")
            else:
                scope = docs if ans == "no" else sorted(DOCS)
                for ph in phrases:
                    for d in scope:
                        if ph in texts[d]:
                            P(f"{where}: {ph!r} does occur in {d}")
        elif qid in ABSENT:
            P(f"{where}: ABSENT entry for a question that is neither 'no' nor negative")

        # paraphrased Chinese questions
        if lang == "zh":
            zh_total += 1
            if qid in PARAPHRASE_ZH:
                t = re.sub(r"\d{4}年(的)?(政府工作)?报告", "|", text)
                for i in range(len(t) - COPY_RUN + 1):
                    run = t[i : i + COPY_RUN]
                    if "|" in run:
                        continue
                    hit = next((d for d, s in texts.items() if run in s), None)
                    if hit:
                        P(f"{where}: paraphrase copies {run!r} from {hit}")
                        break
        elif qid in PARAPHRASE_ZH:
            P(f"{where}: PARAPHRASE_ZH lists an English question")

    for c, want in WANT.items():
        if cls_count[c] != want:
            P(f"class {c}: {cls_count[c]} questions, want {want}")
    for a, want in YES_NO.items():
        if yn[a] != want:
            P(f"yes_no '{a}': {yn[a]} questions, want {want}")
    if not EN_RANGE[0] <= lang_count["en"] <= EN_RANGE[1]:
        P(f"English questions {lang_count['en']}, want about a third ({EN_RANGE})")
    if zh_total and not len(PARAPHRASE_ZH) * 3 >= zh_total:
        P(f"only {len(PARAPHRASE_ZH)} of {zh_total} Chinese questions are paraphrases")

    # ---------------- gold
    ngold = 0
    types: Counter[str] = Counter()
    per_doc: Counter[str] = Counter()
    seen_rows = set()
    with open(GOLD, encoding="utf-8", newline="") as f:
        rd = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if rd.fieldnames != GOLD_COLS:
            P(f"gold.tsv: header {rd.fieldnames} != {GOLD_COLS}")
        for ln, r in enumerate(rd, 2):
            ngold += 1
            where = f"gold.tsv:{ln}"
            if None in r or any(v is None for v in r.values()):
                P(f"{where}: wrong number of columns")
                continue
            d, reg, typ, meas, st, ev = (r[c] for c in GOLD_COLS)
            if d not in DOCS:
                P(f"{where}: doc {d!r} is not one of the four reports")
                continue
            if reg != REGION:
                P(f"{where}: region {reg!r}, national measures use {REGION!r}")
            if typ not in TYPES:
                P(f"{where}: bad incentive_type {typ!r}")
            if st not in STATUSES:
                P(f"{where}: bad status {st!r}")
            if not meas or meas not in ev:
                P(f"{where}: measure {meas!r} not in its evidence")
            if len(ev) > EVIDENCE_MAX:
                P(f"{where}: evidence longer than {EVIDENCE_MAX} characters ({len(ev)})")
            if ev not in texts[d]:
                P(f"{where}: evidence not verbatim in {d}: {ev!r}")
            key = (d, meas, st, ev)
            if key in seen_rows:
                P(f"{where}: duplicate row")
            seen_rows.add(key)
            types[typ] += 1
            per_doc[d] += 1
    if not 40 <= ngold <= 60:
        P(f"gold.tsv: {ngold} rows, want about 50")
    for d in sorted(DOCS):
        if not per_doc[d]:
            P(f"gold.tsv: no rows for {d}")

    print(f"sources: {shared}")
    print(
        f"questions: {len(lines)}  languages: {dict(lang_count)}  yes/no: {dict(yn)}  "
        f"paraphrased zh: {len(PARAPHRASE_ZH)}/{zh_total}"
    )
    print("classes: " + " ".join(f"{c}={cls_count[c]}" for c in sorted(cls_count)))
    print(
        f"gold rows: {ngold}  by doc: {dict(sorted(per_doc.items()))}  "
        f"by type: {dict(types.most_common())}"
    )
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print(" -", p)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
