"""Signs that a meeting's name is one event, for ``kg_patterns``: anniversary gatherings
(庆祝某某成立100周年大会), leaders' meetings of a pair of countries (中冰领导人会晤), an
edition that opens a name (第二十届|全国冬季运动会), and the words that may follow an
event's name (…大会|精神, …会议|期间, …大会|12月21日|开幕).

>>> anniversary_start("在庆祝某某协会成立60周年大会上", 13)
1
>>> leaders_pair("中冰领导人会晤", 0, 5), leaders_pair("两国领导人会晤", 0, 5)
(True, False)
>>> designated_period("全国护河宣传月"), designated_period("十年"), designated_period("护苗行动")
(True, False, False)
>>> designated_period("5·20全国护河宣传日"), designated_period("十日")
(True, False)

Also a meeting verb after 在 and a place (在某地|会晤, ``met_at_place``), no name.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Container, Mapping, Sequence

from kg.nlp.components.heads.words import (
    EDITION_LEAD,
    HAN,
    ORDINAL,
    YEAR_NUMERALS,
    YEAR_OPT,
    YEAR_TEXT,
)
from kg.nlp.text import jieba_tags

# what the news says right after an event's name: its spirit, its time, its sessions
EVENT_AFTER = frozenset(
    {
        "精神",
        "期间",
        "开幕式",
        "闭幕式",
        "开幕会",
        "闭幕会",
        "主席团",
        "会场",
        "前夕",
        "召开",
        "举行",
        "开幕",
        "闭幕",
    }
)
# a session of an event in a place runs on after its head (“某某”全球对话会|某国专场, “…”系列
# 发布会|甲、乙专场): a few characters, a place or two, before 专场 (:func:`session_after`)
SESSION_AFTER = re.compile(r"[\u4e00-\u9fff、]{1,6}?专场")


def session_after(norm: str, i: int) -> bool:
    """Whether a session in a place follows an event's head ending at ``i``: at most six
    characters and no verb before 专场 (…对话会|美国专场, not …对话会|举行美国专场 or
    …会|期间还举办了某某专场: a clause of its own).

    >>> session_after("对话会美国专场在纽约举行", 3), session_after("对话会举行美国专场", 3)
    (True, False)
    >>> session_after("发布会海南、江西专场", 3), session_after("会期间还举办了纺织业专场", 1)
    (True, False)
    """
    m = SESSION_AFTER.match(norm, i)
    if m is None:
        return False
    gap = norm[i : m.end() - 2]
    tags = jieba_tags()
    return not any(
        tags.get(gap[a : a + k]) == "v" for a in range(len(gap)) for k in (2, 3, 4)
    )
# a date after the name (…大会|12月21日|开幕, …论坛|27日|举行)
DATE_AFTER = re.compile(
    r"(?:[\d一二三四五六七八九十]{1,2}月)?[\d一二三四五六七八九十]{1,3}(?:日|号)"
)
# an edition or a year that opens a name (第十四届|…, 2025年|…), or a body's term of ten or
# more written without 第 (十七届|某某委员会第十二次会议; not a count: 连续三届)
EDITION_OPENS = re.compile(
    rf"{YEAR_OPT}{ORDINAL}(?:届|次)|{YEAR_TEXT}年?(?=[\u4e00-\u9fff])"
    r"|[一二三四五六七八九]?十[一二三四五六七八九]?届(?=[\u4e00-\u9fff])"
)
# 庆祝|纪念 … N周年 right before the head, whatever act it counts from (成立, 诞辰, 胜利,
# 建交, 回归祖国; 某省建省办经济特区N周年)
_ANNIVERSARY = re.compile(r"(?:庆祝|纪念)[^，。；：、\n]{0,24}?[\d一二三四五六七八九十百]+周年\Z")
# a pair of countries or regions named by their first characters (中欧, 中非, 中美, 中日韩)
_PAIR = re.compile(r"中[\u4e00-\u9fff]{1,2}(?:领导人|元首|首脑)\Z")
_NOT_PAIR = frozenset("方国外央共部期间等")


# an anniversary right before an event's head, with what the gathering does (某某成立70
# 周年|庆祝|大会, 某某诞辰一百周年|纪念|大会) or its series and level (某组织成立80周年|
# 系列高级别|会议)
_ANNIVERSARY_BEFORE = re.compile(
    r"[\d一二三四五六七八九十百]+周年(?:纪念|庆祝)?(?:系列)?(?:高级别)?\Z"
)


def anniversary_before(norm: str, start: int, hs: int) -> bool:
    """Whether the name ``norm[start:hs]`` ends in an anniversary, with three characters or
    more of what it is the anniversary of before it: one gathering (某某发表70周年|纪念
    大会, 某自治区成立60周年|庆祝活动), where 周年大会 alone is a class and a subject's own
    count (建校90周年|庆祝大会) no name.

    >>> anniversary_before("某某原则发表70周年纪念大会", 0, 12)
    True
    >>> anniversary_before("70周年大会", 0, 4), anniversary_before("建校90周年庆祝大会", 0, 8)
    (False, False)
    """
    m = _ANNIVERSARY_BEFORE.search(norm, start, hs)
    return m is not None and m.start() - start >= 3


#: what a body or a state does whose anniversary a gathering marks: a boundary word that
#: cuts the name before it (某自治区成立|60周年庆祝活动, 甲乙建立|对话关系30周年纪念峰会)
FOUNDING_VERBS = frozenset({"成立", "建立"})


def ends_in_anniversary(norm: str, start: int, hs: int) -> bool:
    """Whether the name ``norm[start:hs]`` ends in an anniversary (…60周年|庆祝活动).

    >>> ends_in_anniversary("60周年庆祝活动", 0, 6), ends_in_anniversary("建校庆祝活动", 0, 4)
    (True, False)
    """
    return _ANNIVERSARY_BEFORE.search(norm, start, hs) is not None


def anniversary_start(norm: str, hs: int) -> int | None:
    """The start of an anniversary gathering's name whose head starts at ``hs``
    (庆祝某某成立60周年|大会): where 庆祝 or 纪念 opens it, within one clause."""
    m = _ANNIVERSARY.search(norm, max(0, hs - 40), hs)
    return m.start() if m is not None else None


def leaders_pair(norm: str, start: int, hs: int) -> bool:
    """Whether ``norm[start:hs]`` is a pair of countries and its leaders (中欧领导人,
    中美元首), the body of a leaders' meeting; not 两国领导人, 中方领导人."""
    m = _PAIR.search(norm, start, hs)
    return m is not None and m.start() == start and norm[start + 1] not in _NOT_PAIR


