"""jieba's default segmentation (``cut(text)``: accurate mode, HMM on), as a list, faster.

:func:`cut_words` gives exactly ``[w for w in seg.cut(text, cut_all=False)]`` and
:func:`cut_lengths` those words' lengths (all a lean pipeline reads). For ``jieba_next``
they re-implement ``Tokenizer.cut`` / ``_cut_dag`` / ``finalseg.cut`` over the same
dictionary (``FREQ``, ``total``, ``Force_Split_Words``), regular expressions and HMM (the
Rust ``_viterbi`` with finalseg's tables): the route in Python for a process's first
:data:`COMPILED_AFTER` characters (remembering the lengths of the blocks seen), then
compiled (:mod:`kg.nlp.routes`, with numba), for as long as the dictionary is the same;
the HMM runs' lengths are remembered. Any other segmenter (jieba, jieba_fast, a replaced
``jieba_next.dt``) is called as it is.

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
import math
import os
import stat
from collections.abc import Mapping
from itertools import accumulate, islice
from pathlib import Path
from typing import Any

import numpy as np

from kg.nlp.routes import Trie, freq_route

try:
    import jieba_next
    import jieba_next.tokenizer as _jn_tokenizer
    from jieba_next import finalseg as _finalseg
except ImportError:  # pragma: no cover - jieba or jieba_fast only
    jieba_next = None

__all__ = [
    "adopt_trie", "cut_lengths", "cut_words", "fast_segmenter", "forget_state", "initialize",
    "load_compiled", "trie_of",
]  # fmt: skip

#: blocks and HMM runs remembered (each ~0.25 KB; the oldest quarter is dropped when
#: full, :func:`_make_room`): laws and reports repeat their clauses, a fifth of the
#: characters are in a block or run cut before
MAX_CACHED = 1 << 17
#: longer blocks seldom come back: not remembered
MAX_CACHED_LEN = 64
#: characters a process cuts with the route in Python (:meth:`_Cut.route`, ~0.6 µs a
#: character with the block cache) before it switches to the compiled cut
#: (:mod:`kg.nlp.routes`, about eight times faster, but loading numba costs a new
#: process ~0.3 s): a rebuild of a few documents never loads it, a worker of a full
#: build switches after its first documents
COMPILED_AFTER = 50_000


def cut_words(seg: Any, text: str) -> list[str]:
    """The words of ``seg.cut(text, cut_all=False)`` (``seg``: the jieba-like module)."""
    state = _state(seg)
    if state is None:
        return [w for w in seg.cut(text, cut_all=False) if w]
    lengths = state.lengths(text)
    ends = list(accumulate(lengths.tolist() if isinstance(lengths, np.ndarray) else lengths))
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
        if isinstance(lengths, np.ndarray):
            return lengths
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
    global _ADOPTED
    state = _STATE
    key = _dict_key(dt)
    if state is None or state.key != key or state.freq is not dt.FREQ:
        state = _STATE = _Cut(dt.FREQ, _finalseg.Force_Split_Words, dt.total, key)
        if _ADOPTED is not None:
            if _ADOPTED[0] == key and _ADOPTED[1] is dt.FREQ:
                state.trie = _ADOPTED[2]
            _ADOPTED = None  # taken, or for a dictionary that is gone
    return state


#: (dictionary key, FREQ, trie) given by :func:`adopt_trie` (FREQ kept: its id is in the key)
_ADOPTED: tuple[tuple[int, ...], Mapping[str, int], Any] | None = None


def _dict_key(dt: Any) -> tuple[int, ...]:
    """What tells one state of ``dt``'s dictionary from another: add_word changes FREQ in
    place, and changes its length or ``total`` but when it adds a word with frequency 0,
    which goes to the force-split words (their number, and how many of them have a
    frequency: a word deleted, added again and deleted again); restore_snapshot
    replaces FREQ."""
    force = _finalseg.Force_Split_Words
    freq = dt.FREQ
    get = freq.get
    return (id(freq), len(freq), dt.total, len(force), sum(1 for w in force if get(w)))


def adopt_trie(seg: Any, trie: Any) -> None:
    """Use ``trie`` (:class:`kg.nlp.routes.Trie`, from a pipeline snapshot) for ``seg``'s
    current dictionary instead of building it."""
    global _ADOPTED
    dt = getattr(seg, "dt", None)
    if dt is not None and trie is not None:
        _ADOPTED = (_dict_key(dt), dt.FREQ, trie)
        if _STATE is not None and _STATE.key == _ADOPTED[0] and _STATE.freq is dt.FREQ:
            _STATE.trie = trie


def trie_of(seg: Any) -> Any:
    """The :class:`kg.nlp.routes.Trie` of ``seg``'s current dictionary (built now when
    there is none: ~0.4 s), or None when ``seg`` is not cut here."""
    state = _state(seg)
    if state is None:
        return None
    return state.trie_now()


class _Cut:
    """``Tokenizer.cut(text)`` with HMM as word lengths, for one dictionary (``FREQ``,
    ``total`` and the force-split words), with its caches."""

    __slots__ = (
        "blocks", "cut_chars", "force", "freq", "freq_get", "hmm", "hmm_arrays", "hmm_cache",
        "key", "logtotal", "total", "trie",
    )  # fmt: skip

    def __init__(
        self, freq: Mapping[str, int], force: set[str], total: int, key: tuple[int, ...]
    ) -> None:
        self.freq, self.force, self.key = freq, force, key
        # freq_get(word, None): FREQ's get (a dict's, or a restored pipeline's WordTable)
        self.freq_get = getattr(freq, "lookup", freq.get)
        self.total, self.logtotal = total, math.log(total)
        self.hmm = _Hmm(_finalseg, force)
        # block → its words' lengths (bytes: every length of a cached block is < 256)
        self.blocks: dict[str, bytes] = {}
        self.hmm_cache: dict[str, bytes] = {}
        self.hmm_arrays: dict[str, np.ndarray] = {}
        self.trie: Any = None  # the compiled cut's dictionary (kg.nlp.routes.Trie)
        self.cut_chars = 0

    def trie_now(self) -> Any:
        """This dictionary's trie (built when missing), or None when it has none."""
        if self.trie is None:
            try:
                self.trie = Trie.from_freq(self.freq, self.total)
            except ValueError:  # a key without its prefix (not jieba's own): Python only
                self.trie = False
        return self.trie or None

    def lengths(self, text: str) -> bytearray | list[int] | np.ndarray:
        """The lengths of ``text``'s words: one byte each, as nearly always every word is
        shorter than 256 characters (a bytearray extends by a cached block's bytes in one
        copy and is an array already), else a list; an int64 array once this process
        has cut :data:`COMPILED_AFTER` characters (when numba loads: :func:`_compiled`),
        or from the start after :func:`load_compiled`."""
        if (
            (self.cut_chars >= COMPILED_AFTER or _LOADED_EARLY)
            and _compiled()
            and self.trie_now() is not None
        ):
            self.blocks.clear()  # not used any more
            return self.trie.lengths(text, self._hmm_array)
        self.cut_chars += len(text)
        try:
            return self._lengths(text, bytearray())
        except ValueError:  # a word of 256 characters or more
            return self._lengths(text, [])

    def _lengths(self, text: str, out: bytearray | list[int]) -> bytearray | list[int]:
        re_skip = _jn_tokenizer.re_skip_default
        # the route over the trie when there is one (a restored pipeline's FREQ is a
        # WordTable over it: a lookup from the root each time would cost ~1 µs), else FREQ's
        calc = self.trie.route if self.trie else self.route
        freq_get, cache = self.freq_get, self.blocks
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
                        elif not freq_get(blk[b:x], None):
                            self._hmm(blk[b:x], out)
                        else:
                            extend(b"\1" * (x - b))
                    append(y - x)
                    b = y
                x = y
            if b < n:
                if n - b == 1:
                    append(1)
                elif not freq_get(blk[b:], None):
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

    def route(self, blk: str) -> list[int]:
        """jieba_next's route through ``blk`` over ``FREQ``
        (:func:`kg.nlp.routes.freq_route`)."""
        return freq_route(blk, self.freq_get, self.logtotal)

    def _hmm_array(self, buf: str) -> np.ndarray:
        """``finalseg.cut(buf)``'s lengths (int64; remembered)."""
        known = self.hmm_arrays.get(buf)
        if known is None:
            words: list[str] = []
            self.hmm(buf, words)
            known = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
            if len(buf) <= MAX_CACHED_LEN:
                if len(self.hmm_arrays) >= MAX_CACHED:
                    _make_room(self.hmm_arrays)
                self.hmm_arrays[buf] = known
        return known


