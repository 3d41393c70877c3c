"""A law named inside the title of the rules that carry it out, for ``kg_patterns``: 某某法
实施条例 / 实施细则 / 实施办法 names the law 某某法 too (GUIDELINES.md: a name nested inside
another counts when it is itself an entity), the gazetteer's law under its own key, with
or without 中华人民共和国.

>>> [m.group("law") for m in INNER.finditer("外商投资法实施条例；某某法实施细则")]
['外商投资法', '某某法']
"""

from __future__ import annotations

import re

from kg.model import Mention

INNER = re.compile(r"(?P<law>[\u4e00-\u9fff]{2,30}?法)(?:实施条例|实施细则|实施办法)")
_PRC = "中华人民共和国"


def nested_laws(st, gaz) -> None:
    """Add the law a Law candidate's title carries out (某某法|实施条例 → 某某法)."""
    found = []
    for c in st.candidates:
        if c.type != "Law" or "法实施" not in c.text:
            continue
        m = INNER.search(c.text)
        if m is None:
            continue
        law = m.group("law")
        e = gaz.lookup(law)
        if e is None and not law.startswith(_PRC):
            e = gaz.lookup(_PRC + law)
        if e is not None and e.type == "Law":
            a, b = c.start + m.start("law"), c.start + m.end("law")
            found.append(Mention(a, b, st.text[a:b], e.type, e.id, e.name, "nested"))
    st.candidates.extend(found)
