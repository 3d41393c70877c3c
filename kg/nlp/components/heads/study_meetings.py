"""A gathering named after the study of a body of thought or a meeting's spirit, for
``kg_patterns``: 学习贯彻某某思想主题教育工作会议, 学习贯彻某届某中全会精神中央宣讲团首场报告会,
某级领导干部学习贯彻某某精神专题研讨班. The name opens with 学习贯彻 (or the class of
cadres who study: 省部级主要领导干部) at a clause's start or after a verb of attending or
holding, runs to 思想 or 精神, and ends in a gathering's head within a few characters;
学习贯彻某会议精神 with no head after it is a verb phrase, no name.

>>> [m.group("name") for m in STUDY.finditer("学习贯彻某某思想主题教育工作会议5日召开。")]
['学习贯彻某某思想主题教育工作会议']
>>> [m.group("name") for m in STUDY.finditer("论学习贯彻中央某某工作会议精神。")]
[]
>>> [m.group("name") for m in STUDY.finditer("要深入学习贯彻某某精神，推动工作会议落实。")]
[]
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

_PART = r"[^，。；：、“”《》（）()\s]"
STUDY = re.compile(
    r"(?:^|(?<=[，。；：\s“（(])|(?<=出席|参加|主持|召开|举行|举办)|(?<=[在于]))"
    rf"(?P<name>(?:省部级主要领导干部|中央和国家机关)?学习贯彻{_PART}{{2,30}}?(?:思想|精神)"
    rf"{_PART}{{0,14}}?(?:工作会议|总结会议|部署会议|推进会|座谈会|专题研讨班|研讨班|报告会))"
    r"(?=召开|举行|开班|开幕|在|上|期间|[，。；\s\d（(]|$)"
)


def study_meetings(st, norm: str) -> None:
    """Add the gatherings named after a study campaign (see the module docstring);
    nothing where a longer name is already known there."""
    if "学习贯彻" not in norm:
        return
    cands = st.candidates
    n = len(cands)
    for m in STUDY.finditer(norm):
        a, b = m.span("name")
        if any(x.start <= a and x.end >= b and x.type == "Event" for x in cands[:n]):
            continue
        label = norm_name(st.text[a:b])
        cands.append(Mention(a, b, st.text[a:b], "Event", open_key("Event", label), label, "study"))
