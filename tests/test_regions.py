from __future__ import annotations

import csv

import pytest

from policykg.ingest.gazetteer import Gazetteer, load_gazetteer
from policykg.ingest.models import RegionLevel
from policykg.ingest.place_names import english_place_names
from policykg.ingest.regions import link_regions
from policykg.ingest.regions_en import find_regions_en
from tests.conftest import CORPUS_REAL, needs_shared


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def codes(text: str, gazetteer: Gazetteer) -> list[str]:
    return [m.code for m in link_regions(text, gazetteer)]


def test_gazetteer_has_codes_levels_parents_and_english(gazetteer: Gazetteer) -> None:
    xianju = gazetteer.get("331024")
    assert xianju is not None
    assert (xianju.name_zh, xianju.level, xianju.name_en) == (
        "仙居县",
        RegionLevel.COUNTY,
        "Xianju County",
    )
    assert gazetteer.path_zh("331024") == ["浙江省", "台州市", "仙居县"]
    assert gazetteer.path_zh("310110") == ["上海市", "杨浦区"]  # no 市辖区 placeholder
    assert gazetteer.get("150000").name_en == "Inner Mongolia"  # type: ignore[union-attr]
    assert gazetteer.get("610000").name_en == "Shaanxi"  # type: ignore[union-attr]
    counts = {level: 0 for level in RegionLevel}
    for region in gazetteer.regions():
        counts[region.level] += 1
    assert counts[RegionLevel.PROVINCE] == 34
    assert counts[RegionLevel.COUNTY] > 2800


def test_official_romanisations_find_the_places_beside_the_names_in_use(
    gazetteer: Gazetteer,
) -> None:
    # Tibetan and Uyghur places are asked about by the names in use (Shigatse, Kashgar)
    # and by the official romanisations (Xigaze, Kashi, Nagqu, Xizang).
    for question, code in (
        ("What does Nagqu pay its township officials?", "540600"),
        ("cadres sent to Xigaze", "540200"),
        ("cadres sent to Shigatse", "540200"),
        ("aid to Xizang", "540000"),
        ("Kashi prefecture", "653100"),
    ):
        assert [m.code for m in find_regions_en(question, gazetteer)] == [code], question


def test_an_autonomous_division_is_found_by_its_short_name_and_level(
    gazetteer: Gazetteer,
) -> None:
    # 延边州 is how texts and questions write 延边朝鲜族自治州; 丰宁县 is 丰宁满族自治县.
    assert codes("延边州对边境乡镇干部有哪些补助？", gazetteer) == ["222400"]
    assert codes("丰宁县为乡镇干部发放取暖补贴", gazetteer) == ["130826"]
    # In English a lower-case level word after the name picks the place of that level.
    assert [m.code for m in find_regions_en("paired with Dali prefecture", gazetteer)] == ["532900"]
    assert [m.code for m in find_regions_en("cadres of Dali City", gazetteer)] == ["532901"]


def test_divisions_are_todays_and_their_earlier_names_still_resolve(gazetteer: Gazetteer) -> None:
    # 那曲地区 became 那曲市 in 2018 and its counties were re-coded under it: a text of
    # either time reaches one prefecture, and 双湖县 is found under it.
    assert codes("那曲市和那曲地区", gazetteer) == ["540600", "540600"]
    assert gazetteer.path_zh(codes("双湖县", gazetteer)[0]) == ["西藏自治区", "那曲市", "双湖县"]
    # 色尼区 is today's name of 那曲县; the earlier county has no namesake and stays, under
    # the prefecture it belonged to.
    assert gazetteer.path_zh(codes("色尼区", gazetteer)[0]) == ["西藏自治区", "那曲市", "色尼区"]
    assert gazetteer.path_zh(codes("那曲县", gazetteer)[0]) == ["西藏自治区", "那曲市", "那曲县"]
    assert codes("长乐市", gazetteer) == codes("长乐区", gazetteer)  # 撤市设区, one place
    # A municipality is one region, not also a prefecture of the same name.
    assert gazetteer.surface_forms()["北京市"] == ["110000"]
    assert gazetteer.surface_forms()["雄安新区"] == ["133100"]


def test_supplement_zones_and_macro_regions(gazetteer: Gazetteer) -> None:
    lingang = gazetteer.by_name("临港新片区")[0]
    assert (lingang.level, lingang.parent_code, lingang.name_en) == (
        RegionLevel.ZONE,
        "310000",
        "Lingang New Area",
    )
    delta = gazetteer.by_name("长三角")[0]
    assert set(delta.members) == {"310000", "320000", "330000", "340000"}
    below = gazetteer.descendants(delta.code)
    assert {"310000", "331024", "341125", "Z31001"} <= below


