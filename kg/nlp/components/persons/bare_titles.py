"""Transliterated names before the title of a foreign head of state, government or
parliament with no country before it (某某某总理, 某某某某议长); the titles are the ``bare``
rows of ``foreign_posts.txt`` (``PersonResources.bare_titles``).

>>> from kg.spans import entity_spans
>>> spans = next(entity_spans(["会谈后，萨帕尼迪议长会见了记者。"], nominal=False))
>>> [s["text"] for s in spans if s["type"] == "Person"]
['萨帕尼迪']
"""

from __future__ import annotations

from kg.nlp.components.name_model import FOREIGN
from kg.nlp.components.names import NOT_NAME_END, is_cjk
from kg.nlp.components.persons.common import Names, add_person
from kg.nlp.components.persons.foreign import CUED_FOREIGN
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.components.persons.words import FUNCTION_CHARS

#: particles jieba may glue to the start of a name it does not know (转达了|某某某)
_PARTICLES = frozenset("了着过的地得")
#: the characters a transliterated name before a title may hold at most
_MAX_BEFORE_TITLE = 8
#: how often the dictionary may have the whole name (a rare word it tags as a place or
#: a name: 某某某通加 ns) and still read it as one
_RARE_NAME_FREQ = 20


def names_before_titles(res: PersonResources, st, names: Names, taken: set[int]) -> None:
    """某某某总理, 某某某某议长: a transliterated name right before the title of a foreign
    head of state, government or parliament (``PersonResources.bare_titles``: the ``bare``
    rows of ``foreign_posts.txt``), where no country stands before the title (that is
    :func:`.foreign.foreign_names`' 某国总统某某). The words
    before the title are read back while each may belong to a transliteration (all
    Chinese characters, no function character or stop word, no known name, a foreign
    ratio of 0 or more); together three to eight characters, transliterated
    (:data:`CUED_FOREIGN`), a word the dictionary lacks, tags as a name or has as a
    rare one, not inside a longer word on its left.

    >>> from kg.spans import entity_spans
    >>> spans = next(entity_spans(["会谈后，萨帕尼迪总理会见了记者。"], nominal=False))
    >>> [s["text"] for s in spans if s["type"] == "Person"]
    ['萨帕尼迪']
    """
    from kg.nlp.components.lac_names import word_tag

    norm, starts = st.norm, st.tok_starts
    done = {c.end for c in st.candidates}  # a country, a body or a name ends there
    fr = res.model.foreign_ratio
    for m in res.bare_titles.finditer(norm, 3):
        e = m.start() - (norm[m.start() - 1] == "副")
        if e in done or e not in starts or m.end() not in st.tok_ends:
            continue
        s, s0 = _transliteration_start(res, st, e)
        name = norm[s:e]
        if (
            e - s < 3
            or s in taken
            or fr(name) < CUED_FOREIGN
            or name[-1] in NOT_NAME_END
            or res.gaz.lookup(name) is not None
            or name in res.gaz.not_entities
            # a one-character word before: the name's own start
            or (
                s == s0
                and s > 0
                and is_cjk(norm[s - 1])
                and norm[s - 1] not in FUNCTION_CHARS
                and norm[s - 1] not in _PARTICLES
                and s - 1 in starts
            )
        ):
            continue
        tag = word_tag(name)
        if (
            tag is not None
            and not tag.startswith("nr")
            and (res.name_words.freq.get(name, 0) >= _RARE_NAME_FREQ)
        ):
            continue
        add_person(st, names, s, e)
        taken.add(s)


def _transliteration_start(res: PersonResources, st, e: int) -> tuple[int, int]:
    """Where a transliterated name that ends at ``e`` starts, read back over the words
    that may belong to one (all Chinese characters, no function character or stop word,
    no known name or post, a foreign ratio of 0 or more; :data:`_MAX_BEFORE_TITLE`
    characters at most), with a function character, a particle or a date's unit jieba
    glued to its first character cut off (同托|某某某, 了某某某某, 1972年某某某某). Returns
    (start, start before the particles were cut)."""
    norm, starts = st.norm, st.tok_starts
    stops = res.foreign.stops
    fr = res.model.foreign_ratio
    s = e
    while s > 0 and e - s < _MAX_BEFORE_TITLE:
        t = s - 1
        while t > 0 and t not in starts:
            t -= 1
        w = norm[t:s]
        if (
            e - t > _MAX_BEFORE_TITLE
            or not all(is_cjk(ch) and ch not in FUNCTION_CHARS for ch in w)
            or w in stops
            or fr(w) < 0
            or res.gaz.lookup(w) is not None
            or res.any_post.search(w)
        ):
            break
        s = t
    if 0 < s < e and s - 2 in starts and norm[s - 2] in FUNCTION_CHARS:
        if is_cjk(norm[s - 1]) and fr(norm[s - 1]) >= FOREIGN and s - 1 not in starts:
            s -= 1
    s0 = s
    while s < e and (
        norm[s] in _PARTICLES or (norm[s] in "年月日" and s > 0 and norm[s - 1].isdigit())
    ):
        s += 1
    return s, s0
