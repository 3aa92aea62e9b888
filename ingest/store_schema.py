"""The store's SQLite schema and how its rows become records (``ingest/store.py``)."""

from __future__ import annotations

import json
from typing import Any

from policykg.ingest.models import Provision, VersionStatus

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
-- The user's corrections, apart from what ingest derives (no cascade: a re-derived
-- or re-ingested document keeps them; ``remove`` deletes them with the document).
CREATE TABLE IF NOT EXISTS meta_corrections (
    doc_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT,
    corrected_at TEXT NOT NULL DEFAULT (datetime('now')), PRIMARY KEY (doc_id, field)
);
"""


def validity(status: VersionStatus | None) -> dict[str, Any]:
    """A citation's ``status`` and ``in_force`` (None when not known)."""
    if status is None or status is VersionStatus.UNKNOWN:
        return {"status": status.value if status else None, "in_force": None}
    return {"status": status.value, "in_force": status is VersionStatus.IN_FORCE}


PROVISION_COLUMNS = 'provision_id, doc_id, section, paragraph, start, "end", text, locator'


def provision_from_row(row: tuple) -> Provision:
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
