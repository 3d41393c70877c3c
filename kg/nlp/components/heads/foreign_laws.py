"""A law's short name after a foreign state's, for ``kg_patterns``: 某国宪法, 某国出口管制法
are that state's laws, not the People's Republic's that the gazetteer's short form (宪法 →
中华人民共和国宪法) names; nor is 和平宪法, the name Japan's constitution goes by. The
gazetteer's candidate is dropped there (no list names foreign statutes, so none is added).

>>> PRC_KEY.match("law/中华人民共和国宪法") is not None
True
"""

from __future__ import annotations

import re

#: the keys of the People's Republic's laws (the gazetteer's ids)
PRC_KEY = re.compile(r"law/中华人民共和国")
#: words before 宪法 that name another state's constitution
NICKNAMES = ("和平",)
#: China's key in the gazetteer
CHINA = "country/CHN"


def foreign_laws(st, norm: str) -> None:
    """Drop the gazetteer's PRC law read in a foreign state's law (某国|宪法, 和平|宪法)."""
    laws = [c for c in st.candidates
            if c.type == "Law" and c.rule == "gazetteer" and PRC_KEY.match(c.key)
            and not norm.startswith("中华人民共和国", c.start)]  # fmt: skip
    if not laws:
        return
    countries = {c.end for c in st.candidates if c.type == "Country" and c.key != CHINA}
    drop = {id(c) for c in laws
            if c.start in countries
            or (c.label.endswith("宪法") and norm.endswith(NICKNAMES, 0, c.start))}  # fmt: skip
    if drop:
        st.candidates[:] = [c for c in st.candidates if id(c) not in drop]
