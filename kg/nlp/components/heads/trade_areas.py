"""Free trade areas named by their parties: 中国—某盟自由贸易区, 中国－某盟自贸区 (two names
joined by a dash), 中某某自贸区 (a run of one-character country abbreviations). Such an area
is a programme the parties agree on and build (GUIDELINES.md: projects), whatever verb
governs it; an upgrade after its head (…自贸区3.0版, …升级版) is no part of the name.
The agreement that sets one up, named by the same parties (中某自贸协定, 甲—乙自由贸易协定),
is a treaty, a Law (:func:`trade_agreements`), signed by parties that make treaties
(states, organisations of states, 香港, 澳门, 台湾) and keyed by their full names.

The parties must be names the recognisers found already (Country, Organization, Location
candidates: 东盟, 中国; the abbreviations ``kg.nlp.abbreviations`` reads as countries), so
that a bare 自贸区, 高标准自贸区 or a place's pilot zone (某市自贸区) is not read here.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> ms = extract(Document("t", "中国—东盟自贸区全面建成。", {})).mentions
>>> [m.text for m in ms if m.type == "Program"]
['中国—东盟自贸区']
"""

from __future__ import annotations

import re
from typing import NamedTuple

from kg.model import CHINA_KEY, CUSTOMS_TERRITORIES

# the dashes that join two parties' names (em dash, full-width and ASCII hyphen, en dash)
_DASH = "—－-–"
_HEAD = re.compile(r"自由贸易区|自贸区")
# the heads of a free trade agreement, the full one first
_AGREEMENT = re.compile(r"自由贸易协定|自贸协定")
_PARTIES = frozenset({"Country", "Organization", "Location"})
# the longest party name read after the dash
_RIGHT_MAX = 8


def _is_party(c) -> bool:
    return c.type in _PARTIES


def _signs(c) -> bool:
    """Whether ``c`` may sign a treaty: a state, an organisation (of states), or a place
    with customs of its own (香港, 澳门, 台湾); not a city or a region (中亚)."""
    return c.type in ("Country", "Organization") or c.key in CUSTOMS_TERRITORIES


class _Party(NamedTuple):
    """A party a name is read as (a candidate's or a gazetteer entry's)."""

    type: str
    key: str
    label: str


def _gaz_party(gaz, name: str, ok) -> _Party | None:
    """The party the gazetteer names ``name``, if ``ok`` takes it."""
    e = gaz.lookup(name) if gaz is not None and name else None
    p = _Party(e.type, e.id, e.name) if e is not None and e.type in _PARTIES else None
    return p if p is not None and ok(p) else None


def trade_areas(st, gaz=None) -> list[tuple[int, int]]:
    """Spans of free trade areas named by their parties in ``st`` (a kg doc state:
    ``norm``, ``candidates``). The party after the dash may be a gazetteer name the
    matcher left out because the words run it into the head (东盟|自由 as one word):
    ``gaz`` looks it up."""
    if "贸区" not in st.norm and "贸易区" not in st.norm:
        return []
    return [(a, b) for a, b, _ in _by_parties(st, _HEAD, gaz, _is_party)]


def trade_agreements(st, gaz=None) -> list[tuple[int, int, str]]:
    """``(start, end, key name)`` of the free trade agreements named by their parties in
    ``st``, as :func:`trade_areas` reads the areas, by parties that sign treaties (states,
    organisations, 香港, 澳门, 台湾: not 某市—某市, not a region); the head ends a word
    (中某自贸协定|谈判, but not a longer head that holds it). A list that shares the head
    (中甲、中乙自贸协定) names only its last item here. The key name is
    :func:`agreement_key`'s."""
    if "贸协定" not in st.norm and "贸易协定" not in st.norm:
        return []
    return [
        (s, e, agreement_key([p.label for p in sorted(parties, key=_not_china)]))
        for s, e, parties in _by_parties(st, _AGREEMENT, gaz, _signs)
        if e in st.tok_ends
    ]


def agreement_key(labels: list[str]) -> str:
    """The name a free trade agreement is keyed by: its parties' full names (China's
    first: the caller's order) and the full head (自贸协定 is short for 自由贸易协定), so
    that 中某自贸协定 and 中国—某国自由贸易协定 are one node.

    >>> agreement_key(["中国", "韩国"])
    '中国—韩国自由贸易协定'
    """
    return "—".join(labels) + "自由贸易协定"


def _not_china(p) -> bool:
    return p.key != CHINA_KEY


def _by_parties(st, head: re.Pattern, gaz, ok) -> list[tuple[int, int, tuple[_Party, ...]]]:
    """``(start, end, parties)`` of ``head`` right after two parties (candidates or
    gazetteer names ``ok`` accepts) joined by a dash or a run of two or three
    one-character countries."""
    norm = st.norm
    by_end: dict[int, _Party] = {}  # a party's end -> the party (the longest there)
    start: dict[int, int] = {}  # a party's end -> its start
    singles: dict[int, _Party] = {}  # one-character country abbreviations by start
    for c in st.candidates:
        if c.type in _PARTIES and ok(c) and c.start < start.get(c.end, c.end):
            by_end[c.end], start[c.end] = _Party(c.type, c.key, c.label), c.start
        if c.type == "Country" and c.end - c.start == 1:
            singles[c.start] = _Party(c.type, c.key, c.label)
    out = []
    for m in head.finditer(norm):
        hs = m.start()
        # two names joined by a dash right before the head: 甲—乙|自贸区
        d = max(norm.rfind(c, max(0, hs - _RIGHT_MAX - 1), hs) for c in _DASH)
        if d > 0 and d in by_end:
            right = by_end.get(hs) if start.get(hs) == d + 1 else None
            right = right or _gaz_party(gaz, norm[d + 1 : hs], ok)
            if right is not None:
                out.append((start[d], m.end(), (by_end[d], right)))
                continue
        # a run of two or three one-character countries: 中某|自贸区, 中某某|自贸区
        s = hs
        while s - 1 in singles and hs - (s - 1) <= 3:
            s -= 1
        if hs - s >= 2:
            out.append((s, m.end(), tuple(singles[i] for i in range(s, hs))))
    return out
