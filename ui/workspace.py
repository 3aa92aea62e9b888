"""The app's state and handlers: one open library behind a lock.

Every handler takes the lock, so Gradio's queue threads never meet inside
SQLite, Oxigraph or FAISS at once. The layout lives in ``ui.app``.
"""

from __future__ import annotations

import os
from importlib import resources

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")  # before gradio is imported

import re
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from policykg.ingest.models import Citation
from policykg.ingest.readers import SUPPORTED
from policykg.ingest.settings import Settings
from policykg.ingest.vocab import load_vocabulary
from policykg.kg.analytics import project
from policykg.kg.compare import compare, write_comparison_csv
from policykg.kg.export import ExportFormat, export
from policykg.kg.sparql import QueryRefused, run_query
from policykg.library import Library
from policykg.retrieval.ask import DEFAULT_K, QuestionError, answer_question, ask
from policykg.retrieval.question import Question
from policykg.retrieval.records import expand_regions
from policykg.ui.views import (
    CYTOSCAPE_JS,
    answer_markdown,
    drafter_reference,
    group_by_iri,
    network_elements,
    network_iframe,
    network_page,
    provision_panel,
)

QUERIES = Path(str(resources.files("policykg.kg").joinpath("queries")))


@dataclass(frozen=True, slots=True)
class UploadResult:
    name: str
    outcome: str  # ingested / unchanged / rejected / failed
    reason: str


def safe_file_name(name: str) -> str:
    """A file name safe to store: no folders, no control or shell characters."""
    base = Path(name.replace("\\", "/")).name
    stem, suffix = os.path.splitext(base)
    stem = re.sub(r"[^\w\u4e00-\u9fff.\-（）()]+", "_", stem).strip("._") or "upload"
    return stem[:100] + suffix.lower()


