"""One source of truth: rule files load into checked objects; a new incentive type
added to the vocabulary file alone reaches Compare, the Graph view and the exports."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policykg.ingest.records import CompareRow
from policykg.ingest.rules import RulesError, load_measure_rules
from policykg.ingest.settings import Settings
from policykg.ingest.vocab import (
    UnknownIncentiveType,
    incentive_type_code,
    load_types,
    load_vocabulary,
    use_types_file,
)
from policykg.kg.analytics import project
from policykg.kg.compare import compare, comparison_rows, write_comparison_csv
from policykg.kg.export import ExportFormat, export
from policykg.library import Library
from policykg.retrieval.intent_rules import load_intent_rules
from policykg.ui.app import Workspace, type_labels
from policykg.ui.app.network import group_by_iri, network_elements, network_page
from policykg.ui.app.tabs.compare import compare_table
from policykg.ui.app.tabs.graph import network_html
from policykg.ui.cli import app
from tests.conftest import REPO

RULES = REPO / "ingest" / "data" / "measure_rules.json"
INTENTS = REPO / "retrieval" / "data" / "intents.json"
TYPES = REPO / "ingest" / "data" / "incentive_types.json"


def copy_with(tmp_path: Path, source: Path, change: dict[str, object], drop: str = "") -> Path:
    data = json.loads(source.read_text(encoding="utf-8"))
    data.update(change)
    data.pop(drop, None)
    target = tmp_path / source.name
    target.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return target


# --- rules load into checked objects -------------------------------------------


def test_the_shipped_rules_load() -> None:
    rules = load_vocabulary().rules
    assert "建立" in rules.policy_verbs and rules.max_label_chars == 16
    assert load_intent_rules(INTENTS, INTENTS.read_text(encoding="utf-8")).intents


@pytest.mark.parametrize(
    ("change", "drop", "message"),
    [
        ({"policy_verb": ["建立"]}, "policy_verbs", "unknown key 'policy_verb'"),
        ({}, "weak_verbs", "missing key 'weak_verbs'"),
        ({"max_label_chars": "16"}, "", "key 'max_label_chars' must be a int"),
        ({"generic_objects": "作用"}, "", "key 'generic_objects' must be a list"),
        ({"aspect_pattern": "(?P<aspect>[方面"}, "", "key 'aspect_pattern': bad pattern"),
    ],
)
def test_a_bad_rules_file_is_refused_naming_file_and_key(
    tmp_path: Path, change: dict[str, object], drop: str, message: str
) -> None:
    path = copy_with(tmp_path, RULES, change, drop)
    with pytest.raises(RulesError) as caught:
        load_measure_rules(path, path.read_text(encoding="utf-8"))
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_a_bad_intents_file_is_refused_naming_file_and_key(tmp_path: Path) -> None:
    data = json.loads(INTENTS.read_text(encoding="utf-8"))
    data["intents"][1]["intent"] = "facts"
    path = tmp_path / "intents.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(RulesError, match=r"intents\.json: key 'intents\[1\]\.intent': 'facts'"):
        load_intent_rules(path, path.read_text(encoding="utf-8"))
    path = copy_with(tmp_path, INTENTS, {"stopword_zh": []})
    with pytest.raises(RulesError, match="unknown key 'stopword_zh'"):
        load_intent_rules(path, path.read_text(encoding="utf-8"))


def test_a_type_without_a_colour_or_an_unknown_code_is_refused(tmp_path: Path) -> None:
    data = json.loads(TYPES.read_text(encoding="utf-8"))
    del data["types"][2]["colour"]
    with pytest.raises(RulesError, match=r"missing key 'types\[2\]\.colour'"):
        load_types("types.json", json.dumps(data))
    with pytest.raises(UnknownIncentiveType, match=r"'trainig'.*burden_reduction"):
        load_vocabulary().type("trainig")


# --- a new type, added in the vocabulary file only -------------------------------

TRAINING = {
    "code": "training",
    "label_zh": "教育培训",
    "label_en": "cadre training",
    "colour": "#bcbd22",
    "synonyms_zh": ["干部培训"],
    "synonyms_en": ["training", "education"],
    "cues": ["轮训", "学分管理"],
}
DOCUMENT = (
    "浙江省干部教育培训工作情况\n\n一、主要做法\n\n"
    "浙江省建立“年轻干部专题轮训”制度，推行“干部培训学分管理”。\n"
)


@pytest.fixture(scope="module")
def training_library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """A library whose vocabulary has one more type, with one document that uses it."""
    folder = tmp_path_factory.mktemp("training")
    data = json.loads(TYPES.read_text(encoding="utf-8"))
    data["types"].append(TRAINING)
    types_file = folder / "incentive_types.json"
    types_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (folder / "corpus").mkdir()
    (folder / "corpus" / "training.txt").write_text(DOCUMENT, encoding="utf-8")
    use_types_file(types_file)
    try:
        library = Library(Settings(data_dir=folder / "data"))
        report = library.ingest([folder / "corpus"])
        assert not report.failed
        yield library
        library.close()
    finally:
        use_types_file(None)


def test_a_new_type_shows_in_compare(training_library: Library) -> None:
    library = training_library
    result = compare(library.graph, library.store, library.gazetteer, ["330000"])
    assert result.types[-1] == "training"
    rows = comparison_rows(result, library.gazetteer)
    assert {(r.incentive_type, r.measure) for r in rows} == {
        ("training", "年轻干部专题轮训"),
        ("training", "干部培训学分管理"),
    }
    assert all(CompareRow.from_json(row.to_json()) == row for row in rows)
    handle = io.StringIO()
    write_comparison_csv(result, {"330000": "浙江省"}, handle)
    assert {row[1] for row in list(csv.reader(io.StringIO(handle.getvalue())))[1:]} == {"training"}
    # The command line takes its --type choices from the same vocabulary.
    assert incentive_type_code("training") == "training"
    typo = CliRunner().invoke(app, ["compare", "浙江", "--type", "trainig"])
    assert typo.exit_code == 2 and "trainig" in typo.output


def test_a_new_type_shows_in_the_graph_view(training_library: Library) -> None:
    library = training_library
    elements = network_elements(
        project(library.graph, with_provisions=False),
        group_by_iri(library.catalog().measures),
        library.store.citation,
        None,
        ["training"],
        ["adopted", "recommended", "required"],
    )
    nodes = {e["data"]["id"]: e["data"] for e in elements if "source" not in e["data"]}
    (concept,) = [d for d in nodes.values() if d["kind"] == "IncentiveType"]
    assert concept["id"].endswith("/training") and concept["label"] == "教育培训"
    assert concept["colour"] == "#bcbd22"
    measures = [d for d in nodes.values() if d["kind"] == "Measure"]
    assert len(measures) == 2 and {d["colour"] for d in measures} == {"#bcbd22"}
    page = network_page(elements, "x.js")
    assert 'data-code="training"' in page and "教育培训" in page and "#bcbd22" in page


def test_a_new_type_shows_in_the_exports(training_library: Library, tmp_path: Path) -> None:
    path = export(training_library.graph, ExportFormat.CYTOSCAPE, tmp_path / "graph.cyjs.json")
    nodes = json.loads(path.read_text(encoding="utf-8"))["elements"]["nodes"]
    concept = [n["data"] for n in nodes if n["data"]["id"].endswith("/incentive-type/training")]
    assert concept and concept[0]["label"] == "教育培训" and concept[0]["type"] == "IncentiveType"
    turtle = export(training_library.graph, ExportFormat.TURTLE, tmp_path / "graph.ttl")
    assert '"training"' in turtle.read_text(encoding="utf-8")


def test_a_new_type_shows_in_the_apps_choices_and_compare_tab(training_library: Library) -> None:
    assert type_labels()["training"] == "教育培训 cadre training"
    workspace = Workspace(training_library)
    table, sources, path = compare_table(workspace, ["330000"], [])
    # One quote states both measures: one source, cited twice.
    assert table[0][-1] == "干部培训学分管理 [1]；年轻干部专题轮训 [1]"  # sorted by key
    assert [s[2] for s in sources] == ["浙江省干部教育培训工作情况"]
    assert path is not None and "training" in Path(path).read_text(encoding="utf-8-sig")
    assert "#bcbd22" in network_html(workspace, None, ["training"], ["adopted"])


@pytest.mark.parametrize(
    ("clause", "kind"),
    [
        ("两镇每年互派5名干部到对方镇机关", "exchange"),
        ("新录用干部先到村里跟岗半年", "exchange"),
        ("把40多个微信工作群精简为6个", "burden_reduction"),
        ("给值守干部发放调休卡", "care"),
    ],
)
def test_exchange_burden_and_care_words_met_in_several_texts_type_their_clauses(
    clause: str, kind: str
) -> None:
    assert load_vocabulary().classify(clause) == kind
