"""Transport terminals and bridges named after a place (某市机场, 某市火车站, 某市某某码头,
某河特大桥): the whole is one place, the place in it a mention too.

>>> FACILITY_HEADS[:2]
('国际机场', '机场')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Mapping

from kg.model import Mention
from kg.nlp.gazetteer import CITIES, GazEntry
from kg.nlp.line_heads import LINE_HEADS
from kg.nlp.localities import place_mention

#: the heads of bridges (某市大桥, 某县某某特大桥), read only after a city or county: a
#: river, lake or bay names many bridges (长江|大桥 is a class, 这座|黄河|特大桥 a description)
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
# what makes a bridge's head part of another place's or a body's name: a town, a street, a
# village, a road, an office or a firm named after a bridge (某区|大桥镇, 某省|大桥局)
_BRIDGE_NAMES_MORE = ("镇", "乡", "村", "街道", "社区", "路", "街", "局", "公司", "集团")
# the words of a line or a works a bridge is part of (某某铁路|某市特大桥)
_WORKS = (*LINE_HEADS, "工程", "项目", "通道")
# jieba tags of words that describe rather than name (adjectives, verbs, adverbs,
# numbers, pronouns, function words, localizers)
_DESCRIBING = ("a", "b", "v", "d", "m", "q", "r", "p", "c", "u", "f")


def _name_before(st, start: int, tags: Mapping[str, str], loc_ends: Collection[int]) -> bool:
    """Whether a bridge's name opens before the place at ``start``: a word of a name ends
    right there (某某|厦门大桥), not a clause mark, a function word, a verb, a known place
    (某省|某市大桥) or the line the bridge is part of (某某铁路|某市特大桥).

    >>> from types import SimpleNamespace
    >>> st = SimpleNamespace(norm="安居厦门大桥", tok_starts={0, 2, 4})
    >>> _name_before(st, 2, {}, ()), _name_before(st, 2, {"安居": "v"}, ())
    (True, False)
    """
    norm = st.norm
    if start in loc_ends or start == 0 or norm[start - 1] in _FACILITY_BREAK:
        return False
    if not ("\u4e00" <= norm[start - 1] <= "\u9fff" or norm[start - 1].isalnum()):
        return False
    a = start - 1
    while a > 0 and a not in st.tok_starts:
        a -= 1
    word = norm[a:start]
    return not (word.endswith(_WORKS) or tags.get(word, "").startswith(_DESCRIBING))


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


def find_facilities(
    st, tags: Mapping[str, str], freq: Mapping[str, int], entries: Mapping[str, GazEntry]
) -> list[Mention]:
    """Transport terminals named after a place: a place (no country), up to four
    characters of a name and a terminal's head (``FACILITY_HEADS``) that closes a word,
    with no other candidate inside — the whole is one place (某市机场, 某市某某码头,
    某市火车站), rule ``facility``; the place in it is a mention too (the resolver keeps
    it), where the document names it nowhere else (:mod:`kg.nlp.nested_places`). A
    bridge (``BRIDGE_HEADS``) only after a city or county of the gazetteer (``entries``:
    key → entry; category in ``CITIES``) that no other known place or name's word opens.

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
        if m.group().endswith(BRIDGE_HEADS) and not _city_bridge(
            st, p, m.end(), tags, entries, loc_ends
        ):
            continue
        f = place_mention(text, norm, p.start, m.end())
        out.append(Mention(f.start, f.end, f.text, f.type, f.key, f.label, "facility"))
    return out


def _city_bridge(
    st, p: Mention, end: int, tags: Mapping[str, str], entries, loc_ends: Collection[int]
) -> bool:
    """Whether the bridge ending at ``end`` is named by the city or county ``p``: the place
    is one (not a river, a lake, a province: 长江|大桥, 广东|跨海大桥), no name's word opens
    before it, and the head is no part of a town's, a road's or a body's name (大桥|镇)."""
    e = entries.get(p.key)
    return (
        e is not None
        and e.category in CITIES
        and not st.norm.startswith(_BRIDGE_NAMES_MORE, end)
        and not _name_before(st, p.start, tags, loc_ends)
    )
