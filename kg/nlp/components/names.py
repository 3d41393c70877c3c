"""Reading persons' names at a known position: foreign names after a post, list items.

A foreign name has no surname to recognise it by (普京, 卡洛姆·萨洛维), so it is
read from where a post title of a foreign country or organisation ends up to the first
word that cannot belong to a name: punctuation, a digit, or a dictionary word that jieba
tags as a verb, preposition, adverb, conjunction, particle, time or numeral word (表示,
举行, 在, 今天, 先后), or an honorific or rank after a name (先生, 大将). The name keeps
middle dots (卡洛姆·萨洛维).

>>> r = ForeignNameReader()
>>> text = "某国总统卡洛姆·萨洛维表示"
>>> text[4 : r.read(text, 4, _words_at(text))]
'卡洛姆·萨洛维'
>>> text = "某国前总理拉·甘地表示"
>>> text[5 : r.read(text, 5, _words_at(text))]
'拉·甘地'

Chinese names that no post introduces are found among the words jieba's HMM makes of
characters its dictionary does not join (邵景川 is no dictionary word: the HMM cuts it as
one) and the words its dictionary tags as names (``nr``), when they start with a surname
(:class:`NameWords`); the component then asks for context.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

#: jieba POS tags of words that end a name read up to them
_STOP_TAGS = frozenset(
    {"v", "vn", "vd", "p", "d", "c", "u", "uj", "ul", "ud", "uz", "t", "m", "f", "r", "q", "ad"}
    | {"n", "a", "an", "l", "i", "nz", "s", "b", "z"}
)
#: one-character function words that end a name (jieba keeps many as words of their own)
STOP_CHARS = frozenset(
    "在于和与同及的等将对向就为也都还已曾率派说称今昨并又再从被把因致让到赴访抵来去均遭"
)
#: a word jieba made of a name's last character and what follows is a rare one (a run-on,
#: not a word of the text: 安和, 特称) when its frequency in jieba's dictionary is below
#: this; common ones (平和, 当选) are words of their own (persons.extents, lac_names)
RARE_WORD_FREQ = 50
#: honorifics and ranks written after a name, and words for a person's company
_AFTER_NAME = (
    "先生",
    "女士",
    "夫人",
    "阁下",
    "陛下",
    "殿下",
    "大将",
    "上将",
    "中将",
    "少将",
    "将军",
    "元帅",
    "一行",
    "夫妇",
    "博士",
    "教授",
    "同志",
)
DOTS = "·•‧・"
MAX_FOREIGN = 14
#: the longest name with middle dots (four parts: 某某某·某某某某·某某某·某某某)
MAX_DOTTED = 20


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Dictionary words that cannot be part of a name (verbs, prepositions, time words…)."""
    from kg.nlp.text import tagged_words

    out = {w for w in tagged_words(_STOP_TAGS) if len(w) >= 2}
    return frozenset(out | set(_AFTER_NAME))


#: jieba's tags of the stop words that, right after a middle dot, are a name's piece
#: (甘地 is a noun of its dictionary): nouns and descriptions, no verb or function word
_DOTTED_TAGS = frozenset({"n", "nz", "a", "an", "l", "i", "s", "b", "z"})


@lru_cache(maxsize=1)
def dotted_words() -> frozenset[str]:
    """The stop words that a middle dot before makes a name's piece (甘地, no 表示)."""
    from kg.nlp.text import tagged_words

    return frozenset(w for w in tagged_words(_DOTTED_TAGS) if len(w) >= 2)


def _words_at(text: str) -> frozenset[int]:
    """Token starts of ``text`` by jieba (for the doctest; components use the doc's)."""
    from kg.nlp.segment import cut_words, fast_segmenter

    out, i = set(), 0
    for w in cut_words(fast_segmenter(), text):
        out.add(i)
        i += len(w)
    out.add(i)
    return frozenset(out)


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


