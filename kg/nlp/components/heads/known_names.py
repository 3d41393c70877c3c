"""The known names of a document that the head rules read (``kg_patterns``): where
each known name starts and ends and its type, the bodies, places and organisations among
them, and what the rules note as they go (the ends of the names an implementing verb
governs, whether the text is a statute's).

>>> from kg.model import Mention
>>> from kg.nlp.components.base import KGDoc
>>> place = Mention(0, 2, "某省", "Location", "k", "某省", "gazetteer")
>>> st = KGDoc("某省实施某某工程", "某省实施某某工程", candidates=[place])
>>> k = KnownNames.of(st, DocView(st))
>>> k.named_end, k.places, k.place_ends, k.first
({0: 2}, {0}, {2: 0}, 1)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.nlp.components.base import KGDoc
from kg.nlp.components.heads.editions import BODY_TYPES
from kg.nlp.components.heads.mentions import NAMED_TYPES
from kg.nlp.components.heads.words import DocView
from kg.nlp.components.lac_names import is_statute


@dataclass
class KnownNames:
    """A document's known names, by position (built once, before the head rules run)."""

    st: KGDoc
    norm: str
    view: DocView
    n: int
    named_end: dict[int, int]  # start → end of the longest known name there
    named_type: dict[int, str]
    named_label: dict[int, str]
    named_starts: set[int]
    named_ends: set[int]
    org_end: dict[int, int]  # end → start of a known organisation
    org_starts: list[int]
    named: list[int]  # the named starts, sorted
    known: list[int]  # any known name's start, events and programmes too (称赞|北京冬奥会)
    starts: bytes | bytearray  # the token-boundary masks (``DocView``)
    ends: bytes | bytearray
    event_ends: set[int]
    body_at_end: dict[int, int]  # end → first start of a known body ending there
    places: set[int]
    place_ends: dict[int, int]  # end → start of a known place or country
    # where ``repeats`` reads candidates from: meant as the index after which the head
    # rules' candidates follow, but the head rules overwrite it with their 首次 flag (0 or
    # 1: the quoted names are read too), as the loop in ``kg_patterns`` always did;
    # reading from the index instead changes the outputs (left for a decision of its own)
    first: int | bool
    rescued_ends: set[int] = field(default_factory=set)  # ends of names a verb governs
    programme_ends: set[int] = field(default_factory=set)  # ends of known programmes
    # end → the starts of the known programmes that end there
    programme_starts: dict[int, list[int]] = field(default_factory=dict)
    statute: bool | None = None  # whether the text is a statute's (asked once, if at all)

    def is_statute(self) -> bool:
        """Whether the text is a statute's (:func:`kg.nlp.components.lac_names.is_statute`),
        asked once."""
        if self.statute is None:
            self.statute = is_statute(self.norm)
        return self.statute

    @classmethod
    def of(cls, st: KGDoc, view: DocView) -> KnownNames:
        """The known names among ``st``'s candidates so far."""
        norm = st.norm
        n = len(norm)
        named_end: dict[int, int] = {}  # start → end of the longest known name there
        named_type: dict[int, str] = {}
        named_label: dict[int, str] = {}
        for c in st.candidates:
            if c.type in NAMED_TYPES and c.end > named_end.get(c.start, -1):
                named_end[c.start] = c.end
                named_type[c.start] = c.type
                named_label[c.start] = c.label
        named_starts = set(named_end)
        named_ends = {c.end for c in st.candidates if c.type in NAMED_TYPES}
        org_end = {e: a for a, e in named_end.items() if named_type[a] == "Organization"}
        org_starts = sorted(org_end.values())
        named = sorted(named_starts)
        # any known name's start, events and programmes too (称赞|北京冬奥会)
        known = sorted(named_starts.union(c.start for c in st.candidates))
        starts, ends = view.starts, view.ends
        event_ends = {c.end for c in st.candidates if c.type == "Event"}
        body_at_end: dict[int, int] = {}  # end → first start of a known body ending there
        for c in st.candidates:
            if c.type in BODY_TYPES and c.start < body_at_end.get(c.end, c.end):
                body_at_end[c.end] = c.start
        places = {a for a, t in named_type.items() if t == "Location"}
        place_ends: dict[int, int] = {}  # end → start of a known place or country
        for c in st.candidates:
            if c.type in ("Location", "Country") and c.start < place_ends.get(c.end, c.end):
                place_ends[c.end] = c.start
        programme_starts: dict[int, list[int]] = {}
        for c in st.candidates:
            if c.type == "Program":
                programme_starts.setdefault(c.end, []).append(c.start)
        return cls(
            st, norm, view, n, named_end, named_type, named_label, named_starts, named_ends,
            org_end, org_starts, named, known, starts, ends, event_ends, body_at_end, places,
            place_ends, first=len(st.candidates), programme_ends=set(programme_starts),
            programme_starts=programme_starts,
        )  # fmt: skip
