"""A data-derived model of Chinese names, scored only where a name may stand.

Most names in news stand without a post or a cue (柳某明白…, 由某某扳回一球): the rules of
:mod:`kg.nlp.components.persons` need a context and miss them. jieba's HMM joins most
unknown names into one word (宋敬波) and its dictionary tags many known ones ``nr``
(毛泽东); neither alone is a name test (jieba's HMM also makes 由市 and 万人, its ``nr``
tag covers 许可证 and 文明). :class:`NameModel` scores such a word by how likely its first
character is as a surname and its other characters are in a given name, against
ordinary words (``ontology/lexicon/name_chars.tsv``, learnt from jieba's dictionary by
``scripts/build_name_chars.py``).

Work is proportional to candidates: :meth:`NameModel.candidates` finds, with numpy over
the token boundaries, the tokens of two to four characters that open with a surname and
whose characters score near the threshold (per-character tables); only those reach
Python.

>>> m = NameModel(load_name_table(), frozenset("王许由"))
>>> m.score("许科敏", 1) > 4 > m.score("许可证", 1), m.score("由市", 1) < 0
(True, True)
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from kg.nlp.gazetteer import ONTOLOGY_DIR

#: the score of a character the table lacks (as unlikely as the table's least likely)
_FLOOR = -6.0
#: a name scores at least this (tuned on one half of a news corpus, checked on the other)
THRESHOLD = 4.0


def load_name_table(
    directory: Path = ONTOLOGY_DIR,
) -> tuple[dict[str, float], dict[str, float]]:
    """``(surname ratios, given-name ratios)`` from ``lexicon/name_chars.tsv``."""
    return _load(str(directory))


@lru_cache(maxsize=2)
def _load(directory: str) -> tuple[dict[str, float], dict[str, float]]:
    sur: dict[str, float] = {}
    given: dict[str, float] = {}
    with open(Path(directory) / "lexicon" / "name_chars.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            ch, s, g = line.rstrip("\n").split("\t")
            if s:
                sur[ch] = float(s)
            if g:
                given[ch] = float(g)
    return sur, given


class NameModel:
    """Surname + given-name character scores, and the tokens worth scoring."""

    def __init__(
        self,
        table: tuple[dict[str, float], dict[str, float]],
        surnames: frozenset[str],
        threshold: float = THRESHOLD,
    ) -> None:
        self.sur, self.given = table
        self.surnames = surnames
        self.compound = frozenset(s for s in surnames if len(s) == 2)
        self.threshold = threshold
        first = np.zeros(0x10000, dtype=bool)
        for s in surnames:
            if "\u4e00" <= s[0] <= "\u9fff":
                first[ord(s[0])] = True
        self._first = first
        self._lut: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def surname_length(self, w: str) -> int:
        """Length of the surname ``w`` opens with (compound first), else 0."""
        return 2 if w[:2] in self.compound and len(w) >= 3 else 1 if w[:1] in self.surnames else 0

    def score(self, w: str, sl: int) -> float:
        """Log-likelihood ratio of ``w`` (surname of length ``sl``) being a name."""
        get = self.given.get
        return self.sur.get(w[:sl], _FLOOR) + sum(get(ch, _FLOOR) for ch in w[sl:])

    def _luts(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Per code point: surname ratio, given-name ratio, and whether it opens a
        compound surname (such tokens always reach the exact score)."""
        if self._lut is None:
            sur = np.full(0x10000, _FLOOR, dtype=np.float32)
            given = np.full(0x10000, _FLOOR, dtype=np.float32)
            comp = np.zeros(0x10000, dtype=bool)
            for ch, v in self.sur.items():
                if len(ch) == 1 and ch in self.surnames:
                    sur[ord(ch)] = v
            for ch, v in self.given.items():
                given[ord(ch)] = v
            for s in self.compound:
                comp[ord(s[0])] = True
            self._lut = (sur, given, comp)
        return self._lut

    def candidates(
        self, st, slack: float = 2.0, short_margin: float = 0.0
    ) -> list[tuple[int, int]]:
        """Token spans of two to four characters that open with a surname and score at
        least the threshold less ``slack`` (what a cue may add), plus ``short_margin``
        for two characters, in numpy over the token boundaries: only these reach
        Python."""
        norm = st.norm
        mask = getattr(st.tok_starts, "mask", None)
        if not mask or len(norm) < 2:
            return []
        starts = np.flatnonzero(np.frombuffer(mask, dtype=np.uint8))
        lens = np.diff(starts)
        ok = (lens >= 2) & (lens <= 4)
        if not ok.any():
            return []
        idx, lens = starts[:-1][ok], lens[ok]
        cp = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        cp = np.minimum(cp, 0xFFFF).astype(np.int64)
        sur, given, comp = self._luts()
        c0 = cp[idx]
        keep = (sur[c0] > _FLOOR) | comp[c0]
        if not keep.any():
            return []
        idx, lens, c0 = idx[keep], lens[keep], c0[keep]
        score = sur[c0] + given[cp[idx + 1]]
        for k in (2, 3):
            score = score + np.where(lens > k, given[cp[np.minimum(idx + k, len(cp) - 1)]], 0)
        need = self.threshold - slack + np.where(lens == 2, short_margin, 0.0)
        keep = (score >= need) | comp[c0]
        idx, lens = idx[keep], lens[keep]
        return list(zip(idx.tolist(), (idx + lens).tolist(), strict=True))
