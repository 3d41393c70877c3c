"""A place's or country's athletes at games: they took part (participatesIn).

A work report sums up its sports year by what its athletes achieved: 我国体育健儿在某奥运会、
某残奥会上取得优异成绩 (a national report), 某省运动员在某亚运会上夺得多枚金牌 (a
province's). The place or country that opens the clause — bare, or with its athletes
(体育健儿, 运动员, 代表团…) — then 在, the events (、/和/及-joined), 上/中 and a few
words (多项赛事中), then a verb of results (取得, 实现, 夺得, 再创…) took part in each
event. 我国 is China in a national document (:func:`subject.nation`). The clause must open
with the subject (after a clause mark or a time word): 支持某省运动员在X上取得佳绩 is
about others' support, and no other verb may stand between.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> text = "去年，甘肃省运动员在第十五届全运会上取得佳绩。"
>>> [(r.subj, r.pred, r.rule) for r in extract(Document("t", text)).relations]
[('place/gansu', 'participatesIn', 'participatesIn:athletes')]
"""

from __future__ import annotations

import bisect
import re

from kg.nlp.relations.masking import QUOTES
from kg.nlp.relations.state import DocState
from kg.nlp.relations.subject import nation

#: who competes for the place: its athletes, its delegation (none: the place itself)
_ATHLETES = re.compile(
    "(?:的)?(?:体育健儿|运动健儿|健儿|运动员|体育代表团|代表团|选手)?"
    "(?:们)?(?:首次|再次|又一次|均|都|也|还)?在"
)
#: after the events: 上/中, at most a few words (多项赛事中, 比赛中), then the result
_RESULT = re.compile(
    f"[{QUOTES}]*(?:上|中|期间)?[^，,。；;！!？?\\n、在]{{0,8}}?"
    "(?:取得|实现|夺得|获得|勇夺|斩获|摘得|赢得|勇创|再创|创造|创下|刷新|夺取)"
)
#: what may open the clause before the subject: a clause mark, a dash or a time word
_OPEN = re.compile(r"(?:^|[，,；;：:。！!？?\n—]|年|月|来|间|后)\s*$")
_JOIN = re.compile(f"[{QUOTES}]*(?:、|和|及|与|以及)[{QUOTES}]*")
_NATION = ("我国", "我们国家")
_PLACES = ("Location", "Country")


def athlete_relations(ds: DocState) -> None:
    """participatesIn(place or country, event) for each clause of the shape above."""
    st, units = ds.st, ds.units
    norm = st.norm
    if "在" not in norm:
        return
    for i, u in enumerate(units):
        if u.type != "Event":
            continue
        if (
            i > 0
            and units[i - 1].type == "Event"
            and _JOIN.fullmatch(norm, units[i - 1].end, u.start)
        ):
            continue  # not the list's first event
        head = _ATHLETES_BEFORE.search(norm, max(0, u.start - 24), u.start)
        if head is None:
            continue
        keys = _subject(ds, head.start(), i)
        if not keys:
            continue
        evs, j = [u], i
        while (
            j + 1 < len(units)
            and units[j + 1].type == "Event"
            and _JOIN.fullmatch(norm, units[j].end, units[j + 1].start)
        ):
            j += 1
            evs.append(units[j])
        if _RESULT.match(norm, evs[-1].end) is None:
            continue
        s, e = st.sent_of(u.start)
        for k in keys:
            for ev in evs:
                ds.add(k, "participatesIn", ev.key, s, e, "participatesIn:athletes", 0.7)


#: the athletes' words and 在 right before the first event (searched in a short window)
_ATHLETES_BEFORE = re.compile(_ATHLETES.pattern + r"\Z")


def _subject(ds: DocState, at: int, i: int) -> tuple[str, ...]:
    """The place or country that ends at ``at`` and opens its clause: a unit of
    :data:`_PLACES` before the event ``units[i]``, or 我国 in a national document."""
    norm = ds.st.norm
    for w in _NATION:
        if norm.endswith(w, 0, at) and _OPEN.search(norm, max(0, at - len(w) - 4), at - len(w)):
            return nation(ds) or ()
    k = bisect.bisect_left(ds.ustarts, at) - 1
    if k < 0 or k >= i:
        return ()
    p = ds.units[k]
    if p.type not in _PLACES or p.end != at:
        return ()
    if not _OPEN.search(norm, max(0, p.start - 4), p.start):
        return ()
    return (p.key,)
