"""Water works named by their river: 某河|治理工程, 某河|分洪工程, 某河|节制闸工程.

A bare 工程 is a weak head (水利工程, 取水工程 are class nouns); the works of one river
are named by the river's proper name and the kind of works (the national reports of the
1950s list them: 某河治理工程、某河治理工程和某河分洪工程). The river's name is the first
word: one jieba's dictionary tags as a place (ns) ending in 河/江/湖/水, not a common
noun of waters (江河, 内河), or a word no dictionary holds (a small river's name its HMM
cut); a compass point may open it (西|某河), and a name character jieba cut off joins
河 (某|河), not a pronoun or a quantifier (该河, 各河, 本河: a river already named, or
every river). Between it and 工程 stands a kind of works. A reservoir, an irrigation
district or a hub may be named by its site instead: a county-level place or a smaller
one the gazetteer knows (某县|水库工程), not any word jieba tags as a place (山区, 江南).

>>> works_of_river(["某某河", "治理"], known=lambda w: False)
True
>>> works_of_river(["江河", "堤防"], known=lambda w: True)
False
>>> works_of_river(["该", "河", "治理"], known=lambda w: True)
False
>>> works_of_river(["此河", "治理"], known=lambda w: False)
False
>>> works_of_river(["山区", "水库"], known=lambda w: True, local_place=lambda w: False)
False
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from kg.nlp.components.heads.organisations import DEMONSTRATIVES
from kg.nlp.components.heads.words import DocView, segmenter_freq
from kg.nlp.text import jieba_tags

#: the kinds of works on a river (治理, 分洪, 蓄洪垦殖, 节制闸, 水库, 堵口复堤, 引水…); not
#: 防洪, 堤防: a statute's 某河防洪工程 are the standing works, no project
WORKS = re.compile(
    "(?:治理|根治|整治|分洪道?|蓄洪(?:垦殖)?|滞洪|节制闸|水库|堵口(?:复堤)?|引水|调水|"
    "灌区|枢纽|船闸)"
)
#: common nouns of waters that jieba tags as places (江河治理, 内河航运)
COMMON_WATERS = frozenset({"江河", "大河", "内河", "河湖", "江湖", "大江", "小河", "山河", "河流"})
WATER_END = ("河", "江", "湖", "水")
COMPASS = "东西南北"
#: pronouns and quantifiers before 河: a river already named or every river (该河, 各河,
#: 全河), whether jieba cut them off or its HMM joined them to 河
NOT_NAME_CHARS = DEMONSTRATIVES | frozenset("全诸另两")
#: a stretch of the river between its name and the works (某水|下游|分洪工程)
STRETCH = frozenset({"上游", "中游", "下游", "干流", "支流", "流域"})
#: works named by their place as well as by a river (某地|水库工程, 某地|灌区工程)
SITE_WORKS = frozenset({"水库", "灌区", "枢纽"})
#: the gazetteer's categories of a site that names such works: a county-level place or a
#: smaller named one (not a province, a country or a region)
SITE_CATEGORIES = frozenset({"县级行政区", "地名"})


def river_works(norm: str, start: int, hs: int, view: DocView, gaz) -> bool:
    """Whether the words of ``norm[start:hs]`` (before the head 工程 at ``hs``) name a
    river's works (:func:`works_of_river`, jieba's tokens of the document; ``gaz`` the
    gazetteer, for a site).

    >>> from types import SimpleNamespace
    >>> local_site(SimpleNamespace(lookup=lambda w: None), "山区")
    False
    """
    words, a = [], start
    while a < hs:
        b = view.starts.find(1, a + 1, hs)
        b = hs if b < 0 else b
        words.append(norm[a:b])
        a = b
    freq = segmenter_freq()
    return works_of_river(
        words, lambda w: bool(freq.get(w)), lambda w: local_site(gaz, w)
    )


def local_site(gaz, word: str) -> bool:
    """Whether ``word`` is a place the gazetteer knows at county level or below."""
    e = gaz.lookup(word)
    return e is not None and e.type == "Location" and e.category in SITE_CATEGORIES


def works_of_river(
    words: Sequence[str],
    known: Callable[[str], bool],
    local_place: Callable[[str], bool] = lambda w: False,
) -> bool:
    """Whether ``words`` are a river's name, then one kind of works. ``known(w)``: whether
    a dictionary holds ``w``; ``local_place(w)``: whether ``w`` is a site that names works
    (a county or a smaller place)."""
    words = list(words)
    if (
        len(words) >= 3
        and len(words[0]) == 1
        and (words[0] in COMPASS or (words[1] in WATER_END and words[0] not in NOT_NAME_CHARS))
    ):
        words = [words[0] + words[1], *words[2:]]  # 西|某河, 某|河: one name cut in two
    if len(words) >= 3 and words[1] in STRETCH:
        words = [words[0], *words[2:]]  # 某水|下游|分洪: the works of a stretch of it
    if not 2 <= len(words) <= 3 or not WORKS.fullmatch("".join(words[1:])):
        return False
    name, tag = words[0], jieba_tags().get(words[0])
    if "".join(words[1:]) in SITE_WORKS and local_place(name):
        return True  # 某县|水库工程: a reservoir named by its place
    if not (2 <= len(name) <= 4 and name.endswith(WATER_END)) or name in COMMON_WATERS:
        return False
    if name[0] in NOT_NAME_CHARS:
        return False  # 此河|治理: a river named before, not a name
    return tag in ("ns", "nz") or not known(name)
