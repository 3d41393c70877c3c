"""jieba_next's accurate-mode cut (``Tokenizer.cut(text)``, HMM on) as word lengths, compiled.

jieba cuts each block of Han characters, letters and digits by the most probable route
through the dictionary's words (every word starting at each character, at most
:data:`MAX_ENDS` as jieba_next keeps, then ``max(log(freq) - log(total) + route[end])``
from the right, ties to the later end), and gives runs of one-character words that are
not a word themselves to the HMM. Here the dictionary is a trie of ``FREQ``'s keys in
flat arrays (:class:`Trie`) and one numba function (:mod:`kg.nlp.route_kernel`) cuts a
whole text: the blocks, their routes and the runs, which it marks for the HMM;
:meth:`Trie.lengths` gives the runs to ``hmm`` (jieba's ``finalseg``). The numbers are
jieba_next's: the same ``FREQ``, the same ``math.log`` of each frequency, the same sums
in the same order, the same ties (``tests/nlp/test_routes.py``). About a third of the
time of jieba_next's Rust route alone; :mod:`kg.nlp.segment` says when it is used.

>>> t = Trie.from_freq({"国务": 0, "国务院": 10, "国": 5, "务": 2, "院": 3}, 20)
>>> t.lengths("国务院国务", lambda run: [len(run)]).tolist()
[3, 2]
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence

import numpy as np

__all__ = ["MAX_ENDS", "Trie", "best_route", "compile_ahead", "freq_route"]

#: words starting at one character that jieba_next's route considers (its Rust
#: ``PrefixDict.scan_from`` stops at the twelfth)
MAX_ENDS = 12


class Trie:
    """``FREQ``'s keys as a trie in flat arrays: node ``k`` (``1..``; 0 is the root and
    "none") is a key, its children sorted by character in ``chars[offsets[k]:
    offsets[k + 1]]`` (nodes ``children[…]``), ``weight[k]`` its ``log(freq) -
    log(total)`` (NaN unless the frequency is above 0: a prefix only), ``word[k]``
    whether its frequency is not 0 (what ``FREQ.get(run)`` tells jieba of a run);
    ``first[c]`` the node of the one-character key ``chr(c)`` in the BMP (the root's
    children for the rest).
    ``fallback`` is ``log(1) - log(total)``, the weight of a character that is no word.
    Picklable (numpy arrays and a float: the pipeline snapshot keeps it).

    The same trie answers in Python too (:meth:`node`, :meth:`route`: jieba's route for
    the first characters a process cuts, before the compiled kernel pays to load) and
    holds the words of the tables of :mod:`kg.nlp.word_table`."""

    __slots__ = ("_views", "chars", "children", "fallback", "first", "offsets", "weight", "word")
    #: what is pickled (``_views``: the arrays as memoryviews, made again on first use)
    _FIELDS = ("chars", "children", "fallback", "first", "offsets", "weight", "word")

    def __init__(
        self,
        first: np.ndarray,
        offsets: np.ndarray,
        chars: np.ndarray,
        children: np.ndarray,
        weight: np.ndarray,
        word: np.ndarray,
        fallback: float,
    ) -> None:
        self.first, self.offsets, self.chars, self.children = first, offsets, chars, children
        self.weight, self.word, self.fallback = weight, word, fallback
        self._views: tuple | None = None

    def __getstate__(self) -> tuple:
        return tuple(getattr(self, k) for k in self._FIELDS)

    def __setstate__(self, state: tuple) -> None:
        for k, v in zip(self._FIELDS, state, strict=True):
            setattr(self, k, v)
        self._views = None

    def views(self) -> tuple:
        """``first``, ``offsets``, ``chars``, ``children``, ``weight``, ``word`` as
        memoryviews: indexed from Python they give ints and floats, ~3× faster than a
        numpy array's scalars (made once; they share the arrays' memory)."""
        if self._views is None:
            self._views = tuple(
                memoryview(a)
                for a in (self.first, self.offsets, self.chars, self.children, self.weight,
                          self.word)
            )  # fmt: skip
        return self._views

    def node(self, key: str) -> int:
        """The node of ``key`` (0: not a key).

        >>> t = Trie.from_freq({"国务": 0, "国务院": 10, "国": 5}, 20)
        >>> t.node("国务院") > 0, t.node("务"), t.node("国务院办")
        (True, 0, 0)
        """
        if not key:
            return 0
        first, offsets, chars, children = self.views()[:4]
        c = ord(key[0])
        k = first[c] if c < 0x10000 else self._child(0, c)
        for ch in key[1:]:
            if not k:
                return 0
            lo, hi = offsets[k], offsets[k + 1]
            c = ord(ch)
            i = bisect_left(chars, c, lo, hi)
            if i == hi or chars[i] != c:
                return 0
            k = children[i]
        return k

    def _child(self, k: int, c: int) -> int:
        """The child of node ``k`` for the character ``chr(c)`` (0: none)."""
        _, offsets, chars, children = self.views()[:4]
        lo, hi = offsets[k], offsets[k + 1]
        i = bisect_left(chars, c, lo, hi)
        return children[i] if i < hi and chars[i] == c else 0

    def route(self, blk: str) -> list[int]:
        """jieba_next's route through the block ``blk`` (:func:`best_route`) over the trie.

        >>> t = Trie.from_freq({"国务": 0, "国务院": 10, "国": 5, "务": 2, "院": 3}, 20)
        >>> t.route("国务院国务")
        [2, 1, 2, 3, 4]
        """
        return best_route(blk, trie=self)

    @classmethod
    def from_freq(cls, freq: Mapping[str, int], total: int) -> Trie:
        """The trie of a jieba ``FREQ`` (every word with its prefixes, 0 for a prefix
        only, as jieba's loader and ``add_word`` make it) and ``total``. ValueError when
        a key's prefix is not a key (a ``FREQ`` edited by hand: jieba's Python walk
        stops there, jieba_next's does not; :mod:`kg.nlp.segment` then takes jieba's).
        The key "" is never looked up: left out."""
        keys = [k for k in freq if k]
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
        freqs = [freq[k] for k in keys]
        # jieba_next: log(freq) - logtotal for the words with a frequency above 0
        weight[1:] = [log(f) - logtotal if f > 0 else math.nan for f in freqs]
        word = np.zeros(n, dtype=np.uint8)
        word[1:] = [f != 0 for f in freqs]
        return cls(
            first,
            offsets,
            char.astype(np.int32),
            node.astype(np.int32),
            weight,
            word,
            log(1) - logtotal,
        )

    def lengths(self, text: str, hmm: Callable[[str], Sequence[int]]) -> np.ndarray:
        """The lengths of ``text``'s words (int64); ``hmm(run)``: the lengths of the
        words jieba's HMM cuts a run into (a run of two or more one-character words
        that is not a word itself)."""
        # (a lone surrogate, from JSON or surrogateescape, is one character like any)
        cps = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        out = np.empty(len(cps), dtype=np.int64)
        runs = np.empty(len(cps) // 2 + 1, dtype=np.int64)
        k, r = _kernel()(
            cps, self.first, self.offsets, self.chars, self.children, self.weight,
            self.word, MAX_ENDS, self.fallback, out, runs,
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


def best_route(
    blk: str,
    trie: Trie | None = None,
    freq_get: Callable[[str, None], int | None] | None = None,
    logtotal: float = 0.0,
) -> list[int]:
    """jieba_next's route through the block ``blk`` (``get_DAG`` and ``calc`` in one
    loop), the one place of it in Python: the end of the word starting at each
    character, from the right, the best ``log(freq) - log(total) + score[end + 1]`` over
    the first :data:`MAX_ENDS` words starting there with a frequency above 0 (shortest
    first), ties to the later end; ``log(1) - log(total)`` for a character that starts
    none. The words come from ``trie`` when given, else from a ``FREQ`` (``freq_get``:
    its ``get``, a dict's or a :class:`kg.nlp.word_table.WordTable`'s ``lookup``;
    ``logtotal``: ``math.log(total)``), where a fragment that is no key ends the words
    starting at a character, as in jieba's ``get_DAG``. One small loop per kind of
    dictionary, inline (a generator per character cost ~40% more).

    >>> freq = {"国务": 0, "国务院": 10, "国": 5, "务": 2, "院": 3}
    >>> best_route("国务院国务", freq_get=freq.get, logtotal=math.log(20))
    [2, 1, 2, 3, 4]
    >>> best_route("国务院国务", trie=Trie.from_freq(freq, 20))
    [2, 1, 2, 3, 4]
    """
    n = len(blk)
    score = [0.0] * (n + 1)
    route = [0] * n
    log = math.log
    if trie is not None:
        first, offsets, chars, children, weight, word = trie.views()
        fallback = trie.fallback
        codes = list(map(ord, blk))
    else:
        fallback = log(1) - logtotal
    for k in range(n - 1, -1, -1):
        best = None
        end = i = k
        ends = 0
        if trie is not None:  # the trie's nodes along blk[k:]
            c = codes[k]
            node = first[c] if c < 0x10000 else trie._child(0, c)
            while node:
                if word[node]:
                    v = weight[node] + score[i + 1]
                    if best is None or v >= best:
                        best, end = v, i
                    ends += 1
                    if ends >= MAX_ENDS:
                        break
                i += 1
                if i >= n:
                    break
                lo, hi = offsets[node], offsets[node + 1]
                c = codes[i]
                j = bisect_left(chars, c, lo, hi)
                node = children[j] if j < hi and chars[j] == c else 0
        else:  # FREQ's keys blk[k : i + 1]
            frag = blk[k]
            while True:
                f = freq_get(frag, None)
                if f is None:
                    break
                if f > 0:
                    v = log(f) - logtotal + score[i + 1]
                    if best is None or v >= best:
                        best, end = v, i
                    ends += 1
                    if ends >= MAX_ENDS:
                        break
                i += 1
                if i >= n:
                    break
                frag = blk[k : i + 1]
        score[k] = fallback + score[k + 1] if best is None else best
        route[k] = end
    return route


def freq_route(blk: str, freq_get: Callable[[str, None], int | None], logtotal: float) -> list[int]:
    """jieba_next's route through ``blk`` over a ``FREQ`` (:func:`best_route`).

    >>> freq = {"国务": 0, "国务院": 10, "国": 5, "务": 2, "院": 3}
    >>> freq_route("国务院国务", freq.get, math.log(20))
    [2, 1, 2, 3, 4]
    """
    return best_route(blk, freq_get=freq_get, logtotal=logtotal)


_KERNEL = None


def _kernel():
    """The compiled kernel (:mod:`kg.nlp.route_kernel`: numba imported and the machine
    code loaded on first use, ~0.3 s and ~130 MB a process)."""
    global _KERNEL
    if _KERNEL is None:
        from kg.nlp.route_kernel import cut

        _KERNEL = cut
    return _KERNEL


def compile_ahead() -> None:
    """Compile the kernel into numba's cache (beside its source, as ``compileall`` does
    for bytecode: ``make`` runs it once; without it the first build compiles, ~1.5 s a
    worker)."""
    Trie.from_freq({"一": 1}, 2).lengths("一二", lambda run: [1] * len(run))


if __name__ == "__main__":
    compile_ahead()
