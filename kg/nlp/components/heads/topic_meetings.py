"""A seminar named by its topic, for ``kg_patterns``: the object of 召开 (主持召开) that runs
to 座谈会 in one phrase is the seminar's whole name, verbs of its topic included
(主持召开深入推进某某协同发展座谈会, 召开新时代推动某地全面振兴座谈会, 召开某某工作座谈会):
the name found by its head alone would drop the topic's verb (推进|某某发展座谈会) and so
lose the verb of holding before it. Not a class of those who meet (企业座谈会,
专家学者座谈会, 基层代表座谈会: its topic ends in a kind of person), nor a topic of fewer than
four characters.

>>> [m.group("name") for m in TOPIC.finditer("甲主持召开深入推进某某协同发展座谈会并讲话。")]
['深入推进某某协同发展座谈会']
>>> [m.group("name") for m in TOPIC.finditer("乙召开某某工作座谈会。")]
['某某工作座谈会']
>>> [m.group("name") for m in TOPIC.finditer("在某地召开的某某传承发展座谈会上。")]
['某某传承发展座谈会']
>>> [m.group("name") for m in TOPIC.finditer("丙主持召开企业座谈会，丁召开专家学者座谈会。")]
[]
>>> [m.group("name") for m in TOPIC.finditer("他先后12次召开城乡发展座谈会。")]
[]
>>> [m.group("name") for m in TOPIC.finditer("某地召开了村振兴座谈会。")]  # 了 is no topic
[]
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

_PART = r"[^，。；：、！？《》（）()\s]"
# who meets, not what about: the topic ends in a kind of person (企业家, 基层代表, 负责同志)
_PERSONS = r"代表|专家|学者|企业家|企业|人士|同志|负责人|书记|干部|群众|委员|党员|青年|师生"
TOPIC = re.compile(
    # not how often (17次|召开…座谈会: a class of them); 召开的|X: X is still the name
    r"(?<=召开)(?<!次召开)(?:了|的)?"
    rf"(?P<name>(?![了的])(?P<topic>{_PART}{{4,30}}?)(?<!{_PERSONS.replace('|', ')(?<!')})"
    r"(?:专题)?座谈会)"
    r"(?=并|上|时|后|强调|期间|[，。；\s]|$)"
)


def topic_meetings(st, norm: str) -> None:
    """Add the seminars named by their topic (see the module docstring) where no longer
    event is known there, nor one anywhere in the document whose name ends with this one
    (第N次|某某协商座谈会, “某某”|调研协商座谈会: a short reference to it)."""
    if "座谈会" not in norm:
        return
    cands = st.candidates
    n = len(cands)
    for m in TOPIC.finditer(norm):
        a, b = m.span("name")
        label = norm_name(st.text[a:b])
        if any(x.start <= a and x.end >= b and x.type == "Event" for x in cands[:n]) or any(
            x.type == "Event" and len(x.label) > len(label) and x.label.endswith(label)
            for x in cands[:n]
        ):
            continue
        cands.append(Mention(a, b, st.text[a:b], "Event", open_key("Event", label), label, "topic"))
