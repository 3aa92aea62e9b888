"""Question commands: ask, eval, reindex."""

from __future__ import annotations

import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from policykg.ingest.models import DocKind
from policykg.ingest.records import Answer, citation_json
from policykg.ingest.references import CiteStyle, reference
from policykg.ingest.storeurl import EmbeddedStore
from policykg.ingest.vocab import load_vocabulary
from policykg.library import DataDirRefused, Library, check_store_readable
from policykg.retrieval.ask import DEFAULT_K, QuestionError, ask
from policykg.retrieval.evaluate import evaluate, load_questions
from policykg.retrieval.facets import FacetError, Facets, parse_facets
from policykg.retrieval.index import SearchIndex
from policykg.ui.cli_common import (
    AsOfOption,
    DataDir,
    FormatOption,
    JsonFlag,
    OutputFormat,
    as_of_day,
    chosen_format,
    fail,
    open_library,
    print_csv,
    print_json,
    settings_from,
)

CITATION_COLUMNS = (
    "number",
    "doc_id",
    "doc_title",
    "provision_id",
    "section",
    "locator",
    "start",
    "end",
    "quote",
    "source_path",
    "issuer",
    "doc_number",
    "date",
    "doc_kind",
    "in_force",
    "author",
    "reference",
)
CiteStyleOption = Annotated[
    CiteStyle,
    typer.Option(
        "--cite-style",
        help="Reference style of each citation: legal 《标题》（发文机关 文号，日期）第X条,"
        " or gbt7714 (GB/T 7714-2015).",
    ),
]
# The facets of a question (北大法宝's 地区, 效力级别, 发布日期, 时效): each may repeat.
RegionFacet = Annotated[
    list[str] | None,
    typer.Option(
        "--region",
        metavar="NAME",
        help="Only provisions about this region or below it (浙江, Zhejiang, a code).",
    ),
]
TypeFacet = Annotated[
    list[str] | None,
    typer.Option(
        "--type",
        metavar="CODE",
        help=f"Only provisions stating a measure of this type: {', '.join(load_vocabulary().codes)}.",
    ),
]
DocFacet = Annotated[
    list[str] | None,
    typer.Option("--doc", metavar="DOC_ID", help="Only this document (its id or a unique prefix)."),
]
KindFacet = Annotated[
    list[str] | None,
    typer.Option(
        "--doc-kind",
        metavar="KIND",
        help="Only documents of this kind: "
        + ", ".join(f"{k.name.lower()} ({k.value})" for k in DocKind)
        + ".",
    ),
]
DateFrom = Annotated[
    str | None,
    typer.Option("--from", metavar="YYYY[-MM[-DD]]", help="Only documents dated on or after."),
]
DateTo = Annotated[
    str | None,
    typer.Option("--to", metavar="YYYY[-MM[-DD]]", help="Only documents dated on or before."),
]
InForce = Annotated[
    bool,
    typer.Option("--in-force", help="Leave out versions superseded or repealed (现行有效 only)."),
]
# The per-question fields of an eval report (attributes of a score), in column order.
SCORE_COLUMNS = (
    "id",
    "passed",
    "region_precision",
    "region_recall",
    "fragments_cited",
    "citations_verbatim",
    "first_correct_rank",
)


def ask_command(
    ctx: typer.Context,
    question: Annotated[
        str | None, typer.Argument(help="The question, in Chinese or English.")
    ] = None,
    questions: Annotated[
        Path | None,
        typer.Option(
            "--questions",
            help='A JSONL file of {"id", "question"} lines; one JSON answer per line, same order.',
        ),
    ] = None,
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="Provisions retrieved.")] = DEFAULT_K,
    cite_style: CiteStyleOption = CiteStyle.LEGAL,
    as_of: AsOfOption = None,
    region: RegionFacet = None,
    incentive_type: TypeFacet = None,
    doc: DocFacet = None,
    doc_kind: KindFacet = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    in_force: InForce = False,
    data_dir: DataDir = None,
    output: FormatOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Answer a question with verbatim, numbered citations (csv: one row per citation).

    Versions in force are preferred, and a quote of an older version says so. The
    facet options (--region, --type, --doc, --doc-kind, --from, --to, --in-force)
    restrict what the answer draws on, as the app's filters and ``/ask`` do.
    """
    facet_input = FacetInput(
        tuple(region or ()),
        tuple(incentive_type or ()),
        tuple(doc or ()),
        tuple(doc_kind or ()),
        date_from,
        date_to,
        in_force,
    )
    chosen = chosen_format(output, as_json)
    day = as_of_day(as_of)
    if (question is None) == (questions is None):
        raise fail("give a QUESTION or --questions FILE.jsonl (one of them)")
    if questions is not None:
        if chosen is OutputFormat.CSV:
            raise fail("--questions prints JSON lines; --format csv is for one question")
        _ask_batch(ctx, _read_batch(questions), k, data_dir, cite_style, day, facet_input)
        return
    with open_library(settings_from(ctx, data_dir)) as library:
        facets = facet_input.parse(library)
        try:
            answer = ask(library, question or "", k, day, facets)
        except QuestionError as error:
            raise fail(str(error)) from None
    if chosen is OutputFormat.JSON:
        print_json(answer.to_json(cite_style))
    elif chosen is OutputFormat.CSV:
        print_csv(CITATION_COLUMNS, _citation_rows(answer, cite_style))
    else:
        _print_answer(answer, cite_style)


def _ask_batch(
    ctx: typer.Context,
    batch: list[tuple[object, str]],
    k: int,
    data_dir: Path | None,
    cite_style: CiteStyle,
    as_of: str | None,
    facet_input: FacetInput,
) -> None:
    """One JSON line per question, in order; a bad question gets ``error`` and the rest go on."""
    with open_library(settings_from(ctx, data_dir)) as library:
        facets = facet_input.parse(library)
        for question_id, text in batch:
            try:
                answer = ask(library, text, k, as_of, facets)
            except QuestionError as error:
                print_json({"id": question_id, "question": text, "error": str(error)})
                continue
            print_json({"id": question_id, **answer.to_json(cite_style)})


@dataclass(frozen=True, slots=True)
class FacetInput:
    """The facet options as typed, checked against the library once it is open."""

    regions: tuple[str, ...]
    types: tuple[str, ...]
    documents: tuple[str, ...]
    kinds: tuple[str, ...]
    date_from: str | None
    date_to: str | None
    in_force: bool

    def parse(self, library: Library) -> Facets:
        """The facets, or one error line naming the bad value."""
        try:
            return parse_facets(
                library.store,
                library.gazetteer,
                regions=self.regions,
                types=self.types,
                documents=self.documents,
                kinds=self.kinds,
                date_from=self.date_from,
                date_to=self.date_to,
                in_force=self.in_force,
            )
        except FacetError as error:
            raise fail(str(error)) from None


def _citation_rows(answer: Answer, style: CiteStyle) -> list[list[object]]:
    """One row per citation: its number, then the citation object's fields by name."""
    rows = []
    for number, citation in enumerate(answer.citations, start=1):
        fields = {"number": number, **citation_json(citation, style)}
        rows.append([fields[column] for column in CITATION_COLUMNS])
    return rows


