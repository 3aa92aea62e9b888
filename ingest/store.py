"""The embedded SQLite store of documents, provisions, regions and measures.

One transaction per document: a document is either wholly present or absent,
whatever happens mid-ingest. A file's source path identifies its versions: a
changed file replaces its old document; an unchanged one changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import Enum
from pathlib import Path

from policykg.ingest.models import (
    Citation,
    Document,
    DocumentMeta,
    IncentiveType,
    MeasureMention,
    ParsedDocument,
    Provision,
    RegionMention,
    Section,
    Status,
)

SCHEMA_VERSION = 3  # 2: documents.derived_with; 3: provisions.locator
SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY, source_path TEXT NOT NULL, format TEXT NOT NULL,
    encoding TEXT NOT NULL, content_sha256 TEXT NOT NULL, text TEXT NOT NULL,
    meta TEXT NOT NULL, ingested_at TEXT NOT NULL DEFAULT (datetime('now')),
    derived_with TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS documents_path ON documents(source_path);
CREATE TABLE IF NOT EXISTS sections (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    path TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS provisions (
    provision_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    section TEXT NOT NULL, paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    locator TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS provisions_doc ON provisions(doc_id);
CREATE TABLE IF NOT EXISTS region_mentions (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    code TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, surface TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS region_mentions_doc ON region_mentions(doc_id);
CREATE TABLE IF NOT EXISTS measures (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    provision_id TEXT NOT NULL, key TEXT NOT NULL, label_zh TEXT NOT NULL,
    label_en TEXT NOT NULL, incentive_type TEXT NOT NULL, status TEXT NOT NULL,
    region_codes TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS measures_doc ON measures(doc_id);
CREATE INDEX IF NOT EXISTS measures_key ON measures(key);
"""


class Freshness(str, Enum):
    """How a file relates to what the store already holds."""

    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


