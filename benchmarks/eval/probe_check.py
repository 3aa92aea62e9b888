"""The mechanical checks of a probe folder (standard library only): its documents, gold rows
and questions, each probe's ``check.py`` naming what only it knows (keywords, absent words)."""

import csv
import json
import os
import re
from collections import Counter
from pathlib import Path

from check_gold import CLASSES, TYPES  # the own set's checker, beside this file
from check_gold import Q_KEYS as FIELDS


def named(region, text):
    # the full name, or the short name (广东 for 广东省) as texts say 广东/全省/我区
    short = re.sub(r"(壮族自治区|自治区|自治州|自治县|省|市|县|区)$", "", region)
    return region in text or (len(short) >= 2 and short in text)


def check(
    folder: Path,
    max_chars: int,
    keywords: dict[str, tuple[str, ...]],
    absent: dict[str, list[str]],
) -> int:
    """Print the counts and the problems found; 0 when there are none.

    ``keywords``: a document question's id → the words whose documents it must list;
    ``absent``: a negative or "no" question's id → words no document in scope may hold.
    """
    docs = {
        f: Path(folder, f).read_text(encoding="utf-8")
        for f in os.listdir(folder)
        if f.endswith((".txt", ".md")) and f != "README.md"
    }
    types_file = Path(folder, "../../../ingest/data/incentive_types.json")
    if types_file.exists():
        types = {t["code"] for t in json.loads(types_file.read_text(encoding="utf-8"))["types"]}
    else:  # the codes as of writing
        types = set(TYPES)
    errs = []

    # documents: length
    for f, t in docs.items():
        if not 1500 <= len(t) <= max_chars:
            errs.append(f"{f}: length {len(t)} outside 1500-{max_chars}")

    # gold
    lines = Path(folder, "gold.tsv").read_text(encoding="utf-8").splitlines()
    if lines[0].split("\t") != ["doc", "region", "incentive_type", "measure", "status", "evidence"]:
        errs.append(f"gold header {lines[0]!r}")
    rows = list(csv.DictReader(lines, delimiter="\t"))
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
            errs.append(f"gold line {i}: bad status {r['status']}")
    dup = [
        k for k, n in Counter((r["doc"], r["region"], r["evidence"]) for r in rows).items() if n > 1
    ]
    if dup:
        errs.append(f"duplicate gold rows {dup}")

    # questions
    qs = [
        json.loads(line)
        for line in Path(folder, "questions.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    ids = [q["id"] for q in qs]
    if len(set(ids)) != len(ids):
        errs.append("duplicate ids")
    for q in qs:
        if list(q) != FIELDS:
            errs.append(f"{q['id']}: field order {list(q)}")
        if q["class"] not in CLASSES:
            errs.append(f"{q['id']}: class {q['class']}")
        if q["lang"] not in ("zh", "en"):
            errs.append(f"{q['id']}: lang {q['lang']}")
        for d in q["docs"] + q["expect_documents"]:
            if d not in docs:
                errs.append(f"{q['id']}: unknown doc {d}")
        for frag in q["expect_quote_contains"]:
            if not 6 <= len(frag) <= 25:
                errs.append(f"{q['id']}: fragment length {len(frag)}: {frag}")
            if not any(frag in docs.get(d, "") for d in q["docs"]):
                errs.append(f"{q['id']}: fragment not verbatim: {frag}")
        for reg in q["expect_regions"]:
            if not any(named(reg, docs.get(d, "")) for d in q["docs"]):
                errs.append(f"{q['id']}: region {reg} not in docs")
        if q["lang"] == "en" and re.search(r"[\u4e00-\u9fff]", q["question"]):
            errs.append(f"{q['id']}: Chinese in English question")
        if q["lang"] == "zh" and not re.search(r"[\u4e00-\u9fff]", q["question"]):
            errs.append(f"{q['id']}: no Chinese in Chinese question")
        if q["negative"] != (q["class"] == "negative"):
            errs.append(f"{q['id']}: negative flag and class disagree")
        if q["negative"] and (
            q["docs"] or q["expect_regions"] or q["expect_quote_contains"] or q["expect_documents"]
        ):
            errs.append(f"{q['id']}: negative with expectations")
        if q["class"] == "yes_no":
            if q["expect_answer"] not in ("yes", "no"):
                errs.append(f"{q['id']}: yes_no without yes/no")
        elif q["expect_answer"] is not None:
            errs.append(f"{q['id']}: expect_answer on a non-yes_no question")
        if q["expect_answer"] == "no" and (q["expect_regions"] or q["expect_quote_contains"]):
            errs.append(f'{q["id"]}: "no" with expectations')
        if q["expect_answer"] == "yes" and not (q["expect_regions"] and q["expect_quote_contains"]):
            errs.append(f'{q["id"]}: "yes" without region/quote')
        if (
            q["class"] not in ("document", "negative")
            and q["expect_answer"] != "no"
            and not (q["docs"] and q["expect_regions"] and q["expect_quote_contains"])
        ):
            errs.append(f"{q['id']}: missing docs/regions/quotes")
        if q["class"] == "document":
            if sorted(q["docs"]) != sorted(q["expect_documents"]):
                errs.append(f"{q['id']}: docs != expect_documents")
            for frag in q["expect_quote_contains"]:
                missing = [d for d in q["expect_documents"] if frag not in docs[d]]
                if missing:
                    errs.append(f"{q['id']}: {frag} missing in {missing}")
        elif q["expect_documents"]:
            errs.append(f"{q['id']}: expect_documents on a non-document question")

    # document questions: expect_documents is exactly the set of docs holding a keyword
    want = {
        qid: sorted(d for d in docs if any(k in docs[d] for k in keys))
        for qid, keys in keywords.items()
    }
    for qid, hits in want.items():
        q = next(x for x in qs if x["id"] == qid)
        if q["class"] != "document":
            errs.append(f"{qid}: expected a document question")
        if sorted(q["expect_documents"]) != hits:
            errs.append(
                f"{qid}: expect_documents {sorted(q['expect_documents'])} != keyword hits {hits}"
            )

    # negatives and "no" answers: the topic really is absent (negatives: from every document;
    # "no" answers: from the named document)
    for qid, keys in absent.items():
        q = next(x for x in qs if x["id"] == qid)
        if not (q["negative"] or q["expect_answer"] == "no"):
            errs.append(f"{qid}: expected a negative or a 'no' question")
        scope = q["docs"] or list(docs)
        for k in keys:
            hit = [d for d in scope if k in docs[d]]
            if hit:
                errs.append(f'{qid}: "{k}" occurs in {hit}')
    for q in qs:
        if (q["negative"] or q["expect_answer"] == "no") and q["id"] not in absent:
            errs.append(f"{q['id']}: negative/no question without an absence check")

    print("docs", len(docs), {d: len(t) for d, t in sorted(docs.items())})
    print("gold rows", len(rows), dict(Counter(r["status"] for r in rows)))
    print("gold types", dict(Counter(r["incentive_type"] for r in rows)))
    print("questions", len(qs), dict(Counter(q["lang"] for q in qs)))
    print("classes", dict(Counter(q["class"] for q in qs)))
    print(
        "negative",
        sum(q["negative"] for q in qs),
        "yes/no answers",
        dict(Counter(q["expect_answer"] for q in qs if q["expect_answer"])),
    )
    print("PROBLEMS:" if errs else "all checks passed")
    for e in errs:
        print(" ", e)
    return 1 if errs else 0
