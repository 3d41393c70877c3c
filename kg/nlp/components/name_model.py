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
the token array, the tokens of two to four characters that open with a surname's first
character and are no dictionary word that cannot be a name (their hashes are looked up
in one sorted array); only those reach Python.

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
        self._known: np.ndarray | None = None

    def surname_length(self, w: str) -> int:
        """Length of the surname ``w`` opens with (compound first), else 0."""
        return 2 if w[:2] in self.compound and len(w) >= 3 else 1 if w[:1] in self.surnames else 0

    def score(self, w: str, sl: int) -> float:
        """Log-likelihood ratio of ``w`` (surname of length ``sl``) being a name."""
        get = self.given.get
        return self.sur.get(w[:sl], _FLOOR) + sum(get(ch, _FLOOR) for ch in w[sl:])

    def known(self) -> np.ndarray:
        """Sorted hashes of the dictionary words (2–4 characters, opening with a surname's
        first character) that are no names: jieba tags them otherwise, or they are
        two-character ``nr`` words (mostly common words: 文明, 高峰), or ``nr`` words
        that score below the threshold (许可证). Built on first use, kept in snapshots."""
        if self._known is None:
            from spacy.strings import hash_string

            from kg.nlp.text import jieba_tags

            out = []
            first = self._first
            for w, tag in jieba_tags().items():
                if (
                    not 2 <= len(w) <= 4
                    or not ("\u4e00" <= w[0] <= "\u9fff")
                    or not first[ord(w[0])]
                ):
                    continue
                sl = self.surname_length(w)
                if (
                    not tag.startswith("nr")
                    or len(w) == 2
                    or not sl
                    or not 1 <= len(w) - sl <= 2
                    or self.score(w, sl) < self.threshold
                ):
                    out.append(hash_string(w))
            self._known = np.unique(np.asarray(out, dtype=np.uint64))
        return self._known

    def candidates(self, doc, norm: str) -> list[tuple[int, int]]:
        """Token spans of two to four characters that open with a surname's first
        character and are no known non-name word (see :meth:`known`)."""
        n = len(doc)
        if n == 0:
            return []
        arr = doc.to_array(["IDX", "LENGTH", "ORTH"])
        lens = arr[:, 1].astype(np.int64)
        ok = (lens >= 2) & (lens <= 4)
        if not ok.any():
            return []
        idx = arr[ok, 0].astype(np.int64)
        # the first character of each such token (code points above the BMP are no CJK)
        cps = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)[idx]
        keep = (cps < 0x10000) & self._first[np.minimum(cps, 0xFFFF)]
        if not keep.any():
            return []
        orth = arr[ok, 2][keep].astype(np.uint64)
        known = self.known()
        pos = np.searchsorted(known, orth)
        hit = (pos < len(known)) & (known[np.minimum(pos, len(known) - 1)] == orth)
        starts = idx[keep][~hit].tolist()
        ends = (idx[keep][~hit] + lens[ok][keep][~hit]).tolist()
        return list(zip(starts, ends, strict=True))
