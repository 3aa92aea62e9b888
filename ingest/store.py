"""The embedded SQLite store of documents, provisions, regions and measures.

One transaction per document: a document is either wholly present or absent,
whatever happens mid-ingest. A file's source path identifies its versions: a
changed file replaces its old document; an unchanged one changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import Enum
from pathlib import Path

from policykg.ingest.meta_fields import MetaCorrection
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
    VersionStatus,
)
from policykg.ingest.store_schema import (
    PROVISION_COLUMNS,
    SCHEMA,
    SCHEMA_VERSION,
    provision_from_row,
    validity,
)
from policykg.ingest.versions import Work, group_works, statuses


def _carry_corrections(db: sqlite3.Connection, old: str, new: str) -> None:
    """An edited file's corrections follow it to its new version (the new one's own win)."""
    db.execute("UPDATE OR IGNORE meta_corrections SET doc_id = ? WHERE doc_id = ?", (new, old))
    db.execute("DELETE FROM meta_corrections WHERE doc_id = ?", (old,))


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
        # The works of the stored documents and each version's status, made on demand.
        self._versions: tuple[list[Work], dict[str, tuple[str, VersionStatus]]] | None = None
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
        self._versions = None
        with self._transaction() as db:
            for old in replaced:
                db.execute("DELETE FROM documents WHERE doc_id = ?", (old,))
                _carry_corrections(db, old, doc.doc_id)
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
                    json.dumps(doc.meta.to_json(), ensure_ascii=False),
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
        """Delete a document, everything derived from it, and the user's corrections of it."""
        self._versions = None
        with self._transaction() as db:
            cursor = db.execute("DELETE FROM documents WHERE doc_id = ?", (doc_id,))
            db.execute("DELETE FROM meta_corrections WHERE doc_id = ?", (doc_id,))
        return cursor.rowcount > 0

    def correct(self, doc_id: str, corrections: Iterable[MetaCorrection]) -> None:
        """Record the user's corrections of a document's metadata (one per field, the last kept)."""
        with self._transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO meta_corrections (doc_id, field, value) VALUES (?, ?, ?)",
                [(doc_id, c.field, c.value) for c in corrections],
            )

    def uncorrect(self, doc_id: str, fields: Iterable[str] | None = None) -> None:
        """Forget corrections of the named fields (all of them when None)."""
        with self._transaction() as db:
            if fields is None:
                db.execute("DELETE FROM meta_corrections WHERE doc_id = ?", (doc_id,))
            else:
                db.executemany(
                    "DELETE FROM meta_corrections WHERE doc_id = ? AND field = ?",
                    [(doc_id, name) for name in fields],
                )

    def corrections(self, doc_id: str, source_path: str | None = None) -> list[MetaCorrection]:
        """The user's corrections of a document, else of the stored version of its file."""
        rows = self._db.execute(
            "SELECT field, value FROM meta_corrections WHERE doc_id = ? ORDER BY field", (doc_id,)
        ).fetchall()
        if not rows and source_path is not None:
            rows = self._db.execute(
                "SELECT c.field, c.value FROM meta_corrections c JOIN documents d USING (doc_id)"
                " WHERE d.source_path = ? ORDER BY c.field",
                (source_path,),
            ).fetchall()
        return [MetaCorrection(field, value) for field, value in rows]

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
        meta = DocumentMeta.from_json(json.loads(row[5]))
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

    def works(self, as_of: str | None = None) -> list[Work]:
        """The instruments the stored documents are versions of, with each version's status
        (as of an ISO date when given: the versions made by then)."""
        if as_of:
            return group_works(self._metas(), as_of)
        return self._works_and_statuses()[0]

    def _metas(self) -> list[tuple[str, DocumentMeta]]:
        rows = self._db.execute("SELECT doc_id, meta FROM documents ORDER BY rowid")
        return [(doc_id, DocumentMeta.from_json(json.loads(meta))) for doc_id, meta in rows]

    def version_status(self, doc_id: str) -> VersionStatus | None:
        """A document's status among its work's versions; None for news and articles."""
        found = self._works_and_statuses()[1].get(doc_id)
        return found[1] if found else None

    def _works_and_statuses(self) -> tuple[list[Work], dict[str, tuple[str, VersionStatus]]]:
        if self._versions is None:
            works = group_works(self._metas())
            self._versions = (works, statuses(works))
        return self._versions

    def sections(self, doc_id: str) -> tuple[Section, ...]:
        rows = self._db.execute(
            'SELECT path, start, "end" FROM sections WHERE doc_id = ? ORDER BY start', (doc_id,)
        )
        return tuple(Section(tuple(json.loads(p)), s, e) for p, s, e in rows)

    def provisions(self, doc_id: str | None = None) -> list[Provision]:
        query = f"SELECT {PROVISION_COLUMNS} FROM provisions"
        rows = (
            self._db.execute(query + " WHERE doc_id = ? ORDER BY start", (doc_id,))
            if doc_id
            else self._db.execute(query + " ORDER BY rowid")
        )
        return [provision_from_row(row) for row in rows]

    def provision(self, provision_id: str) -> Provision | None:
        row = self._db.execute(
            f"SELECT {PROVISION_COLUMNS} FROM provisions WHERE provision_id = ?",
            (provision_id,),
        ).fetchone()
        return provision_from_row(row) if row else None

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
        doc_id, section, locator, start, end, text, meta_json, source_path = row
        meta = DocumentMeta.from_json(json.loads(meta_json))
        return Citation(
            doc_id=doc_id,
            doc_title=meta.title,
            provision_id=provision_id,
            section=" > ".join(json.loads(section)),
            start=start,
            end=end,
            quote=text[start:end],
            source_path=source_path,
            locator=locator,
            issuer=meta.authority,
            doc_number=meta.doc_number,
            date=meta.date,
            doc_kind=meta.doc_kind.value if meta.doc_kind else None,
            author=meta.author,
            source_url=meta.source_url,
            publisher=meta.publisher,
            **validity(self.version_status(doc_id)),
        )

    def span_citation(self, first: Citation, last_id: str, locator: str) -> Citation | None:
        """``first`` extended to the end of a later provision of its document (the sentences
        of one article or paragraph) as one verbatim citation, at ``locator``."""
        row = self._db.execute(
            'SELECT p."end", d.text FROM provisions p JOIN documents d USING (doc_id)'
            " WHERE p.provision_id = ? AND p.doc_id = ?",
            (last_id, first.doc_id),
        ).fetchone()
        if row is None or row[0] < first.start:
            return None
        end, text = row
        return replace(first, end=end, quote=text[first.start : end], locator=locator)

    def last_ingest(self) -> str | None:
        """When the newest document was stored (UTC), or None for an empty store."""
        row = self._db.execute("SELECT max(ingested_at) FROM documents").fetchone()
        return str(row[0]) if row and row[0] else None

    def counts(self) -> dict[str, int]:
        tables = ("documents", "provisions", "region_mentions", "measures")
        return {
            table: self._db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in tables
        }
