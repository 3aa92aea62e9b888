"""The Ask tab: a chat whose answers keep their own numbered citations, filters shown as
chips, the cited provision beside the chat, and ``/ask``.

Every answer's [n] is a link; a click on it (in any answer, not only the latest) opens
that answer's citation n in the side panel. "Clear" starts a new conversation: no
remembered region or topic, an empty side panel.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import gradio as gr

from policykg.ingest.models import Citation, DocKind
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.ask import DEFAULT_K, QuestionError, answer_question, ask
from policykg.retrieval.facets import FacetError, Facets, facet_labels, parse_facets
from policykg.retrieval.question import Question
from policykg.ui.app.views import (
    answer_markdown,
    drafter_reference,
    facet_chips,
    provision_panel,
)
from policykg.ui.app.wiring import Work, on
from policykg.ui.app.workspace import Workspace, region_choices

EXAMPLES = [
    "哪些地区实行协议年薪？",
    "Which regions use negotiated annual salaries?",
    "上海和浙江在物质激励方面有何不同?",
    "宁海县的快速响应奖励机制是什么？",
    "Which county runs a 'cadre star' selection?",
    "对江苏推进干部跨区域交流有什么建议？",
]
SOURCES_LABEL = "Sources — open one"

# A click on an answer's [n] (a link ``views.cite_link`` writes: #pk-cite-<answer>-<n>)
# reaches the server as the panel's select event. Set once per page, on the document:
# the chat re-renders its messages, so listeners on the links themselves would be lost.
CITE_CLICK_JS = """
if (window.pkCiteClick) document.removeEventListener('click', window.pkCiteClick, true);
window.pkCiteClick = (event) => {
  const link = event.target.closest && event.target.closest('#pk-chat a[href^="#pk-cite-"]');
  if (!link) return;
  const found = /^#pk-cite-(\\d+)-(\\d+)$/.exec(link.getAttribute('href') || '');
  if (!found) return;
  event.preventDefault();
  event.stopPropagation();
  trigger('select', {index: [Number(found[1]), Number(found[2])], value: link.textContent});
};
document.addEventListener('click', window.pkCiteClick, true);
"""

# The chat's outputs: history, the cleared box, the remembered question, every answer's
# citations, the answer whose sources are listed, the list, the panel, the reference.
ChatOutputs = tuple[list[dict], str, Question | None, list[list[Citation]], int, Any, Any, Any]


@dataclass(frozen=True, slots=True)
class FacetFields:
    """The filter components, in the order the handlers take their values."""

    regions: Any
    types: Any
    documents: Any
    kinds: Any
    date_from: Any
    date_to: Any
    in_force: Any

    def all(self) -> list[Any]:
        return [
            self.regions,
            self.types,
            self.documents,
            self.kinds,
            self.date_from,
            self.date_to,
            self.in_force,
        ]


def build(workspace: Workspace) -> None:
    """The filters and their chips, the chat, its examples, the sources and the panel."""
    with gr.Tab("Ask", id="ask") as tab:
        previous = gr.State(None)
        turns = gr.State([])
        shown = gr.State(0)
        with gr.Row():
            with gr.Column(scale=3):
                fields = _filters()
                chips = gr.HTML(facet_chips([]), elem_id="pk-facet-chips")
                chatbot = gr.Chatbot(label="Answers", height=460, elem_id="pk-chat")
                question = gr.Textbox(
                    label="Question (中文 or English)",
                    placeholder="哪些地区实行协议年薪？",
                    submit_btn=True,
                    elem_id="pk-question",
                )
                gr.Examples(EXAMPLES, inputs=question, label="Examples")
            with gr.Column(scale=2):
                sources = gr.Radio(label=SOURCES_LABEL, choices=[], elem_id="pk-sources")
                panel = gr.HTML(elem_id="pk-panel", js_on_load=CITE_CLICK_JS)
                reference = gr.Textbox(
                    label="Citation for drafters",
                    buttons=["copy"],
                    interactive=False,
                    elem_id="pk-reference",
                )
    conversation = [previous, turns, shown, sources, panel, reference]
    outputs = [chatbot, question, *conversation]
    inputs = [question, chatbot, previous, turns, shown, *fields.all()]
    on(workspace, question.submit, chat, inputs, outputs, work=Work.ASK)
    on(
        workspace,
        sources.change,
        open_source,
        [sources, turns, shown],
        [panel, reference],
        work=Work.ASK,
    )
    on(
        workspace,
        panel.select,
        open_marker,
        [turns],
        [shown, sources, panel, reference],
        work=Work.ASK,
    )
    on(workspace, chatbot.clear, new_conversation, None, conversation, work=Work.ASK)
    facet_changes = [component.change for component in fields.all()]
    on(workspace, facet_changes, show_chips, fields.all(), chips, work=Work.ASK)
    for trigger in (None, tab.select):  # None: the page load
        on(
            workspace,
            trigger,
            fill_filters,
            None,
            [fields.regions, fields.documents],
            work=Work.BROWSE,
        )


def _filters() -> FacetFields:
    """The facets of a question (北大法宝's 地区, 效力级别, 发布日期, 时效), folded away."""
    types = [(f"{t.label_zh} {t.label_en}", t.code) for t in load_vocabulary().types]
    with gr.Accordion("Filters 筛选 (region, type, document, kind, date, in force)", open=False):
        with gr.Row():
            regions = gr.Dropdown(
                label="Regions 地区 (with their sub-regions)",
                multiselect=True,
                choices=[],
                elem_id="pk-facet-regions",
            )
            kinds = gr.Dropdown(
                label="Incentive types 类型",
                multiselect=True,
                choices=types,
                elem_id="pk-facet-types",
            )
        with gr.Row():
            documents = gr.Dropdown(
                label="Documents 文件", multiselect=True, choices=[], elem_id="pk-facet-documents"
            )
            doc_kinds = gr.Dropdown(
                label="Document kind 效力级别",
                multiselect=True,
                choices=[k.value for k in DocKind],
                elem_id="pk-facet-kinds",
            )
        with gr.Row():
            date_from = gr.Textbox(
                label="Dated from 起", placeholder="2020 or 2020-05-01", elem_id="pk-facet-from"
            )
            date_to = gr.Textbox(
                label="Dated to 止", placeholder="2024-12-31", elem_id="pk-facet-to"
            )
            in_force = gr.Checkbox(label="In force only 仅现行有效", elem_id="pk-facet-in-force")
    return FacetFields(regions, kinds, documents, doc_kinds, date_from, date_to, in_force)


def fill_filters(workspace: Workspace) -> tuple[Any, Any]:
    """On page load and on opening the tab: the regions and documents the library holds now."""
    documents = workspace.library.catalog().documents.values()
    titles = sorted((f"《{d.title}》 {d.doc_id[:8]}", d.doc_id) for d in documents)
    return gr.update(choices=region_choices(workspace)), gr.update(choices=titles)


def facets_from(
    workspace: Workspace,
    regions: list[str] | None,
    types: list[str] | None,
    documents: list[str] | None,
    kinds: list[str] | None,
    date_from: str | None,
    date_to: str | None,
    in_force: bool | None,
) -> Facets:
    """The filters' values checked against the library (``FacetError`` names a bad one)."""
    library = workspace.library
    return parse_facets(
        library.store,
        library.gazetteer,
        regions=regions or (),
        types=types or (),
        documents=documents or (),
        kinds=kinds or (),
        date_from=date_from,
        date_to=date_to,
        in_force=bool(in_force),
    )


def show_chips(
    workspace: Workspace,
    regions: list[str] | None,
    types: list[str] | None,
    documents: list[str] | None,
    kinds: list[str] | None,
    date_from: str | None,
    date_to: str | None,
    in_force: bool | None,
) -> str:
    """The active filters as chips, or why they are refused (a date that is no date)."""
    values = (regions, types, documents, kinds, date_from, date_to, in_force)
    try:
        facets = facets_from(workspace, *values)
    except FacetError as error:
        return facet_chips([], f"Filter refused: {error}")
    library = workspace.library
    return facet_chips(facet_labels(facets, library.gazetteer, library.catalog()))


def ask_json(
    workspace: Workspace,
    question: str,
    regions: list[str] | None = None,
    types: list[str] | None = None,
    documents: list[str] | None = None,
    kinds: list[str] | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    in_force: bool = False,
) -> dict[str, object]:
    """The ``/ask`` endpoint: the same JSON as ``policykg ask --json`` with the same facets.

    ``regions``, ``types``, ``documents`` and ``kinds`` take what ``--region``, ``--type``,
    ``--doc`` and ``--doc-kind`` take; ``date_from``/``date_to`` are ``--from``/``--to``.
    Registered by ``server.build_app``, outside the tabs.
    """
    try:
        facets = facets_from(
            workspace, regions, types, documents, kinds, date_from, date_to, in_force
        )
        return ask(workspace.library, question, DEFAULT_K, facets=facets).to_json()
    except (QuestionError, FacetError) as error:
        return {"question": question, "error": str(error)}


def chat(
    workspace: Workspace,
    message: str,
    history: list[dict],
    previous: Question | None,
    turns: list[list[Citation]],
    shown: int,
    regions: list[str] | None,
    types: list[str] | None,
    documents: list[str] | None,
    kinds: list[str] | None,
    date_from: str | None,
    date_to: str | None,
    in_force: bool | None,
) -> ChatOutputs:
    """One turn: the answer in the chat with its own sources, listed and the first opened."""
    history = [*(history or []), {"role": "user", "content": message}]
    turns = list(turns or [])
    library = workspace.library
    try:
        facets = facets_from(
            workspace, regions, types, documents, kinds, date_from, date_to, in_force
        )
        answer, question = answer_question(library, message, DEFAULT_K, previous, facets=facets)
    except (QuestionError, FacetError) as error:
        refused = f"Filter refused: {error}" if isinstance(error, FacetError) else str(error)
        history.append({"role": "assistant", "content": refused})
        return history, "", previous, turns, shown, gr.update(), gr.update(), gr.update()
    turns.append(list(answer.citations))
    turn = len(turns)
    labels = facet_labels(facets, library.gazetteer, library.catalog())
    history.append({"role": "assistant", "content": answer_markdown(answer, turn, labels)})
    sources, panel, reference = _open(workspace, turns, turn, 1)
    return history, "", question, turns, turn, sources, panel, reference


def open_marker(
    workspace: Workspace, turns: list[list[Citation]], event: gr.SelectData
) -> tuple[int, Any, Any, Any]:
    """A click on [n] of answer t in the chat: that answer's sources listed, n opened."""
    turn, number = (int(part) for part in event.index)
    if not 1 <= turn <= len(turns or []):
        return 0, gr.update(), gr.update(), gr.update()  # an answer of a cleared chat
    return turn, *_open(workspace, turns, turn, number)


def open_source(
    workspace: Workspace, number: str | None, turns: list[list[Citation]], shown: int
) -> tuple[str, str]:
    """The source chosen in the list: the panel and the drafter's reference."""
    if not number or not 1 <= shown <= len(turns or []):
        return "", ""
    return _citation_views(workspace, turns[shown - 1], shown, int(number))


def new_conversation(workspace: Workspace) -> tuple[None, list, int, Any, str, str]:
    """Clear: no remembered region or topic, no answers' sources, an empty panel."""
    empty = gr.update(choices=[], value=None, label=SOURCES_LABEL)
    return None, [], 0, empty, "", ""


def _open(
    workspace: Workspace, turns: list[list[Citation]], turn: int, number: int
) -> tuple[Any, str, str]:
    """The sources list of answer ``turn`` with ``number`` chosen, its panel and reference."""
    citations = turns[turn - 1]
    choices = [_choice(n, c) for n, c in enumerate(citations, start=1)]
    label = f"Sources of answer {turn} — " + ("open one" if citations else "none")
    if not citations:
        return gr.update(choices=[], value=None, label=label), "", ""
    number = min(max(number, 1), len(citations))
    sources = gr.update(choices=choices, value=str(number), label=label)
    return sources, *_citation_views(workspace, citations, turn, number)


def _citation_views(
    workspace: Workspace, citations: list[Citation], turn: int, number: int
) -> tuple[str, str]:
    if not 1 <= number <= len(citations):
        return "", ""
    citation = citations[number - 1]
    heading = f"Answer {turn} · source [{number}] · {citation.locator or citation.section}"
    store = workspace.library.store
    return provision_panel(store, citation, heading), drafter_reference(citation)


def _choice(number: int, citation: Citation) -> tuple[str, str]:
    label = f"[{number}] 《{citation.doc_title}》 {citation.section}".strip()
    return label[:90], str(number)
