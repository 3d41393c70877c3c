"""Places no gazetteer lists, named with a place's unit right after a known place: a
town, street or village (某县|某某镇, 某区|某某街道), a development zone (某市|高新区,
某市|某某经济技术开发区, its short form 某市|经开区), a port, bay, lake, mountain, river
or island (某市|某某港, 某市|某湖), a scenic area or a park (某县|某某沟景区, 某省|某某国家公园).

The known place before the name is what makes it one: policy text and news name a
small place after the larger one it lies in. The name is the characters between the
known place and the unit (one to four), or, where the unit follows the known place
right away, the place and the unit (某市|港, 某市|高新区: the port or zone named after
the city). Not a name where those characters are a common word with the unit (某省|城镇,
某省|乡村, 某省|大山), where a word of them describes or acts (某省|主要港口, 某市|新建
公园), or where they hold a number, a function word, another place or a known name.

Two kinds of list name places too: the items listed beside a river, lake, hill or island
with its unit (甲河、乙河和丙河), and the items of a list closed by 等 and a word for places
(甲、乙和丙等地, 等城市, 等省) that are no common words (transliterated cities: 某某耶夫卡,
某某斯克; not 企业、学校等地).

>>> from kg.spans import entity_spans
>>> text = "在武宁县白水镇和余杭区良渚街道，游客还去了杭州西湖。浙江城镇和乡村都在变化。"
>>> spans = next(entity_spans([text], nominal=False))
>>> [s["text"] for s in spans if s["type"] == "Location"]
['武宁县', '白水镇', '余杭区', '良渚街道', '杭州', '西湖', '浙江']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from kg.model import Mention
from kg.nlp.gazetteer import COUNTY, PROVINCES, GazEntry, Gazetteer
from kg.nlp.localities import place_mention

#: the units of a place below a county, of a development zone and of a named natural or
#: visited site, longest first; a closed class: China's township-level divisions
#: (镇, 乡, 街道; 村 below them), the state's zone classes, and the common nouns of
#: waters, landforms and visited sites
UNITS = (
    "高新技术产业开发区", "经济技术开发区", "经济开发区", "国家公园", "湿地公园",
    "风景名胜区", "风景区", "开发区", "经开区", "高新区", "都市圈", "新区", "景区", "街道",
    "镇", "乡", "村", "港", "湾", "湖", "山", "河", "岛",
)  # fmt: skip
# units whose name is never of one character (a village, a town: 某县|三村 is three
# villages; a lake or a port may be: 某市|西湖); the known place alone may name one
# (某某|镇: the county's seat)
_TWO_CHAR_NAME = frozenset({"镇", "乡", "村", "街道"})
# characters that are no part of such a name: numbers, function words, units of places
_NOT_IN_NAME = frozenset(
    "的在了是为由对向从把被并于将也就都又已还其该本各每这那此之以所或等及和与全到去来赴入出进"
    "一二三四五六七八九十百千万两几多个省市县区"
)
# jieba tags of words that describe or act rather than name: adjectives, verbs, adverbs,
# numbers, pronouns, function words, localizers
_DESCRIBING = ("a", "b", "v", "d", "m", "q", "r", "p", "c", "u", "f")
# the directions that name a lake or a hill with one character (某市|西湖, 某市|南山)
_DIRECTIONS = frozenset("东西南北")
# jieba tags of names: a dictionary word with one of them may be a place's name
_NAME_TAGS = frozenset({"ns", "nr", "nrt", "nrfg", "nz"})
# a games' athletes' village (冬奥村, 亚运村) is a facility, not a village
_GAMES = ("运", "奥")
# characters after the unit that make it part of a longer place word (某某湖区, 某某山路)
_GOES_ON = frozenset("区县市州路街桥口头脉系域谷峡")
# the characters of the one-character units: no name opens with one
_UNIT_CHARS = frozenset("镇乡村港湾湖山河岛")
# the units of a list's items named after the first (甲河、乙河和丙河) and what joins them
_LIST_UNITS = frozenset("河湖山岛")
_LIST_JOIN = frozenset("、和与及")
# a list of two to six items closed by 等 and a word for places (甲、乙和丙等地); an item
# holds no joiner (none is output with one, see _NOT_IN_LIST): with the joiners in the
# item's class a run of them before a close backtracks for milliseconds
_ITEM = r"(?:(?![和与及])[\u4e00-\u9fff·]){2,8}"
# (found from its close, a literal search: the list itself is matched only in the window
# before one, anchored at the close — a scan of the whole text costs a tenth of a build);
# the close is a whole word, longest first (等|地区, not 等|地|区)
_LIST_CLOSE = re.compile(r"等(?:地区|省份|省区|城市|地|省|州|市|县)(?![方位图点址])")
_PLACES_LIST = re.compile(rf"(?P<items>{_ITEM}(?:[、和与及]{_ITEM}){{1,5}})\Z")
_LIST_WINDOW = 60
# the units of divisions: inside an item, two places run together (某某县|甲市)
_DIVISION_UNITS = ("省", "市", "县", "区")
# characters of no place's name in such a list: function words, numbers, verbs of place
# the last characters of a place's part or side, not of its name (某某南部, 某河畔)
_NOT_LAST = frozenset("部畔边旁内外上下里")
_NOT_IN_LIST = frozenset(
    "但而且及和与并"
    "的在了是为由对向从把被于将也就都又已还其该本各每这那此之以所或等全到去来赴"
    "一二三四五六七八九十百千万两几个"
)
_UNIT_RE = re.compile("|".join(UNITS))
# a development zone's full head and its short form (某市|经开区 is 某市经济技术开发区)
_DEV_ZONE, _DEV_SHORT = "经济技术开发区", "经开区"
# units a province has many of, each named after a city: right after a province the unit
# is the class (某省|经开区, 某省|都市圈), right after a city its one (某市|都市圈)
_METRO = "都市圈"
_CITY_UNITS = frozenset({_DEV_SHORT, _METRO})
# what no metropolitan area is named after: a province (the class), a district, county or
# county-level city, a new area or a town (某区|都市圈); a city, a municipality or a listed
# region (成渝) is
_NO_METRO = PROVINCES | {COUNTY, "县", "新区", "镇"}


def _common(word: str, tags: dict[str, str], freq: dict[str, int]) -> bool:
    """A dictionary word with no name's tag (城镇, 乡村, 大山, 半岛)."""
    return bool(freq.get(word)) and tags.get(word) not in _NAME_TAGS


