"""A county's short form in a list of places: the list names that county (某甲、乙县等县).

The gazetteer matcher keeps a county's short form that a rule would drop where the list
it stands in names a county of the same prefecture or one of its parents beside it.
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
