"""The package's shape: one import path, arrows one way, no cycles, no reach-back."""

from __future__ import annotations

import grimp
import networkx as nx


def _module_graph() -> nx.DiGraph:
    imports = grimp.build_graph("policykg")
    graph = nx.DiGraph()
    for module in imports.modules:
        graph.add_node(module)
        for imported in imports.find_modules_directly_imported_by(module):
            # A package's __init__ is a container here, not an edge worth a cycle.
            graph.add_edge(module, imported)
    return graph


def test_no_import_cycles_between_modules() -> None:
    cycles = list(nx.simple_cycles(_module_graph()))
    assert cycles == []


def test_graph_and_retrieval_never_reach_up_to_the_library_or_the_ui() -> None:
    graph = _module_graph()
    lower = [
        m for m in graph if m.startswith(("policykg.kg", "policykg.retrieval", "policykg.ingest"))
    ]
    for module in lower:
        for imported in graph.successors(module):
            assert not imported.startswith(("policykg.library", "policykg.ui")), (module, imported)


def test_only_one_top_level_import_name_is_installed() -> None:
    import sysconfig
    from importlib.metadata import distributions

    (installed,) = (
        d
        for d in distributions(path=[sysconfig.get_paths()["purelib"]])
        if d.metadata["Name"] == "policykg"
    )
    top_level = {
        str(path).split("/")[0]
        for path in installed.files or []
        if str(path).endswith(".py") and not str(path).startswith("..")
    }
    # An editable install lists only its finder; the wheel lists policykg/ alone.
    assert top_level <= {"policykg", "__editable___policykg_0_1_0_finder.py"}
