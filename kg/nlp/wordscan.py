"""Leftmost-longest matches of a set of words in a text, looked for only where one may
start.

A regular expression over a few hundred words (:func:`kg.nlp.text.word_alternation`)
tries every position of the text; :class:`WordScan` first marks, with array operations
over the whole text, the positions whose first two characters open a word (or whose
character is a word of one), a few percent of them, and tries the expression only there.

>>> scan = WordScan(["工程", "工程师", "计划", "网"])
>>> text = "实施工程师计划，建设网络工程。"
>>> [text[s:e] for s, e in scan.spans(text)]
['工程师', '计划', '网', '工程']

:class:`PairScan` does the same for any expression whose matches open with a character
of one set followed by one of another.

>>> pairs = PairScan(re.compile("[中美俄]{2,3}"), "中美俄", "中美俄")
>>> [m.group() for m in pairs.finditer("中美两国，中美俄三方")]
['中美', '中美俄']

:func:`cued_finditer` for an expression whose matches need a rare word a few characters
after their start: only the places that many characters before one are tried.

>>> names = re.compile("[，。](?=[王李].{1,2}?(?:表示|指出))")
>>> text = "会上，王某表示同意。李某指出，李某某表示，问题在于……"
>>> [m.start() for m in cued_finditer(names, text, re.compile("表示|指出"), range(3, 5))]
[2, 9, 14]
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np

from kg.nlp.text import word_alternation


class WordScan:
    """``[m.span() for m in re.finditer(word_alternation(words), text)]``, faster: the
    words left to right, the longest at each place, none overlapping."""

    def __init__(self, words: Iterable[str]) -> None:
        words = sorted({w for w in words if w})
        self.regex = re.compile(word_alternation(words) if words else "(?!)")
        chars = sorted({c for w in words for c in w[:3]})
        ids = {c: i for i, c in enumerate(chars, 1)}  # 0: in no word's first three
        self.m = m = len(chars) + 1
        # a table over the Basic Multilingual Plane when every such character is in it; a
        # character beyond reads the last entry (U+FFFF, none) through ``mode="clip"``
        size = 0x10000 if not chars or ord(chars[-1]) < 0xFFFF else 0x110000
        small = np.uint8 if m <= 1 << 8 else np.uint16 if m <= 1 << 16 else np.uint32
        self.lut = np.zeros(size, dtype=small)  # small: the table stays in cache
        self.lut[[ord(c) for c in chars]] = list(ids.values())
        # single[a]: a is a word; pairs[a * m + b]: 1 = ab is a word, 2 = a longer word
        # starts with ab; triples: the first three characters of the longer words
        self.single = np.zeros(m, dtype=bool)
        self.pairs = np.zeros(m * m, dtype=np.uint8)
        triples = set()
        for w in words:
            if len(w) == 1:
                self.single[ids[w]] = True
                continue
            ab = ids[w[0]] * m + ids[w[1]]
            self.pairs[ab] |= 1 if len(w) == 2 else 2
            if len(w) > 2:
                triples.add(ab * m + ids[w[2]])
        self.triples = np.array(sorted(triples), dtype=np.int64)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """The (start, end) of each match, left to right."""
        n = len(text)
        if n < 2:
            return [m.span() for m in self.regex.finditer(text)]
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        ids = self.lut.take(codes, mode="clip").astype(np.int64)
        m = self.m
        maybe = self.single.take(ids)
        pair = ids[:-1] * m
        pair += ids[1:]
        f = self.pairs.take(pair)
        maybe[:-1] |= (f & 1).view(bool)
        # a longer word: where its first three characters are (a few of the pairs)
        longer = np.flatnonzero(f[:-1] & 2)
        if len(longer) and len(self.triples):
            t3 = pair.take(longer) * m
            t3 += ids.take(longer + 2)
            table = self.triples
            hit = table.take(np.searchsorted(table, t3), mode="clip") == t3
            maybe[longer[hit]] = True
        return [m.span() for m in _matches_at(self.regex, text, np.flatnonzero(maybe).tolist())]


class PairScan:
    """``list(regex.finditer(text))``, faster when every match opens with a character of
    ``firsts`` followed by one of ``seconds`` and few places of a text do: only those are
    tried."""

    def __init__(self, regex: re.Pattern[str], firsts: Iterable[str], seconds: Iterable[str]):
        self.regex = regex
        self.firsts, self.seconds = _char_table(firsts), _char_table(seconds)

    def finditer(self, text: str) -> list[re.Match[str]]:
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        if len(codes) < 2:
            return list(self.regex.finditer(text))
        maybe = self.firsts.take(codes[:-1], mode="clip")
        maybe &= self.seconds.take(codes[1:], mode="clip")
        return _matches_at(self.regex, text, np.flatnonzero(maybe).tolist())


def _char_table(chars: Iterable[str]) -> np.ndarray:
    """Whether each character (code point) is one of ``chars``: over the Basic
    Multilingual Plane when they all are in it (a character beyond reads U+FFFF's entry
    through ``mode="clip"``: none)."""
    codes = sorted({ord(c) for c in chars})
    table = np.zeros(0x10000 if not codes or codes[-1] < 0xFFFF else 0x110000, dtype=bool)
    table[codes] = True
    return table


def _matches_at(regex: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """What ``regex.finditer(text)`` finds when a match can start only at ``starts``
    (ascending): the match at each start that is not inside the last one."""
    out: list[re.Match[str]] = []
    end = 0
    match = regex.match
    for i in starts:
        if i >= end:
            m = match(text, i)
            if m is not None:
                end = m.end()
                out.append(m)
    return out


def cued_finditer(
    regex: re.Pattern[str], text: str, cue: re.Pattern[str], near: Iterable[int]
) -> list[re.Match[str]]:
    """``list(regex.finditer(text))`` when every match of ``regex`` has a match of
    ``cue`` start at one of the offsets ``near`` from its own start (a rare word a few
    characters on): ``regex`` is tried only there. Every start of ``cue`` counts, also
    one inside another of its matches (its scan does not report those: each place
    inside a match it found stands for one)."""
    near = tuple(near)
    starts: set[int] = set()
    for m in cue.finditer(text):
        a = m.start()
        for q in range(a, max(m.end(), a + 1)):
            starts.update(q - d for d in near)
    return _matches_at(regex, text, sorted(s for s in starts if s >= 0))
