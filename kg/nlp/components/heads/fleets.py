"""A navy's fleet named by its sea, its quarter or its number, for ``kg_patterns``: a sea's or
an ocean's name (a word ending in 海, 洋 or 湾: 某海|舰队), 北方/南方/东方/西方 or 第N, then
舰队 (分舰队: a flotilla): a GovernmentBody like the navy it is part of, rule ``fleet``.
A country or a navy found right before it opens the name (某国海军|太平洋舰队, 某国|北方舰队);
a one-character abbreviation does not (某|黑海舰队: the fleet's name alone). A city's name
ending in 海 is no sea (某海市|舰队: none). 舰队 after a
word of no such kind (各舰队, 无人舰队, 某国|舰队) names no fleet.

>>> [m.group("name") for m in FLEET.finditer("某国第七舰队与北方舰队和各舰队")]
['第七', '北方']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import jieba_tags, norm_name

FLEET = re.compile(r"(?P<name>第[一二三四五六七八九十0-9]{1,3}|[东南西北]方)分?舰队")
# a sea's or an ocean's name: a word of two to five characters ending in one of these
SEA_ENDS = "海洋湾"
# the gazetteer's categories of seas and oceans
SEA_CATEGORIES = frozenset({"海域", "海洋"})
HAN = re.compile("[\u4e00-\u9fff]+")
# what may open the fleet's full name when found right before it
PREFIX_TYPES = frozenset({"Country", "GovernmentBody"})


def is_sea(word: str, gaz) -> bool:
    """Whether ``word`` names a sea or an ocean: the gazetteer's sea or ocean, or a place
    name of jieba's the gazetteer does not hold (a city's name, 某海市, is none)."""
    e = gaz.lookup(word)
    if e is not None:
        return e.category in SEA_CATEGORIES
    return jieba_tags().get(word) == "ns"


def fleet_spans(st, norm: str, gaz) -> list[tuple[int, int]]:
    """Spans of the fleets (module docstring)."""
    out = []
    i = norm.find("舰队")
    while i >= 0:
        h = i - 1 if i > 0 and norm[i - 1] == "分" else i
        a = -1
        for k in range(2, 5):  # 第N / a quarter, found by the regex from each start
            m = FLEET.fullmatch(norm, h - k, i + 2) if h - k >= 0 else None
            if m is not None:
                a = h - k
                break
        if a < 0 and h > 0 and norm[h - 1 : h] in SEA_ENDS:
            for k in range(5, 1, -1):  # the longest sea's name before the head
                if h - k >= 0 and HAN.fullmatch(norm, h - k, h) and is_sea(norm[h - k : h], gaz):
                    a = h - k
                    break
        if a >= 0:
            for c in st.candidates:
                if c.end == a and c.type in PREFIX_TYPES and c.end - c.start >= 2:
                    a = c.start  # 某国海军|太平洋舰队: the navy opens the name
                    break
            out.append((a, i + 2))
        i = norm.find("舰队", i + 2)
    return out


def fleets(st, norm: str, gaz) -> None:
    """Add the fleets (module docstring)."""
    if "舰队" not in norm:
        return
    for a, b in fleet_spans(st, norm, gaz):
        label = norm_name(st.text[a:b])
        key = open_key("GovernmentBody", label)
        st.candidates.append(Mention(a, b, st.text[a:b], "GovernmentBody", key, label, "fleet"))
