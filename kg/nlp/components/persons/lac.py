"""The uncertain names the rules leave, settled by LAC (:mod:`kg.nlp.components.lac_names`).

The rules hand over the name model's near misses, the words after posts that no cue
follows and the words before titles and cues that may end a name; LAC reads a window
around each, and :func:`lac_accept` keeps its person names that are no known name of
another type, no by-line (记者 X), no place's name and no form of address.

>>> "河" in _LAC_PLACE_ENDS, "河" in PLACE_ENDS  # a river's name: LAC's PER, no person
(True, False)
"""

from __future__ import annotations

from kg.nlp.components.lac_names import word_tag
from kg.nlp.components.persons.common import ByEnd, Names, Spans, add_person
from kg.nlp.components.persons.model_names import SHORT_NAME_MARGIN
from kg.nlp.components.persons.posts import add_posts, post_ending
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.components.persons.words import (
    ADDRESS,
    FUNCTION_CHARS,
    NOT_NAME_TAGS,
    PLACE_ENDS,
    PROVINCE_ABBR,
)

#: how far below the name model's threshold a name LAC confirms in context may score
CONFIRM_SLACK = 1.0
#: the mean foreign ratio from which a surname-led word is likelier a transliteration
#: (a foreign place's name) than a Chinese name LAC confirms
CONFIRM_FOREIGN = 0.2
#: how often the dictionary's word after a lone surname may occur and still be a given
#: name (金文, 海潮 may; 政府, 真实 are the words)
GIVEN_WORD_FREQ = 1000
#: last characters of the places, sites and buildings LAC may read as persons
_LAC_PLACE_ENDS = PLACE_ENDS | frozenset("河江湖山港湾海墓祠庙寺陵村镇乡县桥")
#: the head characters of armed units and parties: a transliteration before one names an
#: organisation (某某|旅, 某某|党), no person
_UNIT_ENDS = frozenset("旅营团师党")


def lac_persons(
    res: PersonResources, st, names: Names, taken: set[int], cands: Spans, foreign: Spans
) -> set[str]:
    """The uncertain names LAC reads as persons (:mod:`kg.nlp.components.lac_names`): not a known
    name of another type, not a by-line (记者 X). Returns the words LAC read in a window."""

    def accept(s: int, e: int, noun_after: bool) -> bool:
        return lac_accept(res, st, s, e, noun_after)

    def is_titled(e: int) -> bool:
        return titled(res, st.norm, e)

    windowed: set[str] = set()
    for s, e in res.lac_names(st, cands, foreign, st.candidates, accept, is_titled, windowed):
        add_person(st, names, s, e)
        taken.add(s)
    return windowed


def confirmed_names(
    res: PersonResources, st, names: Names, cands: Spans, windowed: set[str]
) -> None:
    """Chinese names the name model scores (``cands``: its surname-led candidates) that no
    rule took and no LAC window read, confirmed by LAC in their context
    (:meth:`LacNames.confirm`): a surname and two characters (李|某某 too: jieba may cut
    the given name off), scoring at least the threshold less :data:`CONFIRM_SLACK`, a
    word the dictionary lacks or tags as a proper name (``nz``: it tags some persons'
    names so), once per word and document. LAC's verdict on the word
    alone is not asked: without context it reads many such names as no one's (and two
    characters, a surname and one, stay out: LAC cuts longer names there)."""
    model, norm = res.model, st.norm
    covered = bytearray(len(norm) + 1)
    for c in st.candidates:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    spans: Spans = []
    seen = set(windowed)
    for i, j in cands:
        w = norm[i:j]
        if w in seen or any(covered[i:j]):
            continue
        seen.add(w)
        sl = model.surname_length(w)
        if (
            sl == 1
            and j - i == 3
            and w[0] not in FUNCTION_CHARS
            # a surname alone, then a word the dictionary has as no noun or as a common
            # one (某|坚定, 某|政府: an abbreviation and a word)
            and not (i + 1 in st.tok_starts and _common_after_surname(res, w[1:]))
            # likelier a transliteration (a foreign place's name: 苏某达)
            and model.foreign_ratio(w) < CONFIRM_FOREIGN
            # a word the dictionary lacks, or tags as a proper name of no class (it tags
            # some persons' names so); its persons' names that LAC reads alone as no
            # one's are a tide's, a craft's as often
            and word_tag(w) in (None, "nz")
            and model.score(w, sl) >= model.threshold - CONFIRM_SLACK
        ):
            spans.append((i, j))
    for i, j in _glued_names(res, st):
        w = norm[i:j]
        if w in seen or any(covered[i:j]):
            continue
        seen.add(w)
        need = model.threshold + (SHORT_NAME_MARGIN if j - i == 2 else 0.0)
        if (
            word_tag(w) is None
            and model.foreign_ratio(w) < CONFIRM_FOREIGN
            and model.score(w, 1) >= need
        ):
            spans.append((i, j))

    def accept(s: int, e: int, noun_after: bool) -> bool:
        return lac_accept(res, st, s, e, noun_after)

    for s, e in res.lac_names.confirm(st, spans, accept):
        add_person(st, names, s, e)


