"""A mission named by its craft, for ``kg_patterns``: a two-character craft name with its
number (某舟九号) before 载人飞行任务, 飞行任务, 发射任务, 探测任务 or 载人飞船发射任务 names the
mission, a project (GUIDELINES: Program); its forms share one key, the craft's, so that
the headline's 发射任务 and the story's 飞行任务 are one mission. So are the events named
after it (某舟九号载人飞行任务|新闻发布会, …航天员乘组|出征仪式); where such an event's name
holds the mission's, the event's longer span is the one mention there (the mission is a
node where it is named alone).

>>> [m.group() for m in MISSION.finditer("某舟九号载人飞行任务乘组出征仪式今日进行。")]
['某舟九号载人飞行任务']
>>> [m.group("craft") for m in MISSION.finditer("某舟六号发射任务，某舟六号飞行任务")]
['某舟六号', '某舟六号']
>>> [m.group() for m in MISSION.finditer("完成第十号任务。")]
[]

The craft's name starts a word of the text (执行|某舟九号…: not 行某 of a longer word).
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

MISSION = re.compile(
    r"(?P<craft>(?:(?!第)[\u4e00-\u9fff]){2}[一二三四五六七八九十]{1,3}号)"
    r"(?:载人飞行|载人飞船发射|飞行|发射|探测)任务"
)
# what every mission's name holds (literal first: found fast; 任务 alone is in most laws)
_TASK = re.compile(r"号(?:载人飞行|载人飞船发射|飞行|发射|探测)任务")
# the mission's key names the craft and the kind of task
_KIND = "飞行任务"
# an event named after the mission: its press conference, its crew's send-off
_EVENT = re.compile(r"(?:航天员乘组|乘组)?(?:出征仪式|新闻发布会)")


def missions(st, norm: str) -> None:
    """Add the missions named by their craft (see the module docstring); nothing where a
    longer name is already known there."""
    if "任务" not in norm or _TASK.search(norm) is None:
        return
    cands = st.candidates
    n = len(cands)
    for m in MISSION.finditer(norm):
        a, b = m.span()
        longer = any(x.start <= a and x.end >= b and x.end - x.start > b - a for x in cands[:n])
        if a not in st.tok_starts or longer:
            continue
        label = norm_name(st.text[a:b])
        key = open_key("Program", m.group("craft") + _KIND)
        cands.append(Mention(a, b, st.text[a:b], "Program", key, label, "mission"))
        e = _EVENT.match(norm, b)
        if e is not None and not any(x.start <= a and x.end >= e.end() for x in cands[:n]):
            name = norm_name(st.text[a : e.end()])
            ek = open_key("Event", name)
            cands.append(Mention(a, e.end(), st.text[a : e.end()], "Event", ek, name, "mission"))
