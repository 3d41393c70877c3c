"""A deputy's delegation, a member's sector: who joins their work takes part in the session.

At a session of the people's congress (or of the political consultative conference) news
reports each leader's work in his delegation or sector: 甲在参加某省代表团审议时说…,
乙参加他所在的某省代表团审议, 丙在参加某界委员的小组讨论时…. The session is the one the
phrase names itself (参加他所在的某届全国人大某次会议某省代表团审议), else the one its story
(heading included; for a phrase in a heading, the story's first sentence) names as held
(某届全国人大某次会议各代表团分组审议…, 参加X的代表): not a session to come or recalled,
nothing when two are held or a year stands before the person (去年…期间); a delegation's
review is a congress's, a sector's group discussion a conference's, never a standing
committee's. The person right before the phrase (a post, adverbs, the day, 在 and a place
between) took part in that session (``implicit`` when the story named it).

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

from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.masking import Unit
from kg.nlp.relations.state import DocState
from kg.nlp.relations.stories import story_heads

#: 参加(他所在的)…代表团审议 / …代表团全体会议 / …(界别|界)(委员)小组讨论 / …联组会 (出席
#: too): the phrase's middle (a session's name, a province, a sector) holds no clause break
_JOIN = re.compile(
    r"(?:参加|出席)(?:他|她)?(?:所在的)?(?P<mid>[^，。；：！？、\s]{0,40}?)"
    r"(?:(?P<npc>代表团(?:审议|全体会议))|(?P<cppcc>(?:界别|界)?(?:委员)?(?:小组讨论|联组会|联组讨论)))"
)
#: the sessions each kind belongs to (a standing committee's sessions have no delegations)
_SESSION = {
    "npc": re.compile(r"^(?!.*常委会|.*常务委员会).*(?:人大|人民代表大会).*会议$"),
    "cppcc": re.compile(r"^(?!.*常委会|.*常务委员会).*(?:政协|政治协商会议).*会议$"),
}
#: what says a session named in the story is the one being held: 举行/开幕/闭幕/分组审议
#: or its delegations and sectors (X某省代表团) after it in its clause, or 参加|出席 before
#: it and its members' or groups' work after it (参加X的代表, 参加了X和Y一些团组的审议);
#: not 提请X审议, not 回忆起X的情景
_HELD_AFTER = re.compile(
    r"[^，。；：！？\n]{0,12}?(?:举行|开幕|闭幕|召开|分组审议|分组讨论|期间|代表团|界别)"
)
_JOINED_BEFORE = re.compile(r"(?:参加|出席|列席)了?$")
_JOINED_AFTER = re.compile(r"[^，。；：！？\n]{0,24}?(?:代表|委员|团组|审议|讨论)")
#: the session's members named with it (X各界别委员…, 参加X的委员): a bare 小组讨论 is theirs
_MEMBERS = re.compile(r"[^，。；：！？\n]{0,12}?委员")
#: a year before the person in his sentence (去年、2019年、前年…): a session of another year
_PAST = re.compile(r"(?:去|前|上|往|当|[\d〇零一二三四五六七八九十]{2,4})年")
#: how far before the phrase the story may have named its session
_LOOKBACK = 6000


class DelegationSessions:
    """Add ``participatesIn`` from each person who joins a delegation's review or a
    sector's discussion to the session it belongs to (the module docstring); built once
    per pipeline from its :class:`Grammar` (the words that may stand between the person
    and 参加)."""

    def __init__(self, g: Grammar) -> None:
        # between the person and 参加: a post after the name, adverbs and the part of the
        # day (今天上午), the day (5日), 在 and a place (在北京)
        self._gap = re.compile(
            f"(?:{g.post_after.pattern}|同志)?"
            f"(?:{g.adv_alt}|[\\d一二三四五六七八九十]{{1,2}}日|在[^，。；：！？、\\s]{{0,6}}?)*"
        )

    def __call__(self, ds: DocState) -> None:
        st = ds.st
        norm = st.norm
        if not ("参加" in norm or "出席" in norm) or not ("代表团" in norm or "组" in norm):
            return  # what _JOIN needs
        for m in _JOIN.finditer(norm):
            kind = _kind(ds, m)
            if kind is None:
                continue
            person = self._person_before(ds, m.start())
            if person is None:
                continue
            s, e = st.sent_of(m.start())
            if _PAST.search(norm, s, person.start):
                continue  # 去年…期间，甲在参加…: a session of another year
            session, implicit = _session(ds, m, kind)
            if session is None:
                continue
            ds.add(person.key, "participatesIn", session.key, s, e,
                   f"participatesIn:{'代表团审议' if kind == 'npc' else '小组讨论'}:delegation",
                   0.6, implicit=implicit)  # fmt: skip

    def _person_before(self, ds: DocState, pos: int) -> Unit | None:
        """The person whose name ends right before ``pos`` (a post, the day, 在 between),
        or None."""
        j = bisect.bisect_left(ds.ustarts, pos) - 1
        while j >= 0 and ds.units[j].type == "Location":
            j -= 1  # (甲在北京参加…: the place is in the gap)
        if j < 0:
            return None
        u = ds.units[j]
        if u.type != "Person" or u.end > pos:
            return None
        return u if self._gap.fullmatch(ds.st.norm, u.end, pos) else None


def _kind(ds: DocState, m: re.Match) -> str | None:
    """Whose session the phrase ``m`` is: a delegation's (代表团, even before 小组讨论) the
    congress's; a group discussion the conference's only when a sector (界, 委员) says so
    or the story's conference session is named with its members (参加X的委员); a joint
    meeting (联组会) the conference's."""
    if m.group("npc") or "代表团" in m.group("mid"):
        return "npc"
    g = m.group("cppcc")
    if "界" in g or "委员" in g or "联组会" in g:
        return "cppcc"
    # a bare 小组讨论: the conference's when the story's session is named with its members
    return "cppcc" if _session(ds, m, "cppcc", members=True)[0] is not None else None


