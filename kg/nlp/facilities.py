"""Transport terminals and bridges named after a place (某市机场, 某市火车站, 某市某某码头,
某河特大桥): the whole is one place, the place in it a mention too.

>>> FACILITY_HEADS[:2]
('国际机场', '机场')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from kg.model import Mention
from kg.nlp.localities import place_mention

#: the heads of bridges (某河大桥, 某地某某特大桥), which a name may open before the place
#: they hold (某某长江大桥: the river, not the bridge's own name, is the known place)
BRIDGE_HEADS = ("特大桥", "大桥")
#: heads of the names of public transport's terminals a city or district is named in (某市
#: 机场, 某市火车站, 某市码头): a closed class, complete for it: the terminals of air, rail,
#: road and water transport. Other sites (parks, venues, buildings, squares) are an open
#: class of heads and are left to the gazetteer.
FACILITY_HEADS = (
    "国际机场", "机场", "火车站", "高铁站", "汽车站", "客运站", "车站", "码头", *BRIDGE_HEADS,
)
# characters that end a facility's run: function words, numbers, places' units, verbs of
# building and visiting (某市的机场, 某市新建机场, 某市两个广场, 某市某区公园)
_FACILITY_BREAK = (
    "的了在是为由对向从把被于将也就都又已还其该各这那此之以所或等及和与并"
    "建修造到去来访游第两几多省市县区乡镇村一二三四五六七八九十百千万个座"
)
_FACILITY_RUN = re.compile(
    f"[^\\W\\d_{_FACILITY_BREAK}]{{0,4}}?(?:{'|'.join(FACILITY_HEADS)})"
)


def _name_before(st, start: int, end: int, tags: Mapping[str, str], loc_ends: set[int]) -> bool:
    """Whether a bridge's name opens before the place ``start:end`` it holds: a word of a
    name ends right at ``start`` (某某|长江大桥), or another place does and this one is a
    river or lake (某区|长江大桥); not after a clause mark, a function word, a verb or the
    line or works the bridge is part of (实现|某山大桥, 某某铁路|某河特大桥)."""
    norm = st.norm
    if start in loc_ends:
        return norm[end - 1] in "江河湖"
    if start == 0 or norm[start - 1] in _FACILITY_BREAK:
        return False
    if not ("\u4e00" <= norm[start - 1] <= "\u9fff" or norm[start - 1].isalnum()):
        return False
    a = start - 1
    while a > 0 and a not in st.tok_starts:
        a -= 1
    word = norm[a:start]
    return not (word.endswith(_WORKS) or tags.get(word, "").startswith(_DESCRIBING))


#: the words of a line or a works a bridge is part of (某某铁路|某河特大桥)
_WORKS = ("工程", "铁路", "高铁", "高速", "公路", "项目", "通道")


# jieba tags of words that describe rather than name (adjectives, verbs, adverbs,
# numbers, pronouns, function words, localizers)
_DESCRIBING = ("a", "b", "v", "d", "m", "q", "r", "p", "c", "u", "f")


def _described(st, start: int, end: int, tags: Mapping[str, str]) -> bool:
    """A word from ``start`` up to ``end`` that describes: an adjective, a verb… (主要, 最大)."""
    a = start
    while a < end:
        b = a + 1
        while b < end and b not in st.tok_starts:
            b += 1
        if b > a + 1 and tags.get(st.norm[a:b], "").startswith(_DESCRIBING):
            return True
        a = b
    return False


def find_facilities(st, tags: Mapping[str, str], freq: Mapping[str, int]) -> list[Mention]:
    """Transport terminals named after a place: a place (no country), up to four
    characters of a name and a terminal's head (``FACILITY_HEADS``) that closes a word,
    with no other candidate inside — the whole is one place (某市机场, 某市某某码头,
    某市火车站), rule ``facility``; the place in it is a mention too (the resolver keeps
    it), where the document names it nowhere else (:mod:`kg.nlp.nested_places`).

    >>> from kg.spans import entity_spans
    >>> text = "代表团抵达成都机场，乘车去了杭州火车站。巴黎主要机场关闭。"
    >>> spans = next(entity_spans([text], nominal=False))
    >>> [s["text"] for s in spans if s["type"] == "Location"]
    ['成都', '成都机场', '杭州', '杭州火车站', '巴黎']
    """
    cands = st.candidates
    places = [c for c in cands if c.type == "Location"]
    if not places:
        return []
    norm, text = st.norm, st.text
    starts = sorted(c.start for c in cands)
    loc_ends = {c.end for c in places}
    out: list[Mention] = []
    for p in places:
        m = _FACILITY_RUN.match(norm, p.end)
        if m is None or m.end() not in st.tok_ends or p.end - p.start < 2:
            continue
        if norm[m.end() - 2 : m.end() + 1] in freq:
            continue  # the head goes on into a word (广场|舞)
        if _described(st, p.end, m.end(), tags):
            continue  # 某国|主要|机场, 某市|最大|车站: a description, no name
        k = bisect.bisect_left(starts, p.end)
        if k < len(starts) and starts[k] < m.end():
            continue  # another name inside (某市长江大桥, 某市政府大厦)
        if m.group().endswith(BRIDGE_HEADS) and _name_before(st, p.start, p.end, tags, loc_ends):
            continue  # 某某|长江大桥: the bridge's name opens before the river
        f = place_mention(text, norm, p.start, m.end())
        out.append(Mention(f.start, f.end, f.text, f.type, f.key, f.label, "facility"))
    return out
