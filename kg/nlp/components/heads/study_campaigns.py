"""A study campaign named by what it studies, for ``kg_patterns``: 学习贯彻某某思想主题教育,
深入贯彻某某规定精神学习教育, 树立和践行正确某某观学习教育.

The name is a verb phrase of study (学习贯彻, 深入贯彻, 树立和践行) whose object ends in
思想, 精神 or 观, and the campaign's head (主题教育, 学习教育); the head rules cannot read it,
as the left edge of a name stops at a verb. The batch before it (第二批) is no part of the
name. Not when a body or a gathering's head follows (某某主题教育领导小组, …工作会议: those
are names of their own).

A document that names one campaign of a head calls it by its head alone afterwards
(第二批主题教育, 这次主题教育, 推动主题教育见到成效): each such bare head is a mention of
that campaign (rule ``campaign``), when no other name holds it.

>>> [m.group("name") for m in CAMPAIGN.finditer("扎实开展第二批学习贯彻某某思想主题教育。")]
['学习贯彻某某思想主题教育']
>>> [m.group("name") for m in CAMPAIGN.finditer("某省开展树立和践行正确某某观学习教育。")]
['树立和践行正确某某观学习教育']
>>> [m.group("name") for m in CAMPAIGN.finditer("学习贯彻某某思想主题教育指导组")]
[]
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

_PART = r"[^，。；：、“”‘’《》（）()\s的在对于和及与]"
#: what after a campaign's head makes it part of another name (a body, a gathering)
_NOT_AFTER = (
    r"工作会议|总结会议|部署会议|会议|推进会|座谈会|研讨班|报告会|领导小组|办公室|指导组|"
    r"巡回指导组|指导|督导|工作|活动"
)
HEADS = ("主题教育", "学习教育")
CAMPAIGN = re.compile(
    r"(?:第[一二三四五六七八九十]批)?"
    rf"(?P<name>(?:深入)?(?:学习贯彻|贯彻|树立和践行){_PART}{{2,24}}?(?:思想|精神|观)"
    rf"(?P<head>{'|'.join(HEADS)}))(?!{_NOT_AFTER})"
)
#: what may stand right before a bare head that names the document's campaign: a clause's
#: start, its batch or a determiner (第二批, 这次), a verb or preposition governing it
#: (推进, 把, 以…为契机, 在…中); not 的, 和, 与, 、 (加强对党员的学习教育, 和学习教育相结合,
#: 理论学习、主题教育: the common noun, no campaign)
_BARE = re.compile(
    rf"(?:^|[，。；：\s“”（(【】]|第[一二三四五六七八九十]批|这次|本次|此次|开展|推进|推动|"
    rf"抓好|巩固拓展|巩固深化|深化|贯穿|检验|落实|把|以|在|对|将)(?P<head>{'|'.join(HEADS)})(?!{_NOT_AFTER})"
)


def study_campaigns(st, norm: str) -> None:
    """Add the study campaigns named by what they study and the bare heads that call the
    document's one campaign of that head (see the module docstring); nothing where a
    longer name is already known there."""
    if "教育" not in norm or not any(h in norm for h in HEADS):
        return
    cands = st.candidates
    n = len(cands)
    for m in CAMPAIGN.finditer(norm):
        a, b = m.span("name")
        if any(x.start <= a and x.end >= b for x in cands[:n]):
            continue
        label = norm_name(st.text[a:b])
        key = open_key("Program", label)
        cands.append(Mention(a, b, st.text[a:b], "Program", key, label, "campaign"))
    # the document's campaigns by head: one only is called by its head alone
    named: dict[str, set[str]] = {}
    first: dict[str, Mention] = {}
    for c in cands:
        if c.type == "Program" and c.label.endswith(HEADS) and len(c.label) > 4:
            head = c.label[-4:]
            named.setdefault(head, set()).add(c.key)
            first.setdefault(head, c)
    spans = [(c.start, c.end) for c in cands]
    for m in _BARE.finditer(norm):
        head = m.group("head")
        if len(named.get(head, ())) != 1:
            continue
        a, b = m.span("head")
        if any(s < b and e > a for s, e in spans):
            continue  # inside another name (“某某”主题教育, 党纪学习教育)
        c = first[head]
        cands.append(Mention(a, b, st.text[a:b], "Program", c.key, c.label, "campaign"))
