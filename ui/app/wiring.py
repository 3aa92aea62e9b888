"""The one way a tab wires a handler: bound to the workspace, in its lane of work, under
the lock in the mode that work needs, private unless named.

A handler is a plain function whose first parameter is the workspace; Gradio sees it
without that parameter (its inputs, a ``gr.Progress`` default, its name and type hints
are read from the signature).

Each kind of work (``Work``) is a Gradio concurrency group of its own with its own
limit, so a question never queues behind a SPARQL query, an export or an upload;
and reads share the library lock, so a question never waits on a running one
either. Only changes to the library (upload, remove, re-index) hold it alone, and an
upload or a re-index only while it writes: reading, parsing and embedding a file, or
building the new index, share the library with the questions.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from enum import Enum
from typing import Any, Concatenate, ParamSpec, TypeVar

import gradio as gr

from policykg.ui.app.workspace import Workspace

P = ParamSpec("P")
R = TypeVar("R")


class Access(Enum):
    """How a kind of work holds the library lock."""

    READ = "read"  # shared with other reads
    WRITE = "write"  # alone


class Work(Enum):
    """The kinds of work the app does; each a Gradio concurrency group (its id: the value)."""

    ASK = "ask"  # questions (chat and /ask), opening a cited provision
    BROWSE = "browse"  # compare, graph, the lists filled on page load
    SPARQL = "sparql"  # a user's query: a process each, stopped when a writer waits
    EXPORT = "export"  # the whole graph written to a file
    WRITE = "write"  # upload, remove, re-index: the library changes


@dataclass(frozen=True, slots=True)
class Lane:
    """How many of one kind of work run at once, and how each holds the lock."""

    limit: int
    access: Access


# Two cores: a few questions at once, one SPARQL process, one export, one change.
LANES = {
    Work.ASK: Lane(4, Access.READ),
    Work.BROWSE: Lane(2, Access.READ),
    Work.SPARQL: Lane(1, Access.READ),
    Work.EXPORT: Lane(1, Access.READ),
    Work.WRITE: Lane(1, Access.WRITE),
}


def _held(workspace: Workspace, access: Access) -> AbstractContextManager[object]:
    return workspace.lock.read() if access is Access.READ else workspace.lock.write()


def guarded(
    workspace: Workspace,
    fn: Callable[Concatenate[Workspace, P], R],
    work: Work,
    *,
    locked: bool = True,
) -> Callable[P, R]:
    """``fn`` with the workspace bound as its first argument, run under the lock as ``work`` needs.

    ``locked=False`` is for a handler that takes ``workspace.lock`` itself, step by step
    (an upload or a re-index, shared to prepare and alone to write; a SPARQL query, stoppable).
    """
    access = LANES[work].access

    def handler(*args: P.args, **kwargs: P.kwargs) -> R:
        with _held(workspace, access) if locked else nullcontext():
            return fn(workspace, *args, **kwargs)

    _present_as(handler, fn)
    return handler


def on(
    workspace: Workspace,
    triggers: Any,
    fn: Callable[..., Any],
    inputs: Any = None,
    outputs: Any = None,
    *,
    work: Work,
    api_name: str | None = None,
    locked: bool = True,
) -> None:
    """Wire ``fn(workspace, *inputs)`` to ``triggers`` (``None``: the page load) in ``work``'s lane.

    The endpoint is private unless it has an ``api_name``; see ``guarded`` for ``locked``.
    """
    gr.on(
        triggers,
        guarded(workspace, fn, work, locked=locked),
        inputs,
        outputs,
        api_name=api_name,
        api_visibility="public" if api_name else "private",
        concurrency_id=work.value,
        concurrency_limit=LANES[work].limit,
    )


def api(workspace: Workspace, fn: Callable[..., Any], api_name: str, work: Work) -> None:
    """A named public API endpoint with no component: ``fn(workspace, *arguments)``."""
    gr.api(
        guarded(workspace, fn, work),
        api_name=api_name,
        concurrency_id=work.value,
        concurrency_limit=LANES[work].limit,
    )


def _present_as(handler: Callable[..., Any], fn: Callable[..., Any]) -> None:
    """Give ``handler`` fn's signature, type hints and name, less the bound workspace."""
    signature = inspect.signature(fn)
    first, *rest = signature.parameters.values()
    try:  # resolved here, in fn's module, where its annotations' names live
        hints = typing.get_type_hints(fn)
    except NameError:
        hints = dict(fn.__annotations__)
    hints.pop(first.name, None)
    handler.__signature__ = signature.replace(parameters=rest)  # type: ignore[attr-defined]
    handler.__annotations__ = hints
    handler.__name__ = fn.__name__
    handler.__qualname__ = fn.__qualname__
    handler.__doc__ = fn.__doc__