def titled(res: PersonResources, norm: str, e: int) -> bool:
    """A post or title right after a name (某某总理)."""
    return bool(res.any_post.match(norm, e) or res.titles_after.match(norm, e))


def lac_accept(
    res: PersonResources, st, s: int, e: int, noun_after: bool, posted: bool = False
) -> bool:
    """LAC's name at ``[s, e)`` is a person's: not a known name of another type, not
    a by-line's (记者 X), no place's name or form of address (each test says which).
    ``posted``: a post stands right before the name (no credit: the post rule skips
    credits), so a place's last character ends a name there (区长某某岭)."""
    norm = st.norm
    w = norm[s:e]
    sl = res.model.surname_length(w)
    return (
        res.gaz.lookup(w) is None
        and w not in res.gaz.not_entities
        and (posted or not res.credit_end.search(norm, max(0, s - 8), s))
        and not res.any_post.fullmatch(w)
        # a river's, a tomb's, a village's name (某某河, 某某墓)
        and not (e - s >= 3 and w[-1] in _LAC_PLACE_ENDS and not posted)
        # an armed unit or a party named by a transliteration (卡某某旅)
        and not (
            e - s >= 3
            and w[-1] in _UNIT_ENDS
            and not posted
            and res.model.foreign_ratio(w[:-1]) >= CONFIRM_FOREIGN
        )
        # two provinces' abbreviations (湘赣多地): places listed
        and not (w[0] in PROVINCE_ABBR and w[1] in PROVINCE_ABBR)
        # a surname and a form of address or a title (李先生, 陈老师): no name
        and not (sl and (w[sl:] in ADDRESS or w[sl:] in res.posts))
        and not (sl and res.titles_after.fullmatch(w, sl))
        # a Chinese-shaped name before a noun modifies it (某某野生动物), unless
        # the noun is a post or title (某某总理, 某某先生)
        and not (noun_after and sl and e - s <= 3 and not titled(res, norm, e))
    )


def _glued_names(res: PersonResources, st) -> Spans:
    """Names jieba glued to a function character before them (对王|某某, 但王某: its word
    opens with the character, the surname second): the surname and the rest of the word
    (two characters), or the surname alone in the word and a word of one or two CJK
    characters after it.

    >>> from kg.nlp import get_nlp
    >>> from kg.nlp.components.base import kgdoc
    >>> nlp = get_nlp()
    >>> st = kgdoc(nlp("第二轮比赛中，老将对陶志远的一局下得很快。"))
    >>> [st.norm[i:j] for i, j in _glued_names(nlp.get_pipe("kg_persons").resources, st)]
    ['陶志远']
    """
    norm, starts = st.norm, st.tok_starts
    n = len(norm)
    out: Spans = []
    for m in res.glued.finditer(norm):
        p = m.start()
        if p not in starts or p + 1 in starts:
            continue
        e = p + 2
        while e < n and e not in starts:
            e += 1
        if e - p == 2:  # 对陶|某某: the word after
            k = e + 1
            while k < n and k not in starts:
                k += 1
            if k - e > 2 or _common_after_surname(res, norm[e:k]):
                continue  # (对党|忠诚: a function word, a noun and an adjective)
            e = k
        elif e - p != 3:
            continue
        if all("\u4e00" <= c <= "\u9fff" for c in norm[p + 1 : e]):
            out.append((p + 1, e))
    return out