def test_short_names_full_names_and_nesting(gazetteer: Gazetteer) -> None:
    assert codes("浙江省建立问责调查机制", gazetteer) == ["330000"]
    assert codes("浙江完善绩效分配方式", gazetteer) == ["330000"]
    assert codes("滁州市定远县开展评选", gazetteer) == ["341100", "341125"]


def test_enumeration_licenses_district_short_names(gazetteer: Gazetteer) -> None:
    assert codes("杨浦、嘉定等区推动绩效奖金向一线倾斜", gazetteer) == ["310110", "310114"]


def test_a_counted_list_licenses_county_short_names_a_count_alone_does_not(
    gazetteer: Gazetteer,
) -> None:
    assert codes("基于岳西、宿松两县的调研", gazetteer) == ["340828", "340826"]
    assert codes("全州13个县（市）全部通了高速公路", gazetteer) == []  # 阿坝州, not 全州县


def test_county_short_name_needs_context(gazetteer: Gazetteer) -> None:
    assert codes("嘉定探索新机制", gazetteer) == []
    assert codes("上海市的嘉定探索新机制", gazetteer) == ["310000", "310114"]


def test_duplicate_names_resolve_by_nearby_regions(gazetteer: Gazetteer) -> None:
    assert codes("福州市鼓楼区推行", gazetteer) == ["350100", "350102"]
    assert codes("南京市鼓楼区推行", gazetteer) == ["320100", "320106"]
    assert codes("鼓楼区推行新机制", gazetteer) == []  # four 鼓楼区: no guess


def test_names_inside_words_are_not_regions(gazetteer: Gazetteer) -> None:
    assert codes("政治激励注重贯通化", gazetteer) == []  # 通化 inside 贯通化
    assert codes("宁夏贺兰山下", gazetteer) == ["640000"]  # the mountain, not 贺兰县
    # … but a name right after another is no word's inside: 陕西 ends where 汉中 starts,
    # though 西汉 is a word.
    assert codes("陕西汉中佛坪县推行", gazetteer) == ["610000", "610700", "610730"]


def test_english_and_pinyin_names(gazetteer: Gazetteer) -> None:
    found = find_regions_en(
        "Xianju County, Chenzhou and Lingang in Shanghai, Inner Mongolia, the Yangtze River Delta",
        gazetteer,
    )
    assert [r.code for r in found] == ["331024", "431000", "Z31001", "310000", "150000", "M01"]


def test_english_name_of_several_places_is_the_one_nearby_or_in_the_library(
    gazetteer: Gazetteer,
) -> None:
    # Qinglong is 晴隆县's English name and the first word of 青龙满族自治县's.
    def names(question: str, library: tuple[str, ...] = ()) -> list[str]:
        return [r.name_zh for r in find_regions_en(question, gazetteer, library)]

    assert names("What does Qinglong add in Qinhuangdao?")[0] == "青龙满族自治县"
    assert names("What does Qinglong add in Guizhou?")[0] == "晴隆县"
    assert names("What does Qinglong add?", ("130321",)) == ["青龙满族自治县"]
    assert names("What does Qinglong add?") == ["晴隆县"]


def test_two_names_of_several_places_each_are_the_pair_that_fit_together(
    gazetteer: Gazetteer,
) -> None:
    # Guangling is 广灵县 (Datong) and 广陵区 (Yangzhou); Datong is 大同市 and 大庆's 大同区.
    def names(question: str) -> list[str]:
        return [r.name_zh for r in find_regions_en(question, gazetteer)]

    assert "广灵县" in names("What incentives does Guangling county in Datong offer?")
    assert "广陵区" in names("What does Guangling in Yangzhou offer its officials?")


def test_a_provinces_name_means_the_province_beside_a_place_holding_a_namesake(
    gazetteer: Gazetteer,
) -> None:
    # 新绛县 (Shanxi) spells Xinjiang, 河北区 (Tianjin) Hebei, 海南区 (Wuhai) Hainan: beside
    # the place that holds them, the name is still the province's, unless a level word
    # after it says otherwise.
    def names(question: str) -> list[str]:
        return [r.name_zh for r in find_regions_en(question, gazetteer)]

    assert names("How many officials does Shanxi send to Xinjiang?") == [
        "山西省",
        "新疆维吾尔自治区",
    ]
    assert names("cooperation between Tianjin and Hebei") == ["天津市", "河北省"]
    assert names("Wuhai and Hainan") == ["乌海市", "海南省"]
    assert names("Hainan prefecture in Qinghai") == ["海南藏族自治州", "青海省"]
    # A name with "and" in it is one name.
    assert names("the Xinjiang Production and Construction Corps") == ["新疆生产建设兵团"]


