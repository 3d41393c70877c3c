"""Foreign and transliterated names: after a foreign post, with a middle dot, before a cue.

某国总统某某, 某国前首相某某 (a post of a foreign country or an international
organisation, then a name read up to the first word that cannot belong to one),
某某·某某某说 (a middle dot, no post), 某某某表示 (a transliteration-like word before a
strong cue); 某某某总理 (no country before the title) is :mod:`.bare_titles`'.

>>> bool(_BODY_HEAD.search("执行委员会主席"))
True
"""

from __future__ import annotations

import re

from kg.model import CHINA_KEY, Mention
from kg.nlp.components.base import PostMention
from kg.nlp.components.name_model import FOREIGN
from kg.nlp.components.names import DOTS, MAX_DOTTED, NOT_NAME_END, is_cjk
from kg.nlp.components.persons.common import ByEnd, Names, Spans, add_person
from kg.nlp.components.persons.posts import POST_GAP
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.components.persons.words import FUNCTION_CHARS, ORG_HEADS
from kg.nlp.text import jieba_tags

#: head words of a foreign body's name between its country and a post (众议院议长)
_BODY_HEADS = ("委员会", "议会", "议院", "政府", "机构", "理事会", "联盟", "中心", "组织")
_BODY_HEAD = re.compile("|".join(_BODY_HEADS))
#: a former or sitting holder's word between a country and its post (某国前首相某某)
_FORMER = re.compile("前任|前|原|时任|现任")
#: the foreign ratio a word needs right before a strong cue (某某某表示) to be read as a
#: transliterated name (lower than the name model's: the cue is evidence)
CUED_FOREIGN = 0.3
#: how often a word the dictionary has that opens with a surname and is no name occurs
#: when it is a common word (顾问), no transliteration's piece (阿明, 费尔南多)
_COMMON_WORD_FREQ = 1000


def foreign_names(res: PersonResources, st, names: Names, owners: ByEnd, ends: ByEnd) -> Spans:
    """某国总统某某, 联合国秘书长某某: a post of a foreign country or an
    international organisation, then a name read up to the first word that cannot
    belong to one (:class:`ForeignNameReader`); a foreign country's body named with the
    country before it is an owner too (某国某某部发言人甲). The same owner's posts may be joined
    by 、 before one name (某国总统、国防委员会主席甲), a body of the owner may
    stand before a post (某国参议院主席乙), and the owner's next post and name may
    follow after 、 (亚美尼亚总统甲、总理乙). Returns the (post start, name start) of the
    posts whose name the reader cannot read (a name of the dictionary's as a common word:
    某国首相某某某某), for LAC's window after a post."""
    norm = st.norm
    unread: Spans = []
    taken = {c.start for c in st.candidates if c.type == "Person"}
    # a foreign country's body named with the country before it (某国外交部|发言人); not
    # one glued to a name before it (one-character country abbreviations run together)
    foreign_at = {c.start for c in st.candidates if c.type == "Country" and c.key != CHINA_KEY}
    if foreign_at:
        foreign_at -= {c.end for c in st.candidates}
    for owner in list(owners.values()):
        # China's posts are read with Chinese names only
        if owner.key == CHINA_KEY or not (
            owner.type in ("Country", "Organization")
            or (owner.type == "GovernmentBody" and owner.start in foreign_at)
        ):
            continue
        pos = owner.end
        pending: list[tuple[str, Mention | None]] = []
        while True:
            gap = POST_GAP.match(norm, pos).end() if norm.startswith("第", pos) else pos
            # a former or sitting holder (某国前首相某某): the word is the post's
            f = _FORMER.match(norm, gap)
            at = f.end() if f else gap
            if at >= len(norm) or not is_cjk(norm[at]):
                break
            m = res.foreign_post.match(norm, at) if norm[at] in res.fp_first else None
            org: Mention | None = owner
            if m is None:
                m, org = post_after_body(res, st, gap, owner, ends)
                if m is None:
                    break
            pending.append((st.text[(gap if f and m.start() == at else m.start()) : m.end()], org))
            ns = m.end()
            if ns < len(norm) and norm[ns] == "、":
                pos = ns + 1  # 国家元首、部长会议主席: another post, one name
                continue
            if ns in taken or ns not in st.tok_starts:
                break
            ne = _verb_cut(res, st, ns, res.foreign.read(norm, ns, st.tok_starts, MAX_DOTTED))
            if ne is None or not foreign_ok(res, st, ns, ne):
                if _noun_or_unknown(st, ns):  # (总统|通话: no name)
                    unread.append((m.start(), ns))
                break
            person = add_person(st, names, ns, ne)
            taken.add(ns)
            for post, org in pending:
                st.posts.append(PostMention(person, post, org, st.sent_of(ns)))
            pending = []
            if ne < len(norm) and norm[ne] == "、":
                pos = ne + 1  # 、总理乙: the same country's next post
                continue
            break
    return unread


