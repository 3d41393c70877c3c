"""An event named as the object of a hosting relative clause, for ``kg_patterns``:
由甲(、乙)(共同)主办的X, 由甲举行的“某某”采访活动, 由甲承办的“某某文物展”. The clause
says someone organised X, so X is one event, though its name ends in a head too generic
to end a bare name (活动, 展, 展览: 采访活动, 文物古籍展). GUIDELINES: exhibitions and
activities a body holds are events; ``relations.verbs`` then gives the hosted edge.

The name runs from 的 to its head (an event head of ``open_heads.tsv``, or 活动/展/展览)
right before what may follow a name in a news sentence: a time word (今天, 日前, 昨晚), a
place phrase (在…), a verb of its course (开幕, 启动, 举行, 展出, 结束) or a clause mark.
Not a demonstrative, a count or a class (此次活动, 一系列活动, 多场活动), nor a scope and a
head alone (全国|运动会: an edition names one), nor the complement of 是/为 (这是由某某主
办的某某运动会: a description, no name); a leading 首个/首批 is no part of the name
(全球首个|某某运动会: the first of its kind). A name a
recogniser found inside the span already (a programme in quotes, “某某”|主题活动; a
festival, 首届“某某节”|展映活动) keeps its name and type.

>>> norm = "由某某部主办的“山河锦绣文物展”正在某地博物馆展出。"
>>> [norm[a:b] for a, b in hosted_spans(norm, frozenset({"论坛"}))]
['“山河锦绣文物展”']
>>> norm = "由某某部主办的此次活动在北京举行，由某某部举办的培训班今天结束。"
>>> list(hosted_spans(norm, frozenset({"论坛"})))
[]
>>> norm = "由某某部主办的全国首批某某宣讲活动今天启动。"
>>> [norm[a:b] for a, b in hosted_spans(norm, frozenset({"论坛"}))]
['某某宣讲活动']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.heads.mentions import GENERIC_PREFIX, SCOPES
from kg.nlp.text import norm_name

#: the hosting relative clause: 由, the hosts (no clause mark), 主办/承办/举办/举行 的
HOSTED_BY = re.compile(r"由[^，。；：\n由]{2,60}?(?:主办|承办|举办|举行)的")
#: the heads an activity or a show ends in that only a hosting clause makes a name
ACTIVITY_HEADS = ("活动", "展览", "大展", "特展", "展")
#: what follows a name in a sentence of its course: time, place, a verb of its course
AFTER_NAME = re.compile(
    r"[，。；：（(]|今天|今日|昨天|昨晚|当天|日前|近日|正在|已|于|在|将|也|"
    r"开幕|闭幕|启动|举行|举办|开展|展出|开赛|结束|揭晓|拉开帷幕|成功|陆续|分别|\d{1,2}月"
)
#: what opens no name: a class prefix (此次活动, 各类展览), and a demonstrative or a count
#: of events (这场活动, 多场活动, 首场活动)
NOT_NAME = (*GENERIC_PREFIX, "这", "多场", "首场")
#: the first of its kind, before the name (全国首批|某某宣讲活动, 全球首个|某某运动会)
FIRST_OF_KIND = re.compile(r"(?:全国|全球)?首(?:个|批)")
_MAX = 40


def scope_and_head(name: str, heads: frozenset[str]) -> bool:
    """Whether ``name`` is a scope and a head only (全国运动会, 国际论坛).

    >>> heads = frozenset({"运动会"})
    >>> scope_and_head("全国运动会", heads), scope_and_head("全国农民运动会", heads)
    (True, False)
    """
    return any(name.startswith(s) and name[len(s) :] in heads for s in SCOPES)


def hosted_spans(norm: str, event_heads: frozenset[str]):
    """The spans of the events ``norm`` names after a hosting relative clause (module
    docstring); ``event_heads`` are the Event heads of ``open_heads.tsv``."""
    head_set = frozenset({*event_heads, *ACTIVITY_HEADS})
    heads = tuple(head_set)
    for m in HOSTED_BY.finditer(norm):
        if m.start() > 0 and norm[m.start() - 1] in "是为":
            continue  # 这是由某地举办的某某运动会: what the thing is, no name
        a = m.end()
        if norm.startswith(NOT_NAME, a):
            continue
        first = FIRST_OF_KIND.match(norm, a)
        if first is not None:
            a = first.end()
        for b in range(a + 2, min(len(norm), a + _MAX) + 1):
            if norm[b - 1] in "，。；：\n":
                break
            # a head (or a whole quoted name ending in one, “…展”) where the course begins
            core = norm[a:b].strip("“”")
            if (
                len(core) >= 4
                and core.endswith(heads)
                and norm.count("“", a, b) == norm.count("”", a, b)
                and AFTER_NAME.match(norm, b)
            ):
                if not scope_and_head(core, head_set):
                    yield a, b  # not 全国|运动会: an edition names one, a scope a class
                break


def hosted_names(st, norm: str, event_heads: frozenset[str]) -> None:
    """Add the events the text names after a hosting relative clause (module docstring);
    nothing where an event or a programme was found inside the span."""
    if "由" not in norm:
        return
    cands = st.candidates
    n = len(cands)
    for a, b in hosted_spans(norm, event_heads):
        if any(a <= x.start and x.end <= b for x in cands[:n] if x.type in ("Event", "Program")):
            continue  # 首届“某某节”全球展映活动: the festival found inside keeps its name
        label = norm_name(st.text[a:b].strip("“”"))
        cands.append(
            Mention(a, b, st.text[a:b], "Event", open_key("Event", label), label, "hosted-name")
        )
