"""A programme's plan for a five-year period: 某某大开发“十三五”规划 (a named programme, its
period in quotes or not, then 规划 or 规划纲要) is one plan, neither the programme nor the
national five-year plan the period alone names (GUIDELINES.md: plans are programmes).

The programme must be a name the recognisers found already (a Program candidate ending
right where the period starts), so that a verb or a field before the period (实施|“十三五”
规划, 军队建设|“十四五”规划) is not read here.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> ms = extract(Document("t", "编制西部大开发“十三五”规划。", {})).mentions
>>> [m.text for m in ms if m.type == "Program"]
['西部大开发', '西部大开发“十三五”规划']
"""

from __future__ import annotations

import re

# a five-year period (十一五 … 十五五), quoted or not, then the plan's head
# (the opening quote is looked at by hand: a pattern that opens with a literal is found fast)
_PERIOD = re.compile(r"十[一二三四五六七八九]?五[”\"]?(?:规划纲要|规划)")


def period_plans(st) -> list[tuple[int, int]]:
    """Spans of programmes' five-year plans in ``st`` (a kg doc state: ``norm``,
    ``candidates``): a Program candidate, then the period and 规划 right after it."""
    norm = st.norm
    if "五" not in norm or "规划" not in norm:
        return []
    starts: dict[int, int] = {}  # a programme's end -> its start (the longest there)
    for c in st.candidates:
        if c.type == "Program":
            starts[c.end] = min(starts.get(c.end, c.start), c.start)
    if not starts:
        return []
    out = []
    for m in _PERIOD.finditer(norm):
        a = m.start() - 1 if m.start() and norm[m.start() - 1] in "“\"" else m.start()
        if a in starts:
            out.append((starts[a], m.end()))
    return out
