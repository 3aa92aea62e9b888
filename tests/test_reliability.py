"""Crash safety, a second process, hostile inputs and hostile questions."""

from __future__ import annotations

import io
import random
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from policykg.ingest.models import Document, IngestError
from policykg.ingest.pipeline import ingest_paths
from policykg.ingest.readers import read_document
from policykg.ingest.settings import Settings
from policykg.ingest.store import Store
from policykg.kg.sparql import QueryRefused, run_query
from policykg.kg.validate import validate_graph
from policykg.library import Library
from policykg.retrieval.ask import QuestionError, ask
from tests.conftest import REPO, SEED

SALARY = "哪些地区实行协议年薪？"


def seed_documents(folder: Path) -> list[Path]:
    """One small document per paragraph of the seed (real text, many files)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if len(line) > 60]
    paths = []
    for number, line in enumerate(lines, start=1):
        path = folder / f"doc{number:02d}.txt"
        path.write_text(f"长三角干部激励材料之{number}\n{line}\n", encoding="utf-8")
        paths.append(path)
    return paths


def ingest_command(folder: Path, data_dir: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "policykg.ui.cli",
        "ingest",
        str(folder),
        "--data-dir",
        str(data_dir),
    ]


def assert_whole(data_dir: Path) -> set[str]:
    """The data dir opens, answers, validates; each document is fully present or absent."""
    with Library(Settings(data_dir=data_dir)) as library:
        stored = set(library.store.doc_ids())
        for doc_id in stored:
            parsed = library.store.parsed(doc_id)
            assert parsed is not None and parsed.provisions
        assert library.graph.document_ids() == stored
        assert library.graph.document_graphs() == stored
        assert set(library.index.documents) == stored
        provisions = {p.provision_id for p in library.store.provisions()}
        assert library.index.provision_ids() == provisions
        assert library.index.lexical.ids() == provisions
        passages = sum(len(p) for p in library.index.passages.values())
        passages += sum(len(items) for items in library.index.items.values())
        assert len(library.index.dense) == len(provisions) + passages
        ask(library, SALARY)
        report = validate_graph(library.graph, library.store)
        assert report.conforms, report.problems[:3]
    return stored


@pytest.mark.slow
def test_sigkill_at_random_moments_leaves_a_whole_library(tmp_path: Path) -> None:
    folder, data_dir = tmp_path / "in", tmp_path / "data"
    good = seed_documents(folder)
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 truncated")
    rng = random.Random(20261128)
    seen_partial = False
    for _ in range(4):
        process = subprocess.Popen(
            ingest_command(folder, data_dir), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(rng.uniform(2.0, 9.0))
        process.kill()  # SIGKILL: no cleanup runs
        process.wait()
        stored = assert_whole(data_dir)
        seen_partial = seen_partial or 0 < len(stored) < len(good)
    finished = subprocess.run(ingest_command(folder, data_dir), capture_output=True, check=False)
    assert finished.returncode == 1  # the broken file, alone
    assert len(assert_whole(data_dir)) == len(good)
    with Library(Settings(data_dir=data_dir)) as library:
        answer = ask(library, SALARY)
        assert answer.regions[0].label_zh.endswith("临港新片区")


def test_a_second_process_is_refused_while_the_library_is_open(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    with Library(Settings(data_dir=data_dir)) as library:
        library.ingest([REPO / "corpus"])
        result = subprocess.run(
            ingest_command(REPO / "corpus", data_dir), capture_output=True, text=True, check=False
        )
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "in use by another process" in lines[0]
        assert len(library.store.doc_ids()) == 1
    assert len(assert_whole(data_dir)) == 1


# --- hostile and broken files -------------------------------------------------

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def read_or_refuse(path: Path) -> Document | None:
    """A reader either returns a document or raises IngestError, nothing else."""
    try:
        return read_document(path, Settings(data_dir=path.parent, max_file_bytes=2_000_000))
    except IngestError as error:
        assert str(error) and "\n" not in str(error)
        return None


@FUZZ
@given(
    data=st.binary(max_size=4096), suffix=st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf"])
)
def test_random_bytes_never_crash_a_reader(tmp_path_factory, data: bytes, suffix: str) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"f{suffix}"
    path.write_bytes(data)
    document = read_or_refuse(path)
    if document is not None:
        assert document.text.strip()


@FUZZ
@given(
    text=st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=2000
    )
)
def test_any_text_reads_back_verbatim_or_is_refused(tmp_path_factory, text: str) -> None:
    path = tmp_path_factory.mktemp("text") / "t.txt"
    path.write_bytes(text.encode("utf-8"))
    document = read_or_refuse(path)
    if document is not None:
        assert document.text == text  # control characters and all: offsets stay exact


def _docx_bytes() -> bytes:
    import docx

    buffer = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("要健全容错纠错机制。")
    document.save(buffer)
    return buffer.getvalue()


@FUZZ
@given(cut=st.integers(min_value=1, max_value=400))
def test_truncated_docx_is_refused_clearly(tmp_path_factory, cut: int) -> None:
    data = _docx_bytes()
    path = tmp_path_factory.mktemp("docx") / "t.docx"
    path.write_bytes(data[: len(data) * cut // 401])
    assert read_or_refuse(path) is None


def test_a_hostile_batch_finishes_and_keeps_what_was_stored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    good = seed_documents(folder)[:3]
    (folder / "long-line.txt").write_text("干部" * 600_000, encoding="utf-8")  # 1.2 M chars, 3.6 MB
    (folder / "controls.txt").write_text(
        "\x00\x01\x02要健全容错纠错机制\x1b[31m。", encoding="utf-8"
    )
    (folder / "mixed.txt").write_bytes(
        "要健全容错纠错机制。".encode() + "落实三个区分开来。".encode("gb18030")
    )
    (folder / "script.html").write_text(
        "<html><head><title>通知</title><script>alert(1)</script></head>"
        "<body><p>要健全容错纠错机制。<img src=x onerror=alert(2)></p></body></html>",
        encoding="utf-8",
    )
    bomb = folder / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "0" * 50_000_000)
    (folder / "bad.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    data = tmp_path / "data"
    settings_ = Settings(data_dir=data, max_file_bytes=3_000_000)
    with Store(settings_.store_path) as store:
        first = ingest_paths(good[:1], settings_, store)
        assert len(first.ingested) == 1
        report = ingest_paths([folder], settings_, store)
        failed = {Path(f.path).name: f.error for f in report.failed}
        assert {"long-line.txt", "bomb.docx", "bad.pdf"} <= set(failed)
        assert all(error and "\n" not in error for error in failed.values())
        assert "limit" in failed["long-line.txt"]
        assert len(store.doc_ids()) >= len(good)  # nothing already stored was lost
        html_doc = next(d for d in store.documents() if d.format == "html")
        assert "alert" not in html_doc.text


# --- hostile queries and questions ------------------------------------------


def test_a_runaway_sparql_query_is_stopped(seed_library: Library) -> None:
    runaway = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    started = time.monotonic()
    with pytest.raises(QueryRefused, match="limit"):
        run_query(seed_library.graph, runaway, timeout_s=1.0)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    "question",
    [
        "协议年薪" * 25_000,  # 100 k characters
        "Which regions use 协议年薪 and 一事一奖?",
        "哪些地区 use negotiated annual salaries？",
        "!!!???。。。协议年薪",
        "\x00\x1b 协议年薪",
    ],
)
def test_odd_questions_get_answers_not_crashes(seed_library: Library, question: str) -> None:
    answer = ask(seed_library, question)
    assert isinstance(answer.answer, str) and answer.answer
    text = SEED.read_text(encoding="utf-8")
    for citation in answer.citations:
        assert text[citation.start : citation.end] == citation.quote


@pytest.mark.parametrize("question", ["", "？！。，", "   \n\t ", "..."])
def test_questions_without_content_get_a_clear_error(seed_library: Library, question: str) -> None:
    with pytest.raises(QuestionError, match="empty"):
        ask(seed_library, question)


def test_documents_derived_with_older_rules_are_derived_again_on_open(tmp_path: Path) -> None:
    """Improved rules reach stored documents: the stamp differs, so measures are made again."""
    import sqlite3

    from policykg.ingest.settings import Settings
    from policykg.library import Library

    settings = Settings(data_dir=tmp_path / "data")
    with Library(settings) as library:
        library.ingest([SEED])
        before = sorted((m.key, m.start) for m in library.store.measures())
        triples = library.graph.triple_count()
        assert before and library.store.stale_doc_ids() == []
    # As if the measures had been made by older rules that found nothing.
    with sqlite3.connect(settings.store_path) as db:
        db.execute("DELETE FROM measures")
        db.execute("UPDATE documents SET derived_with = 'older-rules'")
    with Library(settings) as library:
        assert len(library.notices) == 1 and "re-deriving 1 document" in library.notices[0]
        assert sorted((m.key, m.start) for m in library.store.measures()) == before
        assert library.store.stale_doc_ids() == []
        assert library.graph.triple_count() == triples
        assert library.index.search("协议年薪", 3)
    with Library(settings) as library:  # nothing left to do
        assert library.notices == []
