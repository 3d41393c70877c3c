"""Domestic lines named by their ends: a railway or expressway written as 甲至乙 and its
head (甲至乙高铁, 甲至乙至丙高速铁路, 甲至乙城际铁路, 甲至乙高速公路) is one project, a
Program by GUIDELINES.md (projects), as ``joint_lines`` reads the lines of two countries.

Every end must be a place the recognisers found already (a Location candidate of two
characters at least), so that 推广至全国… or 延伸至沿线… is not read; the right end may
be a province and its city (至某省某市), and then the left end may be too. The head must
end a word and not open a station's or an office's name (…高铁站, …铁路局); 高速 alone
ends a line only before a clause mark or a word of works (…高速|控制性工程, …高速|某段).
A section after the head (…高铁|某某段) leaves the line's name as it is; a journey's
time after it (…铁路|运行时间) makes 甲至乙 the trip, no line.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> t = "贵阳至南宁高速铁路全线通车，沿线还有长沙至赣州高铁。"
>>> [m.text for m in extract(Document("t", t, {})).mentions if m.type == "Program"]
['贵阳至南宁高速铁路', '长沙至赣州高铁']
"""

from __future__ import annotations

import re

# the heads of a line, longest first; 高速 only before what ``_AFTER_EXPRESSWAY`` allows
_HEAD = re.compile(r"高速铁路|城际铁路|高速公路|高铁|铁路|高速")
# what may follow a bare 高速 (an expressway, not 高速|发展): a clause mark or works words
_AFTER_EXPRESSWAY = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]|控制性|[\u4e00-\u9fff]{1,4}段|项目")
# a character after the head that makes it part of another name (a station, an office)
_NOT_AFTER = frozenset("站局")
# a journey's time after the head: 甲至乙 is the trip by rail, no line's name
# (甲至乙铁路|运行时间将缩短)
_JOURNEY = ("运行时间", "旅行时间", "通行时间", "出行时间")


def line_key(name: str) -> str:
    """The name a line is keyed by: 高速铁路 written short (甲至乙高速铁路 and 甲至乙高铁 are
    one line).

    >>> line_key("长沙至赣州高速铁路")
    '长沙至赣州高铁'
    """
    return name[: -len("高速铁路")] + "高铁" if name.endswith("高速铁路") else name


def route_lines(st) -> list[tuple[int, int]]:
    """Spans of lines named 甲至乙(至丙…)+head in ``st`` (a kg doc state: ``norm``,
    ``candidates``, ``tok_ends``), each end a known place."""
    norm = st.norm
    if "至" not in norm:
        return []
    by_end: dict[int, int] = {}
    by_start: dict[int, int] = {}
    for c in st.candidates:
        if c.type == "Location" and c.end - c.start >= 2:
            by_end[c.end] = min(by_end.get(c.end, c.start), c.start)
            by_start[c.start] = max(by_start.get(c.start, c.end), c.end)
    out = []
    i = norm.find("至")
    while i >= 0:
        if i in by_end and i + 1 in by_start:
            s = by_end[i]
            e, pair = i + 1, False
            while e in by_start:  # 至乙(至丙…); 至某省某市: a province and its city
                run = 0
                while e in by_start:
                    e, run = by_start[e], run + 1
                pair = pair or run > 1
                if norm.startswith("至", e) and e + 1 in by_start:
                    e += 1
                else:
                    break
            if pair and s in by_end:
                s = by_end[s]  # 某省某市至某省某市: both ends with their provinces
            m = _HEAD.match(norm, e)
            if (
                m is not None
                and m.end() in st.tok_ends
                and norm[m.end() : m.end() + 1] not in _NOT_AFTER
                and not norm.startswith(_JOURNEY, m.end())
                and (
                    m.group() != "高速"
                    or m.end() == len(norm)
                    or _AFTER_EXPRESSWAY.match(norm, m.end()) is not None
                )
            ):
                out.append((s, m.end()))
        i = norm.find("至", i + 1)
    return out
