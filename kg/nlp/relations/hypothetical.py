"""Cooperation the text does not state: a condition (如果甲乙合作…) or what cooperation
could or should do (甲乙合作可以…, 甲乙合作应该…) is no relation; what it will do
(甲乙合作将…) is a plan (modality ``planned``), kept apart from stated cooperation.

>>> cooperation_mood("中法合作可以实现共赢", 0, 4)
'hypothetical'
>>> cooperation_mood("如果中法加强合作，两国都将受益", 0, 8)
'hypothetical'
>>> cooperation_mood("中法合作将进一步深化", 0, 4)
'planned'
>>> cooperation_mood("中法合作应对气候变化", 0, 4)
'asserted'
"""

from __future__ import annotations

import re

#: a condition opening the sentence or a clause before the cooperation word (若干: no)
_IF = re.compile(r"(?:^|[，,：:])\s*(?:如果|假如|假若|倘若|若是|要是|只要|一旦|如若|若(?!干))")
#: right after the cooperation word: what it could or should do (可以, 应该…; 应对 and
#: 会议 are words of their own, so no bare 应/会/能)
_COULD = re.compile(r"(?:还|也|就|才|更)?(?:可以|能够|才能|就能|应该|应当|需要|有助于)")
_WILL = re.compile(r"(?:还|也|就|更)?(?:将会|必将|必定|将(?!近|军|领|士))")


def cooperation_mood(text: str, start: int, cue_end: int) -> str:
    """``hypothetical``, ``planned`` or ``asserted`` for a cooperation word ending at
    ``cue_end`` in the sentence ``text[start:…]``."""
    if _IF.search(text[start:cue_end]):
        return "hypothetical"
    if _COULD.match(text, cue_end):
        return "hypothetical"
    if _WILL.match(text, cue_end):
        return "planned"
    return "asserted"
