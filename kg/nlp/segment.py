"""jieba's default segmentation (``cut(text)``: accurate mode, HMM on), as a list, faster.

:func:`cut_words` gives exactly ``[w for w in seg.cut(text, cut_all=False)]`` and
:func:`cut_lengths` those words' lengths (all a lean pipeline reads). For ``jieba_next``
they re-implement ``Tokenizer.cut`` / ``_cut_dag`` / ``finalseg.cut`` over the same
primitives (the Rust ``PrefixDict.get_dag_and_calc`` route, the Rust ``_viterbi`` with
finalseg's tables, the same regular expressions, ``FREQ`` and ``Force_Split_Words``) with
plain loops instead of three levels of generators, and remember the lengths of the blocks
and HMM runs seen (laws and reports repeat their clauses: a fifth of the characters are in
a block cut before), for as long as the dictionary is the same. Any other segmenter
(jieba, jieba_fast, a replaced ``jieba_next.dt``) is called as it is.

>>> import jieba_next
>>> text = "7月23日，工业和信息化部总经济师许科敏在论坛上表示。"
>>> cut_words(jieba_next, text) == list(jieba_next.cut(text))
True
>>> cut_lengths(jieba_next, text).tolist() == [len(w) for w in jieba_next.cut(text)]
True
"""

from __future__ import annotations

import logging
import marshal
import os
from itertools import accumulate, islice
from pathlib import Path
from typing import Any

import numpy as np

try:
    import jieba_next
    import jieba_next.tokenizer as _jn_tokenizer
    from jieba_next import finalseg as _finalseg
except ImportError:  # pragma: no cover - jieba or jieba_fast only
    jieba_next = None

__all__ = ["cut_lengths", "cut_words", "fast_segmenter", "initialize"]

#: blocks and HMM runs remembered (each ~0.25 KB: ~30 MB per worker when full; the
#: oldest quarter is dropped when full, :func:`_make_room`). One worker's half of
#: ``../shared/corpus`` has ~500,000 distinct blocks of 2–64 characters among ~840,000:
#: started again from empty when full, the cache sent 542,429 of them (79.6% of their
#: characters) to the route calculation (the Rust ``get_dag_and_calc``, ~0.2 µs a
#: character, a fifth of a build's NLP time); dropping the oldest quarter, 530,817
#: (78.6%). Twice the entries would send 514,457 (77.2%) for ~30 MB more per worker:
#: the build's peak memory was worth more (1.72 → 1.81 GB RSS measured, limit 2 GB)
MAX_CACHED = 1 << 17
#: longer blocks seldom come back: not remembered
MAX_CACHED_LEN = 64


def cut_words(seg: Any, text: str) -> list[str]:
    """The words of ``seg.cut(text, cut_all=False)`` (``seg``: the jieba-like module)."""
    state = _state(seg)
    if state is None:
        return [w for w in seg.cut(text, cut_all=False) if w]
    ends = list(accumulate(state.lengths(text)))
    return list(map(text.__getitem__, map(slice, [0, *ends[:-1]], ends)))


def cut_lengths(seg: Any, text: str) -> np.ndarray | None:
    """The lengths of the words of ``seg.cut(text, cut_all=False)`` (int64), or None when
    the words are not the text cut into pieces (then only ``seg.cut`` knows what they are).

    >>> cut_lengths(jieba_next, "国务院办公厅印发通知").tolist()
    [6, 2, 2]
    """
    state = _state(seg)
    if state is not None:
        lengths = state.lengths(text)
        if isinstance(lengths, bytearray):
            return np.frombuffer(lengths, dtype=np.uint8).astype(np.int64)
        return np.array(lengths, dtype=np.int64)
    words = [w for w in seg.cut(text, cut_all=False) if w]
    if "".join(words) != text:
        return None
    return np.fromiter(map(len, words), dtype=np.int64, count=len(words))


_STATE: _Cut | None = None


def _state(seg: Any) -> _Cut | None:
    """The cutter for ``seg``'s current dictionary, or None when ``seg`` is not
    jieba_next's module with its own tokenizer."""
    global _STATE
    dt = getattr(seg, "dt", None)
    if (
        jieba_next is None
        or type(dt) is not _jn_tokenizer.Tokenizer
        or getattr(seg, "cut", None) != dt.cut  # seg.cut is not dt's own cut
    ):
        return None
    if not dt.initialized:
        dt.initialize()
    prefix = dt._rust_prefix
    if prefix is None:  # add_word and restore_snapshot drop it; rebuilt from FREQ
        dt._ensure_rust_prefix()
        prefix = dt._rust_prefix
        if prefix is None:  # jieba_next then uses another route function: let it
            return None
    state = _STATE
    force = _finalseg.Force_Split_Words  # add_word(w, 0) adds to it (and drops prefix)
    if (
        state is None
        or state.prefix is not prefix
        or state.freq is not dt.FREQ
        or state.force is not force
        or state.n_force != len(force)
    ):
        state = _STATE = _Cut(prefix, dt.FREQ, force)
    return state


