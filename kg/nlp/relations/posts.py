"""holdsPost: a person's post in a body.

Two sources: the persons component's ``doc._.kg.posts`` (:class:`PostMention`), and
ORG + post title + PERSON read here (外交部部长王毅, 国务院总理李强), which also merges
the three into one Person unit so the person is the subject of what follows.

>>> from kg.model import Document
>>> from kg.nlp import extract
>>> res = extract(Document("t", "外交部部长王毅出席会议。"))
>>> [(r.pred, r.obj, r.post) for r in res.relations]
[('holdsPost', 'gov/mfa', '部长')]
"""

from __future__ import annotations

from kg.model import Mention, Relation
from kg.nlp.components.base import KGDoc
from kg.nlp.relations.masking import POST_ORGS, Unit
from kg.nlp.relations.reporter import Speaker

#: (person, post title, body, sentence span)
PostRecord = tuple[Mention, str, Mention, tuple[int, int]]


def merge_posts(
    st: KGDoc, units: list[Unit], posts: frozenset[str]
) -> tuple[list[Unit], list[PostRecord]]:
    """ORG + post + PERSON (工业和信息化部总经济师许科敏) becomes one Person unit, and a
    post record for holdsPost."""
    found: list[PostRecord] = []
    if not posts or not any(u.type == "Person" for u in units):
        return units, found
    merged: list[Unit] = []
    for u in units:
        if u.type == "Person" and merged:
            a = merged[-1]
            gap = st.norm[a.end : u.start]
            if a.type in POST_ORGS and 0 < len(gap) <= 12 and gap.strip(" \u3000") in posts:
                merged[-1] = Mention(
                    a.start, u.end, st.text[a.start : u.end], "Person", u.key, u.label, "post"
                )
                found.append((u, gap.strip(" \u3000"), a, st.sent_of(u.start)))
                continue
        merged.append(u)
    return merged, found


def hold_post_relations(
    st: KGDoc, found: list[PostRecord], types: dict[str, str]
) -> list[Relation]:
    """One holdsPost per person, body and sentence, from ``st.posts`` then ``found``."""
    rels = []
    seen = set()
    for person, post, org, (s, e) in [
        (p.person, p.post, p.org, p.sent) for p in st.posts if p.org is not None
    ] + found:
        k = (person.key, org.key, s)
        if k in seen or types.get(org.key, org.type) not in POST_ORGS:
            continue
        seen.add(k)
        rels.append(
            Relation(
                person.key,
                "holdsPost",
                org.key,
                s,
                e,
                st.text[s:e],
                "holdsPost:post",
                0.9,
                post=post,
            )
        )
    return rels


def speaker_post(st: KGDoc, sp: Speaker, rels: list[Relation]) -> list[Relation]:
    """A report's speaker holds the post of the speaker line in its body (unless a post
    title before the name already said so)."""
    assert sp.body is not None
    if any(r.subj == sp.person.key and r.obj == sp.body.key for r in rels):
        return []
    s, e = sp.line
    return [
        Relation(
            sp.person.key,
            "holdsPost",
            sp.body.key,
            s,
            e,
            st.text[s:e],
            "holdsPost:speaker",
            0.9,
            post=sp.post,
        )
    ]
