"""A programme named inside the title of the document that carries it out, for
``kg_patterns``: 《关于实施某某提升战略的意见》, 《关于深入推进某某工程的通知》 name the
strategy or the project too (GUIDELINES.md: a name nested inside another counts when it
is itself an entity), as the object of the title's implementing verb; so do the plans
that carry out a named programme, titled by it and 实施方案 (《某某建设行动实施方案》,
《某某示范工程实施方案（2025—2030年）》 → 某某建设行动, 某某示范工程).

>>> [m.group("name") for m in INNER.finditer("关于实施某某提升战略的意见")]
['某某提升战略']
>>> [m.group("name") for m in INNER.finditer("关于深入推进某某建设工程的实施意见")]
['某某建设工程']
>>> [m.group("name") for m in INNER.finditer("关于推动实施某某振兴计划的通知")]
['某某振兴计划']
>>> [m.group("name") for m in INNER.finditer("关于加强某某工作的意见")]
[]
>>> [m.group("name") for m in (IMPLEMENTING_PLAN.match(t) for t in (
...     "“某某+”应用行动实施方案", "某某工程实施方案（2025—2030年）", "行动实施方案",
...     "某某行动方案", "某某工程实施方案编制指南")) if m]
['“某某+”应用行动', '某某工程']
>>> programme_parts("贯彻落实某某提升行动和某某振兴计划")
[(4, 10), (11, 17)]
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

# the title's opening: 关于, the adverbs of carrying out, the implementing verbs (one or
# a run of them: 推进实施, 启动实施 — the name starts after the last)
_OPEN = (
    r"关于(?:深入|全面|加快|进一步|大力|扎实|持续|切实|积极|继续|着力)*"
    r"(?:实施|推进|推动|开展|启动|实行)+"
)
# the heads of a programme carried out (not 规划, 方案: the document's own kind)
_HEAD_WORDS = ("战略", "工程", "行动", "计划", "倡议", "专项行动", "走廊")
_HEADS = f"(?:{'|'.join(_HEAD_WORDS)})"
INNER = re.compile(rf"{_OPEN}(?P<name>[\u4e00-\u9fff、—]{{2,20}}?{_HEADS})的")
_TITLE_TYPES = frozenset({"Program", "Law"})
# a plan that carries out the programme it is titled by: the whole title is the name, its
# head, 实施 and the plan's kind, then at most its period in brackets (某某行动实施方案,
# 某某工程实施意见（2024—2027年）); not 某某行动方案 (the plan is the programme itself)
# nor a title that runs on (某某工程实施方案编制指南: a guide, the programme unnamed there)
IMPLEMENTING_PLAN = re.compile(
    rf"(?P<name>[^《》()（）]{{2,30}}?{_HEADS})实施(?:方案|意见|细则|办法)"
    r"(?:[（(][\d—–─\-年至]+[）)])?\Z"
)
# a verb of carrying out, with its adverbs: the name starts after the last one in the
# title (推进某某工程|实施方案, 某省贯彻落实某某行动|实施方案)
_CARRYING = re.compile(
    r"(?:深入|全面|加快|进一步|大力|扎实|持续|切实|积极|继续|着力)*"
    r"(?:贯彻落实|贯彻|落实|实施|推进|推动|开展|启动|实行)+"
)
# names listed in one title: a head, then 和/与/及/、 (某某行动和某某计划|实施方案)
_JOINS = frozenset("和与及、")
# the gazetteer's places (by their full name) and bodies that open a title: whose plan
# it is, no part of the programme's name (某某省|某某行动实施方案)
_PLACE_KINDS = frozenset({"一级行政区", "二级行政区", "地级行政区", "县级行政区", "省", "市"})
_BODY_TYPES = frozenset({"Ministry", "GovernmentBody", "Organization"})


def programme_parts(name: str) -> list[tuple[int, int]]:
    """The spans of the programmes a plan's title names in ``name`` (its part before
    实施方案): split where a head is followed by 和/与/及/、, each part starting after
    its last verb of carrying out; parts under four characters are dropped."""
    cuts = [i for i, ch in enumerate(name) if ch in _JOINS and name[:i].endswith(_HEAD_WORDS)]
    parts, a = [], 0
    for b in [*cuts, len(name)]:
        verbs = list(_CARRYING.finditer(name, a, b))
        s = verbs[-1].end() if verbs else a
        if b - s >= 4:  # 某行动: a head and one character name nothing
            parts.append((s, b))
        a = b + 1
    return parts


def _owner_length(name: str, gaz) -> int:
    """The length of the place or body that opens ``name`` (某某省|…, 某某部|…), or 0."""
    for k in range(min(len(name) - 2, 12), 1, -1):
        e = gaz.lookup(name[:k])
        if e is None:
            continue
        if e.type in _BODY_TYPES or (
            e.type == "Location" and e.category in _PLACE_KINDS and name[:k] == e.name
        ):
            return k
    return 0


def nested_programmes(st, gaz) -> None:
    """Add the programme a Program or Law title carries out (关于实施|某某战略|的意见 →
    某某战略, 某某行动|实施方案 → 某某行动, 某省贯彻落实|某某行动|实施方案 → 某某行动),
    once a span (a head rule's candidate there is hidden by the title: this one the
    resolver keeps inside it)."""
    cands = st.candidates
    spans: set[tuple[int, int]] = set()
    found = []
    for c in cands:
        if c.type not in _TITLE_TYPES:
            continue
        if "关于" in c.text:
            m = INNER.search(c.text)
            if m is None:
                continue
            named = [(c.start + m.start("name"), c.start + m.end("name"))]
        else:
            m = IMPLEMENTING_PLAN.match(c.text)
            if m is None:
                continue
            name = m.group("name")
            o = _owner_length(name, gaz)
            base = c.start + m.start("name") + o
            named = [(base + a, base + b) for a, b in programme_parts(name[o:])]
        for a, b in named:
            if (a, b) in spans:
                continue
            spans.add((a, b))
            label = norm_name(st.text[a:b])
            found.append(
                Mention(a, b, st.text[a:b], "Program", open_key("Program", label), label, "nested")
            )
    cands.extend(found)
