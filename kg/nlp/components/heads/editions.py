"""Editions, sessions and periods in the names of ``kg_patterns``: an edition that opens
an event's name (第三届|山货购物节), a body's numbered session (全国政协十五届二次会议),
a period that dates a plan (造纸行业中长期发展规划), the prefixes that make a name
specific (国家…, 第十四届…), and the organisers an event names (X运动会|组委会).

>>> EDITION.sub("", "2021年第三届山货购物节")
'山货购物节'
>>> specific("第十四届全国运动会", 0, set()), specific("某某运动会", 0, set())
(True, False)
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.heads.event_names import EDITION_OPENS, PLENUM_OWNER, games_host
from kg.nlp.components.heads.words import (
    EDITION_LEAD,
    EDITION_TEXT,
    ORDINAL,
    YEAR_OPT,
    YEAR_TEXT,
    DocView,
    segmenter_freq,
)
from kg.nlp.text import jieba_tags, norm_name

ORDINAL_IN = re.compile(rf"{ORDINAL}(?:届|次|期)")
# an edition right before a quoted name (第三届|“…”论坛), or a term of ten or more
# without 第 before a session, after its party (中共十九届|四中全会, 民革二十届|四中全会)
EDITION_BEFORE = re.compile(
    rf"{YEAR_OPT}{ORDINAL}(?:届|次|期)\Z"
    r"|(?:" + "|".join(sorted(PLENUM_OWNER - {"党的", "党"}, key=len, reverse=True)) + ")?"
    r"[一二三四五六七八九]?十[一二三四五六七八九]?届\Z"
)
EDITION = re.compile(
    rf"^{EDITION_LEAD}"
)
# the same, matched at a position (``EDITION.match`` from a position finds nothing)
EDITION_AT = re.compile(EDITION.pattern[1:])
ORDINAL_OPEN = re.compile(rf"{YEAR_OPT}{ORDINAL}(?:届|次)")

# a weak head's name is specific when it opens with one of these, a year, a period
# (“十四五”, 2021—2025年) or an edition (第三届)
SPECIFIC_PREFIX = (
    "国家",
    "全国",
    "全军",
    "中国",
    "中华",
    "中央",
    "国际",
    "世界",
    "全球",
    "亚洲",
    "亚太",
    "首届",
)
# class nouns that stand before an organisation's name in apposition (高新技术企业|X公司);

# the bodies an event names (X运动会|组委会, X纪念活动|新闻中心)
EVENT_ORGANS = ("组织委员会", "组委会", "执委会", "筹委会", "新闻中心")

# an edition of a recurring event at a name's start (第二届|…峰会, or its year alone:
# 2031|某某企业家峰会), not a body's session
EDITION_OF_SERIES = re.compile(
    rf"{EDITION_TEXT}|{YEAR_TEXT}年?(?=[\u4e00-\u9fff])"
)
# an edition before an award's quoted name, the award's field between them (第N届|某某文艺|
# “某某奖”颁奖典礼): the edition opens the ceremony's name
EDITION_FIELD_BEFORE = re.compile(
    rf"{EDITION_TEXT}[\u4e00-\u9fff]{{0,6}}\Z"
)


def edition_start(norm: str, start: int, place_at: bool = False) -> int:
    """Where an event's name starts when an edition stands before ``start``: right before
    it (2024第N届|某某自行车赛), or before a quoted award with its field between them
    (第N届某某文艺|“某某奖”颁奖典礼); a race around a place (``place_at``: a known place
    at ``start``) keeps its 环 (第N届环|某某湖自行车赛).

    >>> edition_start("第十届环某湖自行车赛", 4, place_at=True)
    0
    >>> edition_start("第三届电视文艺“某某奖”颁奖典礼", 7), edition_start("举办某某奖", 2)
    (0, 2)
    """
    if place_at and start > 0 and norm[start - 1] == "环":
        start -= 1
    lo = max(0, start - 20)
    e = (EDITION_FIELD_BEFORE if norm.startswith("“", start) else EDITION_BEFORE).search(
        norm, lo, start
    )
    return e.start() if e is not None else start


# the festivals a gathering is held for each year (the public holidays and the traditional
# festivals): dated, 2031年春节|团拜会 is that year's one gathering, not a class
FESTIVALS = ("春节", "新春", "迎春", "新年", "元旦", "元宵", "清明", "端午", "中秋", "重阳", "国庆")


def festive(canon: str, head: str | None) -> bool:
    """Whether a name, its edition gone, is a festival and a gathering's head alone
    (春节团拜会, 新年茶话会): with its year it names that year's gathering.

    >>> festive("春节团拜会", "团拜会"), festive("新春联欢会", "联欢会")
    (True, True)
    >>> festive("团拜会", "团拜会"), festive("校友联欢会", "联欢会")
    (False, False)
    """
    return head is not None and canon[: len(canon) - len(head)] in FESTIVALS


def session_of(name: str, canon: str, type_: str) -> bool:
    """Whether an event's name is a numbered session of an assembly an organisation is
    (第N届|某组织大会: the organisation's folded name, numbered by 届): one session, an
    event, not the organisation.

    >>> session_of("第80届联合国大会", "联合国大会", "Event")
    True
    >>> session_of("联合国大会", "联合国大会", "Event")
    False
    """
    prefix = name[: len(name) - len(canon)] if name.endswith(canon) else ""
    return type_ == "Event" and TERM.search(prefix) is not None


# what a dated plan's name needs besides its period (中长期发展规划 names no plan)
RANKED = re.compile(r"[级份照]")
PLAIN_BODIES = frozenset({"发展", "建设", "改革", "工作", "国家", "全国", "我国", "国民经济"})
# a period inside a plan's name: 中长期, 2021—2025年
PERIOD_IN = re.compile(
    rf"中长期|{YEAR_TEXT}[—–－-](?:19|20)?\d{{2}}年|"
    r"(?<![\d一二三四五六七八九十])[三五十]年\Z"
)  # (searched up to the head) a span of years right before it: 基础研究十年|规划
PERIOD = re.compile(
    rf"(?:{YEAR_TEXT}|{ORDINAL}(?:届|次|期|个)|"
    r"[一二三四五六七八九十]{1,3}五(?!年)"
    r"|[一二三四五六七八九十]{3}五(?=年))"
)  # 十四五 or a whole year in words, not its tail (二〇二|五年: 〇 cuts a name's span)


BODY_TYPES = frozenset({"GovernmentBody", "Ministry"})
TERM = re.compile(r"第?([一二三四五六七八九十百零〇\d]+)届")
SESSION = re.compile(r"第?([一二三四五六七八九十百零〇\d]+)次(?:全体)?会议\Z")
CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}


def cn_number(s: str) -> int | None:
    """A number written in digits or in Chinese up to 999 (十四 → 14, 二十五 → 25).

    >>> cn_number("十四"), cn_number("二十五"), cn_number("3"), cn_number("一百零二")
    (14, 25, 3, 102)
    """
    if s.isdigit():
        return int(s)
    total, cur = 0, 0
    for ch in s:
        if ch in CN_DIGITS:
            cur = CN_DIGITS[ch]
        elif ch == "十":
            total += (cur or 1) * 10
            cur = 0
        elif ch == "百":
            total += (cur or 1) * 100
            cur = 0
        else:
            return None
    return total + cur


def session_key(body: str, surface: str, rest: str) -> str | None:
    """The key of a body's numbered session, the same whatever form names the body and
    its term (全国政协十五届二次会议 = 中国人民政治协商会议第十五届全国委员会第二次
    会议): the body's label, its term (届) and the session (次); ``surface`` is the body's
    name as written, ``rest`` what follows it (…|第三次会议); the term may be in either.

    >>> session_key("中国人民政治协商会议全国委员会", "全国政协十五届", "二次会议")
    'event/中国人民政治协商会议全国委员会第15届第2次会议'
    >>> session_key("某委员会", "某委员会", "第五届第二次全体会议")
    'event/某委员会第5届第2次会议'
    """
    m = SESSION.search(rest)
    if m is None:
        return None
    n = cn_number(m.group(1))
    t = TERM.search(rest, 0, m.start()) or TERM.search(surface)
    term = cn_number(t.group(1)) if t is not None else None
    if n is None:
        return None
    name = f"{body}第{term}届第{n}次会议" if term else f"{body}第{n}次会议"
    return open_key("Event", name)


# a plenary session of a body by its number: 第N次全体会议, or N次全会 written short
PLENARY = re.compile(r"第?([一二三四五六七八九十百零〇\d]+)次(?:全体会议|全会)\Z")
# what may stand before the term and the body in such a name: its party (中国共产党|第…)
TERM_BEFORE = re.compile(r"(?:中国共产党|中共)?第?([一二三四五六七八九十百零〇\d]+)届\Z")


def plenary_key(
    norm: str, start: int, he: int, bodies: list[tuple[int, int, str]]
) -> str | None:
    """The key of a body's numbered plenary session named with its term before the body
    (``bodies``: (start, end, label) of the known bodies inside ``norm[start:he]``, in
    text order): the body's label, the term and the number, the same for the long form
    and the short one (中国共产党第九届某某委员会第三次全体会议 = 九届某委三次全会, when the
    body's two forms are one body); None for any other name.

    >>> n1, n2 = "中国共产党第九届某某委员会第三次全体会议", "九届某委三次全会"
    >>> k1 = plenary_key(n1, 0, len(n1), [(8, 13, "某某委员会")])
    >>> k1 == plenary_key(n2, 0, len(n2), [(2, 4, "某某委员会")]), k1
    (True, 'event/某某委员会第9届第3次全体会议')
    >>> n3 = "某某委员会第三次全体会议"  # no term before the body
    >>> plenary_key(n1, 0, len(n1), []), plenary_key(n3, 0, len(n3), [(0, 5, "某某委员会")])
    (None, None)
    """
    if not bodies:
        return None
    bs, be, label = bodies[-1]
    m = PLENARY.fullmatch(norm, be, he)
    t = TERM_BEFORE.fullmatch(norm, start, bs)
    if m is None or t is None:
        return None
    n, term = cn_number(m.group(1)), cn_number(t.group(1))
    if n is None or term is None:
        return None
    return open_key("Event", f"{label}第{term}届第{n}次全体会议")


# the Central Committee's plenary session in full: the N中全会 of its term
CC_PLENARY = re.compile(
    r"(?:中国共产党|中共)第?([一二三四五六七八九十]+)届中央委员会第?([一二三四五六七八九十]{1,2})次全体会议"
)


def plenum_name(norm: str, start: int, he: int) -> str | None:
    """The short name of the CPC Central Committee's plenary session named in full
    (中国共产党第九届中央委员会第三次全体会议 → 九届三中全会), the name its short form
    has (``event_names.PLENUM``): one entity whichever form a story uses.

    >>> n = "中国共产党第九届中央委员会第三次全体会议"
    >>> plenum_name(n, 0, len(n)), plenum_name("某党第九届中央委员会第三次全体会议", 0, 17)
    ('九届三中全会', None)
    """
    m = CC_PLENARY.fullmatch(norm, start, he)
    return f"{m.group(1)}届{m.group(2)}中全会" if m is not None else None


# another party's Central Committee in full (某某党第N届中央委员会第M次全体会议)
PARTY_PLENARY = re.compile(
    r"([\u4e00-\u9fff]{2,12}?)第?([一二三四五六七八九十]+)届中央委员会"
    r"第?([一二三四五六七八九十]{1,2})次全体会议"
)


def party_plenum(norm: str, start: int, he: int) -> tuple[str, str] | None:
    """The party and the short name of the session of a party's Central Committee named in
    full (某某党第九届中央委员会第三次全体会议 → 某某党, 九届三中全会): with the party's
    name from the gazetteer, the key its short form (某党九届三中全会) gets too.

    >>> party_plenum("某某民主党第九届中央委员会第三次全体会议", 0, 20)
    ('某某民主党', '九届三中全会')
    """
    m = PARTY_PLENARY.fullmatch(norm, start, he)
    return (m.group(1), f"{m.group(2)}届{m.group(3)}中全会") if m is not None else None


def plenum_key(party: str, term: str) -> str:
    """One key for a party's plenum in either form (``party`` its gazetteer name).

    >>> plenum_key("某某民主党", "九届三中全会")
    'event/某某民主党九届三中全会'
    """
    return open_key("Event", party + term)


def specific(norm: str, start: int, named_starts: set[int]) -> bool:
    """Whether a name opening at ``start`` shows it is specific (see ``SPECIFIC_PREFIX``)."""
    if start in named_starts or norm.startswith(SPECIFIC_PREFIX, start):
        return True
    if start < len(norm) and norm[start].isascii() and norm[start].isalpha():
        return True  # G20…, APEC…
    if PERIOD.match(norm, start):
        return True
    m = EDITION_OPENS.match(norm, start)  # 第十四届|全国…运动会, 2025年|中国…大会
    return m is not None and m.end() > start and specific(norm, m.end(), named_starts)


def dated(norm: str, start: int, hs: int) -> bool:
    """Whether a name's body holds the period it covers (造纸行业中长期发展规划,
    X产业2021—2025年发展规划) with at least two more characters.

    >>> dated("造纸行业中长期发展规划", 0, 9)
    True
    >>> dated("中长期规划", 0, 3)
    False
    """
    m = PERIOD_IN.search(norm, start, hs)
    if m is None:
        return False
    rest = norm[start : m.start()] + norm[m.end() : hs]
    if m.group().endswith("年") and len(m.group()) == 2:
        # a span of years names a plan only after a field of four characters or
        # more (基础研究|十年规划), not a class (国民经济和社会发展五年规划, 第一份…五年规划)
        return len(rest) >= 4 and not RANKED.search(rest) and not rest.endswith("社会发展")
    return len(rest) >= 2 and rest not in PLAIN_BODIES


def event_organs(st, norm: str) -> None:
    """An event's organising committee or press centre is an organisation named by
    the event (第十五届X运动会组委会, X博览会新闻中心); the event stays a mention
    of its own."""
    n = len(st.candidates)
    for c in st.candidates[:n]:
        if c.type == "Event" and norm.startswith(EVENT_ORGANS, c.end):
            w = next(w for w in EVENT_ORGANS if norm.startswith(w, c.end))
            end = c.end + len(w)
            name = norm_name(st.text[c.start : end])
            st.candidates.append(
                Mention(
                    c.start,
                    end,
                    st.text[c.start : end],
                    "Organization",
                    open_key("Organization", name),
                    name,
                    "event_organ",
                )
            )


class ShortForms:
    """The short forms of events for ``Patterns`` (a mixin: it reads the gazetteer and
    ``add`` of ``Patterns``)."""

    def add_short_form(
        self,
        st,
        norm: str,
        view: DocView,
        head: str,
        start: int,
        hs: int,
        he: int,
        event_ends: set[int],
        named: list[int],
        named_end: dict[int, int],
        named_type: dict[int, str],
    ) -> None:
        """Add the event a short head names (亚运会, 第八届X博会, 某市第19届亚运会) from
        ``start`` to the head's end ``he``; ``event_ends`` takes its end."""
        # an event's short form: one character (or X残) before a short head, the
        # head alone when it is a whole short form (第八届|X博会, 亚残运会, 大运会,
        # 特奥会; not 快速交会, 完成交会); longer names go on below when a place
        # (and a year) opens them (杭州亚运会, 某市2022年冬残奥会), not a phrase
        # (连续三届|残奥会); another event right before ends the context
        # (某市冬奥会|冬残奥会)
        for e in range(hs, start, -1):
            if e in event_ends:
                start = e
                break
        body = norm[EDITION_AT.match(norm, start, hs).end() : hs]
        if len(head) > 2:
            ok = body in ("", "残")
        else:
            ok = len(body) == 1 or (len(body) == 2 and body[1] == "残")
            if not ok and len(body) >= 3 and named_end.get(start) == hs - 1:
                # a place before the short form is its host (西安|全运会)
                ok = named_type[start] == "Location"
        if ok:
            self.add(st, start, he, "Event", "pattern", short=True)
            event_ends.add(he)
            return
        if len(head) == 2:
            return
        host = games_host(
            norm, start, hs, view.starts, named, named_end, segmenter_freq(), jieba_tags()
        )
        if host is not None:
            # 某市第19届亚运会 is the games the gazetteer knows as 某市亚运会
            e = self.gaz.lookup(ORDINAL_IN.sub("", norm[host:he]))
            if e is not None and e.type == "Event":
                st.candidates.append(
                    Mention(host, he, st.text[host:he], e.type, e.id, e.name, "gazetteer")
                )
            else:
                self.add(st, host, he, "Event", "pattern", short=True)
            event_ends.add(he)
        return
