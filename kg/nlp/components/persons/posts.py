"""Persons introduced by a post title, and their posts.

某某局总经济师邵景川在… gives the Person 邵景川, the post 总经济师 and, when a body
ends right before the post, the body; posts joined by 、 before one name all count
(中共中央政治局常委、全国政协主席王某), and so does every name of a list after one post
(国务院副总理甲、乙、丙出席). A head of an administrative unit gives the unit's people's
government as the body (江西省省长 X → 江西省人民政府).

>>> _GOV_HEADS["副省长"], POST_GAP.match("第三任首相").group(0)
('省', '第三任')
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import PostMention, open_key
from kg.nlp.components.lac_names import word_tag
from kg.nlp.components.persons.common import ByEnd, Names, Spans, add_person, name_at
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.components.persons.words import FUNCTION_CHARS, NOT_NAME_TAGS

#: ordinals and the like between a country and its post (挪威第三任首相)
POST_GAP = re.compile("(?:第[一二三四五六七八九十]+[世任届代])?")
#: an administrative unit whose head's post makes the unit's people's government the body
#: (江西省省长 X → 江西省人民政府)
_GOV_HEADS = {
    "省长": "省",
    "副省长": "省",
    "市长": "市",
    "副市长": "市",
    "县长": "县",
    "副县长": "县",
    "区长": "区",
    "副区长": "区",
    "州长": "州",
    "副州长": "州",
}


def post_names(
    res: PersonResources, st, names: Names, ends: ByEnd, owners: ByEnd, lac: bool
) -> Spans:
    """Every post with a name and a cue after it: the persons and their posts. Returns
    (``lac``: LAC reads them) the posts with a surname after them but no cue after a
    name, as (post start, name start)."""
    norm = st.norm
    uncued: Spans = []
    for m in post_matches(res, norm):
        ps, pe = m.span(1)
        if norm[ps:pe] in res.credits:
            continue  # 记者 X, 责任编辑：X: by-lines are no persons
        ns = m.end()
        ne = name_at(res, st, ns, len(m.group(2)), res.cue)
        if ne is None:
            if lac and may_open_name(st, ns):
                uncued.append((ps, ns))
            continue
        person = add_person(st, names, ns, ne)
        add_posts(res, st, person, ps, pe, ends, owners)
        # a list of names after one post: 国务院副总理甲、乙、丙出席
        while ne < len(norm) and norm[ne] == "、":
            s = res.sur_at.match(norm, ne + 1)
            ne2 = name_at(res, st, ne + 1, len(s.group(1)), res.cue, strict=False) if s else None
            if ne2 is None:
                break
            other = add_person(st, names, ne + 1, ne2)
            add_posts(res, st, other, ps, pe, ends, owners)
            ne = ne2
    return uncued


def post_matches(res: PersonResources, norm: str) -> list[re.Match]:
    """The matches of ``res.post_re.finditer(norm)``, found from where posts end."""
    ends = res.post_ends
    starts = set()
    for m in res.post_end_re.finditer(norm):
        e = m.end()
        for key in (norm[e - 2 : e], norm[e - 1]) if e >= 2 else (norm[e - 1],):
            for p in ends.get(key, ()):
                if norm.startswith(p, e - len(p)):
                    starts.add(e - len(p))
    out: list[re.Match] = []
    last = 0
    for s in sorted(starts):
        if s >= last:  # finditer's matches do not overlap
            m = res.post_re.match(norm, s)
            if m:
                out.append(m)
                last = m.end()
    return out


def may_open_name(st, ns: int) -> bool:
    """Whether the word at ``ns`` (a surname opens it) may open a name: a word's
    start, no function character (和, 向, 以), no word the dictionary tags as a
    function word, verb or adverb (主席|对于…, 总理|认为…) or a two-character noun."""
    norm, ends = st.norm, st.tok_ends
    if ns not in st.tok_starts or norm[ns] in FUNCTION_CHARS:
        return False
    k = ns + 1
    while k < len(norm) and k not in ends and k - ns < 6:
        k += 1
    if k - ns < 2:
        return True
    tag = word_tag(norm[ns:k]) or "nr"
    # a two-character common noun opens no name (主席|办公室, 总理|官员…)
    return tag[0] not in NOT_NAME_TAGS and not (k - ns == 2 and tag == "n")


def owner(ps: int, pe: int, ends: ByEnd) -> Mention | None:
    """The body that ends where the post starts or inside it (全国政协主席: 全国政协;
    中共中央政治局常委 read as the post 中央政治局常委: 中共中央政治局)."""
    for e in range(pe - 1, ps - 1, -1):
        m = ends.get(e)
        if m is not None and m.start < e:
            return m
    return None


def add_posts(
    res: PersonResources, st, person: Mention, ps: int, pe: int, ends: ByEnd, owners: ByEnd
) -> None:
    """PostMentions of ``person`` for the post at ``[ps, pe)`` and for the posts before
    it joined by 、 (中共中央政治局常委、全国政协主席王某: both)."""
    norm, text = st.norm, st.text
    sent = st.sent_of(person.start)
    while True:
        org = owner(ps, pe, ends)
        start = ps
        if org is None:
            org = owners.get(ps - len(POST_GAP.match(norm, ps).group(0)))
            c = owners.get(ps)
            if c is not None and c.type == "Country":
                org = c
            elif org is None:
                org = local_government(res, st, ps, norm[ps:pe])
        post = text[max(ps, org.end) if org is not None and org.end > ps else ps : pe]
        st.posts.append(PostMention(person, post, org, sent))
        start = org.start if org is not None and org.start < ps else ps
        # another post before, joined by 、
        if start < 2 or norm[start - 1] != "、":
            return
        prev = post_ending(res, norm, start - 1)
        if prev is None:
            return
        ps, pe = prev


def post_ending(res: PersonResources, norm: str, e: int) -> tuple[int, int] | None:
    """The longest post of the list ending at ``e``."""
    keys = (norm[e - 2 : e], norm[e - 1]) if e >= 2 else (norm[e - 1 : e],)
    best = None
    for key in keys:
        for p in res.post_ends.get(key, ()):
            if norm.startswith(p, e - len(p)) and (best is None or len(p) > best):
                best = len(p)
    return (e - best, e) if best else None


def local_government(res: PersonResources, st, ps: int, post: str) -> Mention | None:
    """江西省省长 X: the province's people's government, when the document names it."""
    unit = _GOV_HEADS.get(post)
    if unit is None:
        return None
    for m in st.candidates:
        if m.end == ps and m.type == "Location" and m.label.endswith(unit):
            gov = m.label + "人民政府"
            e = res.gaz.lookup(gov)
            key = e.id if e is not None else open_key("GovernmentBody", gov)
            return Mention(m.start, ps, st.text[m.start : ps], "GovernmentBody", key, gov, "post")
    return None

