"""An armed organisation's unit named after it, for ``kg_patterns``: 某组织下属武装派别|某某旅,
某组织所属武装组织“某某旅”. After 下属/所属 and the class noun of an armed wing, the name is
the quoted text or a short run of name characters ending in a unit head (旅, 军, 营, 团):
an Organization (rule ``organ``); ``relations.composition`` reads it as partOf the
organisation named before 下属.

>>> m = UNIT.search("某组织下属武装派别某某旅当天称")
>>> m.group("n")
'某某旅'
"""

from __future__ import annotations

import re

# the class nouns of an armed wing, then its quoted name or a name ending in a unit head
UNIT = re.compile(
    r"(?:下属|所属)的?(?:武装派别|武装组织|军事派别|军事组织)"
    r"(?:“(?P<q>[\u4e00-\u9fff]{2,10})”|(?P<n>[\u4e00-\u9fff]{1,4}?[旅军营团]))"
)


def armed_units(norm: str) -> list[tuple[int, int]]:
    """Spans of the units named after their armed organisation (see the module
    docstring)."""
    if "派别" not in norm and "武装组织" not in norm and "军事组织" not in norm:
        return []
    out = []
    for m in UNIT.finditer(norm):
        g = "q" if m.group("q") else "n"
        out.append((m.start(g), m.end(g)))
    return out
