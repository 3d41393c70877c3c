"""A data-derived model of Chinese names, scored only where a name may stand.

Most names in news stand without a post or a cue (柳某明白…, 由某某带队…): the rules of
:mod:`kg.nlp.components.persons` need a context and miss them. jieba's HMM joins most
unknown names into one word (邵景川) and its dictionary tags many known ones ``nr``
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
>>> m.score("许云涛", 1) > 4 > m.score("许可证", 1), m.score("由市", 1) < 0
(True, True)
>>> m.foreign_ratio("许云涛") < FOREIGN < m.foreign_ratio("卡洛维")
True
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from kg.nlp.gazetteer import ONTOLOGY_DIR, read_lines

#: the score of a character the table lacks (as unlikely as the table's least likely)
_FLOOR = -6.0
#: a name scores at least this (tuned on one half of a news corpus, checked on the other)
THRESHOLD = 4.0
#: a word whose characters are this much likelier in transliterated names (on average)
#: is no Chinese name (敖德萨, 哈马斯: places and organisations cut from foreign names)
FOREIGN = 0.45
#: :meth:`NameModel.scan`'s flags of a token's first character: likelier in a
#: transliteration than in a given name; may open a surname (``1 << k``, k ≥ 2: opens a
#: known name of k characters)
_FOREIGN_CHAR_FLAG = 1
_SURNAME = 2


def load_name_table(
    directory: Path = ONTOLOGY_DIR,
) -> tuple[dict[str, float], dict[str, float], dict[str, float], dict[str, float]]:
    """``(surname, given-name, foreign, end ratios)`` from ``lexicon/name_chars.tsv``."""
    return _load(str(directory))


@lru_cache(maxsize=2)
def _load(
    directory: str,
) -> tuple[dict[str, float], dict[str, float], dict[str, float], dict[str, float]]:
    """Parse ``name_chars.tsv`` once per ontology folder (a ratio left empty is absent)."""
    sur: dict[str, float] = {}
    given: dict[str, float] = {}
    foreign: dict[str, float] = {}
    end: dict[str, float] = {}
    with open(Path(directory) / "lexicon" / "name_chars.tsv", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or not line.strip():
                continue
            ch, s, g, f, e = line.rstrip("\n").split("\t")
            if s:
                sur[ch] = float(s)
            if g:
                given[ch] = float(g)
            if f:
                foreign[ch] = float(f)
            if e:
                end[ch] = float(e)
    return sur, given, foreign, end


def _code_points(norm: str) -> np.ndarray:
    """The characters of ``norm`` as code points, those above the BMP as 0xFFFF (no
    CJK); UTF-16 when it has one unit per character (most text: half the bytes)."""
    cp = np.frombuffer(norm.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    if len(cp) != len(norm):
        wide = np.frombuffer(norm.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        cp = np.minimum(wide, 0xFFFF).astype(np.uint16)
    return cp


def pack_words(words) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Words of two to four BMP characters by length, for :meth:`NameModel.transliterations`:
    their sorted integer codes (16 bits a character) and a table of their first
    characters (most tokens are ruled out by it before a code is made).

    >>> table, first = pack_words(["门罗", "麦迪逊"])[3]
    >>> code = (ord("麦") << 32) | (ord("迪") << 16) | ord("逊")
    >>> table.tolist() == [code], bool(first[ord("麦")])
    (True, True)
    """
    out: dict[int, list[int]] = {2: [], 3: [], 4: []}
    firsts: dict[int, np.ndarray] = {k: np.zeros(0x10000, dtype=bool) for k in out}
    for w in words:
        if 2 <= len(w) <= 4 and all(ord(c) < 0x10000 for c in w):
            code = 0
            for c in w:
                code = (code << 16) | ord(c)
            out[len(w)].append(code)
            firsts[len(w)][ord(w[0])] = True
    return {k: (np.unique(np.array(v, dtype=np.uint64)), firsts[k]) for k, v in out.items()}