def _name_ok(
    st, s: int, u: int, e: int, tags: dict[str, str], freq: dict[str, int], listed: bool = False
) -> bool:
    """Whether ``norm[s:u]`` (the name) and the unit ``norm[u:e]`` make a place's name;
    ``listed``: an item of a list beside a place of the unit, whose name may be a common
    word (甲山、天柱山)."""
    norm = st.norm
    name = norm[s:u]
    if any(c in _NOT_IN_NAME or not "\u4e00" <= c <= "\u9fff" for c in name):
        return False
    if name.endswith(_GAMES) and norm[u:e] == "村":
        return False
    unit = norm[u:e]
    if name[0] in _UNIT_CHARS:
        return False  # the end of another place's unit (某某港|梅山): no name's start
    if name[-1] in "镇乡村":
        return False  # a town's name and another unit (某某镇|港中村): two names
    if len(name) == 1 and (unit in _TWO_CHAR_NAME or name not in _DIRECTIONS):
        return False  # 某江|海湾, 某河|入河; but 某市|西湖, the city's west lake
    if (
        s in st.tok_starts
        and e in st.tok_ends
        and tags.get(norm[s:e]) == "ns"
        and all(i not in st.tok_starts for i in range(s + 1, e))
    ):
        return True  # one word the dictionary knows as a place (某市|盐田港)
    if not listed and unit not in _TWO_CHAR_NAME and len(name) > 1 and _common(name, tags, freq):
        return False  # 黄河|母亲河: a common word before the unit (a town is named so)
    # the word the unit ends: the unit alone, or the name's last word glued to it,
    # which is then no common word (城镇, 乡村, 农村, 贫困村, 大山)
    t = u
    while t > s and t not in st.tok_starts:
        t -= 1
    if t < u and _common(norm[t:e], tags, freq):
        return False
    if u - t == 1 and tags.get(norm[t], "").startswith("v") and norm[t:e] not in freq:
        return False  # a verb glued to the unit (爱国|爱港): no name's end
    # each word of the name before that names, not describes (主要|港, 新建|公园)
    a = s
    while a < t:
        b = a + 1
        while b < t and b not in st.tok_starts:
            b += 1
        w = norm[a:b]
        if tags.get(w, "").startswith(_DESCRIBING) and not (len(w) == 1 and b < t):
            return False
        if len(w) >= 2 and _common(w, tags, freq) and unit not in _TWO_CHAR_NAME:
            return False
        a = b
    return True