def _compiled() -> bool:
    """Whether the compiled cut can be used: numba (a dependency) imports and its kernel
    loads or compiles (not when numba is broken, or has nowhere to keep its cache: the
    Python route then cuts everything, slower, with a warning)."""
    global _NUMBA
    if _NUMBA is None:
        from kg.nlp.routes import compile_ahead

        try:
            compile_ahead()
            _NUMBA = True
        except Exception as exc:  # any failure of numba: the Python route, the same words
            logging.getLogger(__name__).warning("compiled jieba route unavailable: %s", exc)
            _NUMBA = False
    return _NUMBA


_NUMBA: bool | None = None


#: :func:`load_compiled` was called: the compiled cut from the first character on
_LOADED_EARLY = False


def load_compiled() -> bool:
    """Make the compiled cut ready now, and cut with it from the next text on rather than
    after :data:`COMPILED_AFTER` characters: numba loaded and the trie of the segmenter's
    current dictionary (:func:`trie_of`) built (a worker with much text queued, before it
    forks its siblings: they are forked with both instead of each loading numba, ~0.3-0.5
    CPU-s, and building the trie, ~0.4 s, when there was no snapshot to restore it from).
    Whether the compiled cut is usable; the words are the same either way.

    >>> load_compiled() == (trie_of(fast_segmenter()) is not None)
    True
    >>> text = "国务院办公厅印发通知，工业和信息化部总经济师表示。"
    >>> cut_lengths(jieba_next, text).tolist() == [len(w) for w in jieba_next.cut(text)]
    True
    >>> forget_state()  # (the doctests after this one start as a new process does)
    """
    global _LOADED_EARLY
    if not _compiled():
        return False
    _LOADED_EARLY = True
    return trie_of(fast_segmenter()) is not None