class NameModel:
    """Surname + given-name character scores, and the tokens worth scoring."""

    def __init__(
        self,
        table: tuple[dict[str, float], dict[str, float], dict[str, float], dict[str, float]],
        surnames: frozenset[str],
        threshold: float = THRESHOLD,
        function_chars: frozenset[str] = frozenset(),
        last_chars: frozenset[str] = frozenset(),
    ) -> None:
        """``table``: the four per-character ratios of :func:`load_name_table`; ``surnames``: the
        closed class; ``threshold``: the score a name needs with no cue beside it;
        ``function_chars``: surnames that are function words too (于, 和, 由), which
        open no name that jieba split; ``last_chars``: characters that, as a token of
        their own, may end a given name jieba cut before them (某某|荣)."""
        self.sur, self.given, self.foreign, self.end = table
        self.surnames = surnames
        self.compound = frozenset(s for s in surnames if len(s) == 2)
        self.threshold = threshold
        first = np.zeros(0x10000, dtype=bool)
        for s in surnames:
            if "\u4e00" <= s[0] <= "\u9fff":
                first[ord(s[0])] = True
        self._first = first
        self._lut: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
        self._foreign_lut: np.ndarray | None = None
        self._flags: tuple[object, bool, np.ndarray] | None = None  # (names table, surnames, flags)
        # surnames that are also function words (于, 和, 由) open no split name
        self._function = np.zeros(0x10000, dtype=bool)
        for ch in function_chars:
            self._function[ord(ch)] = True
        self._last = np.zeros(0x10000, dtype=bool)
        for ch in last_chars - function_chars:
            self._last[ord(ch)] = True
        self._comp2 = np.zeros(0x10000, dtype=bool)
        for s in self.compound:
            self._comp2[ord(s[1])] = True

    def surname_length(self, w: str) -> int:
        """Length of the surname ``w`` opens with (compound first), else 0."""
        return 2 if w[:2] in self.compound and len(w) >= 3 else 1 if w[:1] in self.surnames else 0

    def score(self, w: str, sl: int) -> float:
        """Log-likelihood ratio of ``w`` (surname of length ``sl``) being a name."""
        get = self.given.get
        return self.sur.get(w[:sl], _FLOOR) + sum(get(ch, _FLOOR) for ch in w[sl:])

    def given_score(self, w: str) -> float:
        """Log-likelihood ratio of ``w`` being a given name (no surname): above 0 where its
        characters are likelier in given names than in other words (正义, 太郎; not 干部)."""
        get = self.given.get
        return sum(get(ch, _FLOOR) for ch in w)

    def foreign_ratio(self, w: str) -> float:
        """Mean over ``w``'s characters of how much likelier each is in a transliterated
        name than in a Chinese given name (敖德萨, 哈马斯 score high, 许云涛 low)."""
        get = self.foreign.get
        return sum(get(ch, 0.0) for ch in w) / len(w) if w else 0.0

    def end_ratio(self, w: str) -> float:
        """How much likelier ``w``'s last character ends another word than a name, when
        it does (花, 米, 作: 杜鹃花, 夏玉米), else 0."""
        return max(0.0, self.end.get(w[-1], 0.0)) if w else 0.0

    def _luts(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Per code point: surname ratio, given-name ratio, whether it may open a
        surname (single or compound), and whether it opens a compound one."""
        if self._lut is None:
            sur = np.full(0x10000, _FLOOR, dtype=np.float32)
            given = np.full(0x10000, _FLOOR, dtype=np.float32)
            first = np.zeros(0x10000, dtype=bool)
            for ch, v in self.sur.items():
                if len(ch) == 1 and ch in self.surnames:
                    sur[ord(ch)] = v
                    first[ord(ch)] = True
            for ch, v in self.given.items():
                given[ord(ch)] = v
            comp = np.zeros(0x10000, dtype=bool)
            for s in self.compound:
                first[ord(s[0])] = True
                comp[ord(s[0])] = True
            self._lut = (sur, given, first, comp)
        return self._lut

    def candidates(
        self,
        st,
        slack: float = 2.0,
        short_margin: float = 0.0,
        split_margin: float | None = None,
    ) -> list[tuple[int, int]]:
        """Token spans of two to four characters that open with a surname and score at
        least the threshold less ``slack`` (what a cue may add), plus ``short_margin``
        for two characters, in numpy over the token boundaries: only these reach
        Python. With ``split_margin``, also a one-character surname token and the three
        characters from it when they end on a token boundary (刘|正学), scoring
        ``split_margin`` more."""
        return self.scan(st, None, slack, short_margin, split_margin)[0]

    def transliterations(
        self, st, names: dict[int, tuple[np.ndarray, np.ndarray]], max_len: int = 6
    ) -> list[tuple[int, int]]:
        """Token spans that may be transliterated names: words of ``names``
        (:func:`pack_words`: a dictionary's names by length), and tokens of three to
        ``max_len`` CJK characters whose mean foreign ratio is at least :data:`FOREIGN`
        (叶尔马科娃, 克罗尔滕伯格). In numpy, gathering only the tokens of those lengths.

        >>> m = NameModel(load_name_table(), frozenset("王"))
        >>> from types import SimpleNamespace
        >>> from kg.nlp.components.base import Bounds
        >>> bounds = Bounds.from_offsets([0, 2, 8, 9, 11], 11)
        >>> st = SimpleNamespace(norm="会见克罗尔滕伯格和门罗", tok_starts=bounds)
        >>> [st.norm[i:j] for i, j in m.transliterations(st, pack_words(["门罗"]))]
        ['门罗', '克罗尔滕伯格']
        """
        return self.scan(st, names, surnames=False, max_len=max_len)[1]

    def scan(
        self,
        st,
        names: dict[int, tuple[np.ndarray, np.ndarray]] | None,
        slack: float = 2.0,
        short_margin: float = 0.0,
        split_margin: float | None = None,
        max_len: int = 6,
        surnames: bool = True,
    ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """:meth:`candidates` and (with ``names``) :meth:`transliterations` in one pass:
        the code points are made and the token starts read by their first character
        once, through one table of flags (most tokens are ruled out there), and the rest
        runs on the few tokens left.

        >>> m = NameModel(load_name_table(), frozenset("王"))
        >>> from types import SimpleNamespace
        >>> from kg.nlp.components.base import Bounds
        >>> bounds = Bounds.from_offsets([0, 3, 5, 7], 7)
        >>> st = SimpleNamespace(norm="王小明会见门罗", tok_starts=bounds)
        >>> sur, foreign = m.scan(st, pack_words(["门罗"]))
        >>> [st.norm[i:j] for i, j in sur], [st.norm[i:j] for i, j in foreign]
        (['王小明'], ['门罗'])
        """
        norm = st.norm
        mask = getattr(st.tok_starts, "mask", None)
        n = len(norm)
        if not mask or n < 2:
            return [], []
        flags = self._scan_flags(names, surnames)
        cp = _code_points(norm)
        m8 = np.frombuffer(mask, dtype=np.uint8)  # n + 1 entries: the text's end is one
        # the token starts whose first character may open a name of either kind
        fl = flags[cp]
        fl *= m8[:n]
        idx = np.flatnonzero(fl)
        if not len(idx):
            return [], []
        fv = fl[idx]
        sur = (
            self._surname_spans(
                cp,
                m8.view(np.bool_),
                n,
                idx[(fv & _SURNAME) != 0],
                slack,
                short_margin,
                split_margin,
            )
            if surnames
            else []
        )
        foreign: list[tuple[int, int]] = []
        if names is not None:
            keep = (fv & ~np.uint8(_SURNAME)) != 0
            foreign = self._transliteration_spans(cp, m8, n, idx[keep], fv[keep], names, max_len)
        return sur, foreign

    def _scan_flags(
        self, names: dict[int, tuple[np.ndarray, np.ndarray]] | None, surnames: bool
    ) -> np.ndarray:
        """Per code point: :data:`_FOREIGN_CHAR_FLAG` where the character is likelier in a
        transliteration than in a given name, :data:`_SURNAME` where it may open a
        surname, and ``1 << k`` where it opens a name of ``names`` of ``k`` characters
        (made once per table)."""
        # the table itself is held with its flags: an id() alone could be a new table's
        # once the old one is gone
        if self._flags is None or self._flags[0] is not names or self._flags[1] != surnames:
            flags = np.zeros(0x10000, dtype=np.uint8)
            if surnames:
                flags |= self._luts()[2].astype(np.uint8) * np.uint8(_SURNAME)
            if names is not None:
                flags |= (self._foreign_luts() > 0).astype(np.uint8)
                for k, (_, first) in names.items():
                    flags |= first.astype(np.uint8) << k
            self._flags = (names, surnames, flags)
        return self._flags[2]

    def _foreign_luts(self) -> np.ndarray:
        """The foreign ratio per code point (made once)."""
        if self._foreign_lut is None:
            lut = np.zeros(0x10000, dtype=np.float32)
            for ch, v in self.foreign.items():
                if len(ch) == 1 and ord(ch) < 0x10000:
                    lut[ord(ch)] = v
            self._foreign_lut = lut
        return self._foreign_lut

    def _surname_spans(
        self,
        cp: np.ndarray,
        m: np.ndarray,
        n: int,
        idx: np.ndarray,
        slack: float,
        short_margin: float,
        split_margin: float | None,
    ) -> list[tuple[int, int]]:
        """:meth:`candidates` on ``idx``, the token starts whose character may open a
        surname (``m``: the token-start mask as booleans)."""
        sur, given, _, comp = self._luts()
        idx = idx[idx < n - 1]
        if not len(idx):
            return []
        last = n  # the mask has n + 1 entries (the text's end is a boundary)

        def at(a: np.ndarray) -> np.ndarray:  # token start at a, past the end: no
            return m[np.minimum(a, last)] & (a <= last)

        lone = at(idx + 1)
        # a surname alone, and a given name of two characters that jieba cut off (刘|正学,
        # 姜|天云): a span of three characters ending on a token boundary
        split = idx[lone]
        split = split[at(split + 3) & ~self._function[cp[split]]]
        idx = idx[~lone]
        end = np.where(at(idx + 2), idx + 2, np.where(at(idx + 3), idx + 3, idx + 4))
        keep = at(end)
        idx, lens = idx[keep], (end - idx)[keep]
        if split_margin is not None:
            # a surname and one character, then a one-character token that may end a
            # given name (某某|荣; no verb, particle or function word: 某某|乘, 某某|等):
            # the three characters, scoring ``split_margin`` more too
            two = idx[(lens == 2) & at(idx + 3)]
            split = np.concatenate((split, two[self._last[cp[two + 2]]]))
        if split_margin is not None and len(split):
            idx = np.concatenate((idx, split))
            lens = np.concatenate((lens, np.full(len(split), 3, dtype=lens.dtype)))
        if not len(idx):
            return []
        top = n - 1  # every span ends by n: its characters are within the text
        c0, c1 = cp[idx], cp[idx + 1]
        score = sur[c0] + given[c1]
        score += np.where(lens > 2, given[cp[np.minimum(idx + 2, top)]], np.float32(0))
        score += np.where(lens > 3, given[cp[np.minimum(idx + 3, top)]], np.float32(0))
        need = self.threshold - slack + np.where(lens == 2, short_margin, 0.0)
        if split_margin is not None and len(split):
            need[len(idx) - len(split) :] += split_margin
        # or a compound surname (欧阳, 司马; its first character alone, 公, 第, 上, is
        # no sign of one): both characters may be a compound's (checked exactly later)
        keep = (score >= need) | (comp[c0] & self._comp2[c1] & (lens >= 3))
        idx, lens = idx[keep], lens[keep]
        out = list(zip(idx.tolist(), (idx + lens).tolist(), strict=True))
        return sorted(out) if split_margin is not None else out

    def _transliteration_spans(
        self,
        cp: np.ndarray,
        m8: np.ndarray,
        n: int,
        a: np.ndarray,
        fl: np.ndarray,
        names: dict[int, tuple[np.ndarray, np.ndarray]],
        max_len: int,
    ) -> list[tuple[int, int]]:
        """:meth:`transliterations` on ``a``, the token starts whose character is flagged
        for it (``fl``: their flags)."""
        lut = self._foreign_luts()
        # whether a token of at least three characters starts at each (no token start one
        # or two on; the mask's last entry, the text's end, is no start: the last token
        # has no length and makes no span)
        n1 = m8[a + 1]
        n2 = m8[np.minimum(a + 2, n)]
        short = ((n1 | n2) != 0) | (a >= n - 2)
        out: list[tuple[int, int]] = []
        for k, (table, _) in names.items():
            if k == 2:
                sel = (n1 == 0) & (n2 == 1)
            else:
                sel = ~short & (m8[np.minimum(a + k, n)] == 1)
                for d in range(3, k):
                    sel &= m8[np.minimum(a + d, n)] == 0
            idx = a[sel & ((fl & (1 << k)) != 0)]
            if not len(idx) or not len(table):
                continue
            code = cp[idx].astype(np.uint64)
            for d in range(1, k):
                code = (code << np.uint64(16)) | cp[idx + d].astype(np.uint64)
            pos = np.minimum(np.searchsorted(table, code), len(table) - 1)
            out.extend((i, i + k) for i in idx[table[pos] == code].tolist())
        # three characters or more, the first two likelier in a transliteration
        idx = a[~short & ((fl & _FOREIGN_CHAR_FLAG) != 0)]
        idx = idx[lut[cp[idx + 1]] > 0]
        if len(idx):
            # each token's length: the next token start on (none after the last token)
            starts = np.flatnonzero(m8[: n + 1])
            ln = np.append(starts, -1)[np.searchsorted(starts, idx) + 1] - idx
            keep = (ln >= 3) & (ln <= max_len)
            idx, ln = idx[keep], ln[keep]
        if len(idx):
            total = np.zeros(len(idx), dtype=np.float32)
            cjk = np.ones(len(idx), dtype=bool)
            for d in range(int(ln.max())):
                inside = ln > d
                c = cp[np.minimum(idx + d, n - 1)]
                total += np.where(inside, lut[c], np.float32(0))
                cjk &= ~inside | ((c >= 0x4E00) & (c <= 0x9FFF))
            ok = cjk & (total >= FOREIGN * ln)
            out.extend(zip(idx[ok].tolist(), (idx + ln)[ok].tolist(), strict=True))
        return out


@lru_cache(maxsize=2)
def chinese_name_test(directory: Path = ONTOLOGY_DIR):
    """A test of whether a word is shaped as a Chinese person's name: a surname of
    ``lexicon/surnames.txt`` and a given name of one or two characters that the model
    scores at :data:`THRESHOLD` or above (for rules outside the person components that
    must not take a name for something else).

    >>> is_name = chinese_name_test()
    >>> is_name("许云涛"), is_name("卡洛维"), is_name("许可证")
    (True, False, False)
    """
    surnames = frozenset(read_lines(directory / "lexicon" / "surnames.txt"))
    model = NameModel(load_name_table(directory), surnames)

    def is_name(w: str) -> bool:
        sl = model.surname_length(w)
        return bool(sl) and sl < len(w) <= sl + 2 and model.score(w, sl) >= THRESHOLD

    return is_name