def dev_zones(gaz: Gazetteer) -> dict[str, tuple[GazEntry, ...]]:
    """A place's key → the gazetteer's development zones (经济技术开发区) that lie in it.

    >>> from kg.nlp.gazetteer import load_gazetteer
    >>> [e.name for e in dev_zones(load_gazetteer())["place/changchun"]]
    ['长春经济技术开发区', '长春汽车经济技术开发区']
    """
    out: dict[str, list[GazEntry]] = {}
    for e in gaz.entries.values():
        if e.type == "Location" and e.part_of and e.name.endswith(_DEV_ZONE):
            out.setdefault(e.part_of, []).append(e)
    return {k: tuple(v) for k, v in out.items()}


def find_unit_places(
    st,
    tags: dict[str, str],
    freq: dict[str, int],
    entries: Mapping[str, GazEntry] | None = None,
    zones: Mapping[str, tuple[GazEntry, ...]] | None = None,
) -> list[Mention]:
    """Location mentions (rule ``pattern``) of the places named with a unit (``UNITS``)
    right after a known place (a Location candidate of two characters or more). A
    development zone's short head 经开区 is keyed by its full form (某某经开区 is 某某经济
    技术开发区), right after a city by the city's one zone in ``zones`` where there is one
    (key → entries, :func:`dev_zones`). 经开区 and 都市圈 are never read right after a
    province (``entries``: 某省|经开区 is the class), 都市圈 nor after a district, county
    or town (某区|都市圈: only a city names one)."""
    cands = st.candidates
    places = [c for c in cands if c.type == "Location" and c.end - c.start >= 2]
    if not places:
        return []
    spans = {(c.start, c.end) for c in cands}
    out: list[Mention] = []
    norm, text = st.norm, st.text
    starts = {c.start for c in cands}
    for p in places:
        best = None  # the longest name of the shape (某县|白河镇, not 某县|白河)
        for k in range(0, 5):
            u = p.end + k
            if u >= len(norm) or u in starts:
                break  # another known name right after or inside: no name of this shape
            m = _UNIT_RE.match(norm, u)
            if m is None:
                continue
            e, unit = m.end(), m.group()
            if (e not in st.tok_ends and not _glued_end(st, unit, e, freq)) or (
                e < len(norm) and norm[e] in _GOES_ON
            ):
                continue
            if unit in _TWO_CHAR_NAME and k == 1:
                continue
            if k and not _name_ok(st, p.end, u, e, tags, freq):
                continue
            if k == 0 and (
                _common(norm[u - 1 : e], tags, freq) or _common(norm[p.start : e], tags, freq)
            ):
                continue  # the place's last character and the unit are a word (某|山区)
            if k == 0 and unit in _CITY_UNITS and _barred(entries, p.key, unit):
                continue  # 某省|经开区, 某省|都市圈: the province's zones or areas, a class
            if best is None or e > best[1]:
                best = (p.start if k == 0 else p.end, e)
        if best is not None and best not in spans:
            m = place_mention(text, norm, *best)
            if m.label.endswith(_DEV_SHORT):
                m = _dev_zone(m, p, best[0] == p.start, zones)
            if best[0] == p.start:
                # the place and the unit (某市|港, 某区|景区): the place in it is a mention
                # too, as in a terminal's name (kg/nlp/facilities.py)
                m = Mention(m.start, m.end, m.text, m.type, m.key, m.label, "facility")
            out.append(m)
            spans.add(best)
    # the items listed beside a river, lake, hill or island with the same unit
    for c in [*places, *out]:
        if norm[c.end - 1] in _LIST_UNITS:
            out.extend(_listed(st, c.start, c.end, tags, freq, starts, spans))
    return out