class _Cut:
    """``Tokenizer.cut(text)`` with HMM as word lengths, for one dictionary (the Rust
    prefix dictionary, ``FREQ`` and the force-split words), with its caches."""

    __slots__ = ("blocks", "calc", "force", "freq", "hmm", "hmm_cache", "n_force", "prefix")

    def __init__(self, prefix: Any, freq: dict[str, int], force: set[str]) -> None:
        self.prefix, self.freq, self.force, self.n_force = prefix, freq, force, len(force)
        self.calc = prefix.get_dag_and_calc
        self.hmm = _Hmm(_finalseg, force)
        # block → its words' lengths (bytes: every length of a cached block is < 256)
        self.blocks: dict[str, bytes] = {}
        self.hmm_cache: dict[str, bytes] = {}

    def lengths(self, text: str) -> bytearray | list[int]:
        """The lengths of ``text``'s words: one byte each, as nearly always every word is
        shorter than 256 characters (a bytearray extends by a cached block's bytes in one
        copy and is an array already), else a list."""
        try:
            return self._lengths(text, bytearray())
        except ValueError:  # a word of 256 characters or more
            return self._lengths(text, [])

    def _lengths(self, text: str, out: bytearray | list[int]) -> bytearray | list[int]:
        re_skip = _jn_tokenizer.re_skip_default
        calc, freq_get, cache = self.calc, self.freq.get, self.blocks
        append = out.append
        extend = out.extend
        blocks = _jn_tokenizer.re_han_default.split(text)
        # split() with one group alternates: non-matching text (even items, none of the
        # block characters) and blocks (odd items), so no re_han.match per piece is needed.
        last = len(blocks) - 1
        for i in range(0, last + 1, 2):
            other = blocks[i]
            if other:
                if len(other) == 1:  # most often: one punctuation mark
                    append(1)
                elif "\r\n" in other:  # "\r\n" is one word, every other character its own
                    for j, x in enumerate(re_skip.split(other)):
                        if j & 1:
                            append(len(x))
                        else:
                            extend(b"\1" * len(x))
                else:
                    extend(b"\1" * len(other))
            if i == last:
                break
            blk = blocks[i + 1]
            n = len(blk)
            if n == 1:  # the route of one character is that character
                append(1)
                continue
            if n <= MAX_CACHED_LEN:
                known = cache.get(blk)
                if known is not None:
                    extend(known)
                    continue
            first = len(out)
            route = calc(blk)
            # _cut_dag: runs of one-character words (``blk[b:x]``) go to the HMM when the
            # run is not a dictionary word, else out character by character
            x = b = 0
            while x < n:
                y = route[x] + 1
                if y - x > 1:
                    if b < x:
                        if x - b == 1:
                            append(1)
                        elif not freq_get(blk[b:x]):
                            self._hmm(blk[b:x], out)
                        else:
                            extend(b"\1" * (x - b))
                    append(y - x)
                    b = y
                x = y
            if b < n:
                if n - b == 1:
                    append(1)
                elif not freq_get(blk[b:]):
                    self._hmm(blk[b:], out)
                else:
                    extend(b"\1" * (n - b))
            if n <= MAX_CACHED_LEN:
                if len(cache) >= MAX_CACHED:
                    _make_room(cache)
                cache[blk] = bytes(out[first:])  # every length is at most n < 256
        return out

    def _hmm(self, buf: str, out: bytearray | list[int]) -> None:
        """``finalseg.cut(buf)``'s lengths, appended to ``out``."""
        cache = self.hmm_cache
        known = cache.get(buf)
        if known is None:
            words: list[str] = []
            self.hmm(buf, words)
            lengths = list(map(len, words))
            if len(buf) > MAX_CACHED_LEN:
                out.extend(lengths)
                return
            if len(cache) >= MAX_CACHED:
                _make_room(cache)
            known = cache[buf] = bytes(lengths)
        out.extend(known)