def test_a_county_named_after_its_people_is_found_by_the_place_name(gazetteer: Gazetteer) -> None:
    # 东乡族自治县 is 东乡 (Dongxiang Autonomous County), as 东乡区 of 抚州 is too.
    (county,) = [r for r in gazetteer.by_name("东乡") if r.code == "622926"]
    assert county.name_en == "Dongxiang Autonomous County"
    found = find_regions_en("What does Dongxiang county, Gansu, pay its officials?", gazetteer)
    assert [r.name_zh for r in found] == ["东乡族自治县", "甘肃省"]


def test_beijings_science_cities_are_zones_within_their_districts(gazetteer: Gazetteer) -> None:
    text = "怀柔科学城建设国家重大科技基础设施集群，中关村科学城集聚全球高端创新要素。"
    assert {"Z11001", "Z11002"} <= set(codes(text, gazetteer))
    assert gazetteer.path_zh("Z11002") == ["北京市", "怀柔区", "怀柔科学城"]


def test_seed_links_exactly_its_regions(gazetteer: Gazetteer, seed_text: str) -> None:
    linked = set(codes(seed_text, gazetteer))
    assert linked == {
        "310000",
        "Z31001",
        "310110",
        "310114",
        "330000",
        "330100",
        "330324",
        "331024",
        "330226",
        "340000",
        "340100",
        "341100",
        "341125",
        "320000",
        "M01",
    }


OUT_OF_SCOPE = {"乔端镇", "白河新村", "上店村", "鲁塘镇", "闽宁镇"}  # towns and villages


@needs_shared
def test_real_corpus_regions_are_linked_with_parents(gazetteer: Gazetteer) -> None:
    with (CORPUS_REAL / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    for row in rows:
        text = (CORPUS_REAL / row["file"]).read_text(encoding="utf-8")
        linked = {gazetteer.get(m.code).name_zh: m.code for m in link_regions(text, gazetteer)}  # type: ignore[union-attr]
        for name in filter(None, row["regions_named"].split(",")):
            if name in OUT_OF_SCOPE:
                continue
            matches = [code for full, code in linked.items() if full.startswith(name)]
            assert matches, f"{row['file']}: {name} not linked"
            region = gazetteer.get(matches[0])
            assert region is not None
            assert region.level in (RegionLevel.PROVINCE, RegionLevel.MACRO) or gazetteer.ancestors(
                region.code
            ), f"{name} has no parent"


@pytest.mark.parametrize(
    ("sense", "names"),
    [
        ("Bainang county, Tibetan: Pa snam rdzong, in Shigatse prefecture, Tibet", ["Bainang"]),
        (
            "Kashgar or Qeshqer (Kāshí) city and prefecture in the west of Xinjiang",
            ["Kashgar", "Qeshqer"],
        ),
        ("Ürümqi or Urumqi, prefecture-level city and capital of Xinjiang", ["Ürümqi", "Urumqi"]),
        ("Dechen County in Diqing Tibetan Autonomous Prefecture", ["Dechen"]),
        # An autonomous prefecture by its first word, a league without its kind.
        ("Golog Tibetan autonomous prefecture in south Qinghai", ["Golog"]),
        ("Ngawa Tibetan and Qiang Autonomous Prefecture (Tibetan: rnga ba)", ["Ngawa"]),
        ("Xilingol League, a prefecture-level subdivision of Inner Mongolia", ["Xilingol"]),
        ("Shangri-La (mythical location)", []),  # no kind of place: not a place name
        ("turban/headband", []),
    ],
)
def test_cc_cedict_first_senses_give_english_place_names(sense: str, names: list[str]) -> None:
    assert english_place_names(sense) == names


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What does Bainang County provide for the cadres sent there?", ["白朗县"]),
        ("Which cadres from Shandong work in Shigatse?", ["山东省", "日喀则市"]),
        ("How much do cadres in Nyingchi and Lhokha receive?", ["林芝市", "山南市"]),
        ("What does Jimsar do for aid cadres?", ["吉木萨尔县"]),
        # The names in use of prefectures written from Mongolian, Tibetan and Uyghur: the
        # prefecture, not a county sharing its pinyin (延边州 is not 盐边县, 凉山州 not 梁山县).
        (
            "What did the Ulanqab study find about Xilingol and Bayannur?",
            ["乌兰察布市", "锡林郭勒盟", "巴彦淖尔市"],
        ),
        (
            "Officials in Yanbian, Liangshan, Golog and Ngawa",
            ["延边朝鲜族自治州", "凉山彝族自治州", "果洛藏族自治州", "阿坝藏族羌族自治州"],
        ),
        ("Aid to Kumul and Korla", ["哈密市", "库尔勒市"]),
        # The peoples between a name and its kind are read through; a name with its peoples
        # that is known whole stays whole.
        ("How much does Hualong Hui Autonomous County add?", ["化隆回族自治县"]),
        ("Hoboksar Mongol Autonomous County", ["和布克赛尔蒙古自治县"]),
        # A county made a city is in the dictionary by its county name (香格里拉县).
        ("Does any town in Shangri-La house officials?", ["香格里拉市"]),
        # One-word names that are plain English words name no place (北湖区, 攸县, 拜城县).
        ("Which county in the North do you know by the Bay?", []),
    ],
)
def test_places_are_found_by_the_english_names_in_use(question: str, expected: list[str]) -> None:
    assert [r.name_zh for r in find_regions_en(question, load_gazetteer())] == expected


