"""What a document says it repeals or amends: other documents, named by 《title》 or 文号.

A notice or a new regulation ends the force of others in a few fixed phrasings —
``《XX办法》（X发〔2018〕12号）同时废止``, ``1988年…发布的《XX暂行规定》同时废止``,
``原《XX暂行办法》停止执行``, ``现决定对《A》、《B》予以废止``, ``决定废止《A》``,
``下列文件予以废止：`` with a list below — and amends one with ``对《XX条例》作如下修改``
or a title ``关于修改《XX》的决定``. Each named document is a ``RepealClause``; the
document of the library it names is found when works are grouped
(``versions.group_works``), by title (normalised: ``plain_title``) and 文号.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from policykg.ingest.history import iso_date
from policykg.ingest.models import DocKind, DocumentMeta, RepealClause, VersionStatus

# （2019年修订）, （2024年修正本）: edition marks, not part of a work's title.
EDITION = re.compile(r"[（(]\d{4}年?(?:修订|修正|修改)?本?[）)]$")
# A notice issuing a work's new text says so before its title (关于印发修订后的《X》的通知):
# the same work as 关于印发《X》的通知.
REVISED_ISSUED = re.compile(r"(?<=印发)新?(?:修订|修改|修正)后?的")
# A trial version's mark: 办法（试行） is replaced by 办法, 暂行办法 by 办法.
TRIAL = re.compile(r"[（(]试行[）)]|试行|暂行")
NUMBER = r"[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*\d{4}\s*[〕\]］)）]\s*第?\s*\d{1,4}\s*号"
# 《title》, with its 文号 in a parenthesis after it, or a 文号 alone (…号文件).
ITEM = re.compile(
    rf"《([^《》]{{2,100}})》\s*(?:[（(]\s*({NUMBER})[^）)]{{0,20}}[）)])?|({NUMBER})"
)
ENDS = r"(?:同时|一并|予以|即行|自行|宣布)?(?:废止|停止执行|不再执行|停止施行|失效)"
# Between the last document named and the verb, blanks and commas aside: 等N件, 文件, 自…起.
TO_VERB = re.compile(
    r"(?:等[^《》。；]{0,12}?)?(?:文件)?(?:自[^《》。；]{2,24}?起)?(?:也|亦|均|相应|即日起)?"
)
# Between one document named and the next: 、 和 及 与, and the next one's date and maker
# (《A》、2009年7月16日中共中央组织部印发的《B》).
BETWEEN = re.compile(
    r"(?:[\s、，,和及与以]+(?:[^《》。；]{0,40}?(?:印发|发布|公布|下发|颁布|通过)的)?)?\s*"
)
# From 废止 to the first document it names: 下列文件：, 以下规章.
FROM_VERB = re.compile(r"^(?:下列|以下|如下)?[^《》。；]{0,12}?[：:]?\s*$")
GROUNDS = re.compile(r"(?:根据|依据|依照|按照|参照|违反|不符合)\s*$")
AMENDS = re.compile(r"对\s*$")
AMENDED = re.compile(r"^\s*(?:[（(][^）)]{0,40}[）)])?\s*作(?:如下|以下|出如下|出以下)?修改")
LIST_HEAD = re.compile(
    r"(?:下列|以下|如下)[^《》。；]{0,16}?" + ENDS + r"?[^《》。；]{0,8}[：:]\s*$"
)
LIST_MARK = re.compile(
    r"^\s*(?:\d{1,3}[.、．]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[）)])"
)
WORDS = re.compile(r"废止|停止执行|不再执行|停止施行|失效|修改")  # none: nothing to read
SENTENCE = re.compile(r"[^。；;\r\n]+[。；;]?")
TAKES_EFFECT = re.compile(
    r"自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起(?:施行|执行|实施|生效|废止)"
)
CARRIES = re.compile(r"关于(?:印发|转发|发布)(.+?)的(?:通知|决定)$")
NOT_NOTICES = frozenset({DocKind.NEWS, DocKind.ARTICLE})  # they report a repeal; they make none


def read_repeals(text: str, title: str = "") -> tuple[RepealClause, ...]:
    """The documents ``text`` repeals or amends, each once, in the order it names them.

    Example:
        >>> [c.title for c in read_repeals("本办法自2020年1月1日起施行。原《某暂行办法》停止执行。")]
        ['某暂行办法']
    """
    if not WORDS.search(text) and "修改" not in title:
        return ()
    default = takes_effect(text)
    found: dict[tuple[str | None, str | None, VersionStatus], RepealClause] = {}
    for clause in (*_amended_by_title(title, default), *_clauses(text, default)):
        found.setdefault((clause.title, clause.doc_number, clause.effect), clause)
    return tuple(found.values())


def _clauses(text: str, default: str | None) -> Iterator[RepealClause]:
    """Clause by clause (sentence, or a list under its heading line)."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        for sentence in SENTENCE.finditer(line):
            words = sentence.group()
            stated = TAKES_EFFECT.search(words)
            date = iso_date(stated.group(1)) if stated else default
            for item in (*_ended(words), *_named_after_verb(words)):
                yield _clause(item, VersionStatus.REPEALED, date, words)
            if LIST_HEAD.search(words) and re.search(ENDS, _masked(words)):
                for item, listed in _listed(lines[number + 1 :]):
                    yield _clause(item, VersionStatus.REPEALED, date, listed)
            for item in _amended(words):
                yield _clause(item, VersionStatus.SUPERSEDED, date, words)


