"""Rule files loaded into frozen, validated objects: a bad key fails at load, naming it.

``load_frozen`` turns a JSON object into a frozen dataclass whose fields are
``str``, ``int``, an ``Enum``, ``tuple[str, ...]``, ``dict[str, str]``, ``dict[str, tuple[str, ...]]``
or a tuple of nested dataclasses. A key the class does not name, a missing key, or
a value of the wrong type raises ``RulesError`` with the file and the key.
"""

from __future__ import annotations

import json
import re
import typing
from dataclasses import dataclass, fields, is_dataclass
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
COMMENT_KEY = "comment"  # a free-text note every rule file may carry


class RulesError(ValueError):
    """A rule file that does not match its schema: the message names the file and key."""


def load_frozen(cls: type[T], path: Path | str, text: str) -> T:
    """Parse ``text`` (the JSON of ``path``) into ``cls``, checking every key."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise RulesError(f"{path}: not JSON ({error})") from None
    return _build(cls, data, str(path), "")


def _build(cls: type[T], data: object, file: str, where: str) -> T:
    if not isinstance(data, dict):
        raise RulesError(f"{file}: {where or 'the file'} must be a JSON object")
    hints = typing.get_type_hints(cls)
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    unknown = sorted(set(data) - set(names) - {COMMENT_KEY})
    if unknown:
        raise RulesError(f"{file}: unknown key {where + unknown[0]!r}")
    missing = [name for name in names if name not in data]
    if missing:
        raise RulesError(f"{file}: missing key {where + missing[0]!r}")
    values = {name: _value(hints[name], data[name], file, f"{where}{name}") for name in names}
    return cls(**values)


def _value(hint: Any, value: object, file: str, key: str) -> object:
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if is_dataclass(hint) and isinstance(hint, type):
        return _build(hint, value, file, f"{key}.")
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(value)
        except ValueError:
            allowed = ", ".join(str(member.value) for member in hint)
            raise RulesError(f"{file}: key {key!r}: {value!r} is not one of {allowed}") from None
    if hint in (str, int):
        if isinstance(value, bool) or not isinstance(value, hint):
            raise RulesError(f"{file}: key {key!r} must be a {hint.__name__}")
        return value
    if origin is tuple and isinstance(value, list):
        return tuple(_value(args[0], item, file, f"{key}[{n}]") for n, item in enumerate(value))
    if origin is dict and isinstance(value, dict):
        return {
            _value(args[0], k, file, key): _value(args[1], v, file, f"{key}.{k}")
            for k, v in value.items()
        }
    expected = "a list" if origin is tuple else "an object"
    raise RulesError(f"{file}: key {key!r} must be {expected}")


def check_patterns(file: str, key: str, patterns: typing.Iterable[str]) -> None:
    """Compile each regex now, so a broken one fails at load, not mid-ingest."""
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as error:
            raise RulesError(f"{file}: key {key!r}: bad pattern {pattern!r} ({error})") from None


@dataclass(frozen=True, slots=True)
class MeasureRules:
    """The clause-level rules of measure extraction (``data/measure_rules.json``)."""

    leading_fillers: tuple[str, ...]
    # Words a clause taken whole as a label opens with that name nothing (明年我们将在…).
    clause_label_fillers: tuple[str, ...]
    # A time a clause taken whole opens with (2025年底前在各乡镇新建…, 从2024年起): when,
    # not what; the label starts after it.
    clause_time_pattern: str
    # A place after one of these with the clause going on (在斋堂镇、清水镇建设周转房) is
    # where something is done, not who does it; 在瑷珲镇，… opens the town's own clause.
    locative_fillers: tuple[str, ...]
    # …unless what is done there is a pilot (在夹浦镇试点“周五无会日”): the pilot place
    # adopts the practice first.
    pilot_pattern: str
    agent_markers: tuple[str, ...]  # 由: the place after it does what the clause says
    subject_joiners: str
    # A clause ending in one names a speaker (称多县…干部才仁多杰告诉记者): the place is
    # where the speaker works, not who holds what is said.
    reporting_verbs: tuple[str, ...]
    # A place before a person's post (湖塘镇党委副书记孙晓峰…, 八道河镇一名干部) is where
    # that person works: what the sentence tells is not the place's measure.
    affiliation_pattern: str
    # A place opening a facility's name in a table's cell (| 溧阳市天目湖职工疗休养基地 |,
    # a venue) is where the facility is, not who does what the row says.
    facility_pattern: str
    # A modifier before the subject telling where it lies (县城所在的尼呷镇, 您所在的平利县):
    # the place after it is the subject.
    subject_modifier_pattern: str
    # A place spreading a practice (要在全市推广子洲县“一表通”做法) holds it too: a clause
    # with one of these verbs, in a provision naming a practice with one of these nouns.
    diffusion_verbs: tuple[str, ...]
    practice_nouns: tuple[str, ...]
    aspect_pattern: str
    policy_verbs: tuple[str, ...]
    weak_verbs: tuple[str, ...]
    # What a place provides its cadres is a measure (为挂职干部租用了周转公寓): these
    # verbs act as policy verbs after a beneficiary (为…干部) in the clause.
    beneficiary_pattern: str
    beneficiary_verbs: tuple[str, ...]
    beneficiary_type: str  # the type of what they are given, when nothing else says
    # Money paid per person and period (每人每月再增发300元) is pay, whatever the clause
    # names it: a measure of this type when nothing else gives its type.
    pay_pattern: str
    pay_type: str
    label_strip_suffixes: tuple[str, ...]
    quote_pairs: dict[str, str]
    min_label_chars: int
    max_label_chars: int
    generic_objects: tuple[str, ...]
    institution_nouns: tuple[str, ...]
    key_strip_suffixes: tuple[str, ...]
    key_strip_prefixes: tuple[str, ...]
    required_cues: tuple[str, ...]
    recommended_section_cues: tuple[str, ...]
    required_authority_cues: tuple[str, ...]
    # Document genre and modality (ingest/genre.py).
    article_pattern: str
    statute_title_suffixes: tuple[str, ...]
    report_title_cues: tuple[str, ...]
    directive_title_pattern: str
    review_section_cues: tuple[str, ...]
    # A title that looks back as a whole (工作总结): its sections tell what was done.
    review_title_cues: tuple[str, ...]
    # Headings over what went wrong (一、典型问题; 二、存在的问题): what they tell of a place
    # is a fault found there, not its practice.
    problem_section_cues: tuple[str, ...]
    plan_section_cues: tuple[str, ...]
    adopted_cues: tuple[str, ...]
    modal_pattern: str
    plan_opening_pattern: str
    plan_marker_pattern: str  # 下一步, 明年, 还将: what a place is going to do
    # Noun-phrase candidates (ingest/candidates.py).
    head_nouns: tuple[str, ...]
    head_noun_exclusions: tuple[str, ...]
    phrase_stops: tuple[str, ...]
    action_verbs: tuple[str, ...]
    enumerating_verbs: tuple[str, ...]
    label_strip_prefixes: tuple[str, ...]


def load_measure_rules(path: Path | str, text: str) -> MeasureRules:
    """The measure rules of ``path`` (its JSON ``text``), validated."""
    rules = load_frozen(MeasureRules, path, text)
    check_patterns(str(path), "aspect_pattern", [rules.aspect_pattern])
    check_patterns(str(path), "article_pattern", [rules.article_pattern])
    check_patterns(str(path), "directive_title_pattern", [rules.directive_title_pattern])
    check_patterns(str(path), "plan_opening_pattern", [rules.plan_opening_pattern])
    check_patterns(str(path), "plan_marker_pattern", [rules.plan_marker_pattern])
    check_patterns(str(path), "modal_pattern", [rules.modal_pattern])
    check_patterns(str(path), "beneficiary_pattern", [rules.beneficiary_pattern])
    check_patterns(str(path), "affiliation_pattern", [rules.affiliation_pattern])
    check_patterns(str(path), "subject_modifier_pattern", [rules.subject_modifier_pattern])
    check_patterns(str(path), "pay_pattern", [rules.pay_pattern])
    check_patterns(str(path), "clause_time_pattern", [rules.clause_time_pattern])
    check_patterns(str(path), "pilot_pattern", [rules.pilot_pattern])
    check_patterns(str(path), "facility_pattern", [rules.facility_pattern])
    if "(?P<aspect>" not in rules.aspect_pattern:
        raise RulesError(f"{path}: key 'aspect_pattern' needs a group named 'aspect'")
    return rules
