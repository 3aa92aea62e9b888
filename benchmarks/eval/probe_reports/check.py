#!/usr/bin/env python3
"""Check the probe_reports set (questions.jsonl, gold.tsv) against the four work reports.

Usage (from anywhere):  python3 benchmarks/eval/probe_reports/check.py
Standard library only.  Reuses CLASSES, TYPES, Q_KEYS, find_shared and load_text of
../check_gold.py.  Only records large:25, 27, 29 and 31 of government_work_reports.jsonl are
parsed; every other line of that file is skipped unread.
Exits 1 and lists the problems if any check fails; prints OK otherwise.
"""

import csv
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.dont_write_bytecode = True  # write nothing outside this folder
sys.path.insert(0, str(HERE.parent))
from check_gold import CLASSES, Q_KEYS, TYPES, find_shared, load_text  # noqa: E402

QUESTIONS = HERE / "questions.jsonl"
GOLD = HERE / "gold.tsv"
GOLD_COLS = ["doc", "region", "incentive_type", "measure", "status", "evidence"]
STATUSES = {"adopted", "recommended", "required"}

# the only four records this set may use: doc id -> report year
RECORDS = {"large:25": "2012", "large:27": "2011", "large:29": "2010", "large:31": "2009"}
RECORD_LINES = {int(d.split(":")[1]) for d in RECORDS}

WANT = {"document": 8, "yes_no": 8, "number": 8, "measure": 6, "advice": 4, "negative": 6}
WANT_YN = {"yes": 4, "no": 4}
EN_RANGE = (12, 15)  # about a third of 40
PARAPHRASE_MIN = 8  # about a third of the Chinese questions share no 6-character run with a report
FRAG_MIN, FRAG_MAX = 6, 20
EV_MIN, EV_MAX = 10, 40  # check_gold.py's limits (the brief allows up to 120; kept compatible)
RUN = 6

# Negatives: words whose absence from all four reports makes the question unanswerable.
NEG_ABSENT = {
    "pr35": ["容错", "免责"],
    "pr36": ["年终", "奖金"],
    "pr37": ["挂牌", "牌子", "报表", "村干部"],
    "pr38": ["第一书记", "驻村", "选派"],
    "pr39": ["职级", "晋升"],
    "pr40": ["体检", "疗休养", "休养"],
}
# "no" answers: words that must be absent from the report the question names.
NO_ABSENT = {
    "pr13": ["绩效工资", "绩效"],
    "pr14": ["精简", "会议和文件", "会议、文件"],
    "pr15": ["基本工资", "公务员工资", "提高公务员", "公务员的工资"],
    "pr16": ["报告个人", "定期报告", "个人事项", "房产"],
}
# ...and present in another of the four (the trap), where the question is of that kind
NO_ELSEWHERE = {
    "pr13": ("绩效工资", ["large:27", "large:29", "large:31"]),
    "pr14": ("精简会议", ["large:25", "large:29"]),
    "pr16": ("报告个人经济和财产", ["large:29"]),
}

CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def load_records(shared):
    path = shared / "corpus-large" / "government_work_reports.jsonl"
    large = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n > max(RECORD_LINES):
                break
            large.append(json.loads(line) if n in RECORD_LINES else {})
    texts = {}
    for d, year in RECORDS.items():
        rec = large[int(d.split(":")[1])]
        if rec.get("year") != year:
            raise SystemExit(f"check: {d} is not the {year} report (year={rec.get('year')!r})")
        texts[d] = load_text(shared, "large", d, large)
    return texts