# a body's numbered session named by the body (某某双边合作联委会|第十九次|会议): a body
# written with its own head (…会) of four or more characters before the ordinal, so not a
# short reference (常委会|第七次会议), and no term in it (a session of a term is
# ``editions``'s: 十四届某某常委会第七次会议)
_NUMBERED_SESSION = re.compile(
    r"(?:(?![第届])[\u4e00-\u9fff]){3,}会第[一二三四五六七八九十百零〇\d]+次(?:全体)?\Z"
)
# an anniversary counted right before the head (某党建党80周年|庆祝活动, 某会成立60周年纪念|
# 大会): the gathering of one anniversary, its owner named (not 举行|建校90周年庆祝大会; the
# caller asks for a known name at its start)
_YEARS_BEFORE = re.compile(r"[\u4e00-\u9fff]{3,}[\d一二三四五六七八九十百]+周年(?:庆祝|纪念)?\Z")


def numbered_session(norm: str, start: int, hs: int, known: bool = False) -> bool:
    """Whether ``norm[start:hs]`` is a body's numbered session (see ``_NUMBERED_SESSION``)
    of a body named by a pair of countries (中某…联委会: 中 and the partner's first
    character, not 中央, 中国) or by a ``known`` country or organisation that opens it; not
    a class of bodies (每届某某人民代表大会第一次会议) nor a short form (常务委员会第N次会议).

    >>> numbered_session("中某合作联委会第十九次会议", 0, 11)
    True
    >>> numbered_session("某某合作联委会第十九次会议", 0, 11)
    False
    >>> numbered_session("常委会第七次会议", 0, 6)
    False
    >>> numbered_session("十四届某某常委会第七次会议", 0, 11)
    False
    """
    if _NUMBERED_SESSION.fullmatch(norm, start, hs) is None:
        return False
    return known or (norm[start] == "中" and norm[start + 1] not in _NOT_PAIR)


