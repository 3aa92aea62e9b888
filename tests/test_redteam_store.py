"""Nothing lost, nothing hangs: the red-team pass on the store, the graph and the indexes.

Each test replays one attack on a real data dir (SQLite, Oxigraph, FAISS, the
real embedding model) and checks that no document is lost, that a damaged or
missing file gives one readable line, and that removed text leaves the disk.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policykg.ingest.pipeline import ingest_paths
from policykg.ingest.readers import read_document
from policykg.ingest.settings import Settings
from policykg.ingest.store import Store
from policykg.kg.graph import GraphStoreDamaged
from policykg.kg.validate import validate_graph
from policykg.library import DataDirRefused, Library
from policykg.ui.cli import app
from tests.test_reliability import seed_documents

SALARY = "协议年薪"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed command line in a process of its own, as a user runs it."""
    command = [sys.executable, "-m", "policykg.ui.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    """stderr without the warnings Python libraries print on import."""
    return [
        line
        for line in result.stderr.strip().splitlines()
        if line.strip() and "Warning" not in line and "import pkg_resources" not in line
    ]


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by relative path, with its SHA-256."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with four small real documents, built once; tests work on copies."""
    base = tmp_path_factory.mktemp("built")
    sources = seed_documents(base / "in")[:4]
    with Library(Settings(data_dir=base / "data")) as library:
        report = library.ingest(sources)
        assert len(report.ingested) == 4 and not report.failed
    return base / "data"


@pytest.fixture
def data_dir(built: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(built, copy)
    return copy


# --- 1. two uploads with one name -----------------------------------------------


def test_two_uploads_named_alike_are_two_searchable_documents(tmp_path: Path) -> None:
    from policykg.ui.app.tabs.library import documents_table, upload
    from policykg.ui.app.workspace import Workspace

    first, second = tmp_path / "a" / "通知.txt", tmp_path / "b" / "通知.txt"
    for path, text in (
        (first, "关于薪酬的通知\n一、各地要推行协议年薪制度，激励干部担当作为。\n"),
        (second, "关于容错的通知\n一、各地要健全容错纠错机制，为担当者担当。\n"),
    ):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    with Library(Settings(data_dir=tmp_path / "data")) as library:
        workspace = Workspace(library)
        outcomes, _, _ = upload(workspace, [str(first), str(second)])
        assert [row[1] for row in outcomes] == ["ingested", "ingested"]
        documents = library.store.documents()
        assert len(documents) == 2
        assert [row[-1] for row in documents_table(workspace)] == ["通知.txt", "通知.txt"]
        for word, source in ((SALARY, first), ("容错纠错", second)):
            hit = library.index.search(word, 1)[0]
            provision = library.store.provision(hit.provision_id)
            assert provision is not None and word in provision.text
            document = library.store.document(provision.doc_id)
            assert document is not None and document.text == source.read_text(encoding="utf-8")
        again, _, _ = upload(workspace, [str(first)])
        assert again[0][1] == "unchanged"
        kept = [Path(d.source_path) for d in documents]
        assert all(path.is_file() for path in kept)
        assert library.remove(documents[0].doc_id)
        assert not kept[0].exists() and kept[1].is_file()  # the app's copy goes with it


# --- 2. the store is the record ---------------------------------------------------


@pytest.mark.parametrize(
    "command", [("ask", SALARY), ("documents",), ("reindex",), ("reindex", "--graph")]
)
def test_a_missing_store_is_refused_and_nothing_changes(
    data_dir: Path, command: tuple[str, ...]
) -> None:
    (data_dir / "policykg.sqlite").unlink()
    before = fingerprint(data_dir)
    result = cli(*command, "--data-dir", str(data_dir))
    assert result.returncode != 0
    lines = error_lines(result)
    assert len(lines) == 1, lines
    assert "policykg.sqlite is missing" in lines[0] and "nothing was changed" in lines[0]
    assert "restore" in lines[0]
    assert fingerprint(data_dir) == before  # no store created, no graph or index emptied


def test_an_unreadable_store_is_refused_and_nothing_changes(data_dir: Path) -> None:
    store = data_dir / "policykg.sqlite"
    store.write_bytes(b"this is not a database " * 200)
    before = fingerprint(data_dir)
    with pytest.raises(DataDirRefused, match="unreadable") as refused:
        Library(Settings(data_dir=data_dir))
    assert "\n" not in str(refused.value) and "restore" in str(refused.value)
    rebuild = CliRunner().invoke(app, ["reindex", "--graph", "--data-dir", str(data_dir)])
    assert rebuild.exit_code == 2 and "is unreadable" in rebuild.stderr
    assert fingerprint(data_dir) == before  # the rebuild deleted nothing first


# --- 3. damaged derived files ---------------------------------------------------


def _truncate_mid_line(path: Path) -> None:
    data = path.read_bytes()
    cut = len(data) // 2
    while data[cut - 1 : cut] == b"\n":
        cut -= 1
    path.write_bytes(data[:cut])


def _truncate_half(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


DAMAGE = {
    "missing": lambda path: path.unlink(),
    "truncated": _truncate_half,
    "cut mid-line": _truncate_mid_line,
}


@pytest.mark.parametrize(
    ("name", "how", "diagnosis"),
    [
        ("dense.faiss", "missing", "dense.faiss is missing"),
        ("dense.faiss", "truncated", "dense.faiss is unreadable"),
        ("lexical.jsonl", "cut mid-line", "lexical.jsonl is truncated or corrupt"),
        ("documents.json", "missing", "documents.json is missing"),
        ("documents.json", "truncated", "documents.json is truncated or corrupt"),
        ("manifest.json", "missing", "manifest.json is missing"),
        ("manifest.json", "truncated", "manifest.json is truncated or corrupt"),
    ],
)
def test_a_damaged_index_file_is_rebuilt_from_the_store(
    data_dir: Path, name: str, how: str, diagnosis: str
) -> None:
    DAMAGE[how](data_dir / "index" / name)
    with Library(Settings(data_dir=data_dir)) as library:
        assert len(library.notices) == 1
        notice = library.notices[0]
        assert f"({diagnosis});" in notice and "rebuilding it from the store" in notice
        stored = set(library.store.doc_ids())
        assert set(library.index.documents) == stored and len(stored) == 4
        provisions = {p.provision_id for p in library.store.provisions()}
        assert library.index.provision_ids() == provisions == library.index.lexical.ids()
        passages = sum(len(p) for p in library.index.passages.values())
        passages += sum(len(items) for items in library.index.items.values())
        assert len(library.index.dense) == len(provisions) + passages
        assert library.index.search(SALARY, 3)
    with Library(Settings(data_dir=data_dir)) as library:  # mended for good
        assert library.notices == []


def test_documents_lists_the_library_though_an_index_file_is_gone(data_dir: Path) -> None:
    (data_dir / "index" / "dense.faiss").unlink()
    result = cli("documents", "--data-dir", str(data_dir), "--format", "json")
    assert result.returncode == 0, result.stderr
    lines = error_lines(result)
    assert len(lines) == 1 and lines[0].startswith("note:") and "dense.faiss is missing" in lines[0]
    assert result.stdout.count('"doc_id"') == 4


def _truncate_biggest_table(graph_dir: Path) -> None:
    biggest = max(graph_dir.glob("*.sst"), key=lambda path: path.stat().st_size)
    biggest.write_bytes(biggest.read_bytes()[:1000])


def test_a_truncated_graph_store_names_itself_and_its_repair(data_dir: Path) -> None:
    _truncate_biggest_table(data_dir / "graph")
    with pytest.raises(GraphStoreDamaged) as damaged:
        Library(Settings(data_dir=data_dir))
    message = str(damaged.value)
    assert "\n" not in message and "graph store" in message
    assert "policykg reindex --graph" in message
    result = cli("documents", "--data-dir", str(data_dir))
    assert result.returncode == 2
    lines = error_lines(result)
    assert len(lines) == 1 and "policykg reindex --graph" in lines[0], lines
    repaired = CliRunner().invoke(app, ["reindex", "--graph", "--data-dir", str(data_dir)])
    assert repaired.exit_code == 0, repaired.output
    with Library(Settings(data_dir=data_dir)) as library:
        stored = set(library.store.doc_ids())
        assert len(stored) == 4 and library.graph.document_ids() == stored
        assert library.graph.rows("SELECT ?p WHERE { ?p pkg:text ?t } LIMIT 1")


# --- 4. removed text leaves the disk ----------------------------------------------

MARKER = "独一无二的标记词甲乙丙丁戊"


def files_holding(folder: Path, text: str) -> list[str]:
    needle = text.encode("utf-8")
    return [
        str(path.relative_to(folder))
        for path in sorted(folder.rglob("*"))
        if path.is_file() and needle in path.read_bytes()
    ]


@pytest.mark.parametrize("how", ["removed", "changed"])
def test_removed_text_is_gone_from_every_file(data_dir: Path, tmp_path: Path, how: str) -> None:
    source = tmp_path / "marked.txt"
    source.write_text(
        f"关于干部激励的通知\n一、各地要{MARKER}，健全容错纠错机制。\n二、落实三个区分开来。\n",
        encoding="utf-8",
    )
    with Library(Settings(data_dir=data_dir)) as library:
        triples = library.graph.triple_count()
        (doc_id,) = library.ingest([source]).ingested
        if how == "changed":
            changed = source.read_text(encoding="utf-8").replace(MARKER, "敢于担当")
            source.write_text(changed, encoding="utf-8")
            assert library.ingest([source]).replaced == (doc_id,)
    if how == "removed":
        removed = CliRunner().invoke(app, ["remove", doc_id, "--data-dir", str(data_dir)])
        assert removed.exit_code == 0, removed.output
    assert files_holding(data_dir, MARKER) == []
    with Library(Settings(data_dir=data_dir)) as library:  # and the library is whole
        stored = set(library.store.doc_ids())
        assert len(stored) == (4 if how == "removed" else 5)
        assert library.graph.document_ids() == stored == set(library.index.documents)
        if how == "removed":
            assert library.graph.triple_count() == triples
        assert validate_graph(library.graph, library.store).conforms
        assert library.index.search(SALARY, 3)


def test_the_graph_keeps_removed_text_without_compaction(data_dir: Path, tmp_path: Path) -> None:
    """The attack itself: Oxigraph alone leaves a removed text in its files."""
    source = tmp_path / "marked.txt"
    source.write_text(f"关于干部激励的通知\n一、各地要{MARKER}。\n", encoding="utf-8")
    settings = Settings(data_dir=data_dir)
    with Library(settings) as library:
        (doc_id,) = library.ingest([source]).ingested
        library.graph.remove_document(doc_id)
        library.graph.flush()
    assert any(name.startswith("graph/") for name in files_holding(data_dir, MARKER))


# --- 5. hidden files, DOCX entities -------------------------------------------------


def test_hidden_files_are_reported_as_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    seed_documents(folder)
    for path in list(folder.iterdir())[1:]:
        path.unlink()
    (folder / ".草稿通知.txt").write_text("关于干部激励的通知\n推行协议年薪。\n", encoding="utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "notes.txt").write_text("不读\n", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")  # not a policy file: nothing to say
    settings = Settings(data_dir=tmp_path / "data")
    with Store(settings.store_path) as store:
        report = ingest_paths([folder], settings, store)
    assert len(report.ingested) == 1 and not report.failed
    skipped = {Path(s.path).name: s.reason for s in report.skipped}
    assert set(skipped) == {".草稿通知.txt", ".git"}
    assert "hidden file" in skipped[".草稿通知.txt"] and "hidden folder" in skipped[".git"]
    command = ["ingest", str(folder), "--data-dir", str(tmp_path / "cli")]
    shown = CliRunner().invoke(app, command)
    assert shown.exit_code == 0
    said = [line for line in shown.stderr.splitlines() if line.startswith("skipped:")]
    assert len(said) == 2 and ".草稿通知.txt" in said[0] + said[1]
    assert "2 skipped" in shown.stdout
    as_json = CliRunner().invoke(app, [*command, "--json"])
    assert '"skipped": [{"path"' in as_json.stdout


def _docx_with_entities(path: Path) -> Path:
    """A real DOCX (python-docx) whose paragraph holds entity references in its w:t."""
    import docx

    plain = path.with_name("plain.docx")
    document = docx.Document()
    document.add_paragraph("PLACEHOLDER")
    document.add_paragraph("第二条 落实三个区分开来。")
    document.save(str(plain))
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8").replace(
                    "?>",
                    '?>\n<!DOCTYPE w:document [<!ENTITY co "公司">'
                    ' <!ENTITY ext SYSTEM "file:///etc/hostname">]>',
                    1,
                )
                xml = xml.replace(
                    "PLACEHOLDER", "第一条 住房&co;医疗&amp;保障&ext;落实到位，后文不能丢。"
                )
                data = xml.encode("utf-8")
            target.writestr(item, data)
    return path


def test_a_docx_entity_keeps_the_rest_of_its_paragraph(tmp_path: Path) -> None:
    path = _docx_with_entities(tmp_path / "entities.docx")
    document = read_document(path, Settings(data_dir=tmp_path))
    lines = document.text.splitlines()
    assert lines[0] == "第一条 住房公司医疗&保障&ext;落实到位，后文不能丢。"
    assert lines[1] == "第二条 落实三个区分开来。"
