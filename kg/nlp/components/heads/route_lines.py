"""Domestic lines named by their ends: a railway or expressway written as 甲至乙 and its
head (甲至乙高铁, 甲至乙至丙高速铁路, 甲至乙城际铁路, 甲至乙高速公路) is one project, a
Program by GUIDELINES.md (projects), as ``joint_lines`` reads the lines of two countries.

Every end must be a place the recognisers found already (a Location candidate of two
characters at least), so that 推广至全国… or 延伸至沿线… is not read; the right end may
be a province and its city (至某省某市), and then the left end may be too. The head must
end a word and not open a station's or an office's name (…高铁站, …铁路局); 高速 alone
ends a line only before a clause mark or a word of works (…高速|控制性工程, …高速|某段).
A section after the head (…高铁|某某段) leaves the line's name as it is; the traffic on
it, the trip's time or a body after it (…高铁|票价, …铁路|运行时间, …铁路|公司) and 从/由
before it (从甲至乙铁路…, 由…, 自…) make 甲至乙 the trip or a modifier, no line.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> t = "南昌至九江高速铁路全线通车，沿线还有长沙至赣州高铁。"
>>> [m.text for m in extract(Document("t", t, {})).mentions if m.type == "Program"]
['南昌至九江高速铁路', '长沙至赣州高铁']
"""

from __future__ import annotations

import re

from kg.nlp.line_heads import LINE_HEADS

# the heads of a line, longest first; 高速 only before what ``_AFTER_EXPRESSWAY`` allows
_HEAD = re.compile("|".join(h for h in LINE_HEADS if h != "公路"))
# what may follow a bare 高速 (an expressway, not 高速|发展): a clause mark or works words
_AFTER_EXPRESSWAY = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]|控制性|[\u4e00-\u9fff]{1,4}段|项目")
# what makes 甲至乙+head a modifier, no line's name: the traffic on it (its tickets, trains,
# passengers, freight: …高铁|票价, …铁路|货运量), the trip's time (…铁路|运行时间, …高铁|最快
# 只需) or a body or place named after it (…高铁|公司, …铁路|指挥部, …高铁站, …铁路局)
_NOT_LINE_AFTER = re.compile(
    r"[票车客货站局]|列车|运量|运输|最快|只需|仅需|需要|用时|耗时"
    r"|[\u4e00-\u9fff]{0,2}(?:时间|公司|集团|指挥部)"  # …铁路|建设指挥部, …高铁|运行时间
)
# what opens a trip rather than a line's name before its left end (从甲至乙|铁路…)
_TRIP_OPENERS = frozenset("从由自")
# a head and the form both of a line's names are keyed by: one node for both forms (a
# road keeps its full form, the form it was first keyed by)
_KEY_HEADS = (("高速铁路", "高铁"), ("高速公路", "高速公路"), ("高速", "高速公路"))


def line_key(name: str) -> str:
    """The name a line is keyed by: 甲至乙高速铁路 and 甲至乙高铁 are one line, keyed short;
    甲至乙高速公路 and 甲至乙高速 one road, keyed by the full form.

    >>> line_key("长沙至赣州高速铁路"), line_key("南京至芜湖高速"), line_key("南京至芜湖高速公路")
    ('长沙至赣州高铁', '南京至芜湖高速公路', '南京至芜湖高速公路')
    """
    for head, form in _KEY_HEADS:
        if name.endswith(head):
            return name[: -len(head)] + form
    return name


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
                and (s == 0 or norm[s - 1] not in _TRIP_OPENERS)
                and _NOT_LINE_AFTER.match(norm, m.end()) is None
                and (
                    m.group() != "高速"
                    or m.end() == len(norm)
                    or _AFTER_EXPRESSWAY.match(norm, m.end()) is not None
                )
            ):
                out.append((s, m.end()))
            # the 至 inside the chain end at the same head: go on after it (one scan)
            i = norm.find("至", max(e, i + 1))
            continue
        i = norm.find("至", i + 1)
    return out
