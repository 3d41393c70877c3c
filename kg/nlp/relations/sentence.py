"""One sentence under analysis: its masked text, clauses and what opens each clause.

The families read a :class:`Sentence`; classifying a clause that opens with two or more
agents remembers them as the document's last pair (双方/两国 later refer to them) and
the run at its position (a later sentence may carry it over).
"""

from __future__ import annotations

import bisect
import re

from kg.nlp.relations.grammar import Grammar
from kg.nlp.relations.masking import CODE, FILL, ORDINAL_RE, Unit, mask, split_clauses
from kg.nlp.relations.state import DocState
from kg.nlp.relations.stories import headline_parts, is_heading

#: a body or organisation, spaces, another (甲委员会 乙部联合印发《X》): a heading or a
#: numbered summary item writes its list of co-agents apart with a space
_B = CODE["GovernmentBody"] + CODE["Organization"]
_SPACED_BODIES = re.compile(f"([{_B}]{FILL}*)([ \u3000]+)(?=[{_B}])")


def _as_list(m: re.Match) -> str:
    # the same length: the spaces but one read as the body's filler, the last as 、
    return m.group(1) + FILL * (len(m.group(2)) - 1) + "、"


def spaced_lists(ms: str) -> str:
    """``ms`` (masked) with the spaces between two bodies or organisations read as 、 (the
    same length): they are one list of agents, not two parts of a headline.

    >>> spaced_lists("\ue010\ue01f \ue010\ue01f印发") == "\ue010\ue01f、\ue010\ue01f印发"
    True
    >>> spaced_lists("\ue013\ue01f \ue010\ue01f印发") == "\ue013\ue01f \ue010\ue01f印发"
    True
    """
    return _SPACED_BODIES.sub(_as_list, ms)


class Sentence:
    """Sentence ``[s, e)`` of ``ds``'s document with its units ``su``."""

    def __init__(self, g: Grammar, ds: DocState, s: int, e: int, su: list[Unit]) -> None:
        self.g = g
        self.ds = ds
        self.s = s
        self.e = e
        self.su = su
        self.ms = mask(ds.st.norm, s, e, su)
        line = self._line(ds.st.norm) if " " in self.ms or "\u3000" in self.ms else None
        if line is not None and self._lists_apart(line):
            self.ms = spaced_lists(self.ms)
        self.umap = {u.start - s: u for u in su}
        self.clauses = split_clauses(self.ms)
        if line and is_heading(line):
            self.clauses = self._headline()
        self._ends = [ce for _, ce in self.clauses]
        self._cache: dict[int, tuple] = {}
        for ci in range(len(self.clauses)):
            self.cls(ci)

    def _line(self, norm: str) -> str | None:
        """The sentence's line when the sentence is its whole line (a heading, a summary
        item), else ""."""
        ls = norm.rfind("\n", 0, self.s) + 1
        le = norm.find("\n", self.s)
        le = len(norm) if le < 0 else le
        if norm[ls : self.s].strip() or norm[self.e : le].strip():
            return ""
        return norm[ls:le]

    def _lists_apart(self, line: str) -> bool:
        """Whether the sentence may write its co-agents a space apart: a numbered summary
        item, or a heading line (印发《X》 may close it); not another sentence's text."""
        if ORDINAL_RE.match(self.ms):
            return True
        if not line:
            return False
        # (a title closing the line: the heading is what comes before it)
        return is_heading(line[: line.rfind("《")] if line[-1] == "》" else line)

    def _headline(self) -> list[tuple[int, int]]:
        """The clauses of a heading line (the sentence is the whole line): its parts, which
        spaces separate, are clauses too (某会议在京召开 甲出席某某会议并讲话: 甲 opens
        the second part, the subject of 出席)."""
        gaps = headline_parts(self.ms)
        if not gaps:
            return self.clauses
        out = []
        for cs, ce in self.clauses:
            for gap in gaps:
                if cs < gap < ce:
                    out.append((cs, gap))
                    cs = gap + 1
                    while cs < ce and self.ms[cs] in " \u3000":
                        cs += 1
            out.append((cs, ce))
        return out

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
