"""A foreign communist party's national congress written short, for ``kg_patterns``:
X共N大 (某共十八大), X the first character of a country the document names (越共 with
越南 named), is that party's N-th national congress, the event the long form names
(某某共产党第十八次全国代表大会): the same key, one node whichever form a story uses.

The character must stand for exactly one country the document mentions (as 某方 does
in ``relations.parties``); 中共 is the gazetteer's (党的二十大); 公共, 总共, 一共 are no
country's.

A party the rules know by a name ending in 党, right before N大 (某某党|十七大), is that
party's N-th national congress too, not the CPC's (``cpc_congress`` reads a bare 十七大).

>>> [m.group() for m in SHORT.finditer("某报评论越共十八大，总共十大类")]
['越共十八大', '总共十大']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key

SHORT = re.compile(r"(?P<c>[\u4e00-\u9fff])共(?P<n>[一二三四五六七八九十]{1,3})大(?![会学队使概])")
# N大 right after a party's name
AFTER_PARTY = re.compile(r"(?P<n>[一二三四五六七八九十]{1,3})大(?![会学队使概])")


def party_congresses(st, norm: str) -> None:
    """Add X共N大 where X is the first character of one country of the document."""
    if "共" not in norm:
        return
    first: dict[str, set[str]] = {}
    for c in st.candidates:
        if c.type == "Country" and c.label:
            first.setdefault(c.label[0], set()).add(c.label)
    first.pop("中", None)
    if not first:
        return
    i = norm.find("共", 1)
    while i >= 0:
        m = SHORT.match(norm, i - 1)
        i = norm.find("共", i + 1)
        if m is None or len(first.get(m.group("c"), ())) != 1:
            continue
        (country,) = first[m.group("c")]
        name = f"{country}共产党第{m.group('n')}次全国代表大会"
        a, b = m.start(), m.end()
        key = open_key("Event", name)
        st.candidates.append(Mention(a, b, st.text[a:b], "Event", key, name, "pattern"))


def named_party_congresses(st, norm: str, gaz) -> None:
    """Add 某某党|N大 where an Organization the rules found ends in 党 right before it:
    that party's N-th national congress (module docstring), under the gazetteer's key
    when it knows the congress (the CPC's)."""
    if "党" not in norm:
        return
    for c in list(st.candidates):
        if c.type != "Organization" or not norm.startswith("党", c.end - 1):
            continue
        m = AFTER_PARTY.match(norm, c.end)
        if m is None:
            continue
        name = f"{c.label}第{m.group('n')}次全国代表大会"
        a, b = c.start, m.end()
        e = gaz.lookup(name)
        key = e.id if e is not None else open_key("Event", name)
        st.candidates.append(Mention(a, b, st.text[a:b], "Event", key, name, "pattern"))
