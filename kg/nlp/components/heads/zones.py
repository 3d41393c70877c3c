"""Programmes whose head word is their whole name, for ``kg_patterns``: the heads flagged
``whole`` in ``open_heads.tsv`` (自由贸易试验区, 综合保税区; a short one with its full form,
自贸试验区 → 自由贸易试验区). The head alone names the national programme; after places
(某市|自由贸易试验区, 中国|某市|…) it is their zone, named from the first place on; a
modifier right before it makes it a class or one zone of a kind (A类|综保区,
某港特殊|综合保税区), no mention.

>>> zone_start({9: 4, 4: 0}, 9)
0
>>> class_modifier("A类"), class_modifier("特殊"), class_modifier("")
(True, True, False)
"""

from __future__ import annotations

from pathlib import Path

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.heads.words import HAN, DocView, segmenter_freq
from kg.nlp.gazetteer import read_lines

#: the zones a province has many of, each named by its city (某市|综合保税区): after a
#: province their head names the class (某省|综保区进出口增长)
CITY_ZONES = frozenset({"综合保税区"})


def load_whole_heads(directory: Path) -> dict[str, str]:
    """Head → the full name of its programme, for the heads flagged ``whole``."""
    return {
        parts[0]: parts[3] if len(parts) > 3 else parts[0]
        for parts in (line.split() for line in read_lines(directory / "lexicon" / "open_heads.tsv"))
        if len(parts) > 2 and parts[2] == "whole"
    }


def zone_start(place_ends: dict[int, int], hs: int) -> int:
    """The start of the run of known places that ends at the head's start ``hs``
    (``place_ends``: end → start of a known place or country)."""
    start = place_ends[hs]
    while start in place_ends:
        start = place_ends[start]
    return start


def class_modifier(w: str) -> bool:
    """Whether the word right before a whole head makes it a class (A类, 省级, 新型) or one
    zone of a kind (特殊, a proper name no dictionary holds)."""
    return bool(w) and (
        w[-1] in "类级型"
        or w == "特殊"
        or (len(w) >= 2 and HAN.fullmatch(w) is not None and w not in segmenter_freq())
    )


class Zones:
    """The whole-head rule of ``Patterns`` (a mixin: it reads ``whole_heads``)."""

    whole_heads: dict[str, str]

    def add_whole_head(self, st, norm: str, view: DocView, start: int, hs: int, he: int) -> None:
        """Add the programme the whole head ``norm[hs:he]`` names, unless the word
        before it (from ``start`` on) makes it a class or one zone."""
        b = view.starts.rfind(1, start, hs)
        if class_modifier(norm[b:hs] if b >= 0 else ""):
            return
        full = self.whole_heads[norm[hs:he]]
        st.candidates.append(
            Mention(hs, he, st.text[hs:he], "Program", open_key("Program", full), full, "pattern")
        )