#: jieba's tags of a verb, an adverb, a preposition or a bound morpheme
_VERB_TAGS = frozenset("vdpz")
#: how much likelier a character must end another word than a name (``end_ratio``) for
#: a one-character word after a name read to be cut off (窜, 互, 称: verbs glued to it)
_VERB_END = 0.5


def _verb_cut(res: PersonResources, st, ns: int, ne: int | None) -> int | None:
    """``ne`` less a last word of one character that ends other words far more often than
    names and that jieba tags as a verb, adverb, preposition or bound morpheme
    (某某某|窜访, 某某某|互致贺电: jieba left it alone after the name), when two
    characters stay.

    >>> from types import SimpleNamespace
    >>> st = SimpleNamespace(norm="某某某窜访", tok_starts={0, 3})
    >>> ratio = lambda r: SimpleNamespace(model=SimpleNamespace(end_ratio=lambda ch: r))
    >>> _verb_cut(ratio(0.9), st, 0, 4), _verb_cut(ratio(0.1), st, 0, 4)
    (3, 4)
    """
    if ne is None or ne - ns < 3 or ne - 1 not in st.tok_starts:
        return ne
    ch = st.norm[ne - 1]
    verb = jieba_tags().get(ch, "n")[:1] in _VERB_TAGS  # 班 (a noun) ends 某尔班
    return ne - 1 if verb and res.model.end_ratio(ch) >= _VERB_END else ne


def _noun_or_unknown(st, ns: int) -> bool:
    """The word at ``ns`` is one of two characters or more that jieba's dictionary lacks
    or tags as a noun or a name (a name it has as a common word: 某某某某 n)."""
    from kg.nlp.components.lac_names import word_tag

    norm = st.norm
    k = ns + 1
    while k < len(norm) and k not in st.tok_starts:
        k += 1
    tag = word_tag(norm[ns:k])
    return k - ns >= 2 and (tag is None or tag[0] == "n")


def post_after_body(
    res: PersonResources, st, pos: int, owner: Mention, ends: ByEnd
) -> tuple[re.Match | None, Mention | None]:
    """A foreign post after a body of the owner's (众议院议长, 执行委员会主席): the
    body known (a candidate) or a run of two to fourteen characters ending in a body's
    head word. The post's owner is the body when it is a candidate, else the country
    (an organisation's unknown sub-body is not the organisation: no owner)."""
    norm = st.norm
    m = None
    for h in _BODY_HEAD.finditer(norm, pos + 1, pos + 16):
        m = res.foreign_post.match(norm, h.end())
        if m is not None:
            break
    if m is None:
        return None, owner
    between = norm[pos : m.start()]
    body = ends.get(m.start())
    if body is not None and body.start >= pos - len(owner.text) and body.start <= pos:
        return m, body
    if (
        len(between) <= 14
        and all(is_cjk(ch) for ch in between)
        and between.endswith(_BODY_HEADS)
        and not any(ch in "的和与及在对为是" for ch in between)
    ):
        return m, owner if owner.type == "Country" else None
    return None, owner


def foreign_ok(res: PersonResources, st, ns: int, ne: int) -> bool:
    name = st.norm[ns:ne]
    return (
        res.gaz.lookup(name) is None
        and name not in res.gaz.not_entities
        and ne in st.tok_ends
        and not res.any_post.fullmatch(name)
    )


def foreign_word_name(res: PersonResources, st, names: Names, taken: set[int], h: int) -> None:
    """A transliterated name right before a strong cue (某某某表示): the word ending at
    ``h``, a name of jieba's dictionary or a word its HMM made, of three or more
    characters that are transliterations' (:meth:`NameModel.foreign_ratio`), opening
    a clause (punctuation, white space or a function character before it)."""
    norm, starts = st.norm, st.tok_starts
    i = h - 1
    while i > 0 and i not in starts:
        i -= 1
    w = norm[i:h]
    if h not in starts and not (
        h + 1 in starts and norm[h] == "说" and not res.name_words.freq.get(w + "说")
    ):
        return  # the cue must start a word, or be 说 glued to an unknown one
    if (
        len(w) < 3
        or i in taken
        or not all(is_cjk(ch) for ch in w)
        or (i > 0 and is_cjk(norm[i - 1]) and norm[i - 1] not in FUNCTION_CHARS)
        or res.model.foreign_ratio(w) < CUED_FOREIGN
        or not (w in res.foreign_nr or not res.name_words.freq.get(w))
        or (w[-1] in NOT_NAME_END and w[-1] != "科")  # 某某延科 is a name's end
        or res.gaz.lookup(w) is not None
        or w in res.gaz.not_entities
        or res.any_post.search(w)
    ):
        return
    add_person(st, names, i, h)
    taken.add(i)