def _named_in(ds: DocState, m: re.Match, kind: str) -> Unit | None:
    """A session of ``kind`` named in the phrase's middle, or None."""
    rx = _SESSION[kind]
    lo = bisect.bisect_left(ds.ustarts, m.start("mid"))
    hi = bisect.bisect_left(ds.ustarts, m.end("mid"))
    for u in ds.units[lo:hi]:
        if u.type == "Event" and u.end <= m.end("mid") and rx.match(u.text):
            return u
    return None


def _session(
    ds: DocState, m: re.Match, kind: str, members: bool = False
) -> tuple[Unit | None, bool]:
    """The session of ``kind`` the phrase ``m`` names in its middle, else the one its
    story names as held (the story's heading included; for a phrase in a heading, the
    heading and the story's first sentence; with ``members``, named with its members):
    ``(unit, implicit)``, or ``(None, False)`` when none or two different ones."""
    u = _named_in(ds, m, kind)
    if u is not None:
        return u, False
    start, end = _story_span(ds, m.start())
    rx = _SESSION[kind]
    norm = ds.st.norm
    found = {}
    first = bisect.bisect_left(ds.ustarts, start)
    for u in ds.units[first:]:
        if u.start >= end:
            break
        if u.type != "Event" or not rx.match(u.text) or (u.start >= m.start() and u.end <= m.end()):
            continue
        held = _HELD_AFTER.match(norm, u.end) or (
            _JOINED_BEFORE.search(norm, max(0, u.start - 3), u.start)
            and _JOINED_AFTER.match(norm, u.end)
        )
        if members and not _MEMBERS.match(norm, u.end):
            continue
        if held and not _PAST.search(norm, ds.st.sent_of(u.start)[0], u.start):
            found[u.key] = u  # (not 去年X期间: another year's)
    if len(found) != 1:
        return None, False
    return next(iter(found.values())), True


def _story_span(ds: DocState, pos: int) -> tuple[int, int]:
    """Where the story holding ``pos`` may name its session: from its heading line's start
    to ``pos``, or, when ``pos`` is in a heading, that heading and its story's first
    sentence."""
    norm = ds.st.norm
    heads = story_heads(ds)
    h = bisect.bisect_left(heads, pos)
    if h < len(heads) and norm.rfind("\n", 0, heads[h]) < pos:  # pos is in heading h
        start = norm.rfind("\n", 0, heads[h]) + 1
        sents = ds.st.sents
        k = bisect.bisect_left(ds.sent_starts, heads[h])
        while k < len(sents) and not norm[sents[k][0] : sents[k][1]].strip():
            k += 1
        return start, sents[k][1] if k < len(sents) else heads[h]
    start = norm.rfind("\n", 0, heads[h - 1]) + 1 if h > 0 else 0
    return max(start, pos - _LOOKBACK), pos
