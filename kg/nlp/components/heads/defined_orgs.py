"""An organisation named in full with its short form in parentheses, for ``kg_patterns``:
a country's movement, organisation or front that no dictionary holds, written as the
country, name words and a class head, then the short form the text goes on with
(某国伊斯兰某某运动（某某）, 某国某某解放组织（某某）). The full name is an Organization
from the country's name (rule ``organ``, as composed names are); the short form, in the
parentheses and wherever the text repeats it, names the same organisation (rule
``definition``, as a （以下简称…） definition's: it outranks a person read from the same
word, 某某表示): one node, however the text writes it.

What is no such name: a short form that is a known place or country, or a common word of
jieba's dictionary (（下同）, （试行）); a function word or punctuation between the country
and the head (某国|在|…运动).

>>> [m.group("head") for m in DEFINED.finditer("某国民族解放运动（某某）和某某组织（某某某）")]
['运动', '组织']
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.heads.parties import FUNCTION
from kg.nlp.components.heads.words import segmenter_freq
from kg.nlp.text import jieba_tags

# the class heads of movements and intergovernmental or armed organisations the head
# list leaves out (common nouns elsewhere: 爱国卫生运动, 基层组织), then the short form
DEFINED = re.compile(
    r"(?P<head>运动|组织|阵线|同盟)（(?P<short>[\u4e00-\u9fff]{2,5}|[A-Z][A-Za-z]{1,7})）"
)
# jieba's tags of proper names and abbreviations: a dictionary word of them may be a short
# form (a transliteration jieba tags as a person's name, an abbreviation)
PROPER_TAGS = frozenset({"nr", "nrt", "nz", "nt", "j"})
# at most this many name characters between the country and the head
REACH = 12


def defined_orgs(st, norm: str, gaz, starts, cut_words: frozenset[str]) -> list[tuple]:
    """(start, end, short start, short end) of each full name with its short form (see
    the module docstring); ``starts`` gives the token starts, ``cut_words`` jieba's
    function words."""
    if "）" not in norm:
        return []
    out = []
    countries = sorted((c.end, c.start) for c in st.candidates if c.type == "Country")
    taken = {(c.start, c.end) for c in st.candidates if c.type != "Country"}
    freq, tags = segmenter_freq(), jieba_tags()
    for m in DEFINED.finditer(norm):
        hs, short = m.start("head"), m.group("short")
        e = gaz.lookup(short)
        if (e is not None and e.type != "Organization") or (
            freq.get(short) and tags.get(short) not in PROPER_TAGS
        ):
            continue  # a place, a country or a common word: no short form
        start = _country_start(countries, norm, hs)
        if start is None or (start, m.end("head")) in taken:
            continue
        words, a = [], next(c for c in countries if c[1] == start)[0]
        while a < hs:
            b = starts.find(1, a + 1, hs)
            b = hs if b < 0 else b
            words.append(norm[a:b])
            a = b
        if any(w in cut_words or (len(w) == 1 and w in FUNCTION) for w in words):
            continue  # 某国|在|…运动: a clause, no name
        out.append((start, m.end("head"), m.start("short"), m.end("short")))
    return out


def _country_start(countries: list[tuple[int, int]], norm: str, hs: int) -> int | None:
    """The start of the nearest country whose name ends two to ``REACH`` name characters
    before ``hs``, only Han characters between."""
    best = None
    for end, start in countries:
        if end > hs - 2:
            break
        if hs - end <= REACH and re.fullmatch(r"[\u4e00-\u9fff]+", norm[end:hs]):
            best = start
    return best


def short_mentions(st, norm: str, full: Mention, a: int, b: int, starts) -> list[Mention]:
    """The short form ``norm[a:b]`` in its parentheses and its later repeats that open a
    word (``starts``: the token starts) and lie inside no other candidate, as mentions of
    ``full``'s organisation."""
    form = norm[a:b]
    spans = [(c.start, c.end) for c in st.candidates]
    out = []
    p = a
    while p >= 0:
        q = p + len(form)
        if p == a or (starts[p] and not any(s < q and e > p for s, e in spans)):
            out.append(Mention(p, q, st.text[p:q], full.type, full.key, full.label, "definition"))
        p = norm.find(form, q)
    return out
