"""The words the head-word rules of ``kg_patterns`` read: the heads of
``open_heads.tsv`` with their flags, jieba's dictionary by tag (cutting words, verbs,
adverbs, organisation names, time words, idioms), the segmenter's frequencies, and a
document's token boundaries as byte masks (``DocView``).

>>> NAME_TAIL.search("实施沿海防护林").group()
'实施沿海防护林'
>>> HAN.findall("G20峰会")
['峰会']
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kg.nlp.gazetteer import read_lines
from kg.nlp.segment import segmenter_freq as segmenter_freq  # the heads read it here
from kg.nlp.text import offset_mask

HAN = re.compile(r"[\u4e00-\u9fff]+")
# (〇: the zero of a year in numerals, 二〇三一年, outside the block of the others)
NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·〇]")
# the name characters that end a search's range (``endpos``)
NAME_TAIL = re.compile(r"[\u4e00-\u9fffA-Za-z0-9·〇]+\Z")
# a year of the dates names carry (2031, 1998); the text pieces below are the one
# spelling of a year and an edition that every edition pattern is built from
YEAR_TEXT = r"(?:19|20)\d{2}"
#: a year in numerals, alone or mixed with digits as older reports print it (一九九八年,
#: 二〇三一年, 二０３１年 → 二031年): a games' year only (``games_host``); an annual plan
#: so dated (一九五九年计划) is a class the heads do not name
YEAR_NUMERALS = r"(?:一九|二[〇零0])[〇零一二三四五六七八九0-9]{2}年"
YEAR = re.compile(YEAR_TEXT)
#: a year that may stand before an edition (2024年|第三届)
YEAR_OPT = rf"(?:{YEAR_TEXT}年?)?"
#: an ordinal count (第三, 第14): of an edition, a session or a period
ORDINAL = r"第[一二三四五六七八九十百零〇\d]+"
#: a year and an edition or session, either or both, at a name's start (2040年第37届|…)
EDITION_LEAD = rf"{YEAR_OPT}(?:{ORDINAL}(?:届|次|期)|首届)?"
#: an event's edition at a name's start, its year too (2024年第三届, 首届)
EDITION_TEXT = rf"{YEAR_OPT}(?:{ORDINAL}届|首届)"
#: determiners that open a class of names, never one name (该|会议, 有关|单位, 一些|活动,
#: 部分|媒体): the core every list of class openers in ``heads`` shares
CLASS_DETERMINERS = ("该", "有关", "相关", "一些", "部分")
#: the words that rank programmes and works without naming one (重点|项目, 某某振兴发展|
#: 重大|工程, 一批|重大|项目): every list of class words in ``heads`` takes them from here
RANK_WORDS = ("重大", "重点")


def load_heads(
    directory: Path,
) -> tuple[list[tuple[str, str]], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(head, type) longest first, the weak heads, the weak heads a verb rescues, the
    heads only a verb (or a year) makes a name of, and the heads of short forms."""
    heads, weak, rescued, verb_only, short = [], set(), set(), set(), set()
    for line in read_lines(directory / "lexicon" / "open_heads.tsv"):
        parts = line.split()
        if len(parts) >= 2:
            heads.append((parts[0], parts[1]))
            flag = parts[2] if len(parts) > 2 else ""
            if flag == "short":
                short.add(parts[0])
            if flag.startswith("weak") or flag == "verb":
                weak.add(parts[0])
                if flag in ("weak+verb", "verb"):
                    rescued.add(parts[0])
                if flag == "verb":
                    verb_only.add(parts[0])
    return (
        sorted(heads, key=lambda h: len(h[0]), reverse=True),
        frozenset(weak),
        frozenset(rescued),
        frozenset(verb_only),
        frozenset(short),
    )


# jieba dictionary tags of words that never open or continue a name: adverbs,
# prepositions, conjunctions, pronouns, particles (严格|执行, 按|…, 或者|…, 我们|…,
# 这次|…); jieba's time tag "t" is left out (it covers 青年)
CUT_TAGS = ("d", "ad", "p", "c", "r", "u")
NOT_CUT = frozenset({"与", "和", "及", "中", "国", "本", "第"})


@lru_cache(maxsize=1)
def dictionary_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """From jieba's dictionary (words of 1–4 characters): those whose tag (``CUT_TAGS``)
    ends the context of a name, the verbs (tag ``v``) and the adverbs (tag ``d``)."""
    from kg.nlp.text import tagged_words

    cut = {w for w in tagged_words(CUT_TAGS) if len(w) <= 4}
    verbs = {w for w in tagged_words(("v",)) if len(w) <= 4}
    adverbs = {w for w in tagged_words(("d",)) if len(w) <= 4}
    return frozenset(cut - NOT_CUT), frozenset(verbs), frozenset(adverbs)


# jieba tags of words that name a class, not one thing: a dictionary word made of one of
# these and an organisation's head is a class noun (上市|公司, 儿童|医院, 美术|学院)
COMMON_TAGS = frozenset({"n", "v", "vn", "a", "ad", "an", "d", "b", "f", "m", "q", "r", "l", "s"})


@lru_cache(maxsize=4)
def org_words(heads: tuple[str, ...]) -> frozenset[str]:
    """jieba's dictionary words tagged as organisation or proper names (``nt``, ``nz``)
    that end in an organisation's head after a part that is no common word: 南开大学,
    人民文学出版社, not 上市公司 or 儿童医院."""
    from kg.nlp.text import jieba_tags, tagged_words

    tags = jieba_tags()
    out = set()
    for w in tagged_words(("nt", "nz")):
        if len(w) <= 12:
            h = next((h for h in heads if w.endswith(h) and len(w) > len(h)), None)
            if h is not None and tags.get(w[: -len(h)]) not in COMMON_TAGS:
                out.add(w)
    return frozenset(out)


@lru_cache(maxsize=1)
def verb_openers() -> frozenset[str]:
    """jieba's verbs, adverbs and adjectives of two characters (颁布, 认真, 广泛): what
    opens a token of jieba's that ends in a verb (颁布实施, 认真落实); an adjective
    there is the verb's manner (广泛开展, 隆重举行, jieba tags 广泛 an adjective)."""
    from kg.nlp.text import tagged_words

    return frozenset(w for w in tagged_words(("v", "d", "ad", "vd", "a")) if len(w) == 2)


class DocView:
    """What ``Patterns`` looks up many times per document: token boundaries as byte masks
    (indexing and ``find`` beat ``in`` a character at a time) and the ends of the Person
    candidates (read as the candidates grow)."""

    __slots__ = ("_persons", "_seen", "ends", "starts")

    def __init__(self, st) -> None:
        n = len(st.norm)
        self.starts = offset_mask(st.tok_starts, n)
        self.ends = offset_mask(st.tok_ends, n)
        self._persons: list[int] = []
        self._seen = 0

    def person_ends(self, st) -> list[int]:
        """Ends of the Person candidates of ``st``, in candidate order."""
        cands = st.candidates
        if self._seen < len(cands):
            self._persons += [c.end for c in cands[self._seen :] if c.type == "Person"]
            self._seen = len(cands)
        return self._persons
