"""The parts of a text an automaton over a set of words needs to read: the runs of
characters whose every adjacent pair is adjacent in some word (a word is such a run), the
runs joined by a separator. For the nominal organ words (~80k forms over ~260 characters)
a fifth of a law's text is left, and the automaton's scan is the finder's main cost.

>>> w = PairWindows(["当地政府", "法院"])
>>> joined, where = w.reduce("经当地政府同意，由法院审理")
>>> joined.replace(SEP, "|"), where.tolist()
('当地政府|法院', [1, 2, 3, 4, -1, 9, 10])
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

SEP = "\x00"  # in no word: no match runs across it


class PairWindows:
    """``reduce(text)``: the runs of ``text`` that may hold a word of ``words`` (all of two
    characters or more), and the offset in ``text`` of each character kept."""

    def __init__(self, words: Iterable[str]) -> None:
        words = list(words)
        if any(len(w) < 2 or SEP in w for w in words):
            raise ValueError("words of two characters or more, without the separator")
        every = SEP.join(words)
        alphabet = sorted(set(every) - {SEP})
        self.m = m = len(alphabet) + 1  # id 0: in no word
        # a table over the Basic Multilingual Plane when every character of the words is
        # in it; a character beyond reads U+FFFF's entry (none) through ``mode="clip"``
        size = 0x10000 if not alphabet or ord(alphabet[-1]) < 0xFFFF else 0x110000
        self.lut = np.zeros(size, dtype=np.int32)
        self.lut[[ord(c) for c in alphabet]] = np.arange(1, m, dtype=np.int32)
        codes = np.frombuffer(every.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        ids = self.lut.take(codes, mode="clip")
        pairs = ids[:-1] * m + ids[1:]
        self.adjacent = np.zeros(m * m, dtype=bool)  # a * m + b: ab occurs in a word
        self.adjacent[pairs[(ids[:-1] != 0) & (ids[1:] != 0)]] = True

    def reduce(self, text: str) -> tuple[str, np.ndarray]:
        """The runs joined by :data:`SEP`, and each character's offset in ``text`` (-1 for
        a separator)."""
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        if len(codes) < 2:
            return "", np.zeros(0, dtype=np.int64)
        ids = self.lut.take(codes, mode="clip")
        pair = ids[:-1] * self.m
        pair += ids[1:]
        adj = self.adjacent.take(pair)  # adj[p]: text[p:p + 2] is adjacent in a word
        keep = np.zeros(len(codes), dtype=bool)
        keep[:-1] = adj
        keep[1:] |= adj
        kept = np.flatnonzero(keep)
        if not len(kept):
            return "", np.zeros(0, dtype=np.int64)
        # a separator after each kept character that does not run on into the next one
        sep = ~adj.take(kept[:-1])
        sep |= np.diff(kept) != 1
        out_pos = np.arange(len(kept), dtype=np.int64)
        out_pos[1:] += np.cumsum(sep)
        out = np.full(int(out_pos[-1]) + 1, ord(SEP), dtype=np.uint32)
        out[out_pos] = codes.take(kept)
        where = np.full(len(out), -1, dtype=np.int64)
        where[out_pos] = kept
        return out.tobytes().decode("utf-32-le", "surrogatepass"), where
