"""What a provision's words hold, read off its text alone: a term (or most of it), a
figure, advice; and whether the provision is a document's furniture, saying nothing."""

from __future__ import annotations

import functools
import re

from policykg.ingest.headings import CN_NUMERALS, markers_end
from policykg.ingest.measures import measure_key
from policykg.ingest.vocab import load_vocabulary
from policykg.retrieval.intent_rules import Quantity, states_quantity
from policykg.retrieval.shares import bigrams, share_in

# The share of a term's bigrams a text must hold to hold the term: most of them for a
# term the question wrote (记一等功 in 记一等功、记二等功); a part of one the English words
# were mapped to, which the texts may write shorter or longer (挂职锻炼: 挂职).
TERM_SHARE = 0.75
EN_TERM_SHARE = 0.3

# Quotation marks inside a term (“三公”经费, “放管服”改革) do not part its words.
_QUOTE_MARKS = re.compile(r"[“”\"‘’「」]")
# A short aside inside a term (乡镇（街道）干部, 党（工）委) is read through: the term
# with its other name, as official texts write it.
_ASIDE = re.compile(r"（[^（）]{1,3}）")

_FIGURE = re.compile(
    r"[0-9０-９]|[一二三四五六七八九十两百千万]+(?:[个名项类种条次年月日岁人元%]|倍|成)"
)
# Ordinal references (第六十四条, 第二款) number the text; they state no figure.
_ORDINAL = re.compile(rf"第[{CN_NUMERALS}\d]+[条款项目章节段次届]")
# A figure stated with its unit (10年 in 干满10年; not a year, not an article's number).
# A date's month or day (9月, 26日) dates the text and states no figure of it.
_STATED_NUMBER = re.compile(r"(?<![\d.年])\d{1,3}(?![\d.]|\s*[月日号时点])\s*[^\d\s，,。、；;？?]")
_ADVICE = re.compile(r"要|应当|应该|建议|鼓励|探索|需要|必须|宜")
# A question asking what is planned (打算涨到多少, 下一步准备怎么做, how many more does it
# plan) is answered by a text stating a plan, not by what was done.
_ASKS_PLAN = re.compile(
    r"打算|准备|计划|下一步|\bplan(?:s|ned)?\b|\bwill\b|\bgoing to\b|\bintends?\b",
    re.IGNORECASE,
)
_STATES_PLAN = re.compile(
    r"计划|拟|准备|争取|力争|下一步|明年|预计|将(?:在|于|把|对|继续|进一步|逐步|力争|全面)"
)

# A line that ends no sentence and is this short is a heading, a byline, an issuer's or
# an outlet's line (中共金寨县委书记　储卫东; 《新华日报》（2025年10月28日　第3版）): it
# frames what follows and says nothing itself.
FURNITURE_MAX_CHARS = 40
# An item of a list or an article may end no sentence: （五）在推进科技创新中先行探索.
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_TABLE_ROW = re.compile(r"[|｜].*[|｜]")
_DIGIT = re.compile(r"\d")


@functools.lru_cache(maxsize=4096)  # read per hit and term on every question
def term_forms(term: str) -> tuple[str, ...]:
    """The term and its measure key, when that is shorter (挂职锻炼: 挂职; 容错纠错机制:
    容错纠错): the graph keys both as one measure, and a text saying the key says it."""
    key = measure_key(term, load_vocabulary().rules)
    return (term, key) if key != term and len(key) >= 2 else (term,)


def holds(term: str, text: str, share: float = TERM_SHARE) -> bool:
    """The term itself, or enough of its bigrams (quotation marks and short asides read
    through)."""
    if term in text:
        return True
    if "“" in text or '"' in text or "「" in text or "‘" in text:
        text = _QUOTE_MARKS.sub("", text)
        if term in text:
            return True
    if "（" in text and term in _ASIDE.sub("", text):
        return True
    return share_in(bigrams([term]), text) >= share


def stated_numbers(text: str) -> set[str]:
    """The figures the text states with their units (10年, 300元), spaces dropped."""
    return {re.sub(r"\s", "", n) for n in _STATED_NUMBER.findall(_ORDINAL.sub("", text))}


def numbers_held(numbers: set[str], text: str) -> float:
    """The share of a question's stated figures the text states too, as figures: a
    provision states 满10年 when it writes the same figure in the same unit."""
    if not numbers:
        return 0.0
    return len(numbers & stated_numbers(text)) / len(numbers)


def states_figure(text: str, quantity: Quantity | None = None) -> bool:
    """Whether the text states a figure (of the asked kind: 每两年 for how often)."""
    plain = _ORDINAL.sub("", text)
    return states_quantity(plain, quantity) if quantity else bool(_FIGURE.search(plain))


def asks_plan(question_text: str) -> bool:
    """Whether a question (or a part of one) asks what is planned."""
    return _ASKS_PLAN.search(question_text) is not None


def states_plan(text: str) -> bool:
    """Whether a provision states a plan (拟, 计划, 下一步, 将进一步 …)."""
    return _STATES_PLAN.search(text) is not None


def advises(text: str) -> bool:
    """Whether a provision advises or requires (要, 应当, 建议, 鼓励 …)."""
    return bool(_ADVICE.search(text))


def is_furniture(text: str) -> bool:
    """Whether a provision is a document's furniture, not evidence of anything: also a
    question (问：…？, 你身边有哪些扎根基层的年轻干部？) asks and says nothing."""
    stripped = text.strip()
    if stripped.endswith(("？", "?")):
        return True
    if _TABLE_ROW.fullmatch(stripped) and _DIGIT.search(stripped):
        return False  # a table's row of figures (| 加分 | 参加防汛…任务 | 每次加5分 |)
    return (
        len(stripped) <= FURNITURE_MAX_CHARS
        and not _SENTENCE_END.search(stripped)
        and markers_end(stripped) == 0  # an item's markers (（五）, - ), an article's: content
    )
