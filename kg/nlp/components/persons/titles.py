"""Chinese names right before a title or a strong cue (温某某总理, 王某院士, 陈某表示).

A surname and one or two characters as whole words before a title, or the word before a
title or cue that jieba's HMM made or its dictionary tags as a name (:class:`NameWords`);
a transliteration-like word before a cue is :func:`.foreign.foreign_word_name`'s. The
titles and cues where neither is found but a word that may end a name stands before are
left to LAC (:func:`may_end_name`).

>>> sorted(_PROPER_TAGS)
['ns', 'nt', 'nz']
"""

from __future__ import annotations

import itertools

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.lac_names import word_tag
from kg.nlp.components.names import is_cjk
from kg.nlp.components.persons.common import Names, add_person, name_at, plausible_name
from kg.nlp.components.persons.foreign import foreign_word_name
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.components.persons.words import FUNCTION_CHARS, NOT_NAME_TAGS, ROLE_END
from kg.nlp.wordscan import cued_finditer

#: jieba's tags of the proper names of places and other things (a person's name too
#: where LAC reads it so)
_PROPER_TAGS = frozenset({"ns", "nz", "nt"})
#: last characters of bodies' and places' names before a title (某理事会主席, 某党中央主席,
#: 三国总理): no name ends in one
_BODY_ENDS = ROLE_END | frozenset("党国省市县区州央团社")


def names_before_titles(
    res: PersonResources, st, names: Names, taken: set[int], done: set[int], left_over: bool
) -> list[int]:
    """温某某总理, 王某院士: a name as whole words right before a title, or a word
    that may be a name (:func:`word_name`). Returns (``left_over``: LAC reads them)
    the titles' starts where neither is found but a word that may end a name stands
    before (:func:`may_end_name`)."""
    norm = st.norm
    starts = st.tok_starts
    left = []
    for m in res.titles_after.finditer(norm, 2):
        ps = m.start()
        if ps in done or ps not in starts:
            continue
        sur = res.surnames
        for length in (3, 2, 4):
            ns = ps - length
            if ns < 0 or (norm[ns] not in sur and norm[ns : ns + 2] not in sur):
                continue
            sm = res.sur_at.match(norm, ns)
            if sm is None or ns in taken or length - len(sm.group(1)) not in (1, 2):
                continue
            if plausible_name(res, st, ns, ps, len(sm.group(1))):
                add_person(st, names, ns, ps)
                taken.add(ns)
                break
        else:
            n = len(st.candidates)
            word_name(res, st, names, taken, ps, titled=True)
            if left_over and len(st.candidates) == n and may_end_name(res, st, ps):
                left.append(ps)
    return left


def may_end_name(res: PersonResources, st, e: int) -> bool:
    """Whether the word that ends at ``e`` may end a name: a word of one to four
    Chinese characters, not a body's head (理事会, 中央, 两国) or a post, a word
    the dictionary lacks or tags as a proper name (no common word: 国家|主席,
    知识分子|参加); one character only as the end of a longer word (某|某, not
    某|总统 or 同|某|主席: an abbreviation, a surname alone)."""
    norm, starts = st.norm, st.tok_starts
    k = e - 1
    while k > 0 and k not in starts and e - k < 5:
        k -= 1
    w = norm[k:e]
    if k not in starts or not all("\u4e00" <= c <= "\u9fff" for c in w):
        return False
    if w[-1] in _BODY_ENDS or w in res.posts or res.titles_after.fullmatch(w):
        return False
    if len(w) == 1:
        return (
            k > 0
            and is_cjk(norm[k - 1])
            and norm[k - 1] not in FUNCTION_CHARS
            and w not in FUNCTION_CHARS
            and (word_tag(w) or "nr")[0] not in NOT_NAME_TAGS
        )
    if w[0] in FUNCTION_CHARS or (len(w) == 3 and w[1:] in res.posts):
        return False  # 从某处; 王总理, 李主席: a surname and a post
    tag = word_tag(w)
    # a word the dictionary lacks or knows as a name; the dictionary tags a few
    # leaders' names (three characters, a surname's first) as time words
    return (
        tag is None
        or tag.startswith("nr")
        or tag in _PROPER_TAGS
        or (tag == "t" and len(w) >= 3 and res.model.surname_length(w) > 0)
    )


