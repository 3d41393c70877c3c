"""One sentence under analysis: its masked text, clauses and what opens each clause.

The families read a :class:`Sentence`; classifying a clause that opens with two or more
agents remembers them as the document's last pair (双方/两国 later refer to them) and
the run at its position (a later sentence may carry it over).
"""

from __future__ import annotations

import bisect

from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.masking import Unit, mask, split_clauses
from kg.nlp.relations.state import DocState


class Sentence:
    """Sentence ``[s, e)`` of ``ds``'s document with its units ``su``."""

    def __init__(self, g: Grammar, ds: DocState, s: int, e: int, su: list[Unit]) -> None:
        self.g = g
        self.ds = ds
        self.s = s
        self.e = e
        self.su = su
        self.ms = mask(ds.st.norm, s, e, su)
        self.umap = {u.start - s: u for u in su}
        self.clauses = split_clauses(self.ms)
        self._ends = [ce for _, ce in self.clauses]
        self._cache: dict[int, tuple] = {}
        for ci in range(len(self.clauses)):
            self.cls(ci)

    def cls(self, ci: int):
        """:meth:`Grammar.classify` of clause ``ci`` (kind, units, position after them)."""
        r = self._cache.get(ci)
        if r is None:
            cs, ce = self.clauses[ci]
            r = self._cache[ci] = self.g.classify(self.ms, cs, ce, self.umap)
            if r[0] == "agent":
                keys = tuple(u.key for u in r[1])
                if len(keys) >= 2:
                    self.ds.last_pair = keys
                if r[1]:
                    self.ds.runs_at[r[1][0].start] = keys
        return r

    def clause_of(self, pos: int) -> int:
        """The clause holding sentence-relative position ``pos``."""
        return bisect.bisect_left(self._ends, pos)

    def units_in(self, a: int, b: int) -> list[Unit]:
        """The units starting in ``ms[a:b]``."""
        return [self.umap[j] for j in range(a, b) if j in self.umap]
