"""Free trade areas named by their parties: 中国—某盟自由贸易区, 中国－某盟自贸区 (two names
joined by a dash), 中某某自贸区 (a run of one-character country abbreviations). Such an area
is a programme the parties agree on and build (GUIDELINES.md: projects), whatever verb
governs it; an upgrade after its head (…自贸区3.0版, …升级版) is no part of the name.
The agreement that sets one up, named by the same parties (中某自贸协定, 甲—乙自由贸易协定),
is a treaty, a Law (:func:`trade_agreements`).

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

# the dashes that join two parties' names (em dash, full-width and ASCII hyphen, en dash)
_DASH = "—－-–"
_HEAD = re.compile(r"自由贸易区|自贸区")
# the heads of a free trade agreement, the full one first
_AGREEMENT = re.compile(r"自由贸易协定|自贸协定")
_PARTIES = frozenset({"Country", "Organization", "Location"})
# the longest party name read after the dash
_RIGHT_MAX = 8


def _party(gaz, name: str) -> bool:
    e = gaz.lookup(name) if gaz is not None and name else None
    return e is not None and e.type in _PARTIES


def trade_areas(st, gaz=None) -> list[tuple[int, int]]:
    """Spans of free trade areas named by their parties in ``st`` (a kg doc state:
    ``norm``, ``candidates``). The party after the dash may be a gazetteer name the
    matcher left out because the words run it into the head (东盟|自由 as one word):
    ``gaz`` looks it up."""
    if "贸区" not in st.norm and "贸易区" not in st.norm:
        return []
    return _by_parties(st, _HEAD, gaz)


def trade_agreements(st, gaz=None) -> list[tuple[int, int]]:
    """Spans of free trade agreements named by their parties in ``st``, as
    :func:`trade_areas` reads the areas; the head ends a word (中某自贸协定|谈判, but not
    a longer head that holds it). A list that shares the head (中甲、中乙自贸协定) names
    only its last item here."""
    if "贸协定" not in st.norm and "贸易协定" not in st.norm:
        return []
    return [(s, e) for s, e in _by_parties(st, _AGREEMENT, gaz) if e in st.tok_ends]


def agreement_key(name: str) -> str:
    """The name a free trade agreement is keyed by: its full head (自贸协定 is short for
    自由贸易协定), so that both forms are one node.

    >>> agreement_key("中某自贸协定"), agreement_key("中某自由贸易协定")
    ('中某自由贸易协定', '中某自由贸易协定')
    """
    return name[: -len("自贸协定")] + "自由贸易协定" if name.endswith("自贸协定") else name


def _by_parties(st, head: re.Pattern, gaz) -> list[tuple[int, int]]:
    """Spans of ``head`` right after two parties joined by a dash or a run of two or
    three one-character countries."""
    norm = st.norm
    by_end: dict[int, int] = {}  # a party's end -> its start (the longest there)
    singles: set[int] = set()  # starts of one-character country abbreviations
    for c in st.candidates:
        if c.type in _PARTIES:
            by_end[c.end] = min(by_end.get(c.end, c.start), c.start)
            if c.type == "Country" and c.end - c.start == 1:
                singles.add(c.start)
    out = []
    for m in head.finditer(norm):
        hs = m.start()
        # two names joined by a dash right before the head: 甲—乙|自贸区
        d = max(norm.rfind(c, max(0, hs - _RIGHT_MAX - 1), hs) for c in _DASH)
        if d > 0 and d in by_end and (
            by_end.get(hs) == d + 1 or _party(gaz, norm[d + 1 : hs])
        ):
            out.append((by_end[d], m.end()))
            continue
        # a run of two or three one-character countries: 中某|自贸区, 中某某|自贸区
        s = hs
        while s - 1 in singles and hs - (s - 1) <= 3:
            s -= 1
        if hs - s >= 2:
            out.append((s, m.end()))
    return out
