#!/usr/bin/env python3
"""Validate policykg's own evaluation set against the source texts.

Usage (from the repo root):  python benchmarks/eval/check_gold.py
Sources are read from ../shared (i.e. the directory next to the repo), or from
$POLICYKG_SHARED if set.  Stdlib only.  Exits 1 and lists problems if any check fails.
"""

import csv
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

CLASSES = {
    "region_scope",
    "implicit_region",
    "english",
    "advice",
    "number",
    "yes_no",
    "document",
    "statute",
    "measure",
    "negative",
}
TYPES = {
    "fault_tolerance",
    "material",
    "career",
    "honor",
    "care",
    "exchange",
    "assessment",
    "burden_reduction",
}
STATUSES = {"adopted", "recommended", "required"}
CORPORA = {"seed", "real", "law", "large"}
HALVES = ("dev", "test")
MIN_Q_PER_HALF, MIN_Q_TOTAL, MIN_PER_CLASS = 60, 130, 8
MIN_GOLD_PER_HALF, MIN_GOLD_TOTAL = 70, 160
Q_KEYS = [
    "id",
    "lang",
    "class",
    "question",
    "docs",
    "expect_regions",
    "expect_quote_contains",
    "expect_answer",
    "expect_documents",
    "negative",
]
GOLD_COLS = ["doc", "region", "incentive_type", "measure", "status", "evidence"]


def find_shared():
    cands = []
    if os.environ.get("POLICYKG_SHARED"):
        cands.append(Path(os.environ["POLICYKG_SHARED"]))
    cands += [REPO.parent / "shared", Path.cwd().parent / "shared", Path("../shared")]
    for c in cands:
        if (c / "corpus-real").is_dir() and (c / "corpus-law").is_dir():
            return c
    return None


def load_text(shared, corpus, doc, large):
    if corpus == "seed":
        p = shared / "seed" / doc
    elif corpus == "real":
        p = shared / "corpus-real" / doc
    elif corpus == "law":
        p = shared / "corpus-law" / doc
    elif corpus == "large":
        m = re.fullmatch(r"large:(\d+)", doc)
        if not m or int(m.group(1)) >= len(large):
            return None
        return large[int(m.group(1))].get("content", "")
    else:
        return None
    return p.read_text(encoding="utf-8") if p.is_file() else None


