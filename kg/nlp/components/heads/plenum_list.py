"""Plenary sessions of one term written together (某届二中、三中全会): each session is
named with the term, the first ones written without the head they share.

A plenum is named with its term (``event_names.PLENUM``): 三中全会 alone is a short
reference and no name. In a list the term is written once, before the first session,
and the head once, after the last: 某届一中、二中全会 names 某届一中全会 and 某届二中全会.
A term owned by one of the eight other parties (民革十四届一中、二中全会) is left alone:
its sessions are not the CPC's, and the keys here are the CPC's.

>>> [(n, a, b) for n, a, b in plenum_list("贯彻四十一届一中、二中、三中全会精神", 12, 16)]
[('四十一届一中全会', 2, 8), ('四十一届二中全会', 9, 11), ('四十一届三中全会', 12, 16)]
>>> plenum_list("贯彻三中全会精神", 2, 6), plenum_list("民革十四届一中、二中全会", 8, 12)
([], [])
"""

from __future__ import annotations

import re

_NUM = "[一二三四五六七八九十]"
# the term and the sessions before the last one, each followed by 、 (二十届|二中、)
_LIST = re.compile(f"(?P<term>{_NUM}+届)(?P<items>(?:{_NUM}{{1,2}}中、)+)\\Z")
_LAST = re.compile(f"{_NUM}{{1,2}}中全会")
_OTHER_PARTIES = ("民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟")


def plenum_list(norm: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """The sessions of the list whose last one, ``norm[start:end]`` (三中全会), ends it:
    (full name, start, end) of each, in text order; [] when no term stands before it."""
    if _LAST.fullmatch(norm, start, end) is None:
        return []
    m = _LIST.search(norm, max(0, start - 24), start)
    if m is None or norm.endswith(_OTHER_PARTIES, 0, m.start()):
        return []
    term = m.group("term")
    out, pos = [], m.start("items")
    for item in m.group("items").split("、")[:-1]:
        a = m.start() if not out else pos
        out.append((term + item + "全会", a, pos + len(item)))
        pos += len(item) + 1
    out.append((term + norm[start:end], start, end))
    return out
