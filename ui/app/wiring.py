"""The one way a tab wires a handler: bound to the workspace, under its lock, private
unless named.

A handler is a plain function whose first parameter is the workspace; Gradio sees it
without that parameter (its inputs, a ``gr.Progress`` default, its name and type hints
are read from the signature).
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from contextlib import nullcontext
from typing import Any, Concatenate, ParamSpec, TypeVar

import gradio as gr

from policykg.ui.app.workspace import Workspace

P = ParamSpec("P")
R = TypeVar("R")


def guarded(
    workspace: Workspace, fn: Callable[Concatenate[Workspace, P], R], *, locked: bool = True
) -> Callable[P, R]:
    """``fn`` with the workspace bound as its first argument, run under the workspace lock.

    ``locked=False`` is for a handler that takes ``workspace.lock`` itself, step by step.
    """

    def handler(*args: P.args, **kwargs: P.kwargs) -> R:
        with workspace.lock if locked else nullcontext():
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
    api_name: str | None = None,
    locked: bool = True,
) -> None:
    """Wire ``fn(workspace, *inputs)`` to ``triggers`` (``None``: the page load).

    The endpoint is private unless it has an ``api_name``; see ``guarded`` for ``locked``.
    """
    gr.on(
        triggers,
        guarded(workspace, fn, locked=locked),
        inputs,
        outputs,
        api_name=api_name,
        api_visibility="public" if api_name else "private",
    )


def api(workspace: Workspace, fn: Callable[..., Any], api_name: str) -> None:
    """A named public API endpoint with no component: ``fn(workspace, *arguments)``, locked."""
    gr.api(guarded(workspace, fn), api_name=api_name)


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
