"""Nominal references to state organs (法院, 警方, 当地政府, 市教委): no one body, so no key.

>>> from kg.nlp.gazetteer import ONTOLOGY_DIR
>>> words = NominalFinder(ONTOLOGY_DIR).words
>>> "当地政府" in words, "警方" in words, "政府采购" in words
(True, True, False)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import ahocorasick

from kg.model import Mention
from kg.nlp.gazetteer import read_lines
from kg.nlp.organs.pairwindows import PairWindows
from kg.nlp.text import offset_mask

if TYPE_CHECKING:
    from kg.nlp.organs.finder import OrganFinder


class NominalFinder:
    """Nominal references to state organs (法院, 警方, 当地政府, 市教委, 税务部门): the
    words of ``nominal_organs.txt``, the bare organs of the local-organ lexicons, a
    domain + a suffix word, each optionally after a qualifier (当地, 市, 各级…).

    A nominal is a whole run of jieba tokens; it names no one body, so it gets no key
    (rule ``nominal``): the resolver keeps it out of the document's mentions and lists it
    in ``doc._.kg.nominals`` when no named mention overlaps it.
    """

    def __init__(self, directory: Path, organs: OrganFinder | None = None) -> None:
        lex = directory / "lexicon"
        words: set[str] = set()
        qualifiers: set[str] = set()
        suffixes: set[str] = set()
        for line in read_lines(lex / "nominal_organs.txt"):
            if line.startswith("qualifier:"):
                qualifiers.add(line.split(":", 1)[1].strip())
            elif line.startswith("suffix:"):
                suffixes.add(line.split(":", 1)[1].strip())
            else:
                words.add(line)
        if organs is not None:
            words |= {w for w in organs.local if len(w) >= 2}
        for d in read_lines(lex / "gov_domains.txt"):
            words |= {d + s for s in suffixes}
        forms = set(words)
        for q in qualifiers:
            forms |= {q + w for w in words if not w.startswith(q)}
        a = ahocorasick.Automaton()
        for w in forms:
            a.add_word(w, len(w))  # the value: the word's length
        a.make_automaton()
        self._ac = a
        self.words = frozenset(forms)
        # the automaton reads only the runs that may hold a form (a fifth of a law's text);
        # built on first use: a graph build finds no nominals (``kg_patterns``' config)
        self._windows: PairWindows | None = None

    def find(self, st) -> list[Mention]:
        """Nominal candidates (leftmost-longest, token-aligned) of ``st``."""
        text, norm = st.text, st.norm
        n = len(norm)
        starts, ends = offset_mask(st.tok_starts, n), offset_mask(st.tok_ends, n)
        # the longest whole-word hit at each start: the leftmost-longest pass below reads
        # only those (~40k automaton hits on 2.5M characters, most of them rejected here)
        longest: dict[int, int] = {}
        if self._windows is None and self.words:
            self._windows = PairWindows(self.words)
        if self._windows is not None:
            joined, where = self._windows.reduce(norm)
            at: list[int] | range = where.tolist()  # offsets in ``norm``
        else:
            joined, at = norm, range(n)
        for i, k in self._ac.iter(joined):
            e = at[i] + 1
            if not ends[e] or not starts[e - k]:
                continue  # only whole words: not the 政府 of 市政府采购
            if e < n and norm[e] == "长":
                continue  # 检察长, 院长: a post
            s = e - k
            if longest.get(s, -1) < e:
                longest[s] = e
        out: list[Mention] = []
        last = -1
        for s in sorted(longest):
            if s >= last:
                e = longest[s]
                out.append(Mention(s, e, text[s:e], "GovernmentBody", "", norm[s:e], "nominal"))
                last = e
        return out
