"""The National People's Congress's sessions written short without 全国, for ``kg_patterns``:
N届人大M次会议 (五届人大四次会议), the form the national reports of the 1980s use, is the
session the gazetteer holds as N届全国人大M次会议. A local congress names its place or level
right before the term (某省九届人大三次会议, 市十届人大): those are left alone.

>>> [m.group() for m in SHORT.finditer("在五届人大四次会议上，某省九届人大三次会议")]
['五届人大四次会议', '九届人大三次会议']
>>> full("五届人大四次会议")
'五届全国人大四次会议'
"""

from __future__ import annotations

import re

from kg.model import Mention

_N = "[一二三四五六七八九十]{1,3}"
SHORT = re.compile(f"{_N}届人大{_N}次会议")
#: the levels a local congress names right before its term (某省|十四届人大, 市|十届人大)
LOCAL_ENDS = frozenset("省市区县州旗乡镇")
_LOCAL = frozenset({"Location", "GovernmentBody", "Organization"})


def full(short: str) -> str:
    """The gazetteer's alias of the session: 全国 before 人大."""
    return short.replace("届人大", "届全国人大", 1)


def npc_sessions(st, norm: str, gaz) -> None:
    """Add the NPC's sessions written N届人大M次会议 where no place or body comes right before."""
    if "届人大" not in norm:
        return
    local_ends: set[int] | None = None
    for m in SHORT.finditer(norm):
        a, b = m.span()
        if a > 0 and norm[a - 1] in "一二三四五六七八九十":
            continue  # the term's number runs on to the left: not its start
        if local_ends is None:
            local_ends = {c.end for c in st.candidates if c.type in _LOCAL}
        if a > 0 and (norm[a - 1] in LOCAL_ENDS or a in local_ends):
            continue  # 某省|十四届人大一次会议: a local congress
        e = gaz.lookup(full(m.group()))
        if e is not None:
            st.candidates.append(Mention(a, b, st.text[a:b], e.type, e.id, e.name, "pattern"))