def _named_after(res: PersonResources, word: str, s: int, d: int) -> bool:
    """A known place's name right before a middle dot that is a transliteration (a city
    of the world list that is a given name too: 某某某某·某某): the name's first part."""
    e = res.gaz.lookup(word)
    return (
        s == d
        and e is not None
        and e.type == "Location"
        and len(word) >= 3
        and res.model.foreign_ratio(word) >= FOREIGN
    )


def dotted_names(res: PersonResources, st, names: Names, taken: set[int]) -> None:
    """Transliterated names with a middle dot and no post (某某·某某某说): the words
    before the dot that may belong to a name (no verb, noun, function word, post or
    known place: :class:`ForeignNameReader`'s stop words), at most two words and six
    characters, then the name read on from there."""
    norm, starts = st.norm, st.tok_starts
    n = len(norm)
    stops = res.foreign.stops
    inside = bytearray(n + 1)  # the dots of a name found: no second name from them
    for c in st.candidates:
        if c.type == "Person":
            inside[c.start : c.end] = b"\x01" * (c.end - c.start)
    for dot in DOTS:
        d = norm.find(dot)
        while d > 0:
            if d + 1 < n and is_cjk(norm[d - 1]) and is_cjk(norm[d + 1]) and not inside[d]:
                s = d
                for _ in range(2):
                    if s == 0:
                        break
                    t = s - 1
                    while t > 0 and t not in starts:
                        t -= 1
                    word = norm[t:s]
                    if (
                        d - t > 6
                        or not all(is_cjk(ch) for ch in word)
                        or word in stops
                        or (
                            len(word) == 1
                            and (word in FUNCTION_CHARS or word in "上下中里内外前后")
                        )
                        or res.any_post.search(word)
                        or (res.gaz.lookup(word) is not None and not _named_after(res, word, s, d))
                        # a common word the dictionary tags as a name (顾问 nr)
                        or (
                            word in res.not_names
                            and res.name_words.freq.get(word, 0) >= _COMMON_WORD_FREQ
                        )
                    ):
                        break
                    s = t
                if s < d and s not in taken:
                    ne = res.foreign.read(norm, s, starts, MAX_DOTTED)
                    # a transliteration the reader stopped at goes on (某某·某某|洛维奇)
                    while ne is not None and ne < n and is_cjk(norm[ne]):
                        k = ne + 1
                        while k < n and k not in starts:
                            k += 1
                        if (
                            k - ne < 2
                            or norm[ne:k] in stops  # 今天, 回国
                            or res.model.foreign_ratio(norm[ne:k]) < FOREIGN
                        ):
                            break
                        ne = k
                    # …and stops where two characters after the last dot are
                    # Chinese words' rather than names' (某某·某某|手持鲜花)
                    trimmed = False
                    if ne is not None:
                        fr = res.model.foreign
                        k = max(norm.rfind(ch, s, ne) for ch in DOTS) + 3
                        while k + 1 < ne:
                            if fr.get(norm[k], 0.0) < -0.5 and fr.get(norm[k + 1], 0.0) < -0.5:
                                ne, trimmed = k, True
                                break
                            k += 1
                    # a verb of appointment glued to the name (某某·某某任|部长)
                    if (
                        ne is not None
                        and ne - 1 > d + 1
                        and norm[ne - 1] in "任为"
                        and ne < n
                        and is_cjk(norm[ne])
                    ):
                        ne, trimmed = ne - 1, True
                    name = norm[s:ne] if ne is not None else ""
                    bare = "".join(ch for ch in name if ch not in DOTS)
                    if (
                        ne is not None
                        and name
                        and ne > d + 1
                        # not inside a word (阿不|都), unless cut off above
                        and (ne in starts or ne >= n or trimmed or norm[ne] in "说称")
                        and name[-1] not in NOT_NAME_END
                        and not name.endswith(ORG_HEADS)
                        # transliterated: its characters are names' more than words'
                        and res.model.foreign_ratio(bare) > 0
                        and res.gaz.lookup(name) is None
                        and name not in res.gaz.not_entities
                        # a quoted name is a title or a ship's (“某某·某某”号)
                        and not (s > 0 and norm[s - 1] in '“"《')
                    ):
                        add_person(st, names, s, ne)
                        taken.add(s)
                        inside[s:ne] = b"\x01" * (ne - s)
            d = norm.find(dot, d + 1)