def _glued_end(st, unit: str, e: int, freq: dict[str, int]) -> bool:
    """Whether a unit jieba's dictionary lacks ends at ``e`` inside a word that its last
    character opens (某市都市|圈内, 某市都市|圈主引擎): jieba cut the unit, not the name."""
    return len(unit) > 1 and not freq.get(unit) and e - 1 in st.tok_starts


def _barred(entries: Mapping[str, GazEntry] | None, key: str, unit: str) -> bool:
    """Whether the place ``key`` names no ``unit`` of its own: a province no 经开区 or
    都市圈, a district or county no 都市圈."""
    e = entries.get(key) if entries else None
    return e is not None and e.category in (_NO_METRO if unit == _METRO else PROVINCES)


def _dev_zone(
    m: Mention, p: Mention, at_place: bool, zones: Mapping[str, tuple[GazEntry, ...]] | None
) -> Mention:
    """The development zone ``m`` (某某经开区) keyed by its full form, or by the one zone
    the gazetteer lists in the city ``p`` right before the short head (某市|经开区): the
    one of that full name, or the city's only one."""
    from kg.nlp.components.base import open_key  # (the components import this module)

    full = m.label[: -len(_DEV_SHORT)] + _DEV_ZONE
    found = zones.get(p.key, ()) if zones and at_place else ()
    named = [e for e in found if full == e.name or full in e.aliases]
    if len(named) == 1 or len(found) == 1:  # the city's zone of that name, or its one zone
        e = named[0] if named else found[0]
        return Mention(m.start, m.end, m.text, m.type, e.id, e.name, m.rule)
    return Mention(m.start, m.end, m.text, m.type, open_key("Location", full), full, m.rule)


def find_listed_places(
    st,
    tags: dict[str, str],
    freq: dict[str, int],
    is_name: Callable[[str], bool] | None = None,
) -> list[Mention]:
    """The unknown items of a list of places closed by 等 and a word for places (甲、乙和丙
    等地, 等城市, 等省): an item of two to eight characters, no function word or number,
    whose words are names or no dictionary words (transliterations: 某某耶夫卡, 某某斯),
    not common words (企业、学校等地), no person's name (``is_name``); the first item
    starts after a function word, a known name or punctuation. The close is a word of
    its own that no noun follows: 等|市|领导, 等|市民, 等|地产|企业 close no list of
    places."""
    norm = st.norm
    out: list[Mention] = []
    if "等" not in norm:
        return out
    spans = {(c.start, c.end) for c in st.candidates}
    ends = {c.end: c.start for c in st.candidates}
    for close in _LIST_CLOSE.finditer(norm):
        if not _closes_list(st, close.end(), tags):
            continue
        m = _PLACES_LIST.search(norm, max(0, close.start() - _LIST_WINDOW), close.start())
        if m is None:
            continue
        # the list starts after the last function character or known name before its
        # first 、 (地震|波及|某国|甲、乙: 甲 opens it)
        sep = norm.find("、", m.start(), m.end("items"))
        a = m.start()
        for i in range(m.start() + 1, sep if sep > 0 else m.end("items")):
            if i in ends or norm[i - 1] in _NOT_IN_LIST:
                a = i
        if sep in ends:
            a = max(a, ends[sep])  # a known name is the first item (某某联合|甲、乙等地)
        first_end = sep if sep > 0 else m.end("items")
        k = max(norm.rfind(u, a, first_end - 1) for u in _DIVISION_UNITS)
        if k >= 0:
            a = k + 1  # a division before the first item (某某县|甲市、乙市等地)
        while a < first_end and a not in st.tok_starts:
            a += 1  # the first item opens a word (到达|甲、乙: not 达甲)
        # the joiners: 、, or 和/与/及 as a word of their own (not 波及, 参与)
        items: list[list[int]] = []
        for i in range(a, m.end("items")):
            if norm[i] == "、" or (
                norm[i] in "和与及" and i in st.tok_starts and i + 1 in st.tok_starts
            ):
                items.append([a, i])
                a = i + 1
        items.append([a, m.end("items")])
        for a, b in items:
            if b - a < 2 or (a, b) in spans:
                continue
            if any(x.start < b and a < x.end for x in st.candidates):
                continue
            if norm[b - 1] in _NOT_LAST or any(ch in _NOT_IN_LIST for ch in norm[a:b]):
                continue
            if any(u in norm[a : b - 1] for u in _DIVISION_UNITS):
                continue
            if not _foreign_words(st, a, b, tags, freq):
                continue
            if is_name is not None and is_name(norm[a:b]):
                continue  # a person's name (某某、某某等地区负责人 read otherwise)
            spans.add((a, b))
            out.append(place_mention(st.text, norm, a, b))
    return out


