"""A body's plenary session written short without its term, for ``kg_patterns``: a known
body right before N次全会 (某某纪委三次全会) names that body's N-th plenary session of the
term in office, one event; with the term before it (某届某某纪委三次全会) the head rules
read it already (heads/editions). N次全会 after anything else (第三次全会 alone, 这次全会)
is no name.

>>> [m.group() for m in SHORT_PLENUM.finditer("三次全会；十次全会")]
['三次全会', '十次全会']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.heads.editions import plenary_key
from kg.nlp.text import norm_name

SHORT_PLENUM = re.compile(r"[一二三四五六七八九十]{1,3}次全会")
# the body's term right before it, where the head rules missed the whole (…和|某届某纪委…)
TERM = re.compile(r"[一二三四五六七八九十]{1,3}届\Z")
BODY_TYPES = frozenset({"GovernmentBody", "Ministry", "Organization"})


def short_plenums(st, norm: str) -> None:
    """Add the plenary sessions a body's name and N次全会 name (see the module docstring);
    nothing where an event already covers the span."""
    if "次全会" not in norm:
        return
    cands = st.candidates
    n = len(cands)
    for c in cands[:n]:
        if c.type not in BODY_TYPES:
            continue
        m = SHORT_PLENUM.match(norm, c.end)
        if m is None:
            continue
        a, b = c.start, m.end()
        t = TERM.search(norm, max(0, a - 4), a)
        if t is not None:
            a = t.start()
        if any(x.type == "Event" and x.start <= a and x.end >= b for x in cands):
            continue
        label = norm_name(st.text[a:b])
        key = plenary_key(norm, a, b, [(c.start, c.end, c.label)]) or open_key("Event", label)
        cands.append(Mention(a, b, st.text[a:b], "Event", key, label, "plenum"))
