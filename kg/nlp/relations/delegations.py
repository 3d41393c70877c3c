"""A deputy's delegation, a member's sector: who joins their work takes part in the session.

At a session of the people's congress (or of the political consultative conference) news
reports each leader's work in his delegation or sector: 甲在参加某省代表团审议时说…,
乙参加他所在的某省代表团审议, 丙在参加某界委员的小组讨论时…. The session is the one the
story names before (参加某届全国人大某次会议的代表今天分组审议…) or the one the phrase
names itself (参加他所在的某届全国人大某次会议某省代表团审议); a delegation's review is a
congress's, a sector's group discussion a conference's, never a standing committee's.
The person who opens the clause before the phrase took part in that session
(``implicit`` when the story named it before).

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> text = ("二十届全国人大三次会议各代表团当天分组审议预算报告。"
...         "某省省长苗立新在参加某省代表团审议时表态，支持这份报告。")
>>> [(r.subj, r.rule, r.implicit) for r in extract(Document("t", text)).relations
...  if r.rule.endswith("delegation")]
[('person/苗立新', 'participatesIn:代表团审议:delegation', True)]
"""

from __future__ import annotations

import bisect
import re

from kg.nlp.relations.state import DocState
from kg.nlp.relations.stories import story_heads

#: 参加(他所在的)…代表团审议 / …代表团全体会议 / …(界别|界)(委员)小组讨论 / …联组会 (出席
#: too): the phrase's middle (a session's name, a province, a sector) holds no clause break
_JOIN = re.compile(
    r"(?:参加|出席)(?:他|她)?(?:所在的)?(?P<mid>[^，。；：！？、\s]{0,40}?)"
    r"(?:(?P<npc>代表团(?:审议|全体会议))|(?P<cppcc>(?:界别|界)?(?:委员)?(?:小组讨论|联组会|联组讨论)))"
)
#: what may stand between the person and 参加: a post after the name, the day, 在
_GAP = re.compile(
    r"(?:总书记|同志)?(?:[\d一二三四五六七八九十]{1,2}日)?(?:上午|下午|晚上|今天|昨天)?在?"
)
#: the sessions each kind belongs to (a standing committee's sessions have no delegations)
_SESSION = {
    "npc": re.compile(r"^(?!.*常委会|.*常务委员会).*(?:人大|人民代表大会).*会议$"),
    "cppcc": re.compile(r"^(?!.*常委会|.*常务委员会).*(?:政协|政治协商会议).*会议$"),
}
#: how far before the phrase the story may have named its session
_LOOKBACK = 6000


def delegation_sessions(ds: DocState) -> None:
    """Add ``participatesIn`` from each person who joins a delegation's review or a
    sector's discussion to the session it belongs to (the module docstring)."""
    st = ds.st
    norm = st.norm
    if "参加" not in norm or not ("审议" in norm or "讨论" in norm or "全体会议" in norm):
        return
    heads = story_heads(ds)
    for m in _JOIN.finditer(norm):
        kind = "npc" if m.group("npc") else "cppcc"
        person = _person_before(ds, m.start())
        if person is None:
            continue
        session, implicit = _session(ds, m, kind, heads)
        if session is None:
            continue
        s, e = st.sent_of(m.start())
        ds.add(person.key, "participatesIn", session.key, s, e,
               f"participatesIn:{'代表团审议' if kind == 'npc' else '小组讨论'}:delegation",
               0.6, implicit=implicit)  # fmt: skip


def _person_before(ds: DocState, pos: int):
    """The person whose name ends right before ``pos`` (a post, the day, 在 between), or
    None."""
    j = bisect.bisect_left(ds.ustarts, pos) - 1
    if j < 0:
        return None
    u = ds.units[j]
    if u.type != "Person" or u.end > pos:
        return None
    return u if _GAP.fullmatch(ds.st.norm, u.end, pos) else None


def _session(ds: DocState, m: re.Match, kind: str, heads: list[int]):
    """The session of ``kind`` the phrase ``m`` names in its middle, else the last one its
    story names before it: ``(unit, implicit)``, or ``(None, False)``."""
    rx = _SESSION[kind]
    lo = bisect.bisect_left(ds.ustarts, m.start("mid"))
    hi = bisect.bisect_left(ds.ustarts, m.end("mid"))
    for u in ds.units[lo:hi]:
        if u.type == "Event" and u.end <= m.end("mid") and rx.match(u.text):
            return u, False
    h = bisect.bisect_right(heads, m.start()) - 1
    start = max(heads[h] if h >= 0 else 0, m.start() - _LOOKBACK)
    first = bisect.bisect_left(ds.ustarts, start)
    for u in reversed(ds.units[first:lo]):
        if u.type == "Event" and rx.match(u.text):
            return u, True
    return None, False
