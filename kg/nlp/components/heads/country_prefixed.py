"""A central state organ written with the country's name before it, for ``kg_patterns``:
中国 + the name of a central body the gazetteer knows (中国|某部, 中国|某委员会) is that body
under a longer form (GUIDELINES: the aliases include "forms with a country prefix"), one
mention from 中国 on, rule ``gazetteer``. A province's, a city's or
a foreign body is not a central one and takes no such prefix.

>>> is_central("国务院组成部门"), is_central("省级党委"), is_central("外国国家机构")
(True, False, False)
"""

from __future__ import annotations

from kg.model import Mention

GOV = frozenset({"GovernmentBody", "Ministry"})
# gazetteer categories of bodies that are not the state's central ones
LOCAL_CATEGORIES = ("省级", "市", "高级人民法院", "外国", "特别行政区")
COUNTRY = "中国"


def is_central(category: str | None) -> bool:
    """Whether a gazetteer category is one of the central state's bodies."""
    return not (category or "").startswith(LOCAL_CATEGORIES)


def country_prefixed(st, gaz) -> None:
    """Add the central bodies written after 中国 (module docstring)."""
    norm = st.norm
    if COUNTRY not in norm:
        return
    countries = {c.start for c in st.candidates if c.type == "Country" and c.text == COUNTRY}
    for c in list(st.candidates):
        a = c.start - len(COUNTRY)
        if c.type not in GOV or c.rule != "gazetteer" or a not in countries:
            continue
        e = gaz.entries.get(c.key)
        if e is None or not is_central(e.category):
            continue
        st.candidates.append(
            Mention(a, c.end, st.text[a : c.end], c.type, c.key, c.label, "gazetteer")
        )
