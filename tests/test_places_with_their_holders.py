"""A place written with the place holding it (舟山市普陀区), a town's English name written
with pinyin's syllable mark (Hong'an town), and every place a "which places" question
asks for, the best answer's close followers included. Fixtures written for these tests."""

from __future__ import annotations

import pytest

from policykg.ingest.gazetteer import Gazetteer, load_gazetteer
from policykg.ingest.regions_en import find_regions_en
from policykg.ingest.towns import town_code
from policykg.retrieval.citing import citable
from policykg.retrieval.reader import Scored, threshold
from policykg.retrieval.which_places import PLACES_FLOOR_DROP

ZHOUSHAN_PUTUO, SHANGHAI_PUTUO, SHANTING, XIUSHAN = "330903", "310107", "370406", "500241"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("舟山市普陀区", ZHOUSHAN_PUTUO),
        ("上海市普陀区", SHANGHAI_PUTUO),
        ("浙江省舟山市普陀区", ZHOUSHAN_PUTUO),
        ("枣庄市山亭区", SHANTING),
    ],
)
def test_a_place_written_with_its_city(gazetteer: Gazetteer, name: str, code: str) -> None:
    assert [r.code for r in gazetteer.by_name(name)] == [code]


def test_a_town_written_with_its_county(gazetteer: Gazetteer) -> None:
    assert [r.code for r in gazetteer.by_name("秀山县洪安镇")] == [town_code(XIUSHAN, "洪安镇")]


def test_a_place_under_another_city_is_no_such_place(gazetteer: Gazetteer) -> None:
    assert gazetteer.by_name("舟山市杨浦区") == []
    assert gazetteer.by_name("舟山市普") == []


@pytest.mark.parametrize("spelled", ["Hong'an town", "Hong’an Town", "Hongan town"])
def test_a_town_in_english_with_pinyins_syllable_mark(gazetteer: Gazetteer, spelled: str) -> None:
    town = town_code(XIUSHAN, "洪安镇")
    asked = f"According to the Xiushan county WeChat post, what did {spelled} do for its officials?"
    found = [r.name_zh for r in find_regions_en(asked, gazetteer, [town, XIUSHAN])]
    assert "洪安镇" in found and "红安县" not in found, found


def test_every_place_asked_for_includes_those_just_below_the_answering_line() -> None:
    line = threshold("zh")
    scored = [
        Scored("best", line + 0.2, 0.5, 0.5, True),
        Scored("close", line - PLACES_FLOOR_DROP / 2, 0.3, 0.3, True),
        Scored("far", line - 2 * PLACES_FLOOR_DROP, 0.2, 0.2, True),
    ]
    assert [s.provision_id for s in citable(scored, "zh", 15)] == ["best"]
    places = citable(scored, "zh", 15, floor_drop=PLACES_FLOOR_DROP)
    assert [s.provision_id for s in places] == ["best", "close"]
    # Nothing answers when the best is below the line itself.
    assert citable(scored[1:], "zh", 15, floor_drop=PLACES_FLOOR_DROP) == []
