"""Mechanical checks for probe_docs2 (standard library only). Run from this folder: python3 check.py"""

import csv
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

here = os.path.dirname(os.path.abspath(__file__))
docs = {
    f: Path(here, f).read_text(encoding="utf-8")
    for f in os.listdir(here)
    if f.endswith((".txt", ".md")) and f != "README.md"
}
types_file = Path(here, "../../../ingest/data/incentive_types.json")
types = {t["code"] for t in json.loads(types_file.read_text(encoding="utf-8"))["types"]}
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
errs = []


def named(region, text):
    # the full name, or the short name (江西 for 江西省) as texts say 江西/全省
    short = re.sub(r"(壮族自治区|自治区|省|市|县|区)$", "", region)
    return region in text or (len(short) >= 2 and short in text)


# gold
rows = list(
    csv.DictReader(Path(here, "gold.tsv").read_text(encoding="utf-8").splitlines(), delimiter="\t")
)
for i, r in enumerate(rows, 2):
    d = docs.get(r["doc"])
    if d is None:
        errs.append(f"gold line {i}: unknown doc {r['doc']}")
        continue
    if r["evidence"] not in d:
        errs.append(f"gold line {i}: evidence not verbatim: {r['evidence']}")
    if r["measure"] not in r["evidence"] and r["measure"] not in d:
        errs.append(f"gold line {i}: measure not in evidence/doc: {r['measure']}")
    if not named(r["region"], d):
        errs.append(f"gold line {i}: region {r['region']} not named in doc (check holder)")
    if r["incentive_type"] not in types:
        errs.append(f"gold line {i}: bad type {r['incentive_type']}")
    if r["status"] not in ("adopted", "recommended", "required"):
        errs.append(f"gold line {i}: bad status")
# questions
qs = [
    json.loads(line)
    for line in Path(here, "questions.jsonl").read_text(encoding="utf-8").splitlines()
    if line.strip()
]
ids = [q["id"] for q in qs]
if len(set(ids)) != len(ids):
    errs.append("duplicate ids")
FIELDS = [
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
for q in qs:
    if list(q) != FIELDS:
        errs.append(f"{q['id']}: field order {list(q)}")
    if q["class"] not in CLASSES:
        errs.append(f"{q['id']}: class {q['class']}")
    for d in q["docs"] + q["expect_documents"]:
        if d not in docs:
            errs.append(f"{q['id']}: unknown doc {d}")
    for frag in q["expect_quote_contains"]:
        if not 6 <= len(frag) <= 25:
            errs.append(f"{q['id']}: fragment length {len(frag)}: {frag}")
        if not any(frag in docs[d] for d in q["docs"]):
            errs.append(f"{q['id']}: fragment not verbatim: {frag}")
    for reg in q["expect_regions"]:
        if not any(named(reg, docs[d]) for d in q["docs"]):
            errs.append(f"{q['id']}: region {reg} not in docs")
    if q["lang"] == "en" and re.search(r"[\u4e00-\u9fff]", q["question"]):
        errs.append(f"{q['id']}: Chinese in English question")
    if q["negative"] and (q["docs"] or q["expect_regions"] or q["expect_quote_contains"]):
        errs.append(f"{q['id']}: negative with expectations")
    if q["expect_answer"] == "no" and (q["expect_regions"] or q["expect_quote_contains"]):
        errs.append(f'{q["id"]}: "no" with expectations')
    if q["class"] == "document":
        if sorted(q["docs"]) != sorted(q["expect_documents"]):
            errs.append(f"{q['id']}: docs != expect_documents")
        for frag in q["expect_quote_contains"]:
            missing = [d for d in q["expect_documents"] if frag not in docs[d]]
            extra = [d for d in docs if frag in docs[d] and d not in q["expect_documents"]]
            if missing or extra:
                errs.append(f"{q['id']}: {frag} missing in {missing}, also in {extra}")


# document questions: completeness by keyword
def having(*keys):
    return sorted(d for d in docs if any(k in docs[d] for k in keys))


want = {"p2q24": having("乡镇工作补贴"), "p2q25": having("澄清"), "p2q26": having("援疆", "援藏")}
for q in qs:
    if q["id"] in want and sorted(q["expect_documents"]) != want[q["id"]]:
        errs.append(
            f"{q['id']}: expect_documents {sorted(q['expect_documents'])} != keyword hits {want[q['id']]}"
        )
# negatives and "no" answers: the topic really is absent
absent = {
    "p2q35": ["长沙"],
    "p2q36": ["昆明"],
    "p2q37": ["海南", "夜校"],
    "p2q38": ["个人所得税", "个税"],
    "p2q39": ["桂林"],
    "p2q40": ["兵团"],
    "p2q22": ["安家"],
    "p2q23": ["商业", "保险"],
}
for qid, keys in absent.items():
    q = next(x for x in qs if x["id"] == qid)
    scope = q["docs"] or list(docs)
    for k in keys:
        hit = [d for d in scope if k in docs[d]]
        if hit:
            errs.append(f'{qid}: "{k}" occurs in {hit}')
print("docs", len(docs), {d: len(t) for d, t in sorted(docs.items())})
print("gold rows", len(rows), Counter(r["status"] for r in rows))
print("questions", len(qs), Counter(q["lang"] for q in qs))
print("classes", dict(Counter(q["class"] for q in qs)))
print(
    "negative",
    sum(q["negative"] for q in qs),
    "yes/no answers",
    Counter(q["expect_answer"] for q in qs if q["expect_answer"]),
)
print("PROBLEMS:" if errs else "all checks passed")
for e in errs:
    print(" ", e)
sys.exit(1 if errs else 0)