def counted_anniversary(norm: str, start: int, hs: int) -> bool:
    """Whether the whole name ``norm[start:hs]`` is what an anniversary counts from and the
    count (某某成立30周年|招待会), three characters or more before the count: the stricter
    test of :func:`anniversary_before` that a name found by its shape alone must pass.

    >>> counted_anniversary("某党建党80周年庆祝活动", 0, 8), counted_anniversary("80周年活动", 0, 4)
    (True, False)
    """
    return _YEARS_BEFORE.fullmatch(norm, start, hs) is not None


# the heads of a celebration: named by what it celebrates (an anniversary, a quoted title),
# not by its season (迎新春|庆祝活动) or a class of days
CELEBRATION_HEADS = frozenset({"庆祝活动"})
# a closing quote at or in a name: its title (“某某”|线上庆祝活动)
TITLED = re.compile("[”’》]")


def opens_clause(norm: str, start: int, word_before: str, verbs: Container[str]) -> bool:
    """Whether a name found by its shape alone starts where a name may: at the text's
    start, after a mark or a digit (not a closing bracket), or after a verb (出席|某某联委会
    第十九次会议); not after a conjunction or a word jieba cut out of the name (中越|…,
    各国|议会联盟…, 和|平…).

    >>> opens_clause("出席某某会", 2, "出席", {"出席"}), opens_clause("和平某某会", 1, "和", set())
    (True, False)
    """
    if start > 0 and norm[start - 1] in "）)":
        return False  # 某某（某地）|…: the name runs on before the bracket
    return start == 0 or not HAN.match(norm[start - 1]) or word_before in verbs


_OWNER_TYPES = frozenset({"GovernmentBody", "Organization", "Country", "Location"})


_COUNT_ONLY = re.compile(r"[\d一二三四五六七八九十百]+周年(?:庆祝|纪念)?\Z")


def anniversary_owner(
    norm: str,
    start: int,
    hs: int,
    word_before: str,
    named_end: Mapping[int, int],
    named_type: Mapping[int, str],
) -> int | None:
    """Where an anniversary's name starts when the left edge stopped at the act it counts
    from (某协会|成立|80周年庆祝活动): at the known body, organisation or place right before
    that word; None when no such owner is named.

    >>> text = "出席某协会成立80周年庆祝活动"
    >>> anniversary_owner(text, 7, 11, "成立", {2: 5}, {2: "Organization"})
    2
    """
    if not _COUNT_ONLY.fullmatch(norm, start, hs) or not word_before:
        return None
    return known_before(start - len(word_before), named_end, named_type)


def known_before(start: int, named_end: Mapping[int, int], named_type: Mapping[int, str]):
    """The start of a known body, organisation or place that ends right at ``start``
    (某党校|建校90周年庆祝大会: the anniversary is its own), else None."""
    for a, e in named_end.items():
        if e == start and named_type.get(a) in _OWNER_TYPES:
            return a
    return None


# who a meeting gathers, named before its head (某组织同某某国家领导人|对话会)
_PARTICIPANTS = re.compile(r"(?:领导人|元首|首脑|外长|部长)\Z")
# the part after 同/与 of a name that lists its participants: name characters and the
# conjunctions of a list (某组织同|某洲国家及其他某某和某某国家领导人)
_PARTNERS = re.compile(r"[\u4e00-\u9fff]{2,40}")


