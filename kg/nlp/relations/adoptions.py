"""issued from a session's vote: a meeting that adopts laws or documents (会议经表决，通过了
甲法、乙法; 某委员会第某次会议审议通过《X（草案）》) → the body whose session it is issued them.

The meeting opens the clause, or is convened earlier in the sentence (某某主持召开某某常务
会议，审议通过《X》): an Event whose name opens with its body (十四届某某常委会第九次会议,
某某常务会议: the body is the mention nested at the name's start, after a term number such
as 十四届), or a bare meeting noun (会议, 全会, 大会…) that stands for the first event the
news story names (a story names the meeting it reports first, then says 会议…), when that
event's name ends as the noun does (全会 is no 某某会议). The verb is 通过 after 审议/讨论/
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

from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.masking import CODE, ISSUERS, QUOTES, Unit
from kg.nlp.relations.sentence import Sentence
from kg.nlp.relations.state import DocState
from kg.nlp.relations.stories import story_heads

_EV = CODE["Event"] + "\ue01f*"
#: a meeting noun standing for the story's meeting
_MEETING = "(?:本次|这次|此次)?(?:全体会议|常务会议|闭幕会|会议|全会|大会)"
#: the vote: (还)(经表决，)(审议|表决)(并)通过(了); 通过 alone needs 了 or the 经-phrase
_VOTE = re.compile(
    f"(?P<m>{_EV}|{_MEETING})?(?:还|也|同时|随后|最后)?"
    "(?:(?P<by>经(?:表决|审议|投票))[，,]?)?"
    "(?P<how>(?:审议|讨论|表决|投票)(?:并|和)?)?通过(?P<le>了)?"
)
#: a term number before the body in a session's name (十四届, 第十四届)
_TERM = re.compile("(?:第?[一二三四五六七八九十百零〇\\d]+届)?")
#: what may stand before an adopted name (新修订的某某法, the quote marks of 《X》)
_ITEM_HEAD = re.compile(f"(?:新修订的|修订后的)?[{QUOTES}]*")
_ITEM_SEP = re.compile("[、，,]|和|及|以及")
_ADJACENT = re.compile("")
_CLOSING = "》”’」』〉\"'"
_DOCS = frozenset({"Law", "Program"})
#: how the name of the meeting a noun stands for ends (全会: 某届某中全会)
_NOUN_END = {"全体会议": "会议", "常务会议": "常务会议", "闭幕会": "会议"}
#: an item about other names: 关于修改甲法、乙法的决定 (the names inside are not adopted)
_ABOUT = re.compile("[^、，,。；;]*?关于[^。；;]*?的(?:决定|决议|议案|报告|办法|规定|意见)")


def session_body(ds: DocState, ev: Unit) -> Unit | None:
    """The body whose session ``ev`` is: a mention of ``ISSUERS`` nested in the event's
    name, at its start after a term number (十四届某某常委会第九次会议), ending before the
    name does; None for an event that opens with no body (二〇三〇年某某论坛)."""
    st = ds.st
    norm = st.norm
    at = _TERM.match(norm, ev.start, ev.end).end()
    lo = bisect.bisect_left(ds.mstarts, at)
    for m in st.mentions[lo : lo + 6]:
        if m.start != at:
            break
        if m.end < ev.end and m.type in ISSUERS:
            return m
    return None


def story_meeting(ds: DocState, pos: int) -> Unit | None:
    """The first Event unit of the news story holding ``pos`` (from its heading line: a
    story names the meeting it reports first; a later one is another, 决定召开某某会议),
    if it stands before ``pos``; None outside a story."""
    heads = story_heads(ds)
    i = bisect.bisect_right(heads, pos) - 1
    if i < 0:
        return None
    start = ds.st.norm.rfind("\n", 0, heads[i]) + 1  # the heading names the meeting too
    k = bisect.bisect_left(ds.ustarts, start)
    while k < len(ds.units) and ds.units[k].start < pos:
        if ds.units[k].type == "Event":
            return ds.units[k]
        k += 1
    return None


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
                ev = story_meeting(ds, sen.s + p)
                noun = m.group("m").lstrip("本这此次")
                if ev is not None and not ev.text.endswith(_NOUN_END.get(noun, noun)):
                    continue  # 全会 is no 某某会议, 会议 no 某某峰会: another event
            body = session_body(ds, ev) if ev is not None else None
            if body is None:
                continue
            ds.types.setdefault(body.key, body.type)
            for o in self._items(sen, m.end()):
                ds.add(body.key, "issued", o.key, sen.s, sen.e, "issued:通过:session", 0.8)
            return

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
            if sep is None and ms[end - 1 : end + 1] == "》《":
                sep = _ADJACENT.match(ms, end)  # 《甲》《乙》: titles side by side
            bare = u is not None and u.type in _DOCS and (sep is not None or end >= n
                                                           or ms[end] in "。；;")  # fmt: skip
            if bare:
                out.append(u)
            elif comma:
                break  # 通过了甲法，决定任命…: the list has ended
            # the next item: after the next separator (an item that is more than one name
            # is passed over whole, a 关于…的决定 with the list inside it too)
            if not bare and (d := _ABOUT.match(ms, q)) is not None:
                end = d.end()
            nxt = _ITEM_SEP.search(ms, end) if not bare else sep
            stop = min((i for i in (ms.find("。", end), ms.find("；", end), ms.find(";", end))
                        if i >= 0), default=n)  # fmt: skip
            if nxt is None or nxt.start() >= stop:
                break
            comma = nxt.group() in "，,"
            p = nxt.end()
        return out
