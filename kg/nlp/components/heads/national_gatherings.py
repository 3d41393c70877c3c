"""National gatherings whose field holds a verb (``kg_patterns``): a meeting or congress
named 全国 + its field + 会议/大会 keeps the whole field even where a word of it is a verb
that would cut a bare name (全国某某建设先进单位代表会议, 全国民族团结进步表彰大会): the
scope word 全国 opens the name, right after a cut of its own (召开|全国…, a clause start).

>>> s = "召开全国农业社会主义建设先进单位代表会议"
>>> national_start(s, s.index("先进"), s.index("代表会议"), lambda p: (p, "召开"))
2
>>> s = "全国人大常委会委员长会议拟定了某某会议"
>>> national_start(s, s.index("某某"), s.index("会议", 14), lambda p: (p, None), {0}) is None
True
>>> s = "全国各地召开表彰大会"
>>> national_start(s, s.index("表彰"), s.index("大会"), lambda p: (p, None)) is None
True
>>> s = "全国各地都在举行表彰大会"
>>> national_start(s, s.index("表彰"), s.index("大会"), lambda p: (p, None)) is None
True
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from kg.nlp.components.heads.words import NAME_CHAR

#: the scope word that opens a national gathering's name
SCOPE = "全国"
#: the farthest the scope word may stand before where the bare name was cut
REACH = 16
#: characters that say the stretch after 全国 is a clause, not a field (全国各地都|在举行…大会,
#: 全国人民|正|…): localizers, copula, adverbs and prepositions
CLAUSE_CHARS = frozenset("在是已将正由对向于以并也都为要把被让使了着过")
#: verbs that hold or attend a gathering: one inside the stretch governs the name after it
#: (全国各地|召开…表彰大会), it is no word of the name
HOLDING = ("召开", "举行", "举办", "主办", "承办", "筹办", "出席", "参加", "参与", "列席",
           "主持", "组织", "开好", "办好")  # fmt: skip


def national_start(
    norm: str,
    start: int,
    hs: int,
    edge: Callable[[int], tuple[int, str | None]],
    named_starts: Collection[int] = (),
) -> int | None:
    """Where a gathering's name that the left edge cut at ``start`` (its head at ``hs``)
    starts when 全国 opens it across a verb of its field, or None. ``edge(p)``: the left
    edge of a bare name ending at ``p``; ``named_starts``: where known names start (a
    body's meetings, 全国人大常委会|委员长会议, are left to the rules of its sessions)."""
    g = norm.rfind(SCOPE, max(0, start - REACH), start)
    if g < 0 or g + len(SCOPE) == start or g in named_starts:
        return None  # no scope word before, the cut name already opens with it, or it
        # opens a known name (全国人大…, 全国政协…)
    field = norm[g + len(SCOPE) : hs]
    if any(not NAME_CHAR.match(ch) or ch in CLAUSE_CHARS for ch in field) or any(
        v in field for v in HOLDING
    ):
        return None
    if g > 0 and NAME_CHAR.match(norm[g - 1]) and edge(g)[0] != g:
        return None  # 全国 inside a longer word or name (…的全国…, 某全国性…)
    return g