def participants_start(
    norm: str, start: int, hs: int, named_end: Mapping[int, int], named_type: Mapping[int, str]
) -> int | None:
    """Where a meeting's name that lists its two sides starts (某组织同某洲国家及其他某某国家
    领导人|对话会): the body before the head names who attend (``_PARTICIPANTS``), and a
    known country or organisation right before 同 or 与 opens the name, the text between
    them a run of name characters within the clause. None when there is no such side.

    >>> text = "出席某组织同某洲国家及其他国家领导人对话会"
    >>> participants_start(text, 11, 18, {2: 5}, {2: "Organization"})
    2
    >>> participants_start("某国同某国领导人会晤", 3, 8, {}, {}) is None
    True
    """
    if not _PARTICIPANTS.search(norm, start, hs):
        return None
    lo = max(0, start - 40)
    for a in sorted(named_end, reverse=True):
        if a >= start or a < lo:
            continue
        e = named_end[a]
        if (
            named_type.get(a) in ("Country", "Organization")
            and e < start
            and norm[e] in "同与"
            and _PARTNERS.fullmatch(norm, e + 1, hs)
        ):
            return a
    return None


# heads that are also verbs of meeting: after 在 and a place they say where two sides meet
MEETING_VERBS = frozenset({"会晤"})


def met_at_place(
    norm: str,
    start: int,
    hs: int,
    head: str,
    named_end: Mapping[int, int],
    named_type: Mapping[int, str],
) -> bool:
    """Whether a meeting verb used as a head follows 在 and a place alone (双方将在某地|
    会晤: where they meet, no event's name); 中欧领导人会晤, 某地峰会 are names.

    >>> met_at_place("在某地会晤", 1, 3, "会晤", {1: 3}, {1: "Location"})
    True
    >>> met_at_place("某地峰会", 0, 2, "峰会", {0: 2}, {0: "Location"})
    False
    """
    if head not in MEETING_VERBS or named_end.get(start) != hs:
        return False
    if named_type.get(start) not in ("Location", "Country"):
        return False
    # 在 right before the place, or before the words that say which (在某国首都|某地)
    return _AT_PLACE.search(norm, max(0, start - 8), start) is not None


_AT_PLACE = re.compile(r"在[\u4e00-\u9fff]{0,6}?(?:首都|首府|城市|市|港|岛)?\Z")


def counted_meetings(norm: str, start: int, hs: int, head: str) -> bool:
    """Whether a meeting verb used as a head is counted by how often the sides met (两国元首
    两度|会晤, 某地和某地三次|会晤, 多次|会晤): a verb, no event's name; a numbered session
    (某某领导人第十五次|会晤) is a name.

    >>> counted_meetings("我们在某地两度会晤", 3, 7, "会晤")
    True
    >>> counted_meetings("某国领导人第十五次会晤", 0, 9, "会晤")
    False
    """
    return head in MEETING_VERBS and _COUNTED.search(norm, start, hs) is not None


# how often, not which one: a number (no 第 before it) or 数/几/多 with 次 or 度
_COUNTED = re.compile(
    r"(?<![第\d一二三四五六七八九十两])(?:[两二三四五六七八九十]+|\d+|数|几|多)[度次]"
)


# a designated period or festival named in quotes before 活动 (“某某宣传月”活动, “某某文化年”
# 活动, “某某购物节”系列活动): the campaign is an event (GUIDELINES: campaign weeks,
# designated years, festivals), not a programme; not a count of years (“三年”); a designated
# day too, its date before it (“5·15全国某某保护宣传日”活动, “全国某某日”系列活动)
_PERIOD_NAME = re.compile(
    r"(?:\d{1,2}[·.．]\d{1,2})?[\u4e00-\u9fff]+[^\d一二三四五六七八九十百千两几多个][月周节年日]"
)


