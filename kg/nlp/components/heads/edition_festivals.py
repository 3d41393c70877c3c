"""A numbered festival, for ``kg_patterns``: an edition (第N届, 首届, with its year) opens
the name of a recurring festival whose head is 节 (第六届某某国际民族舞蹈节, 首届某某灯光节,
第31届某某电视节); 节 alone ends too many words (节日, 春节, 环节) to be a head, but after an
edition and within one clause of nouns it names one festival. GUIDELINES: festivals are
events. The span runs from the edition to the first 节 that ends a word; a verb or a
clause mark in between means the edition opened something else (第十届会议闭幕正值春节).
A year alone opens one too when a place or a scope word follows it (2031某市科技节,
2031国际某某文化节), not a holiday of that year (2031年春节, 2031年某地华人春节).

>>> norm = "第六届某地国际民族舞蹈节在某市开幕；第三届某某会议闭幕正值春节。"
>>> [norm[a:b] for a, b in festival_spans(norm)]
['第六届某地国际民族舞蹈节']
>>> norm = "2031年上海科技节开幕；2031年春节前夕，2031年上海华人春节联欢。"
>>> [norm[a:b] for a, b in festival_spans(norm, places={5})]
['2031年上海科技节']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.heads.words import YEAR
from kg.nlp.text import norm_name

# 2–16 characters of a name without a clause mark, and 节: the shortest such span (the
# name's 节 is its first that ends a word, checked below)
NAME_TO_HEAD = r"[^\s，。；：、“”《》（）()!?！？,;:]{2,16}?节"
# an edition (its year too), then the name
EDITION_FESTIVAL = re.compile(rf"(?:第[一二三四五六七八九十百零〇\d]+届|首届){NAME_TO_HEAD}")
# the year before an edition, part of the name (2031年第三届…); looked for behind the
# edition, which the scan finds by its first character (faster than an optional year)
YEAR_BEFORE = re.compile(rf"{YEAR.pattern}年?\Z")
# a year, then a place (``places``: where one starts) or a scope word, then the name
YEAR_FESTIVAL = re.compile(
    rf"{YEAR.pattern}年?(?P<scope>中国|全国|国际|世界|全球|亚洲)?{NAME_TO_HEAD}"
)
# the holidays a year dates (2031年春节): a day of the calendar, not a festival held
HOLIDAY = re.compile(
    r"(?:春|青年|劳动|妇女|儿童|国庆|清明|端午|中秋|元宵|重阳|教师|建军|七夕|圣诞|感恩|复活|开斋)节\Z"
)
# what no festival's name holds: a gathering's head (the edition opened a meeting), the
# words of a holiday said of a date (正值春节, 节日)
NOT_IN_NAME = re.compile(r"会议|大会|全会|节日|期间|正值|前夕")


def festival_spans(
    norm: str,
    ends: bytes | bytearray | None = None,
    verbs=frozenset(),
    places: set[int] | frozenset[int] = frozenset(),
):
    """The spans of numbered festivals in ``norm``; ``ends`` (the token-end mask) makes 节
    end a word (not 节能), ``verbs`` are the words that end a name's context, ``places``
    the starts of known places and countries (a year's festival opens with one)."""
    if "节" not in norm:
        return  # every name ends in 节: a text without one needs no scan
    spans = []
    for m in EDITION_FESTIVAL.finditer(norm):
        a = m.start()
        y = YEAR_BEFORE.search(norm, max(0, a - 5), a)
        spans.append((y.start() if y else a, m.end()))
    for m in YEAR_FESTIVAL.finditer(norm):
        year_end = m.start("scope") if m.group("scope") else _year_end(norm, m.start())
        if (m.group("scope") or year_end in places) and not HOLIDAY.search(norm, 0, m.end()):
            spans.append(m.span())
    for a, b in sorted(set(spans)):
        if ends is not None and b < len(norm) and not ends[b]:
            continue  # 第二届某某节能…: 节 opens a word
        if NOT_IN_NAME.search(norm, a, b):
            continue
        if verbs and _holds_verb(norm, a, b, ends, verbs):
            continue
        yield a, b


def _year_end(norm: str, a: int) -> int:
    """The end of the year (2031, 2031年) that opens ``norm[a:]``."""
    return a + 5 if norm.startswith("年", a + 4) else a + 4


def _holds_verb(norm: str, a: int, b: int, ends, verbs) -> bool:
    """Whether a word between the edition and the head is a verb (a clause, not a name)."""
    if ends is None:
        return False
    i = a
    for j in range(a + 1, b):
        if ends[j]:
            if norm[i:j] in verbs:
                return True
            i = j
    return False


def edition_festivals(st, norm: str, ends, verbs) -> None:
    """Add the numbered festivals the text names (see the module docstring); nothing where
    an event's name already covers one."""
    if "节" not in norm:
        return
    cands = st.candidates
    n = len(cands)
    places = {c.start for c in cands if c.type in ("Location", "Country")}
    for a, b in festival_spans(norm, ends, verbs, places):
        if any(x.start <= a and x.end >= b and x.type == "Event" for x in cands[:n]):
            continue
        label = norm_name(st.text[a:b])
        cands.append(
            Mention(a, b, st.text[a:b], "Event", open_key("Event", label), label, "festival")
        )
