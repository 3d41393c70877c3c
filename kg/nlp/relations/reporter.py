"""Who speaks in a government work report: "现在，我代表X人民政府，向大会报告工作".

A work report says what "we" did (我们/全省/省政府 实施…, 推进…, 举办…) without naming
the government each time; the reporting government is the implicit subject of those
clauses. It is found in the opening: the body named in 我代表…向大会报告, or, when that
is only 省人民政府/市政府 (a nominal), the government named on the title or speaker
line above it (2030年某省人民政府工作报告, 某省人民政府省长 某某).

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> text = "政府工作报告\\n现在，我代表国务院，向大会报告工作。\\n我们实施《全民健身计划》。"
>>> [(r.subj, r.pred, r.implicit) for r in extract(Document("t", text)).relations]
[('gov/state-council', 'implements', True)]
"""

from __future__ import annotations

import bisect
import re

from kg.model import Mention
from kg.nlp.components.base import KGDoc

#: how far into the document the opening (title, speaker, 我代表…) may reach
_HEAD = 3000
_DELEGATE = re.compile(
    r"我代表(?P<who>[^，,。；;\n]{1,24}?)[，,]?\s*向(?:大会|全会|会议)(?:作?报告|汇报)"
)
_BODIES = ("GovernmentBody", "Ministry")


def speaks_for_someone(st: KGDoc) -> bool:
    """Whether the opening has a 我代表…向大会报告 line: the document's "we" is whoever
    delivers it, found or not, never the agent it names most."""
    return _DELEGATE.search(st.norm, 0, _HEAD) is not None


def reporting_government(st: KGDoc) -> Mention | None:
    """The government a work report speaks for (see the module docstring), or None."""
    m = _DELEGATE.search(st.norm, 0, _HEAD)
    if m is None:
        return None
    a, b = m.span("who")
    before = []
    for u in st.mentions:
        if u.start >= b:
            break
        if u.type not in _BODIES:
            continue
        if u.start >= a and u.end <= b:
            return u  # 我代表海南省人民政府
        if u.end <= a and u.label.endswith("政府"):
            before.append(u)
    who = m.group("who")
    if before and who.endswith("政府"):
        return before[-1]  # 我代表省人民政府: the one the title or speaker line names
    return None


_AT_EVENT = re.compile(r"[—\-－\s]*(?:[\d０-９]+年[\d０-９]+月[\d０-９]+日)?\s*在$")
_AT_TAIL = re.compile(r"上(?:的(?:讲话|报告|致辞|发言|工作报告|政府工作报告))?\s*$")
_SPEAKER_LINES = 2


def speaker_events(st: KGDoc, mstarts: list[int]) -> list[tuple[Mention, Mention, tuple[int, int]]]:
    """A speech's header: a line ``——2030年1月5日在<Event>上`` and, on one of the next
    lines, its speaker (某省人民政府省长 某某): (person, event, speaker line span).

    The person took part in the event (participatesIn). Only in the opening;
    ``mstarts`` are the start offsets of ``st.mentions``.
    """
    norm = st.norm
    out: list[tuple[Mention, Mention, tuple[int, int]]] = []
    ms = st.mentions[: bisect.bisect_left(mstarts, _HEAD)]
    for i, ev in enumerate(ms):
        if ev.type != "Event":
            continue
        ls = norm.rfind("\n", 0, ev.start) + 1
        le = norm.find("\n", ev.end)
        le = len(norm) if le < 0 else le
        if not _AT_EVENT.fullmatch(norm, ls, ev.start) or not _AT_TAIL.fullmatch(norm, ev.end, le):
            continue
        # the speaker: Persons on the next non-empty lines, nothing else but posts/bodies
        pos, seen = le, 0
        while seen < _SPEAKER_LINES and pos < len(norm):
            nxt = norm.find("\n", pos + 1)
            nxt = len(norm) if nxt < 0 else nxt
            if norm[pos:nxt].strip():
                seen += 1
                persons = [m for m in ms[i + 1 :] if pos <= m.start < nxt and m.type == "Person"]
                if persons:
                    ls2 = pos + len(norm[pos:nxt]) - len(norm[pos:nxt].lstrip())
                    out.extend((p, ev, (ls2, nxt)) for p in persons)
                    break
            pos = nxt
    return out