def _common_after_surname(res: PersonResources, given: str) -> bool:
    """Whether the word after a lone surname is a dictionary word of no noun's class
    (坚定) or a common one (政府): no given name then."""
    return (word_tag(given) or "n")[0] in NOT_NAME_TAGS or res.name_words.freq.get(
        given, 0
    ) >= GIVEN_WORD_FREQ


def uncued_after_posts(
    res: PersonResources,
    st,
    names: Names,
    uncued: Spans,
    ends: ByEnd,
    owners: ByEnd,
    foreign: Spans = (),
) -> None:
    """The names LAC reads right after a post (:meth:`LacNames.after_posts`), where
    no other candidate stands, one window per post and name start. ``foreign``: those
    of ``uncued`` after a foreign country's post, where a name of any shape is read
    (某国首相某某某某: a Japanese name is neither a Chinese name nor a transliteration)."""
    norm = st.norm
    covered = bytearray(len(norm) + 1)
    for c in st.candidates:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)
    seen: set[str] = set()

    def accept(s: int, e: int, noun_after: bool) -> bool:
        return not any(covered[s:e]) and lac_accept(res, st, s, e, noun_after, True)

    for ps, ns in uncued:
        key = norm[ps : ns + 4]
        # a name found elsewhere in the document is found here again later
        if covered[ns] or key in seen or any(norm.startswith(n, ns) for n in names):
            continue
        seen.add(key)
        for _, s, e in res.lac_names.after_posts(st, [(ps, ns)], accept, (ps, ns) in foreign):
            person = add_person(st, names, s, e)
            covered[s:e] = b"\x01" * (e - s)
            pe = s
            while pe > ps and norm[pe - 1] in "：: \t":
                pe -= 1
            add_posts(res, st, person, ps, pe, ends, owners)


def foreign_after(res: PersonResources, st, foreign: Spans) -> Spans:
    """The transliteration-like words of ``foreign`` that may be a name after a word
    before them: no river's or saint's town's (某某布河, 圣某某)."""
    norm = st.norm
    return [(i, j) for i, j in foreign if norm[j - 1] not in _LAC_PLACE_ENDS and norm[i] != "圣"]


def foreign_after_posts(res: PersonResources, st, foreign: Spans) -> Spans:
    """The transliteration-like words (``foreign``: the name model's candidates) right
    after a post, as (post start, name start) for :func:`uncued_after_posts`: a foreign
    name after a post opens with no surname (总理某某某率团), so the post rule's scan, which
    looks for one, leaves it. No by-line (记者 X)."""
    norm = st.norm
    out: Spans = []
    for i, _ in foreign_after(res, st, foreign):
        p = post_ending(res, norm, i)
        if p is not None and norm[p[0] : p[1]] not in res.credits:
            out.append((p[0], i))
    return out


def uncued_before_titles(res: PersonResources, st, names: Names, untitled: list[int]) -> None:
    """The names LAC reads right before a title (某某某总理, 某某某女士) where no
    other candidate stands (:meth:`LacNames.before_titles`)."""
    covered = bytearray(len(st.norm) + 1)
    for c in st.candidates:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)

    def accept(s: int, e: int, noun_after: bool) -> bool:
        return not any(covered[s:e]) and lac_accept(res, st, s, e, False)

    norm, starts = st.norm, st.tok_starts
    tried: set[str] = set()  # the words before read once per document
    for ps in sorted(set(untitled)):
        # a name found elsewhere in the document is found here again later
        if covered[ps - 1] or any(norm.endswith(n, 0, ps) for n in names):
            continue
        k = ps - 1
        while k > 0 and k not in starts:
            k -= 1
        if norm[max(0, k - 2) : ps] in tried:
            continue
        tried.add(norm[max(0, k - 2) : ps])
        for ns, ne in res.lac_names.before_titles(st, [ps], accept):
            add_person(st, names, ns, ne)
            covered[ns:ne] = b"\x01" * (ne - ns)
