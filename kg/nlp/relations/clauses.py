"""Where a clause starts: right after the last clause or sentence mark before a position.

>>> clause_start("甲出席，乙主持。", 5)
4
>>> clause_start("甲出席，乙主持。", 5, lo=0, marks="。")
0
"""

from __future__ import annotations

from kg.nlp.relations.masking import END, SEP

#: the marks that end a clause (，；：) or a sentence (。！？ and a line break)
CLAUSE_MARKS = SEP + END


def clause_start(text: str, pos: int, lo: int = 0, marks: str = CLAUSE_MARKS) -> int:
    """The offset after the last of ``marks`` in ``text[lo:pos]``, or ``lo`` when there is
    none (bound ``lo`` to the sentence's start: the search costs what it scans)."""
    return max(lo, max(text.rfind(c, lo, pos) for c in marks) + 1)
