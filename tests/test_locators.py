"""Locators in the store: every provision keeps one, every citation carries it, and an
older store gains the column and re-derives its documents."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from policykg.ingest.models import Citation, Document, DocumentMeta, ParsedDocument, document_id
from policykg.ingest.store import SCHEMA_VERSION, Store
from policykg.ingest.structure import parse_structure
from tests.conftest import SEED

STATUTE = (
    "第二十一条 对工作表现突出的干部，给予奖励。\n\n奖励分为：\n\n（一）嘉奖；\n\n（二）记功。\n"
)


def parsed_statute() -> ParsedDocument:
    doc_id = document_id(STATUTE)
    document = Document(doc_id, "/law.md", "md", "utf-8", STATUTE, DocumentMeta(title="示例法"))
    sections, provisions = parse_structure(doc_id, STATUTE, None)
    return ParsedDocument(document, sections, provisions, (), ())


def test_provisions_and_citations_keep_their_locators(tmp_path: Path) -> None:
    parsed = parsed_statute()
    with Store(tmp_path / "store.db") as store:
        store.add(parsed)
        stored = store.provisions(parsed.document.doc_id)
        assert stored == list(parsed.provisions)
        assert [p.locator for p in stored] == [
            "第二十一条第一款",
            "第二十一条第二款",
            "第二十一条第二款第一项",
            "第二十一条第二款第二项",
        ]
        item = stored[2]
        assert store.provision(item.provision_id) == item
        citation = store.citation(item.provision_id)
    assert citation is not None
    assert (citation.quote, citation.locator) == ("（一）嘉奖；", "第二十一条第二款第一项")
    data = citation.to_json()
    assert data["locator"] == "第二十一条第二款第一项"
    assert {"doc_id", "doc_title", "provision_id", "section", "start", "end", "quote"} <= set(data)
    assert Citation.from_json(data) == citation
    del data["locator"]  # an answer saved before locators still loads
    assert Citation.from_json(data).locator == ""


def test_a_version_2_store_gains_locators_and_re_derives(tmp_path: Path) -> None:
    from policykg.ingest.settings import Settings
    from policykg.library import Library

    settings = Settings(data_dir=tmp_path / "data")
    with Library(settings) as library:
        library.ingest([SEED])
        stamp = library.stamp
    with sqlite3.connect(settings.store_path) as db:  # as a version-2 store left it
        db.execute("ALTER TABLE provisions DROP COLUMN locator")
        db.execute("PRAGMA user_version=2")
    with Store(settings.store_path, stamp) as store:
        assert store.stale_doc_ids()  # re-derived though the stamp is the same
    with sqlite3.connect(settings.store_path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    with Library(settings) as library:
        assert any("re-deriving" in notice for notice in library.notices)
        provisions = library.store.provisions()
        assert provisions and all(p.locator.startswith("第") for p in provisions)
        citation = library.store.citation(provisions[0].provision_id)
        assert citation is not None and citation.locator == "第1段"
