"""Offices read as posts, not bodies.

A body's name that is a post title (国家主席), or a country's name and a post
(中华人民共和国主席), names an office: the body candidate is dropped (the post rules
read the title), and a country's name before the post stays as the Country.
"""

from __future__ import annotations

from kg.model import Mention
from kg.nlp.components.persons.resources import PersonResources


def drop_offices(res: PersonResources, st) -> None:
    """An office is no body: a body name that is a post title (国家主席), or a country's
    name and a post (中华人民共和国主席), is read as a post."""
    drop, add = set(), []
    ends = res.post_ends
    for m in st.candidates:
        if m.type not in ("GovernmentBody", "Ministry") or m.end - m.start < 2:
            continue
        t = st.norm[m.start : m.end]
        if t[-2:] not in ends and t[-1] not in ends:
            continue  # no post ends the name (most bodies)
        if t in res.posts:
            drop.add(id(m))
            continue
        for k in range(len(t) - 1, 1, -1):
            if t[k:] in res.posts:
                e = res.gaz.lookup(t[:k])
                if e is not None and e.type == "Country":
                    drop.add(id(m))
                    a, b = m.start, m.start + k
                    add.append(Mention(a, b, st.text[a:b], "Country", e.id, e.name, m.rule))
                    break
    if drop:
        st.candidates[:] = [m for m in st.candidates if id(m) not in drop]
    st.candidates.extend(add)
