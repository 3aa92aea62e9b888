"""Who holds a practice. An agreement's parties (甲方：…, 乙方：…) hold what its body
binds 双方 to, each party what it binds 甲方 or 乙方 to, and every party what no
sentence assigns. A pilot place (在澉浦镇试点“无会日”) holds the practice it pilots; a
town leading its line (沈荡镇：每周三实行“驻村日”) holds the practice it coins; a
place opening a venue's name (| 溧阳市天目湖疗休养基地 |) holds nothing. Fixtures
written for these tests."""

from __future__ import annotations

from pathlib import Path

from policykg.library import Library
from tests.test_answers import library_of


def _holders(library: Library) -> dict[str, set[str]]:
    """Each measure label the library's documents hold, with the places holding it."""
    holders: dict[str, set[str]] = {}
    for document in library.store.documents():
        for measure in library.store.measures(document.doc_id):
            holders.setdefault(measure.label_zh, set()).update(measure.region_codes)
    return holders


AGREEMENT = (
    "上海市金山区　浙江省平湖市\n"
    "干部互派挂职合作协议（2026—2028年）\n\n"
    "甲方：中共上海市金山区委组织部\n"
    "乙方：中共平湖市委组织部\n\n"
    "为加强两地干部交流合作，经双方友好协商，达成如下协议。\n\n"
    "第一条　互派挂职\n"
    "双方每年各选派8名干部到对方挂职，挂职期为6个月。\n\n"
    "第二条　考核\n"
    "挂职期满实行“双向考核”，考核结果书面反馈派出单位。\n\n"
    "第三条　保障\n"
    "乙方为来平挂职干部提供人才公寓，甲方为来金挂职干部提供周转公寓。\n"
)
JINSHAN, PINGHU = "310116", "330482"


def test_an_agreements_parties_hold_what_binds_them(tmp_path: Path) -> None:
    with library_of(tmp_path, {"xieyi.txt": AGREEMENT}) as library:
        holders = _holders(library)
        both = {JINSHAN, PINGHU}
        # 双方每年各选派…: both parties; 双向考核, assigned by no sentence: both too.
        assert any(codes == both for label, codes in holders.items() if "挂职" in label), holders
        assert holders.get("“双向考核”") == both or holders.get("双向考核") == both, holders
        # 乙方为…提供人才公寓: 乙's alone; 甲方…周转公寓: 甲's alone.
        assert [c for label, c in holders.items() if "人才公寓" in label] == [{PINGHU}], holders
        assert [c for label, c in holders.items() if "周转公寓" in label] == [{JINSHAN}], holders


REPORT = (
    "海盐县2026年政府工作报告（摘要）\n\n"
    "持续为基层减负。在澉浦镇、沈荡镇试点“周三无会日”，除紧急事项外周三不开会。\n"
    "在武原街道建设干部周转房30套。\n"
)
TRANSCRIPT = (
    "海盐县基层减负专场问政文字实录\n\n"
    "主持人：报表多的问题怎么解决？\n"
    "县数据局局长：今年3月起，我们在通元镇试点“基层一张表”，把涉及乡镇的报表整合进一个平台。\n"
)
HAIYAN, GANPU, SHENDANG, WUYUAN, TONGYUAN = (
    "330424",
    "330424-576de3",
    "330424-2f3e31",
    "330424-4c3ccc",
    "330424-dc0507",
)


def test_a_pilot_place_holds_what_it_pilots(tmp_path: Path) -> None:
    with library_of(tmp_path, {"baogao.txt": REPORT, "shilu.txt": TRANSCRIPT}) as library:
        holders = _holders(library)
        pilots = [c for label, c in holders.items() if "无会日" in label]
        assert pilots == [{GANPU, SHENDANG}], holders
        assert [c for label, c in holders.items() if "一张表" in label] == [{TONGYUAN}], holders
        # Built in a place (在武原街道建设…) is not piloted there: the county builds it.
        assert [c for label, c in holders.items() if "周转房" in label] == [{HAIYAN}], holders


BULLETIN = (
    "海盐县基层减负工作简报（第3期）\n\n"
    "一、县级动态\n\n"
    "县里精简督查检查考核事项，由46项压减到28项。\n\n"
    "二、乡镇经验\n\n"
    "沈荡镇：每周三实行“驻村日”，当天镇里不安排会议，干部全部下村。\n"
)
REST_NOTICE = (
    "海盐县总工会关于做好2026年度干部职工疗休养工作的通知\n\n"
    "全县机关事业单位干部职工原则上每5年安排一次疗休养。批次安排如下：\n\n"
    "| 批次 | 时间 | 疗休养基地 | 人数 |\n"
    "|---|---|---|---|\n"
    "| 第一批 | 4月13日—4月17日 | 溧阳市天目湖职工疗休养基地 | 60 |\n"
    "| 第二批 | 5月11日—5月15日 | 舟山市普陀区职工疗休养基地 | 50 |\n"
)
LIYANG, PUTUO = "320481", "330903"


def test_a_lead_town_holds_its_coinage_and_a_venue_holds_nothing(tmp_path: Path) -> None:
    docs = {"jianbao.txt": BULLETIN, "tongzhi.txt": REST_NOTICE}
    with library_of(tmp_path, docs) as library:
        holders = _holders(library)
        assert [c for label, c in holders.items() if "驻村日" in label] == [{SHENDANG}], holders
        venues = {c for codes in holders.values() for c in codes} & {LIYANG, PUTUO}
        assert not venues, holders