def _read_batch(path: Path) -> list[tuple[object, str]]:
    if not path.is_file():
        raise fail(f"no such file: {path}")
    batch = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            batch.append((row.get("id"), str(row["question"])))
        except (json.JSONDecodeError, KeyError, AttributeError):
            raise fail(f'{path}:{number}: expected {{"id": …, "question": "…"}}') from None
    return batch


def _print_answer(answer: Answer, style: CiteStyle) -> None:
    """The answer, then each source: its reference, the span, the quote."""
    console = Console()
    console.print(answer.answer, highlight=False, markup=False)
    for number, citation in enumerate(answer.citations, start=1):
        section = f" {citation.section}" if citation.section else ""
        where = reference(citation, style) + section
        console.print(
            f"[{number}] {where} [{citation.start}:{citation.end}]\n    {citation.quote}",
            highlight=False,
            markup=False,
        )


def eval_command(
    ctx: typer.Context,
    questions: Annotated[
        Path, typer.Argument(help="Question file (JSONL, the format of dev_questions.jsonl).")
    ],
    k: Annotated[int, typer.Option("-k", min=1, max=100, help="Recall@k cut-off.")] = DEFAULT_K,
    data_dir: DataDir = None,
    output: FormatOption = None,
    as_json: JsonFlag = False,
) -> None:
    """Score answers: region precision/recall, fragments cited, verbatim citations, Recall@k, MRR."""
    chosen = chosen_format(output, as_json)
    if not questions.is_file():
        raise fail(f"no such file: {questions}")
    try:
        loaded = load_questions(questions)
    except (json.JSONDecodeError, KeyError) as error:
        raise fail(f"{questions}: not a question file ({error})") from None
    with open_library(settings_from(ctx, data_dir)) as library:
        run = evaluate(library, loaded, k)
    rows = [{key: getattr(score, key) for key in SCORE_COLUMNS} for score in run.scores]
    if chosen is OutputFormat.JSON:
        print_json({"summary": run.summary, "questions": rows})
    elif chosen is OutputFormat.CSV:  # the questions; the summary is their aggregate
        print_csv(SCORE_COLUMNS, [[row[key] for key in SCORE_COLUMNS] for row in rows])
    else:
        table = Table("id", "passed", "region P", "region R", "fragments", "verbatim", "rank")
        for row in rows:
            table.add_row(*(str(row[key]) for key in row))
        console = Console()
        console.print(table)
        console.print(" ".join(f"{key}={value}" for key, value in run.summary.items()))
    if run.summary["passed"] < run.summary["questions"]:
        raise typer.Exit(1)


def reindex(
    ctx: typer.Context,
    data_dir: DataDir = None,
    graph: Annotated[
        bool,
        typer.Option(
            "--graph", help="Rebuild the embedded graph store from the store too (when damaged)."
        ),
    ] = False,
) -> None:
    """Rebuild the search indexes (and with --graph the graph store) from the store."""
    settings = settings_from(ctx, data_dir)
    try:
        check_store_readable(settings)  # never remove what the store could not rebuild
    except DataDirRefused as error:
        raise fail(str(error)) from None
    if graph and not isinstance(settings.store, EmbeddedStore):
        raise fail("--graph rebuilds the embedded graph store; this data dir uses a server")
    # The old index may be refused on open (a manifest mismatch): remove it first.
    shutil.rmtree(settings.index_dir, ignore_errors=True)
    if graph:
        shutil.rmtree(settings.graph_dir, ignore_errors=True)
    with open_library(settings) as library:
        index: SearchIndex = library.index
        documents, provisions = len(index.documents), len(index.provision_ids())
    rebuilt = " (and the graph store)" if graph else ""
    sys.stdout.write(f"reindexed {documents} documents, {provisions} provisions{rebuilt}\n")
