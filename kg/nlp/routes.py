"""jieba's accurate-mode cut (``Tokenizer.cut(text)``, HMM on) as word lengths, compiled.

jieba cuts each block of Han characters, letters and digits by the most probable route
through the dictionary's words (the DAG of every word starting at each character, then
``max(log(freq) - log(total) + route[end])`` from the right, ties to the longer word),
and gives runs of one-character words that are not a word themselves to the HMM. Here
the dictionary is a trie of ``FREQ``'s keys in flat arrays (:class:`Trie`) and one
numba function (:func:`_cut_kernel`) cuts a whole text: the blocks, their routes and the
runs, which it marks for the HMM; :meth:`Trie.lengths` gives the HMM runs to jieba's
own ``finalseg`` (through ``hmm``). The numbers are jieba's: the same ``FREQ``, the
same ``math.log`` of each frequency, the same sum in the same order, the same ties
(``tests/nlp/test_routes.py`` checks every block of the corpus sample against
jieba_next's own route). ~0.06 µs a character, a third of jieba_next's Rust route
alone; numba costs ~0.3 s to load in a new process, so :mod:`kg.nlp.segment` takes this
path only for builds with much text (:func:`kg.nlp.segment.prefer_compiled`).

>>> t = Trie.from_freq({"国务": 0, "国务院": 10, "国": 5, "务": 2, "院": 3}, 20)
>>> t.lengths("国务院国务", lambda run: [len(run)]).tolist()
[3, 2]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np

__all__ = ["Trie", "compile_ahead"]


class Trie:
    """``FREQ``'s keys as a trie in flat arrays: node ``k`` (``1..``; 0 is the root and
    "none") is a key, its children sorted by character in ``chars[offsets[k]:
    offsets[k + 1]]`` (nodes ``children[…]``), ``weight[k]`` its ``log(freq) -
    log(total)`` (NaN: frequency 0, a prefix only); ``first[c]`` the node of the
    one-character key ``chr(c)`` in the BMP (the root's children for the rest).
    ``fallback`` is ``log(1) - log(total)``, the weight of a character that is no word.
    Picklable (numpy arrays and a float: the pipeline snapshot keeps it)."""

    __slots__ = ("chars", "children", "fallback", "first", "offsets", "weight")

    def __init__(
        self,
        first: np.ndarray,
        offsets: np.ndarray,
        chars: np.ndarray,
        children: np.ndarray,
        weight: np.ndarray,
        fallback: float,
    ) -> None:
        self.first, self.offsets, self.chars, self.children = first, offsets, chars, children
        self.weight, self.fallback = weight, fallback

    def __getstate__(self) -> tuple:
        return tuple(getattr(self, k) for k in self.__slots__)

    def __setstate__(self, state: tuple) -> None:
        for k, v in zip(self.__slots__, state, strict=True):
            setattr(self, k, v)

    @classmethod
    def from_freq(cls, freq: Mapping[str, int], total: int) -> Trie:
        """The trie of a jieba ``FREQ`` (every word with its prefixes, 0 for a prefix
        only, as jieba's loader and ``add_word`` make it) and ``total``. ValueError when
        a key's prefix is not a key: jieba's walk would stop before it, but its check of
        a run (``FREQ.get(run)``) would find it, which one trie cannot do both of."""
        keys = list(freq)
        ids = dict(zip(keys, range(1, len(keys) + 1), strict=True))
        get = ids.get
        parent = np.fromiter(
            (get(k[:-1], -1) if len(k) > 1 else 0 for k in keys), dtype=np.int64, count=len(keys)
        )
        char = np.fromiter(map(ord, (k[-1] for k in keys)), dtype=np.int64, count=len(keys))
        node = np.arange(1, len(keys) + 1, dtype=np.int64)
        if len(parent) and parent.min() < 0:
            raise ValueError("a key of FREQ without its prefix")
        order = np.lexsort((char, parent))
        parent, char, node = parent[order], char[order], node[order]
        n = len(keys) + 1
        offsets = np.searchsorted(parent, np.arange(n + 1)).astype(np.int32)
        first = np.zeros(0x10000, dtype=np.int32)  # beyond the BMP: the root's children
        top = (parent == 0) & (char < 0x10000)
        first[char[top]] = node[top]
        log, logtotal = math.log, math.log(total)
        weight = np.empty(n, dtype=np.float64)
        weight[0] = np.nan
        # jieba: log(FREQ.get(word) or 1) - logtotal, only for words with a frequency
        weight[1:] = [log(f) - logtotal if f else math.nan for f in freq.values()]
        return cls(
            first,
            offsets,
            char.astype(np.int32),
            node.astype(np.int32),
            weight,
            log(1) - logtotal,
        )

    def lengths(self, text: str, hmm: Callable[[str], Sequence[int]]) -> np.ndarray:
        """The lengths of ``text``'s words (int64); ``hmm(run)``: the lengths of the
        words jieba's HMM cuts a run into (a run of two or more one-character words
        that is not a word itself)."""
        cps = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
        out = np.empty(len(cps), dtype=np.int64)
        runs = np.empty(len(cps) // 2 + 1, dtype=np.int64)
        k, r = _kernel()(
            cps, self.first, self.offsets, self.chars, self.children, self.weight,
            self.fallback, out, runs,
        )  # fmt: skip
        out = out[:k]
        if not r:
            return out
        at = np.flatnonzero(out < 0).tolist()
        parts: list = []
        prev = 0
        for i, start in zip(at, runs[:r].tolist(), strict=True):
            parts.append(out[prev:i])
            parts.append(hmm(text[start : start - int(out[i])]))
            prev = i + 1
        parts.append(out[prev:])
        return np.concatenate([np.asarray(p, dtype=np.int64) for p in parts])


_KERNEL = None


def _kernel():
    """The compiled kernel (:mod:`kg.nlp.route_kernel`: numba imported and the function
    loaded on first use)."""
    global _KERNEL
    if _KERNEL is None:
        from kg.nlp.route_kernel import cut

        _KERNEL = cut
    return _KERNEL


def compile_ahead() -> None:
    """Compile the kernel into numba's cache (beside its source, as ``compileall`` does
    for bytecode: ``make`` runs it once; without it the first build compiles, ~1.5 s)."""
    Trie.from_freq({"一": 1}, 2).lengths("一二", lambda run: [1] * len(run))


if __name__ == "__main__":
    compile_ahead()
