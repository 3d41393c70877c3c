"""A programme named inside the title of the document that carries it out, for
``kg_patterns``: 《关于实施某某提升战略的意见》, 《关于深入推进某某工程的通知》 name the
strategy or the project too (GUIDELINES.md: a name nested inside another counts when it
is itself an entity), as the object of the title's implementing verb.

>>> [m.group("name") for m in INNER.finditer("关于实施某某提升战略的意见")]
['某某提升战略']
>>> [m.group("name") for m in INNER.finditer("关于深入推进某某建设工程的实施意见")]
['某某建设工程']
>>> [m.group("name") for m in INNER.finditer("关于推动实施某某振兴计划的通知")]
['某某振兴计划']
>>> [m.group("name") for m in INNER.finditer("关于加强某某工作的意见")]
[]
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.text import norm_name

# the title's opening: 关于, the adverbs of carrying out, the implementing verbs (one or
# a run of them: 推进实施, 启动实施 — the name starts after the last)
_OPEN = (
    r"关于(?:深入|全面|加快|进一步|大力|扎实|持续|切实|积极|继续|着力)*"
    r"(?:实施|推进|推动|开展|启动|实行)+"
)
# the heads of a programme carried out (not 规划, 方案: the document's own kind)
_HEADS = r"(?:战略|工程|行动|计划|倡议|专项行动|走廊)"
INNER = re.compile(rf"{_OPEN}(?P<name>[\u4e00-\u9fff、—]{{2,20}}?{_HEADS})的")
_TITLE_TYPES = frozenset({"Program", "Law"})


def nested_programmes(st) -> None:
    """Add the programme a Program or Law title carries out (关于实施|某某战略|的意见 →
    某某战略), once a span (a head rule's candidate there is hidden by the title: this
    one the resolver keeps inside it)."""
    cands = st.candidates
    spans: set[tuple[int, int]] = set()
    found = []
    for c in cands:
        if c.type not in _TITLE_TYPES or "关于" not in c.text:
            continue
        m = INNER.search(c.text)
        if m is None:
            continue
        a, b = c.start + m.start("name"), c.start + m.end("name")
        if (a, b) in spans:
            continue
        spans.add((a, b))
        label = norm_name(st.text[a:b])
        found.append(
            Mention(a, b, st.text[a:b], "Program", open_key("Program", label), label, "nested")
        )
    cands.extend(found)
