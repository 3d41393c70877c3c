"""An election named by its country or place, for ``kg_patterns``: 某国总统选举, 某国第N届
总统选举, 某地特区第N届立法会选举, 某国2031年议会选举, 某国大选. The name opens with a
country or place the earlier stages found, then an optional term (第N届, 新一届) or year,
the office or body elected (a closed class: 总统, 议会, 立法会, 联邦议院…) and 选举, or
大选 alone. GUIDELINES: named events. Not the verb 选举, known by the word of electing
that follows it (某议会选举产生总统, 选举出新主席, 选举为主席; not 选举出现, 选举为期):
a body electing is no election's name.

>>> [m.group() for m in ELECTION.finditer("第三届区议会选举如期落幕")]
['第三届区议会选举']
>>> [m.group() for m in ELECTION.finditer("国民议会选举产生新总统")]
[]
>>> [m.group() for m in ELECTION.finditer("总统选举出现争议，议会选举为期两天")]
['总统选举', '议会选举']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

#: what is elected (a closed class of offices and assemblies)
OFFICES = (
    "总统|副总统|总理|议会|国会|立法会|立法会议员|联邦议院|国民议会|下议院|上议院|参议院|众议院|"
    "地方议会|地方|区议会|行政长官|州长|市长|中期"
)
ELECTION = re.compile(
    r"(?:特区|特别行政区)?(?:第[一二三四五六七八九十\d]+届|新一届|\d{4}年)?"
    rf"(?:(?:{OFFICES})(?:和(?:{OFFICES}))?选举|大选)(?!产生|出(?!现)|为(?!期))"
)
_REGION = re.compile("^(?:特区|特别行政区)")
#: who holds an election: a country or a place the earlier stages found
_HOLDERS = frozenset({"Country", "Location"})


def elections(st, norm: str) -> None:
    """Add the elections named after a country or place (see the module docstring);
    nothing where a longer name is already known there."""
    if "选" not in norm:
        return
    cands = st.candidates
    n = len(cands)
    for c in cands[:n]:
        if c.type not in _HOLDERS:
            continue
        m = ELECTION.match(norm, c.end)
        if m is None:
            continue
        a, b = c.start, m.end()
        if any(x.type == "Event" and x.start <= a and x.end >= b for x in cands):
            continue
        label = norm_name(st.text[a:b])
        # one key however the place is written (香港|特区…, 香港特别行政区…, 香港…): its label
        rest = _REGION.sub("", norm[c.end : b], count=1)
        key = open_key("Event", norm_name(c.label + rest))
        cands.append(Mention(a, b, st.text[a:b], "Event", key, label, "election"))
