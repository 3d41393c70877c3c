"""A county's short form in a list of places: the list names that county (某甲、乙县等县).

The gazetteer matcher keeps a county's short form that a rule would drop where the list
it stands in names a county of the same prefecture or one of its parents beside it, or
names one of China's divisions on both sides of it (甲市、乙、丙市等钢铁厂: the older
reports list the state's works by the towns they stand in; a foreign place on either side
keeps nothing).
"""

from __future__ import annotations

from kg.model import Mention

# the words that join the items of a list of places (闻某、绛某, 甲县和乙县)
_LIST_JOIN = frozenset("、和与及")


def sibling_in_list(st, county: Mention, entries: dict) -> bool:
    """A county's short form listed next to a county of the same prefecture or to one of
    its parents (某甲、乙县等县, 某省和某甲): the list names that county.

    ``st`` is the document's state (``norm`` and the gazetteer's ``candidates`` so far),
    ``entries`` the gazetteer's entries by id.

    >>> from types import SimpleNamespace as NS
    >>> ents = {k: NS(part_of=v) for k, v in (("a", "p"), ("b", "p"), ("c", "q"), ("p", None))}
    >>> def m(s, e, k): return Mention(s, e, "", "Location", k, "", "gazetteer")
    >>> st = NS(norm="甲乙、丙县", candidates=[m(3, 5, "b")])
    >>> sibling_in_list(st, m(0, 2, "a"), ents), sibling_in_list(st, m(0, 2, "c"), ents)
    (True, False)
    """
    norm, s, e = st.norm, county.start, county.end
    own = entries[county.key].part_of
    parents = set()
    p = own
    while p is not None and p not in parents:
        parents.add(p)
        p = getattr(entries.get(p), "part_of", None)
    for c in st.candidates:
        if c.type != "Location" or c.key == county.key:
            continue
        if not (
            (c.end == s - 1 and norm[s - 1] in _LIST_JOIN)
            or (c.start == e + 1 and norm[e] in _LIST_JOIN)
        ):
            continue
        other = entries.get(c.key)
        if c.key in parents or (other is not None and other.part_of == own):
            return True
    return False


# the categories of China's divisions that belong to no other (a province's own)
_TOP_DIVISIONS = frozenset({"省", "直辖市", "自治区", "特别行政区"})


def chinese_division(entry) -> bool:
    """Whether a gazetteer place is one of China's divisions: a province or a place
    whose parent is a place (a foreign division's parent is its country; a foreign city
    has none)."""
    part = getattr(entry, "part_of", None) or ""
    return part.startswith("place/") or getattr(entry, "category", None) in _TOP_DIVISIONS


def between_places(st, county: Mention, entries: dict) -> bool:
    """A county's short form with one of China's divisions on either side of it in a
    、-list (甲市、乙、丙市): every item of such a list is a place of China, whatever else
    the short form may be. Not between foreign places (某国甲、乙、丙等地: a foreign town
    may share a Chinese county's name).

    >>> from types import SimpleNamespace as NS
    >>> ents = {"a": NS(part_of="place/p"), "c": NS(part_of="place/p"), "f": NS(part_of=None)}
    >>> def m(s, e, k): return Mention(s, e, "", "Location", k, "", "gazetteer")
    >>> st = NS(norm="甲市、乙、丙市", candidates=[m(0, 2, "a"), m(5, 7, "c")])
    >>> between_places(st, m(3, 4, "b"), ents), between_places(st, m(5, 7, "c"), ents)
    (True, False)
    >>> st = NS(norm="甲市、乙、丙市", candidates=[m(0, 2, "f"), m(5, 7, "c")])
    >>> between_places(st, m(3, 4, "b"), ents)
    False
    """
    norm, s, e = st.norm, county.start, county.end
    if s < 2 or e + 1 >= len(norm) or norm[s - 1] != "、" or norm[e] != "、":
        return False
    left = right = False
    for c in st.candidates:
        if c.type == "Location" and c.key != county.key and chinese_division(entries.get(c.key)):
            left = left or c.end == s - 1
            right = right or c.start == e + 1
    return left and right
