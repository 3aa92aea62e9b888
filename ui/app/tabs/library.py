"""The Library tab: documents, uploads (checked, then ingested), remove, re-index, corrections."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from policykg.ingest.meta_fields import MetaFieldError, parse_correction
from policykg.ingest.models import VersionStatus
from policykg.ingest.readers import SUPPORTED
from policykg.ui.app.views import markdown_text
from policykg.ui.app.wiring import Work, on
from policykg.ui.app.workspace import Workspace

# The document table: widths that leave every header on one line (9 columns on a laptop).
CSS = """
#pk-documents th, #pk-documents th * { white-space: nowrap; }
#pk-documents td { overflow-wrap: anywhere; }
"""
HEADERS = ["id", "title", "issuer", "文号", "date", "kind", "version", "chars", "file"]
WIDTHS: list[str | int] = ["10%", "25%", "12%", "10%", "8%", "8%", "7%", "5%", "15%"]

# The fields the Library tab corrects, as ``policykg meta --set`` names them.
CORRECTABLE = ("title", "issuer", "doc_number", "date", "doc_kind", "level", "status", "author")


@dataclass(frozen=True, slots=True)
class UploadResult:
    name: str
    outcome: str  # ingested / unchanged / rejected / failed
    reason: str


def build(workspace: Workspace) -> None:
    """The document table, the upload box and its report, remove, re-index, corrections."""
    megabytes = workspace.settings.max_file_bytes // (1024 * 1024)
    with gr.Tab("Library", id="library") as tab:
        documents = gr.Dataframe(
            headers=HEADERS,
            label="Documents",
            wrap=True,
            column_widths=WIDTHS,
            elem_id="pk-documents",
        )
        uploads = gr.File(
            label=f"Upload ({' '.join(sorted(SUPPORTED))}; up to {megabytes} MB each)",
            file_count="multiple",
            elem_id="pk-upload",
        )
        report = gr.Dataframe(
            headers=["file", "outcome", "reason"],
            label="Upload results",
            elem_id="pk-upload-report",
        )
        with gr.Row():
            to_remove = gr.Dropdown(label="Document (to remove or correct)", choices=[])
            remove_button = gr.Button("Remove…", variant="stop", elem_id="pk-remove")
            reindex_button = gr.Button("Re-index")
        with gr.Row(visible=False, elem_id="pk-remove-confirm-row") as confirm_row:
            question = gr.Markdown(elem_id="pk-remove-question")
            confirm_button = gr.Button(
                "Confirm remove", variant="stop", elem_id="pk-remove-confirm"
            )
            cancel_button = gr.Button("Cancel", elem_id="pk-remove-cancel")
        with gr.Row():  # a correction is kept apart and survives re-ingest (policykg meta)
            field = gr.Dropdown(label="Field to correct", choices=list(CORRECTABLE), value="title")
            value = gr.Textbox(label="Correct value (empty clears it)", elem_id="pk-meta-value")
            correct_button = gr.Button("Save correction", elem_id="pk-meta-save")
        status = gr.Markdown(elem_id="pk-library-status")
    # Upload and re-index take the lock themselves: shared while a file is read, parsed and
    # embedded or the new index built, alone only to write; questions are answered meanwhile.
    changed = [report, documents, to_remove]
    on(workspace, uploads.upload, upload, uploads, changed, work=Work.WRITE, locked=False)
    # Remove asks first; the confirmation goes away if the choice changes under it.
    asked = [status, question, confirm_row]
    on(workspace, remove_button.click, ask_remove, to_remove, asked, work=Work.BROWSE)
    kept = [status, confirm_row]
    on(workspace, cancel_button.click, keep, None, kept, work=Work.BROWSE, locked=False)
    on(workspace, to_remove.change, hide, None, confirm_row, work=Work.BROWSE, locked=False)
    removed = [status, documents, to_remove, confirm_row]
    on(workspace, confirm_button.click, remove, to_remove, removed, work=Work.WRITE)
    on(workspace, reindex_button.click, reindex, None, status, work=Work.WRITE, locked=False)
    corrected = [status, documents]
    inputs = [to_remove, field, value]
    on(workspace, correct_button.click, correct, inputs, corrected, work=Work.WRITE)
    # On page load and on every visit: another tab or user may have changed the library.
    on(workspace, None, refresh, None, [documents, to_remove], work=Work.BROWSE)
    on(workspace, tab.select, refresh, None, [documents, to_remove], work=Work.BROWSE)


def refresh(workspace: Workspace) -> tuple[list[list[str]], Any]:
    """The document table and the remove choices (on page load and after a change)."""
    table = documents_table(workspace)
    return table, gr.update(choices=document_choices(table))


def document_choices(rows: list[list[str]]) -> list[tuple[str, str]]:
    """Dropdown choices from ``documents_table`` rows."""
    return [(f"{row[1][:40]} ({row[0][:10]})", row[0]) for row in rows]


def documents_table(workspace: Workspace) -> list[list[str]]:
    """One row per document: id, title, issuer, 文号, date, kind, version status, characters, file."""
    store = workspace.library.store
    return [
        [
            d.doc_id,
            d.meta.title,
            d.meta.authority or "",
            d.meta.doc_number or "",
            d.meta.date or "",
            d.meta.doc_kind.value if d.meta.doc_kind else "",
            _status(store.version_status(d.doc_id)),
            str(len(d.text)),
            Path(d.source_path).name,
        ]
        for d in store.documents()
    ]


def _status(status: VersionStatus | None) -> str:
    return status.value if status else ""


def upload(
    workspace: Workspace,
    files: list[str] | None,
    progress: gr.Progress = gr.Progress(),  # noqa: B008 - Gradio finds the tracker by this default
) -> tuple[list[list[str]], list[list[str]], Any]:
    """Check and ingest each file; the outcomes, then the refreshed table and choices."""
    paths = progress.tqdm(list(files or []), desc="Ingesting")
    results = [_upload_one(workspace, Path(path)) for path in paths]
    with workspace.lock.read():
        table, choices = refresh(workspace)
    return [[r.name, r.outcome, r.reason] for r in results], table, choices


def _upload_one(workspace: Workspace, source: Path) -> UploadResult:
    name = safe_file_name(source.name)
    suffix = Path(name).suffix
    if suffix not in SUPPORTED:
        allowed = " ".join(sorted(SUPPORTED))
        return UploadResult(name, "rejected", f"{suffix or 'no extension'}: allowed {allowed}")
    size, limit = source.stat().st_size, workspace.settings.max_file_bytes
    if size > limit:
        megabytes = limit // (1024 * 1024)
        return UploadResult(name, "rejected", f"{size} bytes is over the {megabytes} MB limit")
    target = upload_path(workspace.settings.uploads_dir, source, name)
    kept_before = target.exists()  # the same content, uploaded before
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    report = workspace.library.ingest([target], guard=workspace.lock)
    if report.failed:
        if not kept_before:  # not in the library: no copy kept either
            target.unlink(missing_ok=True)
        return UploadResult(name, "failed", report.failed[0].error)
    if report.unchanged:
        return UploadResult(name, "unchanged", "already in the library")
    return UploadResult(name, "ingested", "")


def ask_remove(workspace: Workspace, doc_id: str | None) -> tuple[str, str, Any]:
    """A message, the question beside the confirm buttons, and those buttons shown or not."""
    document = workspace.library.store.document(doc_id) if doc_id else None
    if document is None:
        return "Pick a document first.", "", gr.update(visible=False)
    question = (
        f"Remove 《{markdown_text(document.meta.title)}》 ({doc_id})? It leaves the library, "
        "the graph and the search index. **Confirm remove** to go on."
    )
    return "", question, gr.update(visible=True)


def keep(workspace: Workspace) -> tuple[str, Any]:
    """Cancel a removal: nothing removed, the confirmation hidden."""
    return "Nothing removed.", hide(workspace)


def hide(workspace: Workspace) -> Any:
    """The confirmation hidden (the document chosen changed under it)."""
    return gr.update(visible=False)


def remove(workspace: Workspace, doc_id: str | None) -> tuple[str, list[list[str]], Any, Any]:
    """Remove one document; a message, the refreshed table and choices, the confirm hidden."""
    if not doc_id:
        message = "Pick a document first."
    elif workspace.library.remove(doc_id):
        message = f"Removed {doc_id}."
    else:
        message = f"No document {doc_id}."
    table = documents_table(workspace)
    hidden = gr.update(visible=False)
    return message, table, gr.update(choices=document_choices(table), value=None), hidden


def correct(
    workspace: Workspace, doc_id: str | None, field: str | None, value: str | None
) -> tuple[str, list[list[str]]]:
    """Record a correction of one metadata field; a message, then the refreshed table."""
    if not doc_id or not field:
        return "Pick a document and a field first.", documents_table(workspace)
    try:
        correction = parse_correction(f"{field}={value or ''}")
    except MetaFieldError as error:
        return f"Not saved: {error}.", documents_table(workspace)
    if workspace.library.correct_meta(doc_id, [correction]) is None:
        return f"No document {doc_id}.", documents_table(workspace)
    shown = correction.value if correction.value is not None else "(cleared)"
    return f"Saved: {field} = {shown}.", documents_table(workspace)


def reindex(workspace: Workspace) -> str:
    """Rebuild the search indexes from the store, aside; the old one answers meanwhile."""
    documents, provisions = workspace.library.reindex(guard=workspace.lock)
    return f"Re-indexed {documents} documents, {provisions} provisions."


def upload_path(uploads: Path, source: Path, name: str) -> Path:
    """Where an upload is kept: a folder named by its content, holding it under its own name.

    Two different files called 通知.txt are two documents (two folders), and the
    document table still shows the name each was uploaded as; the same file
    uploaded again lands on the same path and is found unchanged.
    """
    digest = hashlib.sha256()
    with source.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return uploads / digest.hexdigest()[:16] / name


def safe_file_name(name: str) -> str:
    """A file name safe to store: no folders, no control or shell characters."""
    base = Path(name.replace("\\", "/")).name
    stem, suffix = os.path.splitext(base)
    stem = re.sub(r"[^\w\u4e00-\u9fff.\-（）()]+", "_", stem).strip("._") or "upload"
    return stem[:100] + suffix.lower()
