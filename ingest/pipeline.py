"""The ingest stage: files in, ``ParsedDocument``s stored, one document at a time."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Protocol, TypeVar

from policykg.ingest.document_region import document_region
from policykg.ingest.extract import extract_measures
from policykg.ingest.gazetteer import load_gazetteer
from policykg.ingest.meta_fields import MetaCorrection
from policykg.ingest.metadata import corrected
from policykg.ingest.models import Document, IngestError, ParsedDocument, RegionMention
from policykg.ingest.readers import iter_source_files, read_document
from policykg.ingest.regions import link_regions
from policykg.ingest.settings import Settings
from policykg.ingest.store import Freshness, Store
from policykg.ingest.structure import parse_structure
from policykg.ingest.vocab import load_vocabulary

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class FailedFile:
    path: str
    error: str


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file or folder left out on purpose (a hidden one), and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class IngestReport:
    ingested: tuple[str, ...]
    unchanged: tuple[str, ...]
    failed: tuple[FailedFile, ...]
    replaced: tuple[str, ...]
    skipped: tuple[SkippedFile, ...] = ()


# Called after a document is stored, with the ids of the versions it replaced, so
# the graph and the indexes follow the store one document at a time.
OnStored = Callable[[ParsedDocument, list[str]], None]
OnProgress = Callable[[Path, int, int], None]
# Called with a parsed document before it is stored: slow work that only reads (embedding).
OnParsed = Callable[[ParsedDocument], None]


class Guard(Protocol):
    """How a batch holds the library: ``read`` while a file is read, parsed and embedded
    (others may read meanwhile), ``write`` while it is stored and followed (alone)."""

    def read(self) -> AbstractContextManager[object]: ...

    def write(self) -> AbstractContextManager[object]: ...


class Unguarded:
    """No one else uses the library (the CLI)."""

    def read(self) -> AbstractContextManager[object]:
        return nullcontext()

    def write(self) -> AbstractContextManager[object]:
        return nullcontext()


@dataclass(frozen=True, slots=True)
class Unchanged:
    """A file whose document is stored already, as it is."""

    doc_id: str


def parse_document(
    document: Document, corrections: Iterable[MetaCorrection] = ()
) -> ParsedDocument:
    """Structure, regions and measures of one decoded document, ``corrections`` applied.

    The document's metadata is taken as given (a stored one is read again first:
    ``reread_metadata``); the user's corrections of it go over it.
    """
    gazetteer, vocab = load_gazetteer(), load_vocabulary()
    document = replace(document, meta=corrected(document.meta, document.text, corrections))
    mentions = tuple(link_regions(document.text, gazetteer))
    document = with_document_region(document, mentions)
    if document.meta.region_code:  # 我市, 全省 and shared names need the document's region
        mentions = tuple(
            link_regions(document.text, gazetteer, document_region=document.meta.region_code)
        )
    sections, provisions = parse_structure(document.doc_id, document.text, document.meta.title)
    measures = extract_measures(document, sections, provisions, mentions, gazetteer, vocab)
    return ParsedDocument(document, sections, provisions, mentions, measures)


def with_document_region(document: Document, mentions: Iterable[RegionMention]) -> Document:
    """The document with ``meta.region_code`` set to the region it speaks for, if known."""
    code = document_region(document, mentions, load_gazetteer())
    if code == document.meta.region_code:
        return document
    return replace(document, meta=replace(document.meta, region_code=code))


def ingest_paths(
    paths: Iterable[Path],
    settings: Settings,
    store: Store,
    on_stored: OnStored | None = None,
    on_progress: OnProgress | None = None,
    on_parsed: OnParsed | None = None,
    guard: Guard | None = None,
) -> IngestReport:
    """Ingest files and folders; one bad file never stops the batch.

    Each file is read, parsed and handed to ``on_parsed`` under ``guard.read()``,
    then stored and handed to ``on_stored`` under ``guard.write()``: in the app,
    questions are answered while a large upload is prepared. The guard's writers
    are one at a time (the app's write lane), so nothing changes the store between.

    Example:
        >>> report = ingest_paths([Path("corpus")], settings, store)  # doctest: +SKIP
        >>> report.failed
        ()
    """
    guard = guard or Unguarded()
    ingested: list[str] = []
    unchanged: list[str] = []
    failed: list[FailedFile] = []
    replaced: list[str] = []
    skipped: list[SkippedFile] = []
    files = list(_expand(paths, failed, skipped))
    for index, path in enumerate(files):
        if on_progress:
            on_progress(path, index, len(files))
        with guard.read():
            prepared = _attempt(path, partial(prepare_file, path, settings, store, on_parsed))
        if isinstance(prepared, FailedFile):
            failed.append(prepared)
            continue
        if isinstance(prepared, Unchanged):
            unchanged.append(prepared.doc_id)
            continue
        with guard.write():
            old = _attempt(path, partial(store.add, prepared))
            if on_stored and not isinstance(old, FailedFile):
                on_stored(prepared, old)
        if isinstance(old, FailedFile):
            failed.append(old)
            continue
        ingested.append(prepared.document.doc_id)
        replaced.extend(old)
    if on_progress:
        on_progress(Path(), len(files), len(files))
    return IngestReport(
        tuple(ingested), tuple(unchanged), tuple(failed), tuple(replaced), tuple(skipped)
    )


def prepare_file(
    path: Path, settings: Settings, store: Store, on_parsed: OnParsed | None = None
) -> ParsedDocument | Unchanged:
    """Read and parse one file unless the store holds it unchanged; the store is only read."""
    document = read_document(path, settings)
    if store.freshness(document.source_path, document.doc_id) is Freshness.UNCHANGED:
        return Unchanged(document.doc_id)
    parsed = parse_document(document, store.corrections(document.doc_id, document.source_path))
    if on_parsed:
        on_parsed(parsed)
    return parsed


def _attempt(path: Path, step: Callable[[], T]) -> T | FailedFile:
    """``step()``, or the file's failure: a bug on odd input must not stop the batch."""
    try:
        return step()
    except IngestError as error:
        return FailedFile(str(path), str(error))
    except Exception as error:
        reason = f"{path.name}: could not be processed ({type(error).__name__}: {error})"
        return FailedFile(str(path), reason.splitlines()[0])


def _expand(
    paths: Iterable[Path], failed: list[FailedFile], skipped: list[SkippedFile]
) -> Iterable[Path]:
    def on_skip(path: Path, reason: str) -> None:
        skipped.append(SkippedFile(str(path), reason))

    for path in paths:
        if not path.exists():
            failed.append(FailedFile(str(path), f"{path}: no such file or folder"))
            continue
        yield from iter_source_files([path], on_skip)