class Store:
    """A SQLite database in the data dir (state: one connection)."""

    def __init__(self, path: Path, stamp: str = "") -> None:
        """Open (or create) the store; ``stamp`` is recorded on every document added.

        Documents stored with another stamp are listed by ``stale_doc_ids``.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.stamp = stamp
        self._db = sqlite3.connect(path, timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA synchronous=NORMAL")
        # Deleted rows are overwritten, not just unlinked: a removed text leaves no copy.
        self._db.execute("PRAGMA secure_delete=ON")
        self._db.executescript(SCHEMA)
        self._migrate()
        self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def _migrate(self) -> None:
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(documents)")}
        if "derived_with" not in columns:  # a version-1 store: every document is stale
            with self._transaction() as db:
                db.execute("ALTER TABLE documents ADD COLUMN derived_with TEXT NOT NULL DEFAULT ''")
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(provisions)")}
        if "locator" not in columns:  # a version-2 store: provisions have no locator yet
            with self._transaction() as db:
                db.execute("ALTER TABLE provisions ADD COLUMN locator TEXT NOT NULL DEFAULT ''")
                db.execute("UPDATE documents SET derived_with = ''")  # so they are re-derived

    def stale_doc_ids(self) -> list[str]:
        """Documents derived with other rules, vocabularies or code than this store's stamp."""
        rows = self._db.execute(
            "SELECT doc_id FROM documents WHERE derived_with != ? ORDER BY rowid", (self.stamp,)
        )
        return [row[0] for row in rows]

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._db:  # commits, or rolls back on any exception
            yield self._db

    def freshness(self, source_path: str, doc_id: str) -> Freshness:
        rows = self._db.execute(
            "SELECT doc_id FROM documents WHERE source_path = ? OR doc_id = ?",
            (source_path, doc_id),
        ).fetchall()
        if any(row[0] == doc_id for row in rows):
            return Freshness.UNCHANGED
        return Freshness.CHANGED if rows else Freshness.NEW

    def doc_ids_for_path(self, source_path: str) -> list[str]:
        rows = self._db.execute(
            "SELECT doc_id FROM documents WHERE source_path = ?", (source_path,)
        )
        return [row[0] for row in rows]

    def add(self, parsed: ParsedDocument) -> list[str]:
        """Store a document atomically, replacing older versions of its file.

        Returns the ids of the versions it replaced.
        """
        doc = parsed.document
        replaced = [d for d in self.doc_ids_for_path(doc.source_path) if d != doc.doc_id]
        with self._transaction() as db:
            for old in replaced:
                db.execute("DELETE FROM documents WHERE doc_id = ?", (old,))
            db.execute("DELETE FROM documents WHERE doc_id = ?", (doc.doc_id,))
            db.execute(
                "INSERT INTO documents (doc_id, source_path, format, encoding, content_sha256,"
                " text, meta, derived_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc.doc_id,
                    doc.source_path,
                    doc.format,
                    doc.encoding,
                    doc.content_sha256,
                    doc.text,
                    json.dumps(_meta_json(doc.meta), ensure_ascii=False),
                    self.stamp,
                ),
            )
            db.executemany(
                'INSERT INTO sections (doc_id, path, start, "end") VALUES (?, ?, ?, ?)',
                [
                    (doc.doc_id, json.dumps(s.path, ensure_ascii=False), s.start, s.end)
                    for s in parsed.sections
                ],
            )
            db.executemany(
                "INSERT INTO provisions (provision_id, doc_id, section, paragraph, start,"
                ' "end", text, locator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
                [
                    (
                        p.provision_id,
                        p.doc_id,
                        json.dumps(p.section, ensure_ascii=False),
                        p.paragraph,
                        p.start,
                        p.end,
                        p.text,
                        p.locator,
                    )
                    for p in parsed.provisions
                ],
            )
            db.executemany(
                "INSERT INTO region_mentions VALUES (?, ?, ?, ?, ?)",
                [(doc.doc_id, m.code, m.start, m.end, m.surface) for m in parsed.region_mentions],
            )
            db.executemany(
                "INSERT INTO measures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        m.doc_id,
                        m.provision_id,
                        m.key,
                        m.label_zh,
                        m.label_en,
                        m.incentive_type,
                        m.status.value,
                        json.dumps(m.region_codes),
                        m.start,
                        m.end,
                    )
                    for m in parsed.measures
                ],
            )
        return replaced

    def remove(self, doc_id: str) -> bool:
        """Delete a document and everything derived from it."""
        with self._transaction() as db:
            cursor = db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
        return cursor.rowcount > 0

    def vacuum(self) -> None:
        """Rewrite the database file and empty its write-ahead log.

        After a removal, the pages the old rows lived on can stay in the file and
        in the log until then; this leaves only what the store holds now.
        """
        self._db.execute("VACUUM")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def doc_ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT doc_id FROM documents ORDER BY rowid")]

    def document(self, doc_id: str) -> Document | None:
        row = self._db.execute(
            "SELECT doc_id, source_path, format, encoding, text, meta, content_sha256"
            " FROM documents WHERE doc_id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            return None
        meta = DocumentMeta(**json.loads(row[5]))
        return Document(row[0], row[1], row[2], row[3], row[4], meta, row[6])

    def documents(self) -> list[Document]:
        return [doc for doc in map(self.document, self.doc_ids()) if doc is not None]

    def resolve_doc_id(self, prefix: str) -> str | None:
        """A full id from a unique prefix (ids are long; people type the start)."""
        rows = self._db.execute(
            "SELECT doc_id FROM documents WHERE doc_id LIKE ? ESCAPE '\\'",
            (prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",),
        ).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def sections(self, doc_id: str) -> tuple[Section, ...]:
        rows = self._db.execute(
            'SELECT path, start, "end" FROM sections WHERE doc_id = ? ORDER BY start', (doc_id,)
        )
        return tuple(Section(tuple(json.loads(p)), s, e) for p, s, e in rows)

    def provisions(self, doc_id: str | None = None) -> list[Provision]:
        query = f"SELECT {_PROVISION_COLUMNS} FROM provisions"
        rows = (
            self._db.execute(query + " WHERE doc_id = ? ORDER BY start", (doc_id,))
            if doc_id
            else self._db.execute(query + " ORDER BY rowid")
        )
        return [_provision(row) for row in rows]

    def provision(self, provision_id: str) -> Provision | None:
        row = self._db.execute(
            f"SELECT {_PROVISION_COLUMNS} FROM provisions WHERE provision_id = ?",
            (provision_id,),
        ).fetchone()
        return _provision(row) if row else None

    def region_mentions(self, doc_id: str) -> tuple[RegionMention, ...]:
        rows = self._db.execute(
            'SELECT code, start, "end", surface FROM region_mentions WHERE doc_id = ?'
            " ORDER BY start",
            (doc_id,),
        )
        return tuple(RegionMention(*row) for row in rows)

    def measures(self, doc_id: str | None = None) -> list[MeasureMention]:
        query = (
            "SELECT key, label_zh, label_en, incentive_type, status, region_codes, doc_id,"
            ' provision_id, start, "end" FROM measures'
        )
        rows = (
            self._db.execute(query + " WHERE doc_id = ? ORDER BY start", (doc_id,))
            if doc_id
            else self._db.execute(query + " ORDER BY rowid")
        )
        return [
            MeasureMention(
                r[0],
                r[1],
                r[2],
                IncentiveType(r[3]),
                Status(r[4]),
                tuple(json.loads(r[5])),
                r[6],
                r[7],
                r[8],
                r[9],
            )
            for r in rows
        ]

    def parsed(self, doc_id: str) -> ParsedDocument | None:
        """Everything stored for one document, as ingest produced it."""
        document = self.document(doc_id)
        if document is None:
            return None
        return ParsedDocument(
            document=document,
            sections=self.sections(doc_id),
            provisions=tuple(self.provisions(doc_id)),
            region_mentions=self.region_mentions(doc_id),
            measures=tuple(self.measures(doc_id)),
        )

    def citation(self, provision_id: str) -> Citation | None:
        """The verbatim citation of a provision, its quote sliced from the stored text."""
        row = self._db.execute(
            'SELECT p.doc_id, p.section, p.locator, p.start, p."end", d.text, d.meta,'
            " d.source_path FROM provisions p JOIN documents d USING (doc_id)"
            " WHERE p.provision_id = ?",
            (provision_id,),
        ).fetchone()
        if row is None:
            return None
        doc_id, section, locator, start, end, text, meta, source_path = row
        return Citation(
            doc_id=doc_id,
            doc_title=json.loads(meta)["title"],
            provision_id=provision_id,
            section=" > ".join(json.loads(section)),
            start=start,
            end=end,
            quote=text[start:end],
            source_path=source_path,
            locator=locator,
        )

    def span_citation(self, first_id: str, last_id: str, locator: str) -> Citation | None:
        """One verbatim citation from the start of one provision to the end of a later one
        of the same document (the sentences of one article or paragraph), at ``locator``."""
        first, last = self.citation(first_id), self.citation(last_id)
        if first is None or last is None or last.doc_id != first.doc_id or last.end < first.start:
            return None
        row = self._db.execute("SELECT text FROM documents WHERE doc_id = ?", (first.doc_id,))
        text = row.fetchone()[0]
        return replace(first, end=last.end, quote=text[first.start : last.end], locator=locator)

    def counts(self) -> dict[str, int]:
        tables = ("documents", "provisions", "region_mentions", "measures")
        return {
            table: self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in tables
        }


_PROVISION_COLUMNS = 'provision_id, doc_id, section, paragraph, start, "end", text, locator'


def _provision(row: tuple) -> Provision:
    provision_id, doc_id, section, paragraph, start, end, text, locator = row
    return Provision(
        provision_id=provision_id,
        doc_id=doc_id,
        section=tuple(json.loads(section)),
        paragraph=paragraph,
        start=start,
        end=end,
        text=text,
        locator=locator,
    )


def _meta_json(meta: DocumentMeta) -> dict[str, object]:
    return {name: getattr(meta, name) for name in DocumentMeta.__slots__}
