"""A designated day, week or festival the text says a date is, for ``kg_patterns``:
今天是(第N个)世界某某日, 今天（某月某日）是“全国某某宣传周”, 纪念“国际某某日”. The
name opens with its scope (世界, 国际, 全国, 中国, 联合国) and ends in 日, 节, 周 or 月,
in one clause; the ordinal (第N个) is the count of its editions, not part of the name.
GUIDELINES: designated days and weeks are events (campaign weeks, festivals).

>>> day_names("今天是第9个全国某某宣传日，主题为…"), day_names("纪念“国际某某日”。")
(['全国某某宣传日'], ['国际某某日'])
>>> day_names("今天是第三十九次全国某某日。")
['全国某某日']
>>> day_names("春节是中国最重要的传统节日。"), day_names("这是世界上最大的电站之一。")
([], [])

Also the activities of a designated period its year names, whatever its scope
(2031年某某遗产日主场城市活动, 2031年全国某某招聘月活动, 2031年某某援助月专项活动): the
year's campaign is one event (GUIDELINES: campaign weeks, festivals); not a count of
periods (2031年3个月活动) nor a clause (2031年的某某周期活动).

>>> text = "2031年全国某某招聘月活动启动，2031年某某遗产日主场城市活动举行"
>>> [m.group() for m in ACTIVITY.finditer(text)]
['2031年全国某某招聘月活动', '2031年某某遗产日主场城市活动']
>>> [m.group() for m in ACTIVITY.finditer("2031年的太阳周期活动，2031年3个月活动")]
[]

And a designated period named in quotes with no head after it (迎“某某遗产日”, 举办“某某
购物节”, 今年6月是“安全某某月”, 启动“2031某某促进年”): the day, week, month, festival or
year itself; not a common
word that ends in the same character (“青山望明月”, “三个重要环节”), nor a theme or a
longer name's start (主题为“…”, “某某日”主题活动).

>>> [m.group("name") for m in quoted_names("多彩活动迎“某某遗产日”，举办“某某购物节”。")]
['某某遗产日', '某某购物节']
>>> [m.group("name") for m in quoted_names("举行“某某日”游行，主题为“某某春节”的晚会")]
[]
>>> quoted_period("青山望明月"), quoted_period("三个重要环节"), quoted_period("还需数日")
(False, False, False)
>>> quoted_period("2031某某消费促进年"), quoted_period("开局之年"), quoted_period("腊月忙如年")
(True, False, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.heads.event_names import designated_period
from kg.nlp.components.heads.words import YEAR_TEXT
from kg.nlp.text import jieba_tags, norm_name

# 是|纪念, an edition count (第N个, 第N次, 第N届), the scope and a few characters of name,
# the head; quotes allowed around the name; the clause must end there (not 是中国四大传统
# 节日之一)
DAY = re.compile(
    r"(?:是|纪念)(?:第[\d一二三四五六七八九十百]+(?:个|次|届))?(?P<q>“)?"
    r"(?P<name>(?:世界|国际|全国|中国|联合国)[\u4e00-\u9fff]{1,12}?(?:日|节|周|月))"
    r"(?(q)”)(?=[，。；、（(\s]|$)"
)
# what no name of a day holds: a relative or superlative phrase, a count (中国最重要的
# 传统节日, 世界上最大的…), a generic word of festivals
_NOT_NAME = re.compile(r"[的最之一上个些]|节日|假日")


def day_spans(norm: str):
    """The spans of the names of designated days in ``norm``."""
    for m in DAY.finditer(norm):
        a, b = m.span("name")
        if not _NOT_NAME.search(norm, a + 2, b):
            yield a, b


def day_names(norm: str) -> list[str]:
    """The names of designated days in ``norm`` (see the module docstring)."""
    return [norm[a:b] for a, b in day_spans(norm)]


def designated_days(st, norm: str) -> None:
    """Add the designated days the text names (see the module docstring); nothing where a
    name is already known there."""
    cands = st.candidates
    n = len(cands)
    for a, b in day_spans(norm):
        if any(x.start <= a and x.end >= b for x in cands[:n]):
            continue  # a gazetteer day (全国科普日) or a longer name
        label = norm_name(st.text[a:b])
        cands.append(Mention(a, b, st.text[a:b], "Event", open_key("Event", label), label, "day"))


# a year, the period's name (four to fourteen characters, no 的) and what names its
# activities (活动, 主场活动, 主场城市活动, 专项活动, 纪念活动, 系列活动)
ACTIVITY = re.compile(
    rf"{YEAR_TEXT}年(?P<period>[^\W\d的_]{{3,13}}?[日周月节])"
    r"(?:主场城市|主场|城市|专项|纪念|系列|主题)?活动"
)


# what ends every such name (a class first: found faster than the year that opens it)
_ACTIVITY_END = re.compile(r"[日周月节](?:主场城市|主场|城市|专项|纪念|系列|主题)?活动")


def period_activities(st, norm: str) -> None:
    """Add the activities of a designated period its year names (see the module
    docstring); nothing where a name as long is already known there, nor where the
    period itself is a known event (2031年全国某某宣传周|活动: the week is the event)."""
    if "活动" not in norm or _ACTIVITY_END.search(norm) is None:
        return
    cands = st.candidates
    n = len(cands)
    for m in ACTIVITY.finditer(norm):
        a, b = m.span()
        p = m.end("period")
        if not designated_period(m.group("period")) or any(
            (x.start <= a and x.end >= b) or (x.end == p and x.type == "Event") for x in cands[:n]
        ):
            continue
        label = norm_name(st.text[a:b])
        # one key with and without the scope (2031年全国某某招聘月活动 = 2031年某某招聘月活动)
        key = open_key("Event", label[:5] + label[5:].removeprefix("全国"))
        cands.append(Mention(a, b, st.text[a:b], "Event", key, label, "day"))


# a quoted name that ends in a period's head character, not a theme (主题为“…”), and what
# may follow it: the phrase ends, or a word of its time or course (“…”到来之际, 启动, 在…);
# a noun after it is a longer name's (“某某日”主题活动, “某某日”游行: that event's)
QUOTED = re.compile(
    r"“(?P<name>[\u4e00-\u9fff·\d]{2,16}[日周月节年])”"
    r"(?=[，。；：、！？\s]|$|的|启动|开幕|闭幕|在|到来|之际|当天|期间|举行|开展|正式)"
)
# a theme, not a period (主题为“…节”): looked at by hand, so that the pattern opens with a
# literal (found fast)
_THEME = ("主题为", "主题是")
# common words that end in a period's character: the moon (明月), a link (环节), a time
_NOT_PERIOD_ENDS = (
    "明月", "走月", "望月", "皓月", "环节", "季节", "细节", "情节", "礼节", "关节",
    "数日", "节日", "之日", "时日", "今日", "近日",
)  # fmt: skip


# a designated year is named by what it promotes (某某促进年, 某某教育年, 某某交流年): a noun
# or verb right before 年, as jieba tags it (not 开局之年, 腊月忙如年, 黄金三十年)
_YEAR_FIELD_TAGS = frozenset({"n", "v", "vn"})


def quoted_period(name: str) -> bool:
    """Whether a quoted ``name`` is a designated period (see the module docstring)."""
    if name.endswith("年") and jieba_tags().get(name[-3:-1]) not in _YEAR_FIELD_TAGS:
        return False
    return (
        designated_period(re.sub(f"^{YEAR_TEXT}", "", name))  # “2031某某促进年”: its year
        and not name.endswith(_NOT_PERIOD_ENDS)
        and not _NOT_NAME.search(name, 2)
    )


def quoted_names(norm: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`QUOTED` in ``norm`` that are no theme (主题为“…”)."""
    for m in QUOTED.finditer(norm):
        if norm[max(0, m.start() - 3) : m.start()] not in _THEME:
            yield m


def quoted_periods(st, norm: str) -> None:
    """Add the designated periods named in quotes (see the module docstring); nothing
    where a name is already known over the quotes (“某某春节”|线上庆祝活动)."""
    if "”" not in norm:
        return
    cands = st.candidates
    n = len(cands)
    for m in quoted_names(norm):
        a, b = m.span("name")
        if not quoted_period(m.group("name")) or any(
            x.start < b and x.end > a and (x.start < a or x.end > b or x.type == "Event")
            for x in cands[:n]
        ):  # (a place, country or body inside the quotes stays a name of its own:
            # “中某教育年”; an event inside them is the name: “甲网购节暨乙网购节”)
            continue
        label = norm_name(st.text[a:b])
        cands.append(Mention(a, b, st.text[a:b], "Event", open_key("Event", label), label, "day"))