def main():
    shared = find_shared()
    if shared is None:
        print(
            "check_gold: source texts (../shared) not found; skipping. "
            "Set POLICYKG_SHARED to the shared directory to run the checks."
        )
        return 0
    problems: list[str] = []
    P = problems.append

    # ---------- split.tsv
    large_path = shared / "corpus-large" / "government_work_reports.jsonl"
    large = []
    if large_path.is_file():
        large = [
            json.loads(line)
            for line in large_path.read_text(encoding="utf-8").splitlines()
            if line.strip()
        ]
    split = {}
    texts = {}
    with open(HERE / "split.tsv", encoding="utf-8") as f:
        rd = csv.DictReader(f, delimiter="\t")
        if rd.fieldnames != ["corpus", "doc", "half", "title"]:
            P(f"split.tsv: bad header {rd.fieldnames}")
        for r in rd:
            d = r["doc"]
            if d in split:
                P(f"split.tsv: duplicate doc {d}")
            if r["corpus"] not in CORPORA:
                P(f"split.tsv: bad corpus {r['corpus']} for {d}")
            if r["half"] not in HALVES:
                P(f"split.tsv: bad half {r['half']} for {d}")
            split[d] = r
            t = load_text(shared, r["corpus"], d, large)
            if t is None:
                P(f"split.tsv: source text not found for {r['corpus']}:{d}")
            else:
                texts[d] = t
    # every real/law/seed source is assigned
    for corpus, sub, pat in (
        ("seed", "seed", "*.txt"),
        ("real", "corpus-real", "*.txt"),
        ("law", "corpus-law", "*.md"),
    ):
        for p in (shared / sub).glob(pat):
            if p.name not in split:
                P(f"split.tsv: {corpus} document {p.name} not assigned")
    for d, r in split.items():
        if r["corpus"] == "seed" and r["half"] != "dev":
            P(f"split.tsv: seed {d} must be dev")
    # law version pairs in the same half
    by_title = defaultdict(set)
    for d, r in split.items():
        if r["corpus"] == "law":
            by_title[re.sub(r"\(\d{4}-\d{2}-\d{2}\)\.md$", "", d)].add(r["half"])
    for t, hs in by_title.items():
        if len(hs) > 1:
            P(f"split.tsv: law versions of {t} split across halves")
    for corpus in CORPORA:
        c = Counter(r["half"] for r in split.values() if r["corpus"] == corpus)
        if corpus != "seed" and (not c["dev"] or not c["test"] or abs(c["dev"] - c["test"]) > 2):
            P(f"split.tsv: corpus {corpus} not split roughly in half: {dict(c)}")

    def half_of(d):
        return split[d]["half"] if d in split else None

    # ---------- questions
    ids = set()
    per_half_class: dict[str, Counter[str]] = {h: Counter() for h in HALVES}
    lang_count: Counter[str] = Counter()
    nq = {}
    for half in HALVES:
        path = HERE / f"questions_{half}.jsonl"
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        nq[half] = len(lines)
        for ln, line in enumerate(lines, 1):
            where = f"questions_{half}.jsonl:{ln}"
            try:
                q = json.loads(line)
            except json.JSONDecodeError as e:
                P(f"{where}: bad JSON ({e})")
                continue
            for k in Q_KEYS:
                if k not in q:
                    P(f"{where}: missing key {k}")
            if any(k not in q for k in Q_KEYS):
                continue
            where = f"{where} [{q['id']}]"
            if q["id"] in ids:
                P(f"{where}: duplicate id")
            ids.add(q["id"])
            if q["lang"] not in ("zh", "en"):
                P(f"{where}: bad lang {q['lang']}")
            lang_count[q["lang"]] += 1
            if q["lang"] == "en" and re.search(r"[\u4e00-\u9fff]{6,}", q["question"]):
                P(f"{where}: English question contains a long Chinese run")
            if q["lang"] == "zh" and not re.search(r"[\u4e00-\u9fff]", q["question"]):
                P(f"{where}: zh question without Chinese")
            cls = q["class"]
            if cls not in CLASSES:
                P(f"{where}: bad class {cls}")
            if cls == "english" and q["lang"] != "en":
                P(f"{where}: class english but lang {q['lang']}")
            per_half_class[half][cls] += 1
            if (
                not isinstance(q["docs"], list)
                or not isinstance(q["expect_regions"], list)
                or not isinstance(q["expect_quote_contains"], list)
                or not isinstance(q["expect_documents"], list)
            ):
                P(f"{where}: list fields must be lists")
                continue
            for d in q["docs"] + q["expect_documents"]:
                if d not in split:
                    P(f"{where}: doc {d} not in split.tsv")
                elif half_of(d) != half:
                    P(f"{where}: doc {d} is in half {half_of(d)}, not {half}")
            for d in q["expect_documents"]:
                if d not in q["docs"]:
                    P(f"{where}: expect_documents entry {d} not listed in docs")
            neg = q["negative"]
            if neg is not (cls == "negative"):
                P(f"{where}: negative flag {neg} inconsistent with class {cls}")
            if neg:
                if q["expect_regions"] or q["expect_quote_contains"] or q["expect_documents"]:
                    P(f"{where}: negative question must expect no regions/quotes/documents")
            elif not q["docs"]:
                P(f"{where}: non-negative question lists no docs")
            ans = q["expect_answer"]
            if ans not in ("yes", "no", None):
                P(f"{where}: bad expect_answer {ans}")
            if (cls == "yes_no") != (ans is not None):
                P(f"{where}: expect_answer must be set exactly for yes_no questions")
            if ans == "no" and (q["expect_regions"] or q["expect_quote_contains"]):
                P(f"{where}: 'no' answers expect no regions and no quotes")
            if cls == "document" and not q["expect_documents"]:
                P(f"{where}: document question without expect_documents")
            if (
                cls not in ("document", "negative")
                and ans != "no"
                and not q["expect_quote_contains"]
            ):
                P(f"{where}: no expect_quote_contains fragment")
            if len(q["expect_quote_contains"]) > 3:
                P(f"{where}: too many fragments")
            for frag in q["expect_quote_contains"]:
                if not 4 <= len(frag) <= 20:
                    P(f"{where}: fragment length {len(frag)} outside 4-20: {frag!r}")
                if not any(frag in texts.get(d, "") for d in q["docs"]):
                    P(f"{where}: fragment {frag!r} not found verbatim in any listed doc")
            if cls == "document":
                # every expected document must actually contain at least one fragment, if given
                for d in q["expect_documents"]:
                    if q["expect_quote_contains"] and not any(
                        f in texts.get(d, "") for f in q["expect_quote_contains"]
                    ):
                        P(f"{where}: expected document {d} holds none of the fragments")
            for reg in q["expect_regions"]:
                if not reg or not re.search(r"[\u4e00-\u9fff]", reg):
                    P(f"{where}: bad region {reg!r}")
    total_q = sum(nq.values())
    for half in HALVES:
        if nq[half] < MIN_Q_PER_HALF:
            P(f"questions_{half}: only {nq[half]} questions (< {MIN_Q_PER_HALF})")
    if total_q < MIN_Q_TOTAL:
        P(f"questions: only {total_q} in all (< {MIN_Q_TOTAL})")
    Counter()
    for cls in CLASSES:
        tot = per_half_class["dev"][cls] + per_half_class["test"][cls]
        if cls != "english" and tot < MIN_PER_CLASS:
            P(f"class {cls}: only {tot} questions (< {MIN_PER_CLASS})")
        if cls != "english" and (not per_half_class["dev"][cls] or not per_half_class["test"][cls]):
            P(f"class {cls}: missing from one half")
    if lang_count["en"] < MIN_PER_CLASS:
        P("too few English questions")
    if lang_count["en"] * 3 < total_q * 0.9:
        P(f"English share {lang_count['en']}/{total_q} well below one third")
    if not per_half_class["dev"]["english"] or not per_half_class["test"]["english"]:
        P("class english missing from one half")

    # ---------- gold
    ngold = {}
    for half in HALVES:
        path = HERE / f"gold_{half}.tsv"
        seen = set()
        with open(path, encoding="utf-8") as f:
            rd = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
            if rd.fieldnames != GOLD_COLS:
                P(f"gold_{half}.tsv: bad header {rd.fieldnames}")
                continue
            rows = list(rd)
        ngold[half] = len(rows)
        for ln, r in enumerate(rows, 2):
            where = f"gold_{half}.tsv:{ln}"
            if None in r or any(r[c] is None or r[c] == "" for c in GOLD_COLS):
                P(f"{where}: empty or extra column")
                continue
            key = tuple(r[c] for c in GOLD_COLS)
            if key in seen:
                P(f"{where}: duplicate row")
            seen.add(key)
            d = r["doc"]
            if d not in split:
                P(f"{where}: doc {d} not in split.tsv")
                continue
            if half_of(d) != half:
                P(f"{where}: doc {d} is in half {half_of(d)}, not {half}")
            if r["incentive_type"] not in TYPES:
                P(f"{where}: bad incentive_type {r['incentive_type']}")
            if r["status"] not in STATUSES:
                P(f"{where}: bad status {r['status']}")
            ev = r["evidence"]
            if not 10 <= len(ev) <= 40:
                P(f"{where}: evidence length {len(ev)} outside 10-40")
            t = texts.get(d, "")
            if ev not in t:
                P(f"{where}: evidence not verbatim in {d}: {ev!r}")
            if r["measure"] not in ev and r["measure"] not in t:
                P(f"{where}: measure {r['measure']!r} in neither evidence nor doc")
    for half in HALVES:
        if ngold.get(half, 0) < MIN_GOLD_PER_HALF:
            P(f"gold_{half}: only {ngold.get(half, 0)} rows (< {MIN_GOLD_PER_HALF})")
    if sum(ngold.values()) < MIN_GOLD_TOTAL:
        P(f"gold: only {sum(ngold.values())} rows in all (< {MIN_GOLD_TOTAL})")

    # ---------- report
    print(f"sources: {shared}")
    print(
        "split: "
        + ", ".join(
            f"{c} {h}={sum(1 for r in split.values() if r['corpus'] == c and r['half'] == h)}"
            for c in sorted(CORPORA)
            for h in HALVES
        )
    )
    for half in HALVES:
        print(
            f"questions_{half}: {nq[half]}  "
            + " ".join(f"{c}={per_half_class[half][c]}" for c in sorted(CLASSES))
        )
    print(f"languages: {dict(lang_count)}  gold rows: {ngold}")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print(" -", p)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