def _items(words: str) -> list[re.Match[str]]:
    return list(ITEM.finditer(words))


def _masked(words: str) -> str:
    """``words`` with the insides of 《》 blanked: a verb in a title (《关于废止…的决定》)
    says nothing of this document."""
    return re.sub(r"《[^《》]*》", lambda m: "《" + "＿" * (len(m.group()) - 2) + "》", words)


def _run_before(items: list[re.Match[str]], words: str, end: int) -> list[re.Match[str]]:
    """The documents named one after another just before ``end`` (the verb)."""
    before = [item for item in items if item.end() <= end]
    if not before or not TO_VERB.fullmatch(re.sub(r"[\s，,]", "", words[before[-1].end() : end])):
        return []
    run = [before[-1]]
    for item in reversed(before[:-1]):
        if not BETWEEN.fullmatch(words[item.end() : run[0].start()]):
            break
        run.insert(0, item)
    while run and GROUNDS.search(words[: run[0].start()]):
        run.pop(0)  # 根据《XX法》予以废止: the law is the ground, not what is repealed
    return run


def _ended(words: str) -> Iterator[re.Match[str]]:
    """《A》、《B》…同时废止 / 予以废止 / 停止执行: the documents named before the verb."""
    items = _items(words)
    for verb in re.finditer(ENDS, _masked(words)):
        yield from _run_before(items, words, verb.start())


def _named_after_verb(words: str) -> Iterator[re.Match[str]]:
    """决定废止《A》和《B》: the documents named right after 废止."""
    items = _items(words)
    for verb in re.finditer(r"废止", _masked(words)):
        run = _run_after(items, words, verb.end())
        if run and FROM_VERB.match(words[verb.end() : run[0].start()]):
            yield from run


def _run_after(items: list[re.Match[str]], words: str, start: int) -> list[re.Match[str]]:
    """The documents named one after another from the first after ``start``."""
    run: list[re.Match[str]] = []
    for item in items:
        if item.start() < start:
            continue
        if run and not BETWEEN.fullmatch(words[run[-1].end() : item.start()]):
            break
        run.append(item)
    return run


def _listed(lines: list[str]) -> Iterator[tuple[re.Match[str], str]]:
    """The documents of a list under a 下列文件予以废止： line (one or more a line), each
    with its line."""
    for line in lines:
        if not line.strip():
            continue
        body = LIST_MARK.sub("", line).strip()
        items = _items(body)
        if not items or items[0].start() > 0:
            return
        for item in items:
            yield item, line


def _amended(words: str) -> Iterator[re.Match[str]]:
    """对《XX条例》作如下修改: the document amended."""
    for item in _items(words):
        if AMENDS.search(words[: item.start()]) and AMENDED.match(words[item.end() :]):
            yield item