def _make_room(cache: dict[str, bytes]) -> None:
    """Drop the oldest quarter of ``cache`` (the first inserted: a block seen long ago is
    the least likely to come back; starting again from empty also dropped the blocks of
    the documents being cut, which do).

    >>> c = {str(i): b"" for i in range(8)}
    >>> _make_room(c); list(c)
    ['2', '3', '4', '5', '6', '7']
    """
    for key in list(islice(cache, max(1, len(cache) // 4))):
        del cache[key]


class _Hmm:
    """``finalseg.cut(buf)``, appended to a list."""

    __slots__ = ("emit", "force", "re_han", "re_skip", "start", "trans", "viterbi")

    def __init__(self, fs: Any, force: set[str]) -> None:
        self.viterbi = fs.viterbi_hmm
        self.start, self.trans, self.emit = fs.start_P, fs.trans_P, fs.emit_P
        self.re_han, self.re_skip, self.force = fs.re_han, fs.re_skip, force

    def __call__(self, buf: str, out: list[str]) -> None:
        append = out.append
        force = self.force
        for j, blk in enumerate(self.re_han.split(buf)):
            if not j & 1:  # no Han character: letters, digits (10.5%) and the rest
                if blk:
                    for x in self.re_skip.split(blk):
                        if x:
                            append(x)
                continue
            pos_list = self.viterbi(blk, "BMES", self.start, self.trans, self.emit)[1]
            begin = nexti = 0
            for i, pos in enumerate(pos_list):
                if pos == "B":
                    begin = i
                    continue
                if pos == "E":
                    word = blk[begin : i + 1]
                elif pos == "S":
                    word = blk[i]
                else:
                    continue
                nexti = i + 1
                if force and word in force:
                    out.extend(word)
                else:
                    append(word)
            if nexti < len(blk):
                word = blk[nexti:]
                if force and word in force:
                    out.extend(word)
                else:
                    append(word)


def initialize(seg: Any) -> None:
    """``seg.initialize()`` (load the dictionary), except that ``jieba_next``'s Rust prefix
    dictionary is not built yet: words are added next (:func:`kg.nlp.pipeline.make_nlp`),
    which drops it, and it is built on first use from the final dictionary (0.17 s of
    every worker's start saved). The tokens are the same.

    >>> import jieba_next
    >>> initialize(jieba_next)
    >>> jieba_next.dt.initialized
    True
    """
    dt = getattr(seg, "dt", None)
    if (
        jieba_next is None
        or type(dt) is not _jn_tokenizer.Tokenizer
        or dt.initialized
        or dt._rust_prefix is not None
    ):
        seg.initialize()
        return
    if _load_cache(dt):
        return
    dt._rust_prefix = False  # not None: initialize() leaves it unbuilt
    try:
        seg.initialize()
    finally:
        dt._rust_prefix = None


def _load_cache(dt: Any) -> bool:
    """What ``dt.initialize()`` does for jieba's own dictionary when its marshal cache is
    there (``FREQ`` and ``total`` from it), with the file read whole first:
    ``marshal.load`` on the open file reads it piece by piece (0.65 CPU-s for jieba's
    9 MB cache, 0.24 from bytes). False (nothing done) for another dictionary or cache
    file, no cache, an unreadable one or one that another user could have written (the
    folder may be a shared ``/tmp/jieba-next-cache``; :func:`_own_bytes`):
    ``initialize()`` then does it its own way."""
    if dt.dictionary is not None or dt.initialized:  # None: jieba's DEFAULT_DICT
        return False
    if getattr(dt, "cache_file", None):  # a cache file of its own
        return False
    with dt.lock:
        try:
            data = _own_bytes(jieba_next.resolve_cache_file(None))
            if data is None:
                return False
            freq, total = marshal.loads(data)
        except Exception:  # missing, damaged, from another version: initialize() decides
            return False
        if type(freq) is not dict or type(total) is not int:
            return False
        dt.FREQ, dt.total = freq, total
        dt.initialized = True
    return True


def _own_bytes(path: Path) -> bytes | None:
    """The bytes of ``path`` when it and its folder belong to this user and neither is
    writable by group or others (only then is it unmarshalled); else None.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); f = d / "c"; _ = f.write_bytes(b"x")
    >>> _own_bytes(f), f.chmod(0o666), _own_bytes(f)
    (b'x', None, None)
    """
    uid = os.getuid()
    folder = os.stat(path.parent)
    if folder.st_uid != uid or folder.st_mode & 0o022:
        return None
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if st.st_uid != uid or st.st_mode & 0o022:
            return None
        return fh.read()


_FAST: Any = None


def fast_segmenter() -> Any:
    """The fastest installed module with jieba's ``cut`` and identical tokens (its log
    level set to WARNING once: setting a level clears every logger's cache)."""
    global _FAST
    if _FAST is not None:
        return _FAST
    for name in ("jieba_next", "jieba_fast", "jieba"):
        try:
            mod = __import__(name)
        except ImportError:
            continue
        for setter in ("set_log_level", "setLogLevel"):
            if hasattr(mod, setter):
                getattr(mod, setter)(logging.WARNING)
                break
        _FAST = mod
        return mod
    raise ImportError("jieba is required")  # pragma: no cover