def main():
    shared = find_shared()
    if shared is None:
        print("check: source texts (../shared) not found; set POLICYKG_SHARED.")
        return 1
    texts = load_records(shared)
    problems: list[str] = []
    P = problems.append

    # ------------------------------------------------------------------ questions
    lines = [ln for ln in QUESTIONS.read_text(encoding="utf-8").splitlines() if ln.strip()]
    cls_count: Counter[str] = Counter()
    lang_count: Counter[str] = Counter()
    yn: Counter[str] = Counter()
    paraphrased = []
    seen_q = set()
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
        if qid != f"pr{n:02d}":
            P(f"{where}: id should be pr{n:02d}")
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
        docs, regs, frags, exp = (
            q["docs"],
            q["expect_regions"],
            q["expect_quote_contains"],
            q["expect_documents"],
        )
        if len(set(docs)) != len(docs):
            P(f"{where}: repeated doc")
        for d in docs + exp:
            if d not in RECORDS:
                P(f"{where}: doc {d!r} is not one of {sorted(RECORDS)}")
        for d in exp:
            if d not in docs:
                P(f"{where}: expected document {d} not in docs")
        if exp and cls != "document":
            P(f"{where}: expect_documents set on a {cls} question")
        for r in regs:
            if not isinstance(r, str) or not CJK.search(r):
                P(f"{where}: bad region {r!r}")

        # negatives carry nothing
        if q["negative"] is not (cls == "negative"):
            P(f"{where}: negative flag inconsistent with class")
        if cls == "negative":
            if docs or regs or frags or exp:
                P(f"{where}: negative question must have no docs and no expectations")
            absent = NEG_ABSENT.get(qid)
            if not absent:
                P(f"{where}: negative without a NEG_ABSENT entry")
            for w in absent or []:
                for d, t in texts.items():
                    if w in t:
                        P(f"{where}: negative, but {w!r} occurs in {d}")
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
        if ans == "no":
            if regs or frags or exp:
                P(f"{where}: 'no' answers expect no regions, quotes or documents")
            if len(docs) != 1:
                P(f"{where}: a 'no' question names exactly one report")
            if qid not in NO_ABSENT:
                P(f"{where}: 'no' answer without a NO_ABSENT entry")
            for w in NO_ABSENT.get(qid, []):
                for d in docs:
                    if w in texts.get(d, ""):
                        P(f"{where}: answer 'no', but {w!r} occurs in {d}")
            if qid in NO_ELSEWHERE:
                w, others = NO_ELSEWHERE[qid]
                for d in others:
                    if w not in texts[d]:
                        P(f"{where}: trap {w!r} expected in {d} but not found")
        if ans == "yes" and not frags:
            P(f"{where}: 'yes' answer needs a quote fragment")

        # fragments
        if cls != "negative" and ans != "no" and not 1 <= len(frags) <= 3:
            P(f"{where}: needs 1-3 fragments, has {len(frags)}")
        for fr in frags:
            if not FRAG_MIN <= len(fr) <= FRAG_MAX:
                P(f"{where}: fragment length {len(fr)} outside {FRAG_MIN}-{FRAG_MAX}: {fr!r}")
            if not any(fr in texts.get(d, "") for d in docs):
                P(f"{where}: fragment {fr!r} not verbatim in any of its docs")

        # document questions: every expected report holds a fragment, no other of the four does
        if cls == "document":
            if not exp:
                P(f"{where}: document question without expect_documents")
            if sorted(exp) != sorted(docs):
                P(f"{where}: docs and expect_documents differ")
            for d in exp:
                if not any(fr in texts[d] for fr in frags):
                    P(f"{where}: expected document {d} holds none of the fragments")
            for d, t in texts.items():
                if d not in exp and any(fr in t for fr in frags):
                    P(f"{where}: {d} also holds a fragment but is not expected (list incomplete)")

        # Chinese wording: does the question copy a 6-character run from a report?
        if lang == "zh":
            copied = any(
                text[i : i + RUN] in t
                for i in range(len(text) - RUN + 1)
                for t in texts.values()
                if CJK.search(text[i : i + RUN])
            )
            if not copied:
                paraphrased.append(qid)

    if len(lines) != 40:
        P(f"{len(lines)} questions, want 40")
    for c, want in WANT.items():
        if cls_count[c] != want:
            P(f"class {c}: {cls_count[c]} questions, want {want}")
    if dict(yn) != WANT_YN:
        P(f"yes_no answers {dict(yn)}, want {WANT_YN}")
    if not EN_RANGE[0] <= lang_count["en"] <= EN_RANGE[1]:
        P(f"English questions {lang_count['en']}, want {EN_RANGE[0]}-{EN_RANGE[1]}")
    if len(paraphrased) < PARAPHRASE_MIN:
        P(f"only {len(paraphrased)} Chinese questions paraphrase, want >= {PARAPHRASE_MIN}")

    # ------------------------------------------------------------------ gold
    gold_types: Counter[str] = Counter()
    gold_docs: Counter[str] = Counter()
    with open(GOLD, encoding="utf-8") as f:
        rd = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if rd.fieldnames != GOLD_COLS:
            P(f"gold.tsv: bad header {rd.fieldnames}")
        rows = list(rd)
    seen = set()
    for ln, r in enumerate(rows, 2):
        where = f"gold.tsv:{ln}"
        if None in r or any(not r.get(c) for c in GOLD_COLS):
            P(f"{where}: empty or extra column")
            continue
        key = tuple(r[c] for c in GOLD_COLS)
        if key in seen:
            P(f"{where}: duplicate row")
        seen.add(key)
        d = r["doc"]
        if d not in RECORDS:
            P(f"{where}: doc {d} is not one of the four records")
            continue
        if r["incentive_type"] not in TYPES:
            P(f"{where}: bad incentive_type {r['incentive_type']}")
        if r["status"] not in STATUSES:
            P(f"{where}: bad status {r['status']}")
        if not CJK.search(r["region"]):
            P(f"{where}: bad region {r['region']!r}")
        ev, ms = r["evidence"], r["measure"]
        if not EV_MIN <= len(ev) <= EV_MAX:
            P(f"{where}: evidence length {len(ev)} outside {EV_MIN}-{EV_MAX}")
        if ev not in texts[d]:
            P(f"{where}: evidence not verbatim in {d}: {ev!r}")
        if ms not in ev:
            P(f"{where}: measure {ms!r} not in its evidence")
        if len(ms) >= len(ev):
            P(f"{where}: measure should be shorter than the evidence")
        gold_types[r["incentive_type"]] += 1
        gold_docs[d] += 1
    if not 50 <= len(rows) <= 70:
        P(f"gold.tsv: {len(rows)} rows, want about 60")
    for d in RECORDS:
        if not gold_docs[d]:
            P(f"gold.tsv: no rows for {d}")

    # ------------------------------------------------------------------ report
    print(f"sources: {shared} (records {', '.join(f'{d}={y}' for d, y in RECORDS.items())})")
    print(f"questions: {len(lines)}  languages: {dict(lang_count)}  yes/no: {dict(yn)}")
    print("classes: " + " ".join(f"{c}={cls_count[c]}" for c in sorted(cls_count)))
    print(
        f"Chinese questions sharing no {RUN}-char run with a report: {len(paraphrased)} "
        f"({' '.join(paraphrased)})"
    )
    print(f"gold rows: {len(rows)}  by doc: {dict(gold_docs)}")
    print("gold by type: " + " ".join(f"{t}={gold_types[t]}" for t in sorted(gold_types)))
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print(" -", p)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
