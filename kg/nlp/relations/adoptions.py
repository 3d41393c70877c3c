"""issued from a session's vote: a meeting that adopts laws or documents (会议经表决，通过了
甲法、乙法; 某委员会第某次会议审议通过《X（草案）》) → the body whose session it is issued them.

The meeting opens the clause, or is convened earlier in the sentence (某某主持召开某某常务
会议，审议通过《X》): an Event whose name opens with its body (十四届某某常委会第九次会议,
某某常务会议: the body is the mention nested at the name's start, after a term number such
as 十四届, or the known body the event's canonical name opens with), or a bare meeting noun
(会议, 全会, 大会…) that stands for the last event the news story reports as held before it
(in its heading, 某某会议今天闭幕, 主持召开某某会议; not 传达学习某某会议精神 nor 拟提请
某某会议审议), when that event's name ends as the noun does (全会 is no 某某会议; 大会 is
also a people's congress's session) and no meeting kg did not read is convened in between
(某省政府召开常务会议: the vote is that meeting's). The verb is 通过 after 审议/讨论/
表决 or 经表决， or with 了 (通过 alone before an untitled name may be the preposition "by
means of"). The adopted items follow, joined by 、/和/及, side by side in 《》, or by ，
while each is a bare name (学位法，关税法，…); an item that is more than one name is
skipped (关于修改某某法的决定 adopts a decision about the law), and a later comma item that
is not a bare name ends the list (决定任命…).

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> text = "会议闭幕\\n十九届全国人大常委会第八十一次会议闭幕。会议经表决，通过了测绘法，档案法。"
>>> sorted((r.subj, r.obj) for r in extract(Document("t", text)).relations if r.pred == "issued")
[('gov/npcsc', 'law/中华人民共和国档案法'), ('gov/npcsc', 'law/中华人民共和国测绘法')]
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from kg.nlp.components.heads.editions import TERM
from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.issuers import session_bodies
from kg.nlp.relations.masking import CODE, ISSUERS, QUOTES, Unit
from kg.nlp.relations.sentence import Sentence
from kg.nlp.relations.state import DocState
from kg.nlp.relations.stories import story_heads

_EV = CODE["Event"] + "\ue01f*"
#: a meeting noun standing for the story's meeting
_MEETING = "(?:本次|这次|此次)?(?:全体会议|常务会议|闭幕会|会议|全会|大会)"
#: the vote: (还)(经表决，)(审议|表决)(并)通过(了); 通过 alone needs 了 or the 经-phrase
_VOTE = re.compile(
    f"(?P<m>{_EV}|{_MEETING})?\\**(?:还|也|同时|随后|最后)?"
    "(?:(?P<by>经(?:表决|审议|投票))[，,]?)?"
    "(?P<how>(?:审议|讨论|表决|投票)(?:并|和)?)?通过(?P<le>了)?"
)
#: what may stand before an adopted name (新修订的某某法, the quote marks of 《X》)
_ITEM_HEAD = re.compile(f"(?:新修订的|修订后的)?[{QUOTES}]*")
_ITEM_SEP = re.compile("[、，,]|和|及|以及")
_CLOSING = "》”’」』〉\"'*"  # * closes a bold headline
_DOCS = frozenset({"Law", "Program"})
#: how the name of the meeting a noun stands for ends (全会: 某届某中全会)
_NOUN_END = {"全体会议": "会议", "常务会议": "常务会议", "闭幕会": "会议"}
#: a people's congress's session, which its own text calls 大会 (N届全国人大M次会议)
_CONGRESS = re.compile("(?:人大|人民代表大会)[^会]*会议\\Z")
#: an item about other names: 关于修改甲法、乙法的决定 (the names inside are not adopted)
_ABOUT = re.compile("[^、，,。；;]*?关于[^。；;]*?的(?:决定|决议|议案|报告|办法|规定|意见)")


def _stands_for(noun: str, name: str) -> bool:
    """Whether the meeting noun ``noun`` may stand for the event named ``name``: the name
    ends as the noun does, or 大会 for a people's congress's session.

    >>> _stands_for("全会", "某届某委员会第九次会议"), _stands_for("大会", "八届全国人大四次会议")
    (False, True)
    """
    if name.endswith(_NOUN_END.get(noun, noun)):
        return True
    return noun == "大会" and _CONGRESS.search(name) is not None


def session_body(ds: DocState, ev: Unit) -> Unit | None:
    """The body whose session ``ev`` is: a mention of ``ISSUERS`` nested in the event's
    name, at its start after a term number (十四届某某常委会第九次会议), ending before the
    name does, else the known body its canonical name opens with (N届全国人大M次会议 is
    第N届全国人民代表大会第M次会议: ``issuers.session_bodies``); None for an event that
    opens with no body (二〇三〇年某某论坛)."""
    st = ds.st
    norm = st.norm
    t = TERM.match(norm, ev.start, ev.end)  # 十四届, 第十四届
    at = t.end() if t is not None else ev.start
    lo = bisect.bisect_left(ds.mstarts, at)
    for m in st.mentions[lo : lo + 6]:
        if m.start != at:
            break
        if m.end < ev.end and m.type in ISSUERS:
            return m
    known = session_bodies([replace(ev, text=ev.label)])
    return known[0] if known else None


#: an event reported as held: 某某会议(今天)(在京)召开|举行|闭幕|开幕, or 主持召开某某会议
_HELD_AFTER = re.compile("[^，,。；;：:\n将拟决]{0,12}?(?:召开|举行|闭幕|开幕)(?!以来)")
_HELD_BEFORE = re.compile("主持(?:召开)?了?\\Z")
#: an event only named: 传达学习某某会议精神, 拟提请某某会议审议, 决定某某会议于某日召开
_REFER = re.compile("(?:提请|提交|传达|学习|贯彻|决定|定于|拟)[^，,。；;\n]{0,8}\\Z")
_SPIRIT = re.compile("[^，,。；;\n]{0,4}?精神")
#: a meeting convened that the recogniser did not read: (某省政府)召开(常务)会议
_UNREAD = re.compile("(?:召开|举行)了?[^，,。；;\n]{0,6}?(?:会议|全会|大会)")


def _held(norm: str, ev: Unit, in_heading: bool) -> bool:
    """Whether the story reports ``ev`` as held: in its heading line, right before 召开/
    举行/闭幕/开幕 (not 召开以来) or after 主持(召开); not an event only named (传达学习
    某某会议精神, 拟提请某某会议审议, 决定某某会议于某日召开).

    >>> t = "某省召开会议，传达学习某某常务会议精神。某某常务会议今天召开。"
    >>> ev = [Unit(a, a + 6, "某某常务会议", "Event", "event/x", "", "") for a in (11, 20)]
    >>> _held(t, ev[0], False), _held(t, ev[1], False)
    (False, True)
    """
    before = norm[max(0, ev.start - 12) : ev.start]
    if _REFER.search(before) or _SPIRIT.match(norm, ev.end):
        return False
    return (
        in_heading
        or _HELD_BEFORE.search(before) is not None
        or _HELD_AFTER.match(norm, ev.end) is not None
    )


def story_meeting(ds: DocState, pos: int, noun: str) -> Unit | None:
    """The last Event of the news story holding ``pos`` (from its heading line) that the
    story reports as held before ``pos`` (:func:`_held`) and the meeting noun ``noun`` may
    stand for (:func:`_stands_for`); None outside a story, or when a meeting kg did not
    read (某省政府召开常务会议) is convened between that event and ``pos``."""
    heads = story_heads(ds)
    i = bisect.bisect_right(heads, pos) - 1
    if i < 0:
        return None
    norm = ds.st.norm
    start = norm.rfind("\n", 0, heads[i]) + 1  # the heading names the meeting too
    k = bisect.bisect_left(ds.ustarts, start)
    events = []
    while k < len(ds.units) and ds.units[k].start < pos:
        if ds.units[k].type == "Event":
            events.append(ds.units[k])
        k += 1
    got = next(
        (
            u
            for u in reversed(events)
            if _stands_for(noun, u.text) and _held(norm, u, u.end <= heads[i])
        ),
        None,
    )
    if got is None:
        return None
    for m in _UNREAD.finditer(norm, got.end, pos):
        if not any(e.start < m.end() <= e.end for e in events):
            return None  # 某省政府召开常务会议 after the event: the vote is that meeting's
    return got


class Adoptions:
    """会议经表决，通过了X (see the module docstring)."""

    def __init__(self, g: Grammar) -> None:
        self.g = g

    def __call__(self, sen: Sentence) -> None:
        ms = sen.ms
        if "通过" not in ms:
            return
        ds, g = sen.ds, self.g
        for cs, ce in sen.clauses:
            p = g.prefix.match(ms, cs, ce).end()
            m = _VOTE.match(ms, p)
            if m is None or not (m.group("by") or m.group("how") or m.group("le")):
                continue
            if m.group("m") is None:
                # 某某主持召开某某常务会议，(听取…，)审议通过《X》: the meeting convened
                # earlier in the sentence
                at = ms.rfind(CODE["Event"], 0, cs)
                ev = sen.umap.get(at) if ms[max(0, at - 2) : at] == "召开" else None
            elif ms[p] == CODE["Event"]:
                ev = sen.umap.get(p)
            else:
                ev = story_meeting(ds, sen.s + p, m.group("m").lstrip("本这此次"))
            body = session_body(ds, ev) if ev is not None else None
            if body is None:
                continue
            ds.types.setdefault(body.key, body.type)
            for o in self._items(sen, m.end()):
                ds.add(body.key, "issued", o.key, sen.s, sen.e, "issued:通过:session", 0.8)

    @staticmethod
    def _items(sen: Sentence, p: int) -> list[Unit]:
        """The bare names of the list from ``p`` (see the module docstring)."""
        ms = sen.ms
        out = []
        n = len(ms)
        comma = False
        while p < n:
            q = _ITEM_HEAD.match(ms, p).end()
            u = sen.umap.get(q)
            end = q + (u.end - u.start) if u is not None else q
            while end < n and ms[end] in _CLOSING:
                end += 1
            sep = _ITEM_SEP.match(ms, end)
            adjacent = sep is None and ms[end - 1 : end + 1] == "》《"  # 《甲》《乙》
            bare = u is not None and u.type in _DOCS and (sep is not None or adjacent or end >= n
                                                           or ms[end] in "。；;")  # fmt: skip
            if bare:
                out.append(u)
            elif comma:
                break  # 通过了甲法，决定任命…: the list has ended
            # the next item: after the next separator (an item that is more than one name
            # is passed over whole, a 关于…的决定 with the list inside it too)
            if not bare and (d := _ABOUT.match(ms, q)) is not None:
                end = d.end()
            if bare and adjacent:
                comma, p = False, end
                continue
            nxt = _ITEM_SEP.search(ms, end) if not bare else sep
            stop = min((i for i in (ms.find("。", end), ms.find("；", end), ms.find(";", end))
                        if i >= 0), default=n)  # fmt: skip
            if nxt is None or nxt.start() >= stop:
                break
            comma = nxt.group() in "，,"
            p = nxt.end()
        return out
