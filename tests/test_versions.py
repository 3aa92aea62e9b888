"""Versions of one instrument form one work; the latest is in force (the real statutes in
../shared/corpus-law, read in place), in the store, the citations, the CLI and the graph."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policykg.ingest.history import history_block, history_lines
from policykg.ingest.meta_fields import parse_correction
from policykg.ingest.models import VersionStatus
from policykg.ingest.references import CiteStyle, reference
from policykg.ingest.settings import Settings
from policykg.kg.validate import validate_graph
from policykg.library import Library
from policykg.retrieval.ask import ask
from policykg.retrieval.diff import Article, Change, articles, diff_versions
from policykg.ui.cli import app
from tests.conftest import SHARED, needs_shared
from tests.test_answers import library_of

LAW = SHARED / "corpus-law"
PAIRS = {
    "中华人民共和国监察法": ("监察法(2018-03-20).md", "监察法(2024-12-25).md"),
    "上海市优化营商环境条例": (
        "上海市优化营商环境条例(2020-04-10).md",
        "上海市优化营商环境条例(2024-09-27).md",
    ),
    "国家科学技术奖励条例": (
        "国家科学技术奖励条例(2020-10-07).md",
        "国家科学技术奖励条例(2024-05-26).md",
    ),
}
pytestmark = needs_shared


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    folder = tmp_path_factory.mktemp("versions")
    library = Library(Settings(data_dir=folder / "data"))
    assert not library.ingest([LAW]).failed
    yield library
    library.close()


def names(library: Library) -> dict[str, str]:
    """File name → doc id."""
    return {Path(d.source_path).name: d.doc_id for d in library.store.documents()}


def test_each_version_pair_is_one_work_the_later_in_force(library: Library) -> None:
    works = {work.title: work for work in library.store.works()}
    assert len(works) == 13  # 16 documents, three of them second versions
    by_name = names(library)
    for title, (old, new) in PAIRS.items():
        versions = works[title].versions
        assert [v.doc_id for v in versions] == [by_name[old], by_name[new]], title
        assert [v.status for v in versions] == [VersionStatus.SUPERSEDED, VersionStatus.IN_FORCE]
    single = works["中华人民共和国公务员法"].versions
    assert [v.status for v in single] == [VersionStatus.UNKNOWN]


def first_article(library: Library, doc_id: str) -> str:
    """The provision id of 第一条."""
    return next(p.provision_id for p in library.store.provisions(doc_id) if p.locator == "第一条")


def test_history_lines_are_neither_provisions_sections_nor_measures(library: Library) -> None:
    """（2018年3月20日第十三届全国人民代表大会第一次会议通过…）says how the text was made:
    the metadata reads it, and nothing cites it."""
    for document in library.store.documents():
        name = Path(document.source_path).name
        block = history_block(document.text)
        assert block is not None and document.meta.dates, name  # every statute here has one
        _, end = block
        provisions = library.store.provisions(document.doc_id)
        assert provisions[0].locator == "第一条", name
        assert all(p.start >= end for p in provisions), name
        history = set(history_lines(document.text))
        assert not history & {p.text for p in provisions}, name
        paths = [s.path for s in library.store.sections(document.doc_id)]
        paths += [p.section for p in provisions]
        assert not any(history & set(path) for path in paths), name
        cited = {m.provision_id for m in library.store.measures(document.doc_id)}
        assert cited <= {p.provision_id for p in provisions}, name
    # The 2024 supervision law's second history line was a provision (第1段) before.
    by_name = names(library)
    text = library.store.document(by_name["监察法(2024-12-25).md"]).text  # type: ignore[union-attr]
    line = "2024年12月25日 第十四届全国人民代表大会常务委员会第十三次会议"
    assert line in text and not any(
        line in p.text for p in library.store.provisions(by_name["监察法(2024-12-25).md"])
    )


def test_citations_say_whether_their_version_is_in_force(library: Library) -> None:
    by_name = names(library)
    old_cite = library.store.citation(first_article(library, by_name["监察法(2018-03-20).md"]))
    new_cite = library.store.citation(first_article(library, by_name["监察法(2024-12-25).md"]))
    assert old_cite is not None and new_cite is not None
    assert (old_cite.in_force, old_cite.status) == (False, "superseded")
    assert (new_cite.in_force, new_cite.status) == (True, "in_force")
    assert reference(old_cite, CiteStyle.LEGAL).endswith("（已被修改）")
    assert reference(old_cite, CiteStyle.LEGAL).startswith(
        "《中华人民共和国监察法》（全国人民代表大会，2018年3月20日）第一条"
    )
    cited = library.store.citation(first_article(library, by_name["公务员法(2018-12-29).md"]))
    assert cited is not None and cited.in_force is None


def test_the_graph_has_works_versions_and_replaces(library: Library) -> None:
    by_name = names(library)
    rows = library.graph.rows(
        """SELECT ?new ?old ?status WHERE {
             ?newDoc dcterms:replaces ?oldDoc ; pkg:versionStatus ?status ;
                     dcterms:isVersionOf ?work ; pkg:docId ?new .
             ?oldDoc pkg:docId ?old ; dcterms:isVersionOf ?work . }"""
    )
    pairs = {(str(new), str(old), str(status)) for new, old, status in rows}
    assert pairs == {(by_name[n], by_name[o], "in_force") for o, n in PAIRS.values()}
    report = validate_graph(library.graph, library.store)
    assert report.conforms, report.problems[:5]


def test_a_user_status_wins_and_the_graph_follows(tmp_path: Path) -> None:
    with Library(Settings(data_dir=tmp_path / "data")) as library:
        library.ingest([LAW / "公务员法(2018-12-29).md"])
        (doc_id,) = library.store.doc_ids()
        assert library.store.version_status(doc_id) is VersionStatus.UNKNOWN
        library.correct_meta(doc_id, [parse_correction("status=in_force")])
        assert library.store.version_status(doc_id) is VersionStatus.IN_FORCE
        status = "SELECT ?s WHERE { ?d pkg:versionStatus ?s }"
        assert [str(row[0]) for row in library.graph.rows(status)] == ["in_force"]


def test_versions_command(tmp_path: Path) -> None:
    runner = CliRunner()
    data = str(tmp_path / "data")
    files = [
        str(LAW / name) for name in (*PAIRS["中华人民共和国监察法"], "监察官法(2021-08-20).md")
    ]
    assert runner.invoke(app, ["ingest", *files, "--data-dir", data]).exit_code == 0
    result = runner.invoke(app, ["versions", "监察法", "--json", "--data-dir", data])
    assert result.exit_code == 0, result.stderr
    works = json.loads(result.stdout)
    assert [w["title"] for w in works] == ["中华人民共和国监察法"]  # not 监察官法
    assert [(v["date"], v["status"]) for v in works[0]["versions"]] == [
        ("2018-03-20", "superseded"),
        ("2024-12-25", "in_force"),
    ]
    table = runner.invoke(app, ["versions", "--data-dir", data]).stdout
    assert "2024-12-25 in_force" in table and "2021-08-20 unknown" in table
    as_of = ["versions", "监察法", "--as-of", "2023-06-30", "--json", "--data-dir", data]
    (work,) = json.loads(runner.invoke(app, as_of).stdout)
    assert [(v["date"], v["status"]) for v in work["versions"]] == [("2018-03-20", "in_force")]
    before = ["versions", "--as-of", "2010", "--json", "--data-dir", data]
    assert json.loads(runner.invoke(app, before).stdout) == []  # nothing made yet
    bad = runner.invoke(app, ["versions", "--as-of", "someday", "--data-dir", data])
    assert bad.exit_code == 2 and "--as-of: unreadable date" in bad.stderr


def version_diff(library: Library, old: str, new: str) -> dict:
    by_name = names(library)
    sides = [
        (
            by_name[name],
            articles(
                library.store.document(by_name[name]).text,  # type: ignore[union-attr]
                library.store.provisions(by_name[name]),
            ),
        )
        for name in (old, new)
    ]
    return diff_versions(*sides[0], *sides[1]).to_json()


def test_diff_of_the_science_award_regulation_as_checked_by_hand(library: Library) -> None:
    """2020 → 2024: eight articles changed, none added, removed or moved (a line diff of
    the two files, read by hand, shows exactly these eight)."""
    found = version_diff(library, *PAIRS["国家科学技术奖励条例"])
    assert found["summary"] == {"added": 0, "removed": 0, "changed": 8, "moved": 0, "unchanged": 30}
    changed = [c["new_locator"] for c in found["changes"]]
    assert changed == [
        "第二条",
        "第三条",
        "第四条",
        "第七条",
        "第二十一条",
        "第二十二条",
        "第二十五条",
        "第三十条",
    ]
    second = found["changes"][0]
    assert second["marked"].startswith("国[-务院-]{+家+}设立下列国家科学技术奖：")
    assert second["old_text"].startswith("第二条 国务院设立")
    assert second["new_text"].startswith("第二条 国家设立")
    fourth = found["changes"][2]["marked"]
    assert fourth.endswith("{+\n\n国家科学技术奖励工作重大事项，应当按照有关规定报党中央。+}")


def test_diff_of_the_supervision_law_counts_renumbered_articles_as_unchanged(
    library: Library,
) -> None:
    found = version_diff(library, *PAIRS["中华人民共和国监察法"])
    assert found["summary"] == {
        "added": 9,
        "removed": 0,
        "changed": 23,
        "moved": 0,
        "unchanged": 46,
    }
    twelfth = next(c for c in found["changes"] if c["old_locator"] == "第十二条")
    assert (
        twelfth["change"] == "changed" and twelfth["new_locator"] == "第十二条"
    )  # grew, still itself
    renumbered = next(c for c in found["changes"] if c["old_locator"] == "第二十二条")
    assert renumbered["new_locator"] == "第二十四条" and not renumbered["marked"].startswith("第")


def test_an_article_moved_elsewhere_is_moved() -> None:
    def law(*bodies: str) -> list[Article]:
        numbers = "一二三四五"
        return [Article(f"第{numbers[n]}条", f"第{numbers[n]}条 {b}") for n, b in enumerate(bodies)]

    old = law("总则甲乙丙丁。", "监督检查的具体办法由省人民政府规定。", "考核丙。", "奖励丁。")
    new = law(
        "总则甲乙丙丁。",
        "考核丙。",
        "奖励丁。",
        "监督检查的具体办法由省人民政府规定。",
        "新增条款戊。",
    )
    found = diff_versions("a", old, "b", new)
    assert [
        (c.change, c.old and c.old.locator, c.new and c.new.locator) for c in found.changes
    ] == [
        (Change.MOVED, "第二条", "第四条"),
        (Change.ADDED, None, "第五条"),
    ]
    assert found.unchanged == 3


def test_diff_command(tmp_path: Path) -> None:
    runner = CliRunner()
    data = str(tmp_path / "data")
    files = [str(LAW / name) for name in PAIRS["国家科学技术奖励条例"]]
    assert runner.invoke(app, ["ingest", *files, "--data-dir", data]).exit_code == 0
    listed = json.loads(runner.invoke(app, ["versions", "--json", "--data-dir", data]).stdout)
    old, new = (v["doc_id"] for v in listed[0]["versions"])
    result = runner.invoke(app, ["diff", old[:10], new[:10], "--json", "--data-dir", data])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["summary"]["changed"] == 8
    table = runner.invoke(app, ["diff", old, new, "--data-dir", data]).stdout
    assert table.startswith("0 added, 0 removed, 8 changed, 0 moved, 30 unchanged")
    assert "changed 第二条 → 第二条" in table
    missing = runner.invoke(app, ["diff", old, "dnope", "--data-dir", data])
    assert missing.exit_code == 2 and "no document 'dnope'" in missing.stderr


def shared_article(library: Library, old_id: str, new_id: str) -> str:
    """The first sentence of an article both versions state word for word (no 第X条)."""

    def by_article(doc_id: str) -> dict[str, str]:
        found: dict[str, str] = {}
        for provision in library.store.provisions(doc_id):
            if provision.locator.startswith("第") and "条" in provision.locator:
                article = provision.locator.split("条")[0] + "条"
                found[article] = found.get(article, "") + provision.text
        return found

    old, new = by_article(old_id), by_article(new_id)
    same = [text for article, text in new.items() if old.get(article) == text and len(text) > 40]
    assert same
    return same[len(same) // 2].split(" ", 1)[-1].split("。")[0] + "。"


def test_answers_prefer_the_version_in_force_or_the_one_in_force_then(library: Library) -> None:
    by_name = names(library)
    old_id, new_id = by_name["监察法(2018-03-20).md"], by_name["监察法(2024-12-25).md"]
    question = shared_article(library, old_id, new_id)
    today = ask(library, question)
    assert today.citations[0].doc_id == new_id
    then = ask(library, question, as_of="2019-06-30")
    assert then.citations[0].doc_id == old_id
    assert new_id not in {c.doc_id for c in then.citations}  # not yet made then
    assert "已被修改或废止" not in then.answer  # in force as of that day
    named = ask(library, f"2018年版：{question}")
    assert named.citations[0].doc_id == old_id  # the year asked for wins
    assert "已被修改或废止的版本" in named.answer


def test_ask_takes_an_as_of_date_and_refuses_a_bad_one(library: Library) -> None:
    data_dir = str(library.settings.data_dir)
    bad = CliRunner().invoke(
        app, ["ask", "监察法", "--as-of", "2019-13-01", "--data-dir", data_dir]
    )
    assert bad.exit_code != 0 and "--as-of" in bad.output


QUOTED_HISTORY = "# 示范市科技创新促进条例\n\n> 2019年4月26日示范市第十六届人民代表大会常务委员会第十九次会议通过"


def test_a_history_block_quoted_in_markdown_dates_its_version(tmp_path: Path) -> None:
    revised = "　2025年4月24日示范市第十七届人民代表大会常务委员会第二十六次会议修订"
    texts = {
        "law-2019.md": f"{QUOTED_HISTORY}\n\n第十条 科研人员探索失败的，可以予以结题。\n",
        "law-2025.md": f"{QUOTED_HISTORY}{revised}\n\n第十条 市人民政府设立示范市科学技术奖。\n",
    }
    assert history_lines(texts["law-2025.md"])[0].startswith("2019年4月26日")
    with library_of(tmp_path, texts) as library:
        (work,) = library.store.works()
        assert sorted(v.date for v in work.versions) == ["2019-04-26", "2025-04-24"]
        answer = ask(library, "示范市科技创新促进条例第十条在2019年版和2025年版分别规定了什么？")
        cited = [c.quote for c in answer.citations]
        assert any("予以结题" in q for q in cited) and any("科学技术奖" in q for q in cited)


RULE_2019 = (
    "# 示范市机关工作人员激励办法\n\n"
    "2019年6月18日示范市人民政府第41次常务会议通过　2019年7月5日示范市人民政府令第235号公布\n\n"
    "第八条 同一单位内绩效奖励最高与最低之间的差距一般不超过三倍。\n\n"
    "第九条 本办法自2019年9月1日起施行。\n"
)
RULE_2024 = (
    "# 示范市机关工作人员激励办法\n\n"
    "2019年7月5日示范市人民政府令第235号公布　2024年11月12日示范市人民政府令第268号修订\n\n"
    "第八条 同一单位内绩效奖励最高与最低之间的差距一般不超过二倍。\n\n"
    "第九条 对专业性较强的职位实行聘任制的，可以实行协议工资。\n\n"
    "第十条 本办法自2025年1月1日起施行。\n"
)


def test_a_government_rule_made_by_order_is_a_versioned_rule(tmp_path: Path) -> None:
    # 人民政府令 / 常务会议通过: a 规章 (government rule), in versions like a regulation;
    # a change question cites the other version's article.
    with library_of(tmp_path, {"rule-2019.md": RULE_2019, "rule-2024.md": RULE_2024}) as library:
        (work,) = library.store.works()
        assert sorted(v.date for v in work.versions) == ["2019-07-05", "2024-11-12"]
        kinds = {d.meta.doc_kind.value for d in library.store.documents() if d.meta.doc_kind}
        assert kinds == {"规章"}
        answer = ask(
            library,
            "示范市机关工作人员激励办法第八条对绩效奖励差距怎么规定？2024年修订后有什么变化？",
        )
        cited = " ".join(c.quote for c in answer.citations)
        assert "不超过三倍" in cited and "不超过二倍" in cited, answer.answer
        added = ask(library, "Which articles did the 2024 revision of the measures add?")
        assert added.intent == "provision" and "聘任制" in added.citations[0].quote, added.answer


def _issuing_notice(revised: str, number: str, date: str, cases: int, last: str) -> str:
    return (
        "中共示范省委组织部\n"
        f"关于印发{revised}《示范省干部容错纠错实施细则》的通知\n"
        f"示组通〔{date[:4]}〕{number}号\n\n"
        "各市党委组织部：\n"
        f"现将{revised}《示范省干部容错纠错实施细则》印发给你们，请认真贯彻落实。\n\n"
        f"中共示范省委组织部\n{date}\n\n"
        "示范省干部容错纠错实施细则\n\n"
        "第一条　为鼓励干部担当作为，制定本细则。\n\n"
        f"第二条　各级组织部门每年选编不少于{cases}个容错纠错典型案例，在一定范围内通报。\n\n"
        f"第三条　本细则自印发之日起施行。{last}\n"
    )


def test_a_notice_issuing_the_revised_text_is_the_works_new_version(tmp_path: Path) -> None:
    # 关于印发修订后的《X》的通知 and 关于印发《X》的通知 issue one work's two texts.
    first = _issuing_notice("", "8", "2022年6月20日", 10, "")
    revised = _issuing_notice(
        "修订后的",
        "19",
        "2025年3月18日",
        20,
        "2022年印发的《示范省干部容错纠错实施细则》同时废止。",
    )
    with library_of(tmp_path, {"xize-2022.txt": first, "xize-2025.txt": revised}) as library:
        (work,) = library.store.works()
        statuses = {v.date: v.status for v in work.versions}
        assert statuses == {
            "2022-06-20": VersionStatus.SUPERSEDED,
            "2025-03-18": VersionStatus.IN_FORCE,
        }
        answer = ask(library, "示范省前后两版细则，分别要求每年至少选编多少个典型案例？")
        cited = " ".join(c.quote for c in answer.citations)
        assert "不少于10个" in cited and "不少于20个" in cited, answer.answer