class Workspace:
    """The open library behind the app (state: the library and its lock)."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.settings: Settings = library.settings
        self.lock = threading.RLock()
        self.downloads = Path(tempfile.mkdtemp(prefix="policykg-downloads-"))

    def warm(self) -> None:
        """Build the catalog and the BM25 matrices now, not on the first question."""
        with self.lock:
            self.library.catalog()
            self.library.index.search("干部激励", 1)

    # --- ask ---------------------------------------------------------------

    def ask_json(self, question: str) -> dict[str, object]:
        """The ``/ask`` endpoint: the same JSON as ``policykg ask --json``."""
        with self.lock:
            try:
                return ask(self.library, question, DEFAULT_K).to_json()
            except QuestionError as error:
                return {"question": question, "error": str(error)}

    def chat(
        self, message: str, history: list[dict], previous: Question | None
    ) -> tuple[list[dict], str, Question | None, list[Citation], Any, str, str]:
        history = list(history or [])
        with self.lock:
            try:
                answer, question = answer_question(self.library, message, DEFAULT_K, previous)
            except QuestionError as error:
                history += [
                    {"role": "user", "content": message},
                    {"role": "assistant", "content": str(error)},
                ]
                return history, "", previous, [], gr.update(choices=[], value=None), "", ""
        citations = list(answer.citations)
        history += [
            {"role": "user", "content": message},
            {"role": "assistant", "content": answer_markdown(answer)},
        ]
        choices = [self._choice(n, c) for n, c in enumerate(citations, start=1)]
        first = choices[0][1] if choices else None
        panel, reference = self.open_citation(first, citations) if first else ("", "")
        return (
            history,
            "",
            question,
            citations,
            gr.update(choices=choices, value=first),
            panel,
            reference,
        )

    @staticmethod
    def _choice(number: int, citation: Citation) -> tuple[str, str]:
        label = f"[{number}] 《{citation.doc_title}》 {citation.section}".strip()
        return label[:90], str(number)

    def open_citation(self, number: str | None, citations: list[Citation]) -> tuple[str, str]:
        if not number or not citations:
            return "", ""
        citation = citations[int(number) - 1]
        with self.lock:
            panel = provision_panel(self.library.store, citation)
            reference = drafter_reference(citation, self.library.store.document(citation.doc_id))
        return panel, reference

    # --- compare -------------------------------------------------------------

    def region_choices(self) -> list[tuple[str, str]]:
        with self.lock:
            codes = self.library.catalog().region_codes
            regions = [r for c in codes if (r := self.library.gazetteer.get(c)) is not None]
        regions.sort(key=lambda r: (r.level.value != "province", r.code))
        return [(f"{r.name_zh} {r.name_en}", r.code) for r in regions]

    def compare_table(
        self, codes: list[str], types: list[str]
    ) -> tuple[list[list[str]], list[list[str]], str | None]:
        if not codes:
            return [], [], None
        vocab = load_vocabulary()
        kinds = [vocab.type(t).code for t in types] or list(vocab.codes)
        with self.lock:
            result = compare(self.library.graph, self.library.store, self.library.gazetteer, codes)
            names = {c: self.library.gazetteer.path_zh(c)[-1] for c in codes}
        sources: list[list[str]] = []
        table = []
        for code in codes:
            row = [names[code]]
            for kind in kinds:
                cells = []
                for measure in result.cell(code, kind):
                    marker = ""
                    if measure.citation is not None:
                        sources.append(
                            [
                                str(len(sources) + 1),
                                measure.citation.quote,
                                measure.citation.doc_title,
                                f"{measure.citation.start}–{measure.citation.end}",
                            ]
                        )
                        marker = f" [{len(sources)}]"
                    cells.append(measure.label_zh + marker)
                row.append("；".join(cells) or "—")
            table.append(row)
        path = self.downloads / "comparison.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            write_comparison_csv(result, names, handle)
        return table, sources, str(path)

    # --- graph ---------------------------------------------------------------

    def network_html(self, region: str | None, types: list[str], statuses: list[str]) -> str:
        with self.lock:
            network = project(self.library.graph, with_provisions=False)
            catalog = self.library.catalog()
            scope = expand_regions(self.library.gazetteer, [region]) if region else None
            # Citations are looked up only for the nodes drawn, not for every measure.
            elements = network_elements(
                network,
                group_by_iri(catalog.measures),
                self.library.store.citation,
                scope,
                types,
                statuses,
            )
        page = network_page(elements, f"/gradio_api/file={CYTOSCAPE_JS}")
        return network_iframe(page)

    # --- library -------------------------------------------------------------

    def documents_table(self) -> list[list[str]]:
        with self.lock:
            documents = self.library.store.documents()
        return [
            [
                d.doc_id,
                d.meta.title,
                d.meta.authority or "",
                d.meta.doc_number or "",
                d.meta.date or "",
                str(len(d.text)),
                Path(d.source_path).name,
            ]
            for d in documents
        ]

    @staticmethod
    def document_choices(rows: list[list[str]]) -> list[tuple[str, str]]:
        """Dropdown choices from ``documents_table`` rows."""
        return [(f"{row[1][:40]} ({row[0][:10]})", row[0]) for row in rows]

    def upload(self, files: list[str] | None, progress: gr.Progress) -> list[UploadResult]:
        results: list[UploadResult] = []
        folder = self.settings.data_dir / "uploads"
        folder.mkdir(parents=True, exist_ok=True)
        for path in progress.tqdm(list(files or []), desc="Ingesting"):
            source = Path(path)
            name = safe_file_name(source.name)
            suffix = Path(name).suffix
            if suffix not in SUPPORTED:
                allowed = " ".join(sorted(SUPPORTED))
                results.append(
                    UploadResult(name, "rejected", f"{suffix or 'no extension'}: allowed {allowed}")
                )
                continue
            size = source.stat().st_size
            if size > self.settings.max_file_bytes:
                limit = self.settings.max_file_bytes // (1024 * 1024)
                results.append(
                    UploadResult(name, "rejected", f"{size} bytes is over the {limit} MB limit")
                )
                continue
            target = folder / name
            shutil.copyfile(source, target)
            with self.lock:
                report = self.library.ingest([target])
            if report.failed:
                results.append(UploadResult(name, "failed", report.failed[0].error))
            elif report.unchanged:
                results.append(UploadResult(name, "unchanged", "already in the library"))
            else:
                results.append(UploadResult(name, "ingested", ""))
        return results

    def remove(self, doc_id: str | None) -> str:
        if not doc_id:
            return "Pick a document first."
        with self.lock:
            removed = self.library.remove(doc_id)
        return f"Removed {doc_id}." if removed else f"No document {doc_id}."

    def reindex(self) -> str:
        with self.lock:
            documents, provisions = self.library.reindex()
        return f"Re-indexed {documents} documents, {provisions} provisions."

    # --- sparql and export ----------------------------------------------------

    def sparql(self, query: str) -> tuple[Any, str]:
        try:
            with self.lock:
                table = run_query(self.library.graph, query)
        except QueryRefused as error:
            return gr.update(value=None), f"Refused: {error}"
        rows = [list(row) for row in table.rows]
        return gr.update(value=rows, headers=list(table.columns)), f"{len(rows)} rows"

    def export(self, export_format: str) -> str:
        chosen = ExportFormat(export_format)
        suffix = {
            "turtle": ".ttl",
            "ntriples": ".nt",
            "jsonld": ".jsonld",
            "graphml": ".graphml",
            "gexf": ".gexf",
            "cytoscape": ".cyjs.json",
            "csv": "",
        }[chosen.value]
        target = self.downloads / f"policykg{suffix}"
        with self.lock:
            written = export(self.library.graph, chosen, target)
        if written.is_dir():
            return shutil.make_archive(str(written), "zip", written)
        return str(written)


def example_queries() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(QUERIES.glob("*.rq"))}
