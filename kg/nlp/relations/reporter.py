"""Who speaks in a government work report: "现在，我代表X人民政府，向大会报告工作".

A work report says what "we" did (我们/全省/省政府 实施…, 推进…, 举办…) without naming
the government each time; the reporting government is the implicit subject of those
clauses. It is found in the opening: the body named in 我代表…向大会报告, or, when that
is only 省人民政府/市政府 (a nominal), the government named on the title or speaker
line above it (2026年四川省人民政府工作报告, 四川省人民政府省长 施小琳).

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> text = "政府工作报告\\n现在，我代表国务院，向大会报告工作。\\n我们实施《全民健身计划》。"
>>> [(r.subj, r.pred, r.implicit) for r in extract(Document("t", text)).relations]
[('gov/state-council', 'implements', True)]
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import KGDoc

#: how far into the document the opening (title, speaker, 我代表…) may reach
_HEAD = 3000
_DELEGATE = re.compile(
    r"我代表(?P<who>[^，,。；;\n]{1,24}?)[，,]?\s*向(?:大会|全会|会议)(?:作?报告|汇报)"
)
_BODIES = ("GovernmentBody", "Ministry")


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