def forget_state() -> None:
    """Start again as a new process does: no cutter (nor its caches and trie, nor a trie
    given by :func:`adopt_trie`), and whether numba loads checked again on first use.

    >>> forget_state(); cut_lengths(jieba_next, "国务院办公厅印发通知").tolist()
    [6, 2, 2]
    """
    global _STATE, _NUMBA, _ADOPTED, _LOADED_EARLY
    _STATE = _NUMBA = _ADOPTED = None
    _LOADED_EARLY = False


def _make_room(cache: dict[str, Any]) -> None:
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
    dictionary is not built (0.17 s and ~50 MB: the cut here does not use it; words
    added next would drop it). The tokens are the same.

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
    """The bytes of ``path`` when it is a regular file, it and its folder belong to this
    user and neither is writable by group or others (only then is it unmarshalled);
    else None.

    >>> import tempfile; d = Path(tempfile.mkdtemp()); f = d / "c"; _ = f.write_bytes(b"x")
    >>> _own_bytes(f), f.chmod(0o666), _own_bytes(f)
    (b'x', None, None)
    """
    uid = os.getuid()
    folder = os.stat(path.parent)
    if folder.st_uid != uid or folder.st_mode & 0o022:
        return None
    # (a named pipe there would block a plain open for good: only a regular file is read)
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_NOFOLLOW", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_uid != uid or st.st_mode & 0o022:
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


def segmenter_freq() -> Mapping[str, int]:
    """The word frequencies of the segmenter in use (its dictionary, loaded once): a word
    with none is one its HMM made up, not a word jieba knows.

    >>> segmenter_freq().get("政府", 0) > 0
    True
    """
    dt = getattr(fast_segmenter(), "dt", None)
    if dt is not None and hasattr(dt, "check_initialized"):
        dt.check_initialized()
    return getattr(dt, "FREQ", None) or {}
