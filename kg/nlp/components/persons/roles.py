"""Names right after a word for a person's role or trade that is no post (职工某某某,
选手某某, 村民某某): LAC reads them as it reads the names after posts.

A role says that a person follows, not who: the rules find no cue there, and the word
after may be any word that opens with a surname's character. Where the word after opens
with a surname and may open a name (:func:`~kg.nlp.components.persons.posts.may_open_name`),
LAC reads the role and :data:`~kg.nlp.components.lac_names.WINDOW` characters after it
(:meth:`~kg.nlp.components.lac_names.LacNames.after_posts`); its ``PER`` word that starts
where the role ends is the name. A role is no post: no ``holdsPost`` follows from it. No
window in a statute's text (the caller's test).

>>> from kg.spans import entity_spans
>>> spans = next(entity_spans(["我们坐上农民孙明海的拖拉机去了镇上。"], nominal=False))
>>> [s["text"] for s in spans if s["type"] == "Person"]
['孙明海']
"""

from __future__ import annotations

from kg.nlp.components.persons.common import Names, Spans, add_person
from kg.nlp.components.persons.lac import lac_accept
from kg.nlp.components.persons.posts import may_open_name
from kg.nlp.components.persons.resources import PersonResources

#: the longest role word (``roles.txt``: two or three characters)
_LONGEST = 3


def role_names(res: PersonResources, st, names: Names, foreign: Spans = ()) -> None:
    """Persons right after a role word (see the module doc); ``foreign``: the name
    model's transliteration-like words, read after a role as after a post (候选人某某某:
    a foreign name opens with no surname)."""
    norm, roles = st.norm, res.roles
    starts: list[tuple[int, int]] = []
    for i, _ in foreign:
        for k in range(max(0, i - _LONGEST), i - 1):
            if k in st.tok_starts and norm[k:i] in roles:
                starts.append((k, i))
                break
    # by a role's last character (an agent suffix: 员, 民, 手…) with a surname after it:
    # one scan in C, work in proportion to those, not to the number of roles
    for m in res.role_end.finditer(norm, 1):
        ns = m.end()
        if ns in st.tok_starts:
            for i in range(max(0, ns - _LONGEST), ns - 1):
                if i in st.tok_starts and norm[i:ns] in roles:
                    if may_open_name(st, ns):
                        starts.append((i, ns))
                    break
    if not starts:
        return
    covered = bytearray(len(norm) + 1)
    for c in st.candidates:
        covered[c.start : c.end] = b"\x01" * (c.end - c.start)

    def accept(s: int, e: int, noun_after: bool) -> bool:
        return not any(covered[s:e]) and lac_accept(res, st, s, e, noun_after, True)

    seen: set[str] = set()
    todo = []
    for ps, ns in sorted(starts):
        key = norm[ns : ns + 4]
        # a name found elsewhere in the document is found here again later
        if covered[ns] or key in seen or any(norm.startswith(n, ns) for n in names):
            continue
        seen.add(key)
        todo.append((ps, ns))
    for _, s, e in res.lac_names.after_posts(st, todo, accept):
        add_person(st, names, s, e)
        covered[s:e] = b"\x01" * (e - s)