# a plenary session names its term (某党二十三届|四中全会): 三中全会 alone is a short
# reference, 这是|六中全会 no name
PLENUM = re.compile(r"(?:中国共产党|中共)?[一二三四五六七八九十]+届[一二三四五六七八九十]+中全会\Z")
# the term and the session of a plenum (二十二届|三中全会)
PLENUM_TERM = re.compile(r"[一二三四五六七八九十]+届[一二三四五六七八九十]+中全会\Z")
# what may stand before a plenum's term in its name: the party (the CPC, the eight others)
PLENUM_OWNER = frozenset(
    {"党的", "党", "中国共产党", "中共", "民革", "民盟", "民建", "民进", "农工党", "致公党"}
    | {"中国致公党", "九三学社", "台盟"}
)


def designated_period(inner: str) -> bool:
    """Whether a quoted name is a designated period or a festival (see ``_PERIOD_NAME``)."""
    return _PERIOD_NAME.fullmatch(inner) is not None


# a year and an edition at a name's start (2040年第37届|…, 二〇四〇年|…)
_LEAD = re.compile(f"(?:{YEAR_NUMERALS})?{EDITION_LEAD}")
_GAMES_SCOPE = ("全国", "世界", "亚洲")
# jieba's tag of place names (not nr: jieba gives it to verbs as well, 祝福)
PROPER_TAGS = frozenset({"ns"})
# what may follow the place in a longer name of games (某市|第25届亚运会, 某市|世界大运会)
_GAMES_TAIL = re.compile(
    rf"{YEAR_OPT}(?:{ORDINAL}届)?"
    r"(?:夏季|冬季|世界|全国|特殊|残疾人|青年|亚洲)*"
)  # fmt: skip


def games_host(
    norm: str,
    start: int,
    hs: int,
    token_starts,
    named: Sequence[int],
    named_end: Mapping[int, int],
    dictionary: Container[str],
    tags: Mapping[str, str] | None = None,
) -> int | None:
    """Where a longer name of games ending in a short head (奥运会, 残奥会) at ``hs``
    starts, searched from ``start``: at a known place (``named``: the sorted starts of known
    names, ``named_end`` their ends) or a proper name no ``dictionary`` word (the last
    token, from ``token_starts``) or a place name the dictionary holds (``tags``: jieba's
    tag ns, 某山|冬奥会), with an optional year or edition before it and only a
    year, an edition or a qualifier (夏季, 世界…) after it (2042年某市亚运会, 某市第25届亚运会,
    上届|某市奥运会), or at a year, an edition or a scope (2040年第37届夏季奥运会, 全国特奥会);
    None for a phrase (连续三届|残奥会, 祝贺|…).

    >>> games_host("2031年第40届夏季奥运会", 0, 11, b"\\x01" * 16, [], {}, set())
    0
    >>> games_host("连续三届残奥会", 0, 4, b"\\x01\\x00\\x01\\x00\\x01", [], {}, {"三届"})
    """
    lead = _LEAD.match(norm, start, hs).end()
    if (lead > start or norm.startswith(_GAMES_SCOPE, start)) and _GAMES_TAIL.fullmatch(
        norm, lead, hs
    ):
        return start  # 2040年第37届夏季奥运会, 全国特奥会: a year or the scope
    lo, hi = bisect.bisect_left(named, start), bisect.bisect_left(named, hs)
    hosts = [p for p in named[lo:hi] if _GAMES_TAIL.fullmatch(norm, named_end[p], hs)]
    b = token_starts.rfind(1, start, hs)  # the last token before the head
    if b >= lead and hs - b >= 2 and HAN.fullmatch(norm, b, hs):
        w = norm[b:hs]
        if w not in dictionary or (tags is not None and tags.get(w) in PROPER_TAGS):
            hosts.append(b)  # 某地|冬奥会: a proper name jieba's HMM cut, or a place's
    if not hosts:
        return None
    p = min(hosts)
    return start if lead == p else p  # 2042年|某市亚运会: the year is in the name