def _closes_list(st, e: int, tags: dict[str, str]) -> bool:
    """Whether the close ending at ``e`` is a word's end and the next word no noun (等省|
    领导, 等地区|负责人 name people; 等|市场, 等|地形: the close is cut from a word)."""
    if e not in st.tok_ends:
        return False
    norm = st.norm
    j = e + 1
    while j < len(norm) and j - e < 6 and j not in st.tok_ends:
        j += 1
    return e >= len(norm) or not tags.get(norm[e:j], "").startswith("n")


def _foreign_words(st, a: int, b: int, tags: dict[str, str], freq: dict[str, int]) -> bool:
    """Whether every word of ``norm[a:b]`` of two characters or more is a name or no
    dictionary word (a transliteration), and the item is no common word."""
    norm = st.norm
    if _common(norm[a:b], tags, freq):
        return False
    i = a
    while i < b:
        j = i + 1
        while j < b and j not in st.tok_starts:
            j += 1
        if j - i >= 2 and _common(norm[i:j], tags, freq):
            return False
        i = j
    return True


def _listed(st, s: int, e: int, tags, freq, starts: set[int], spans: set) -> list[Mention]:
    """The items of two to four characters and ``norm[e - 1]`` (the unit) joined to the
    place ``norm[s:e]`` in a list, after it and before it (甲河、乙河和丙河)."""
    norm, unit = st.norm, st.norm[e - 1]
    found = []
    while e < len(norm) and norm[e] in _LIST_JOIN:  # the items after it
        a = e + 1
        k = next((k for k in range(a + 2, a + 5) if k < len(norm) and norm[k] == unit), None)
        if k is None or a not in st.tok_starts or any(i in starts for i in range(a, k + 1)):
            break
        if k + 1 not in st.tok_ends or not _name_ok(st, a, k, k + 1, tags, freq, True):
            break
        found.append((a, k + 1))
        e = k + 1
    while s > 1 and norm[s - 1] in _LIST_JOIN and norm[s - 2] == unit:  # and before it
        b = s - 1
        a = next(
            (
                a
                for a in range(b - 5, b - 2)
                if a >= 0
                and a in st.tok_starts
                and (a == 0 or not "\u4e00" <= norm[a - 1] <= "\u9fff" or norm[a - 1] in _LIST_JOIN)
            ),
            None,
        )
        if a is None or any(i in starts for i in range(a, b)):
            break
        if b not in st.tok_ends or not _name_ok(st, a, b - 1, b, tags, freq, True):
            break
        found.append((a, b))
        s = a
    out = []
    for a, b in found:
        if (a, b) not in spans:
            spans.add((a, b))
            out.append(place_mention(st.text, norm, a, b))
    return out