class ForeignNameReader:
    """End of a name that starts at a position, by the words after it (see the module)."""

    def __init__(self) -> None:
        self.stops = stop_words()
        self.after_dot = dotted_words()

    def named(self, word: str, heads: list[str]) -> bool:
        """A word of three or more characters that jieba's dictionary tags as a name
        and that opens with nouns only, no verb (某某|延科 with 某某 a noun: a name;
        举行会谈 opens with a verb)."""
        from kg.nlp.text import jieba_tags

        tags = jieba_tags()
        return (
            len(word) >= 3
            and tags.get(word, "").startswith("nr")
            and all(tags.get(h, "n")[0] == "n" for h in heads if h in self.stops)
        )

    def read(self, norm: str, ns: int, tok_starts, longest: int = MAX_FOREIGN) -> int | None:
        """End of the name starting at ``ns`` (a token start), or None when there is none
        of at least two characters (nor one of more than ``longest``)."""
        n = len(norm)
        i = ns
        limit = min(n, ns + longest)
        while i < limit:
            ch = norm[i]
            if ch in DOTS:
                if i == ns or i + 1 >= n or not is_cjk(norm[i + 1]):
                    break
                i += 1
                continue
            if not is_cjk(ch):
                break
            if ch in STOP_CHARS:
                if i == ns:
                    return None
                break
            # the token starting here (jieba's words run to the next token start)
            j = i + 1
            while j < n and j not in tok_starts:
                j += 1
            # next to a middle dot a noun of the dictionary is the name's (某·甘地), and
            # a word next to one is read whole, not by its start (亚历山大·某某: 亚历)
            before_dot = norm[j : j + 1] in DOTS and is_cjk(norm[j + 1 : j + 2] or ".")
            dotted = norm[i:j] in self.after_dot and (
                (i > ns and norm[i - 1] in DOTS) or before_dot
            )
            if norm[i:j] in self.stops and not dotted:
                if i == ns:
                    return None  # 表示, 今天: no name here
                break
            heads = [norm[i:k] for k in range(i + 2, min(j, i + 4) + 1)]
            after_dot = i > ns and norm[i - 1] in DOTS
            if (
                not (dotted or before_dot or after_dot)
                and any(h in self.stops for h in heads)
                and not self.named(norm[i:j], heads)
            ):
                if i == ns:
                    return None
                break  # 举行会谈 as one word: it opens with the verb 举行
            # a function character inside the word (洛维称 as one word)
            cut = next((k for k in range(i + 1, j) if norm[k] in STOP_CHARS), None)
            if cut is not None and cut - ns >= 2:
                i = cut
                break
            if any(norm.startswith(w, i) for w in _AFTER_NAME) and i > ns:
                break
            i = j
        ne = i
        while ne > ns and norm[ne - 1] in DOTS:
            ne -= 1
        if ne - ns < 2 or ne - ns > longest:
            return None
        return ne


#: last characters of words that are places, organisations or clauses, not names
#: (萨洛县, 卡东队, 许云说): a closed class of suffixes and verbs, written by hand
NOT_NAME_END = frozenset(
    "在和与副说是去出来到称县村镇乡队市区省州港湾山河湖路街庙寺店厂场站社馆院校所局处会部科组团军杯赛车树章们者人家方"
)


class NameWords:
    """Whether a word may be a Chinese name: a word jieba's HMM made (no dictionary word:
    邵某某 is cut as one word though the dictionary lacks it) or one its dictionary tags
    as a name (``nr``), of two to four characters, that starts with a surname.

    >>> nw = NameWords(frozenset("王邵"), {"王国": 100})
    >>> nw.surname_length("邵景川"), nw.surname_length("王国"), nw.surname_length("邵")
    (1, 0, 0)
    """

    def __init__(self, surnames: frozenset[str], freq: Mapping[str, int] | None = None) -> None:
        from kg.nlp.text import tagged_words, tags_starting

        self.surnames = surnames
        self.compound = frozenset(s for s in surnames if len(s) == 2)
        self.nr = frozenset(
            w
            for w in tagged_words(tags_starting("nr"))
            if 2 <= len(w) <= 4 and (w[0] in surnames or w[:2] in surnames)
        )
        self._freq = freq

    @property
    def freq(self) -> Mapping[str, int]:
        """The segmenter's dictionary (word → frequency; the words it knows), looked up
        once per process (a restored pipeline reads the restored segmenter's)."""
        if self._freq is None:
            from kg.nlp.segment import fast_segmenter

            dt = fast_segmenter().dt
            if not getattr(dt, "initialized", True):
                dt.initialize()
            self._freq = dt.FREQ
        return self._freq

    def __getstate__(self) -> dict:
        return {"surnames": self.surnames, "compound": self.compound, "nr": self.nr, "_freq": None}

    def surname_length(self, w: str) -> int:
        """The length of the surname ``w`` starts with when it may be a name, else 0."""
        n = len(w)
        if n < 2 or n > 4 or w[-1] in NOT_NAME_END:
            return 0
        if not all("\u4e00" <= ch <= "\u9fff" for ch in w):
            return 0
        sl = 2 if w[:2] in self.compound else 1 if w[0] in self.surnames else 0
        if not sl or not 1 <= n - sl <= 2:
            return 0
        if w in self.nr or not self.freq.get(w):
            return sl
        return 0
