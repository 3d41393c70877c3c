"""A law's short name after a foreign state's, for ``kg_patterns``: 某国宪法, 某国出口管制法
are that state's laws, not the People's Republic's that the gazetteer's short form (某某法 →
中华人民共和国某某法) names. The gazetteer's candidate is dropped there (no list names
foreign statutes, so none is added).

>>> from types import SimpleNamespace as NS
>>> def law(a, b): return NS(start=a, end=b, type="Law", rule="gazetteer",
...                          key="law/中华人民共和国某某法", label="中华人民共和国某某法")
>>> st = NS(candidates=[NS(start=0, end=2, type="Country", key="country/JPN"), law(2, 4)])
>>> foreign_laws(st, "日本某某法"); [c.type for c in st.candidates]  # 日本|某某法: dropped
['Country']
>>> st = NS(candidates=[NS(start=0, end=2, type="Country", key="country/CHN"), law(2, 4)])
>>> foreign_laws(st, "我国宪法"); [c.type for c in st.candidates]  # 我国|宪法: kept
['Country', 'Law']
"""

from __future__ import annotations

import re

from kg.model import CHINA_KEY, PRC_NAME

#: the keys of the People's Republic's laws (the gazetteer's ids)
PRC_KEY = re.compile("law/" + PRC_NAME)


def foreign_laws(st, norm: str) -> None:
    """Drop the gazetteer's PRC law read in a foreign state's law (某国|某某法)."""
    laws = [c for c in st.candidates
            if c.type == "Law" and c.rule == "gazetteer" and PRC_KEY.match(c.key)
            and not norm.startswith(PRC_NAME, c.start)]  # fmt: skip
    if not laws:
        return
    countries = {c.end for c in st.candidates if c.type == "Country" and c.key != CHINA_KEY}
    drop = {id(c) for c in laws if c.start in countries}
    if drop:
        st.candidates[:] = [c for c in st.candidates if id(c) not in drop]