def words_as_names(
    res: PersonResources, st, names: Names, taken: set[int], done: set[int], left_over: bool
) -> list[int]:
    """Chinese names no post introduces, right before a strong cue (表示, 指出, 出席)
    anywhere in a sentence (部长陈某在会上 opens no clause): :func:`word_name`.
    Returns (``left_over``: LAC reads them) the cues' starts where no name is found
    but a word that may end one stands before (:func:`may_end_name`)."""
    starts = st.tok_starts
    left = []
    for m in res.strong_cue.finditer(st.norm, 2):
        h = m.start()
        if h not in done and h in starts:
            n = len(st.candidates)
            word_name(res, st, names, taken, h)
            foreign_word_name(res, st, names, taken, h)
            if left_over and len(st.candidates) == n and may_end_name(res, st, h):
                left.append(h)
    # 说 too, for transliterated names (某某某说, jieba may glue 说 to the name)
    norm = st.norm
    h = norm.find("说", 3)
    while h > 0:
        if h not in done and (h in starts or h + 1 in starts):
            n = len(st.candidates)
            foreign_word_name(res, st, names, taken, h)
            if left_over and len(st.candidates) == n and h in starts:
                if may_end_name(res, st, h):
                    left.append(h)
        h = norm.find("说", h + 1)
    return left


def word_name(
    res: PersonResources, st, names: Names, taken: set[int], h: int, titled: bool = False
) -> None:
    """The word ending at ``h`` as a name, when it is one jieba's HMM made or its
    dictionary tags as a name and starts with a surname (:class:`NameWords`). Before a
    title (``titled``: 朱某同志) a two-character dictionary name counts too, though
    jieba tags common words so as well (文明, 高峰) and they are no names elsewhere."""
    norm = st.norm
    sur = res.surnames
    if h < 2 or not (
        norm[h - 2] in sur or norm[h - 3 : h - 2] in sur or norm[h - 4 : h - 3] in sur
    ):
        return
    if not is_cjk(norm[h - 1]):
        return
    starts = st.tok_starts
    i = h - 1
    while i > 0 and i not in starts and h - i < 4:
        i -= 1
    if i in taken or i not in starts:
        return
    w = norm[i:h]
    sl = res.name_words.surname_length(w)
    # a lone character before is the name's own start (孔|叶秋, 泽|洛夫斯基)
    if not sl or (i > 0 and is_cjk(norm[i - 1]) and i - 1 in starts):
        return
    if (
        (w in res.not_names and not (titled and w in res.name_words.nr))
        or w in res.posts
        or w[sl:] in res.posts  # 周|总理: a surname and a post
        or res.titles_after.search(w, sl)
        or w in res.gaz.not_entities
        or res.gaz.lookup(w) is not None
        or res.credit_end.search(norm, max(0, i - 8), i)
    ):
        return
    add_person(st, names, i, h)
    taken.add(i)


def clause_subjects(res: PersonResources, st, names: Names) -> None:
    """No post: a name that opens a clause (at the start, after ，。；：、“（( or white
    space) and is the subject of a speech verb (，邵景川表示 / 许云涛指出), checked
    against jieba's dictionary (:func:`.common.name_at`)."""
    text, norm = st.text, st.norm
    m0 = res.strong_at0.match(norm)
    # strong_scan's cue starts a few characters after its punctuation: tried only there
    scan = cued_finditer(res.strong_scan, norm, res.strong_cue, res.strong_scan_cue_at)
    for m in itertools.chain((m0,) if m0 else (), scan):
        ns = m.end()
        ne = name_at(res, st, ns, len(m.group(1)), res.strong_cue)
        if ne is None:
            continue
        name = text[ns:ne]
        key = names.setdefault(name, open_key("Person", name))
        st.candidates.append(Mention(ns, ne, name, "Person", key, name, "person"))