def _amended_by_title(title: str, date: str | None) -> Iterator[RepealClause]:
    """关于修改《A》和《B》的决定: the documents a decision amends, named in its title."""
    head = re.search(r"关于修改", title)
    if head is None:
        return
    run = _run_after(_items(title), title, head.end())
    if run and BETWEEN.fullmatch(title[head.end() : run[0].start()]):
        for item in run:
            yield _clause(item, VersionStatus.SUPERSEDED, date, title)


def _clause(
    item: re.Match[str], effect: VersionStatus, date: str | None, words: str
) -> RepealClause:
    title, number = item.group(1), item.group(2) or item.group(3)
    return RepealClause(
        title=title.strip() if title else None,
        doc_number=plain_number(number) if number else None,
        effect=effect,
        date=date,
        text=words.strip(),
    )


def plain_number(number: str) -> str:
    """A 文号 as compared: no blanks, 〔〕 around the year, no 第 (浙政发[2018] 第12号 →
    浙政发〔2018〕12号)."""
    number = re.sub(r"\s", "", number)
    number = re.sub(r"[\[［(（](\d{4})[\]］)）]", r"〔\1〕", number)
    return re.sub(r"〕第(\d)", r"〕\1", number)


def plain_title(title: str) -> str:
    """A title as compared: no blanks, brackets or edition marks; 暂行 and 试行 left out
    (a 暂行办法 is replaced by its 办法), 中华人民共和国 too (notices often omit it), and
    修订后的 after 印发 (a notice issuing the revised text is the work's new version)."""
    plain = re.sub(r"[\s#《》〈〉<>“”\"]", "", title)
    plain = EDITION.sub("", plain)
    plain = REVISED_ISSUED.sub("", TRIAL.sub("", plain))
    return plain.removeprefix("中华人民共和国")


def same_title(named: str, title: str) -> bool:
    """Whether a title a notice names (``plain_title``) is ``title`` (``plain_title``): the
    same; the same 关于… with the issuer left out (《关于X的通知》 for 浙江省人民政府关于X的通知);
    or the measure a 印发 notice carries (《X办法》 for 浙江省人民政府关于印发X办法的通知)."""
    if named == title:
        return True
    carried = CARRIES.search(title)
    if carried and carried.group(1) == named:
        return True
    return named.startswith("关于") and title.endswith(named) and "关于" not in title[: -len(named)]


def named_documents(
    clause: RepealClause,
    notice: tuple[str, DocumentMeta],
    metas: list[tuple[str, DocumentMeta]],
) -> list[str]:
    """The documents of ``metas`` a notice's clause names: by 文号 when it gives one the
    library has; else by title, among those made before the notice in its region, without
    another 文号, and (when several bodies have one by that title) issued by its body."""
    notice_id, meta = notice
    earlier = [
        (doc_id, other)
        for doc_id, other in metas
        if doc_id != notice_id
        and other.doc_kind not in NOT_NOTICES
        and not (other.date and meta.date and other.date > meta.date)
    ]
    if clause.doc_number:
        by_number = [
            d
            for d, m in earlier
            if m.doc_number and plain_number(m.doc_number) == clause.doc_number
        ]
        if by_number:
            return by_number
    if not clause.title:
        return []
    named = plain_title(clause.title)
    found = [
        (doc_id, other)
        for doc_id, other in earlier
        if same_title(named, plain_title(other.title))
        and not (clause.doc_number and other.doc_number)
        and not (meta.region_code and other.region_code and meta.region_code != other.region_code)
    ]
    own = [
        doc_id for doc_id, other in found if other.authority and other.authority == meta.authority
    ]
    bodies = {other.authority for _, other in found}
    return own if own and len(bodies) > 1 else [doc_id for doc_id, _ in found]


def takes_effect(text: str) -> str | None:
    """The day a text says it takes effect (自2020年1月1日起施行), if it names one."""
    found = TAKES_EFFECT.search(text)
    return iso_date(found.group(1)) if found else None
