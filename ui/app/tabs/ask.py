"""The Ask tab: a chat with numbered citations, the cited provision beside it, and ``/ask``."""

from __future__ import annotations

from typing import Any

import gradio as gr

from policykg.ingest.models import Citation
from policykg.retrieval.ask import DEFAULT_K, QuestionError, answer_question, ask
from policykg.retrieval.question import Question
from policykg.ui.app.views import answer_markdown, drafter_reference, provision_panel
from policykg.ui.app.wiring import Work, on
from policykg.ui.app.workspace import Workspace

EXAMPLES = [
    "哪些地区实行协议年薪？",
    "Which regions use negotiated annual salaries?",
    "上海和浙江在物质激励方面有何不同?",
    "宁海县的快速响应奖励机制是什么？",
    "Which county runs a 'cadre star' selection?",
    "对江苏推进干部跨区域交流有什么建议？",
]

ChatOutputs = tuple[list[dict], str, Question | None, list[Citation], Any, str, str]


def build(workspace: Workspace) -> None:
    """The chat, its examples, the source list and the provision panel."""
    with gr.Tab("Ask", id="ask"):
        previous = gr.State(None)
        citations = gr.State([])
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="Answers", height=460, elem_id="pk-chat")
                question = gr.Textbox(
                    label="Question (中文 or English)",
                    placeholder="哪些地区实行协议年薪？",
                    submit_btn=True,
                    elem_id="pk-question",
                )
                gr.Examples(EXAMPLES, inputs=question, label="Examples")
            with gr.Column(scale=2):
                sources = gr.Radio(label="Sources — open one", choices=[], elem_id="pk-sources")
                panel = gr.HTML(elem_id="pk-panel")
                reference = gr.Textbox(
                    label="Citation for drafters",
                    buttons=["copy"],
                    interactive=False,
                    elem_id="pk-reference",
                )
    outputs = [chatbot, question, previous, citations, sources, panel, reference]
    on(workspace, question.submit, chat, [question, chatbot, previous], outputs, work=Work.ASK)
    on(
        workspace,
        sources.change,
        open_citation,
        [sources, citations],
        [panel, reference],
        work=Work.ASK,
    )


def ask_json(workspace: Workspace, question: str) -> dict[str, object]:
    """The ``/ask`` endpoint: the same JSON as ``policykg ask --json``.

    Registered by ``server.build_app``, outside the tabs.
    """
    try:
        return ask(workspace.library, question, DEFAULT_K).to_json()
    except QuestionError as error:
        return {"question": question, "error": str(error)}


def chat(
    workspace: Workspace, message: str, history: list[dict], previous: Question | None
) -> ChatOutputs:
    """One turn: the answer in the chat, its sources listed, the first one opened."""
    history = list(history or [])
    history.append({"role": "user", "content": message})
    try:
        answer, question = answer_question(workspace.library, message, DEFAULT_K, previous)
    except QuestionError as error:
        history.append({"role": "assistant", "content": str(error)})
        return history, "", previous, [], gr.update(choices=[], value=None), "", ""
    citations = list(answer.citations)
    history.append({"role": "assistant", "content": answer_markdown(answer)})
    choices = [_choice(n, c) for n, c in enumerate(citations, start=1)]
    first = choices[0][1] if choices else None
    panel, reference = open_citation(workspace, first, citations)
    sources = gr.update(choices=choices, value=first)
    return history, "", question, citations, sources, panel, reference


def open_citation(
    workspace: Workspace, number: str | None, citations: list[Citation]
) -> tuple[str, str]:
    """The provision panel and the drafter's reference of source ``number`` (1-based)."""
    if not number or not citations:
        return "", ""
    citation = citations[int(number) - 1]
    store = workspace.library.store
    return provision_panel(store, citation), drafter_reference(citation)


def _choice(number: int, citation: Citation) -> tuple[str, str]:
    label = f"[{number}] 《{citation.doc_title}》 {citation.section}".strip()
    return label[:90], str(number)