def test_a_word_of_a_longer_english_name_is_not_another_place(gazetteer: Gazetteer) -> None:
    # Hui in "Ningxia Hui Autonomous Region" is not 徽县 (Hui County).
    found = find_regions_en("the Ningxia Hui Autonomous Region's regulation", gazetteer)
    assert [r.code for r in found] == ["640000"]
    assert [r.code for r in find_regions_en("officials in Hui County", gazetteer)] == ["621227"]


@pytest.mark.parametrize(
    ("question", "code"),
    [
        ("aid officials in Jiashi County", "653129"),  # 伽师: our name reads it Gashi
        ("posts in Tashikuergan", "653131"),  # 塔什库尔干: 什 read shi
        ("What does Ruo'ergai pay?", "513232"),  # the syllable mark of 若尔盖
        ("What does Ruoergai pay?", "513232"),
    ],
)
def test_a_place_is_found_by_the_spelling_people_use(
    question: str, code: str, gazetteer: Gazetteer
) -> None:
    assert [r.code for r in find_regions_en(question, gazetteer)] == [code]


def test_a_county_whose_short_name_is_a_common_word_needs_its_level_or_a_list(
    gazetteer: Gazetteer,
) -> None:
    # 资源 is a word (资源丰富, 人力资源) before it is 资源县 of 桂林: it is a place when
    # written with its level; 杨浦、嘉定 stay places as short names listed together.
    assert codes("推动资源、服务、管理向社区下沉", gazetteer) == []
    assert codes("人力资源社会保障部有关负责人表示", gazetteer) == []
    assert codes("资源县推行乡镇干部补贴", gazetteer) == ["450329"]
    assert codes("杨浦、嘉定等区推动绩效奖金", gazetteer) == ["310110", "310114"]


def test_he_between_two_levels_joins_them_it_is_not_he_county(gazetteer: Gazetteer) -> None:
    # 市里和县里各掏多少: 和 joins two levels; 马鞍山市和县 is the city and its county.
    assert codes("补助资金市里和县里各掏多少？", gazetteer) == []
    assert codes("由省、市和县三级财政分担", gazetteer) == []
    assert codes("马鞍山市和县推行乡镇干部补贴", gazetteer) == ["340500", "340523"]
    assert codes("和县推行乡镇干部补贴", gazetteer) == ["340523"]


def test_a_place_naming_a_news_outlet_is_not_what_it_reports_on(gazetteer: Gazetteer) -> None:
    text = "《河北日报》2025年2月20日\n本报讯 保定市阜平县推行无会日。"
    assert codes(text, gazetteer) == ["130600", "130624"]


def test_names_written_from_mongolian_and_uyghur_read_le_in_english(gazetteer: Gazetteer) -> None:
    # 勒 is lei in 勒紧 but le in 锡林郭勒, 库尔勒, 策勒: English names spell it so.
    assert gazetteer.by_name("策勒县")[0].name_en == "Cele County"
    assert gazetteer.by_name("霍林郭勒市")[0].name_en == "Huolinguole City"


def test_names_are_spelled_in_their_place_name_readings(gazetteer: Gazetteer) -> None:
    # 长 is chang in names (长治, 长白, 长阳) but for 长子县; 都 is du, 朝 chao; some
    # one-character names have their own reading (单县 Shan, 蔚县 Yu), and so do some
    # names the dictionary reads as other words (闵行 is not Minxing, 洪洞 not Hongdong).
    names = ("长治市", "长白朝鲜族自治县", "长子县", "郫都区", "朝阳市", "单县", "蔚县")
    spelled = {name: gazetteer.by_name(name)[0].name_en for name in (*names, "闵行区", "洪洞县")}
    assert spelled == {
        "长治市": "Changzhi City",
        "长白朝鲜族自治县": "Changbai Autonomous County",
        "长子县": "Zhangzi County",
        "郫都区": "Pidu District",
        "朝阳市": "Chaoyang City",
        "单县": "Shan County",
        "蔚县": "Yu County",
        "闵行区": "Minhang District",
        "洪洞县": "Hongtong County",
    }
