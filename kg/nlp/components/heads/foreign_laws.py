"""A law's short name after a foreign state's, for ``kg_patterns``: 某国宪法, 某国出口管制法
are that state's laws, not the People's Republic's that the gazetteer's short form (某某法 →
中华人民共和国某某法) or the document's (``law_short_forms``) names. So are the laws of an
organisation of states (某盟|某某法) and of 香港, 澳门, 台湾 (``CUSTOMS_TERRITORIES``), and
a law qualified as a local or a foreign one (地方|某某法, 各国|某某法). The candidate is
dropped there (no list names foreign statutes, so none is added).

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

from kg.model import CHINA_KEY, CUSTOMS_TERRITORIES, PRC_NAME
from kg.nlp.components.heads.law_short_forms import RULE as SHORT_FORM

#: the keys of the People's Republic's laws (the gazetteer's ids)
PRC_KEY = re.compile("law/" + PRC_NAME)
#: the rules that read a PRC law from its short form
_SHORT_RULES = frozenset({"gazetteer", SHORT_FORM})
#: words that make the law after them some other legislature's (地方|某某法: a province's)
_QUALIFIERS = ("地方", "各地", "各国", "外国")


def _foreign(c) -> bool:
    """Whether candidate ``c`` names another lawgiver: a state not China, an organisation
    (of states: 某盟), a place outside the mainland."""
    if c.type == "Country":
        return c.key != CHINA_KEY
    return c.type == "Organization" or (c.type == "Location" and c.key in CUSTOMS_TERRITORIES)


def foreign_laws(st, norm: str) -> None:
    """Drop the PRC law read from its short form in another lawgiver's law (某国|某某法,
    地方|某某法)."""
    laws = [c for c in st.candidates
            if c.type == "Law" and c.rule in _SHORT_RULES and PRC_KEY.match(c.key)
            and not norm.startswith(PRC_NAME, c.start)]  # fmt: skip
    if not laws:
        return
    foreign = {c.end for c in st.candidates if _foreign(c)}
    drop = {id(c) for c in laws
            if c.start in foreign or norm.endswith(_QUALIFIERS, 0, c.start)}  # fmt: skip
    if drop:
        st.candidates[:] = [c for c in st.candidates if id(c) not in drop]
