"""Persons' names that open the name of a doctrine (某某某思想, 某某理论).

A name of jieba's dictionary, or one the name model accepts, as the whole start of the
word before 思想 or 理论 (not 主义: 某某主义 names a school of thought, not a mention of
its founder).

>>> _DOCTRINES
('理论', '思想')
"""

from __future__ import annotations

from kg.nlp.components.names import is_cjk
from kg.nlp.components.persons.common import Names, add_person
from kg.nlp.components.persons.resources import PersonResources

#: the heads of doctrines named after a person (某某某思想, 某某理论; not 主义: 某某主义
#: is the name of a school of thought, not a mention of its founder)
_DOCTRINES = ("理论", "思想")


def names_in_names(res: PersonResources, st, names: Names, taken: set[int]) -> None:
    """A person's name that opens the name of a doctrine (某某某思想, 某某理论): a
    name of jieba's dictionary, or one the name model accepts, as the whole start of
    the word."""
    norm, starts = st.norm, st.tok_starts
    model = res.model
    for suffix in _DOCTRINES:
        i = norm.find(suffix, 2)
        while i >= 0:
            for length in (3, 2, 4):
                ns = i - length
                if ns < 0 or ns not in starts or ns in taken:
                    continue
                w = norm[ns:i]
                sl = model.surname_length(w)
                if not sl or not all(is_cjk(ch) for ch in w):
                    continue
                if (w in res.name_words.nr and length > 2) or (
                    not res.name_words.freq.get(w)
                    and length - sl == 2
                    and model.score(w, sl) >= model.threshold
                ):
                    add_person(st, names, ns, i)
                    taken.add(ns)
                    break
            i = norm.find(suffix, i + 2)
