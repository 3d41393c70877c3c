"""A country's or a place's athletes at sports games: the country or place took part
(participatesIn).

A work report sums up its sports year by what its athletes won: 我国体育健儿在某奥运会、
某残奥会上取得优异成绩 (a national report), 某省运动员在某运动会上夺得多枚金牌. The
clause opens with a nation word of the lexicon (我国: China in a national document,
:func:`subject.nation`) or a Location/Country, then its athletes (体育健儿, 健儿, 运动员,
代表团…), 在, the games (a sports event: …运动会, …运会, …奥会, …冬会) joined by
、/和/及/与/以及, at most 上 or 中, then a verb of results (:data:`grammar.ELECTED` and
取得, 获得…) with nothing between: participatesIn each games. Refused: a place with no
athletes (a host at its own fair or games), an event that is no games (a delegation at a
session), 期间/申办中/筹备工作中/前/后 after the games, an aim (力争取得, 一定能取得), a
subject after another verb (支持某省运动员在X上…) or after 未来.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> text = "去年，甘肃省运动员在第十五届全运会上取得佳绩。"
>>> [(r.subj, r.pred, r.rule) for r in extract(Document("t", text)).relations]
[('place/gansu', 'participatesIn', 'participatesIn:athletes')]
"""

from __future__ import annotations

import bisect
import re

from kg.nlp.relations.grammar import ELECTED
from kg.nlp.relations.lexicon import alt, load_lexicon
from kg.nlp.relations.masking import JOINER_ALT, QUOTES
from kg.nlp.relations.state import DocState
from kg.nlp.relations.subject import nation

#: the athletes' words and 在 right before the first games (searched in a short window)
_ATHLETES_BEFORE = re.compile(
    "(?:的)?(?:体育健儿|运动健儿|健儿|运动员|体育代表团|代表团)"
    "(?:们)?(?:首次|再次|又一次|均|都|也|还)?在\\Z"
)
#: a sports games by the end of its name (全运会, 亚残运会, 冬残奥会, 亚冬会, 某某运动会)
_GAMES = re.compile(f"(?:运动会|运会|奥会|冬会)[{QUOTES}]*\\Z")
#: the verbs of results (夺得, 摘得 of :data:`grammar.ELECTED` among them)
_VERBS = ELECTED | {"取得", "获得", "勇夺", "斩获", "赢得", "勇创", "再创", "创造", "创下",
                    "刷新", "夺取"}  # fmt: skip
#: after the last games: 上 or 中, then the verb (not 期间, 申办中, 前, 后, 力争…)
_RESULT = re.compile(f"[{QUOTES}]*[上中]?(?:{alt(_VERBS)})")
#: what may open the clause before the subject: a clause mark, a dash or a time word
#: (not 未来/将来: the future)
_OPEN = re.compile(r"(?:^|[，,；;：:。！!？?\n—]|年|月|以来|年来)\s*$")
_JOIN = re.compile(f"[{QUOTES}]*(?:{JOINER_ALT})[{QUOTES}]*")
#: the nation words (我国, 我们国家) of the lexicon
_NATION = tuple(sorted(load_lexicon().kind("nation"), key=len, reverse=True))
_PLACES = ("Location", "Country")


def athlete_relations(ds: DocState) -> None:
    """participatesIn(country or place, games) for each clause of the shape above."""
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
        if not all(_GAMES.search(norm, ev.start, ev.end) for ev in evs):
            continue
        s, e = st.sent_of(u.start)
        for k in keys:
            for ev in evs:
                ds.add(k, "participatesIn", ev.key, s, e, "participatesIn:athletes", 0.7)


def _subject(ds: DocState, at: int, i: int) -> tuple[str, ...]:
    """The country or place that ends at ``at`` (where its athletes' words start) and
    opens its clause: a nation word (China in a national document) or a unit of
    :data:`_PLACES` before the event ``units[i]``."""
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
