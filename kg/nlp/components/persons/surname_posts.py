"""A leader called by surname and post (毛主席, 周总理, 王部长): the document's one person
of that surname.

The older work reports name the state's leaders so, far more often than in full (one
report of the 1970s says 毛主席 some eighty times and 毛泽东 only inside 毛泽东思想); news
does it too (某主席 after 某某某主席). A surname alone names no one, so the short form is
read only when the document names exactly one person of that surname (a name the other
person rules found): it is then that person's mention. A surname and a post is no name of
its own (``common.plausible_name`` refuses 周|总理), so nothing else reads these words.

>>> sorted(OFFICE_ENDS)[:3]
['主任', '主席', '书记']
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import Mention
from kg.nlp.components.persons.common import Names
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.components.persons.words import FUNCTION_CHARS, PROVINCE_ABBR
from kg.nlp.gazetteer import ONTOLOGY_DIR, read_lines

#: how the posts of office end (部长, 省长, 主席, 总理, 书记, 总司令…): a person is called
#: by surname and such a post; not 记者, 教授, 律师 (a credit or a trade, not an office)
OFFICE_ENDS = frozenset({"长", "主席", "总理", "书记", "主任", "司令", "政委", "总统", "首相"})


@lru_cache(maxsize=1)
def not_surnames() -> frozenset[str]:
    """Characters that open these words as something else than a surname: a function
    word (和|秘书长, 向|总统), a country's or a province's one-character abbreviation
    (韩|总统, the state's president; 鲁|省长)."""
    rows = read_lines(ONTOLOGY_DIR / "lexicon" / "country_abbr.tsv")
    abbr = {r.split("\t")[0].strip() for r in rows}
    return frozenset(FUNCTION_CHARS | PROVINCE_ABBR | {a for a in abbr if len(a) == 1})


def office_posts(res: PersonResources) -> tuple[str, ...]:
    """The posts of office among the posts, longest first (副总理 before 总理)."""
    posts = [
        p for p in res.posts if p not in res.credits and any(p.endswith(x) for x in OFFICE_ENDS)
    ]
    return tuple(sorted(posts, key=len, reverse=True))


#: the pattern of the posts of office, by the identity of the posts it was built from
_PATTERNS: dict[int, re.Pattern] = {}


def _office_pattern(res: PersonResources) -> re.Pattern:
    pat = _PATTERNS.get(id(res.posts))
    if pat is None:
        alt = "|".join(map(re.escape, office_posts(res)))
        pat = _PATTERNS[id(res.posts)] = re.compile(alt or "(?!)")
    return pat


def surname_posts(res: PersonResources, st, names: Names) -> None:
    """Each surname (one character, a word's start) + a post of office ending a word
    (毛|主席 or 毛主席 as one word, 周总理), in a document that names one person of that
    surname: a mention of that person, keyed and labelled as the full name."""
    norm = st.norm
    persons: dict[str, set[str]] = {}  # surname → the labels of the persons with it
    keys: dict[str, str] = dict(names)
    skip = not_surnames()
    for c in st.candidates:
        if c.type == "Person":
            keys.setdefault(c.label, c.key)
    for label in keys:
        if 2 <= len(label) <= 3 and label[0] in res.surnames and label[0] not in skip:
            persons.setdefault(label[0], set()).add(label)
    # two persons of one surname: which one is meant is not said
    one = {sur: next(iter(labels)) for sur, labels in persons.items() if len(labels) == 1}
    if not one:
        return
    taken = {(c.start, c.end) for c in st.candidates if c.type == "Person"}
    post_at = _office_pattern(res).match
    for sur, label in one.items():
        i = norm.find(sur)
        while i >= 0:  # the surname's few places, then a post anchored right after it
            j = i + 1
            m = post_at(norm, j)
            if m is not None:
                e = m.end()
                if (
                    i in st.tok_starts
                    and e in st.tok_ends
                    and (j in st.tok_starts or _one_word(st, i, e))
                    and (i, e) not in taken
                ):
                    st.candidates.append(
                        Mention(i, e, st.text[i:e], "Person", keys[label], label, "person")
                    )
            i = norm.find(sur, j)


def _one_word(st, s: int, e: int) -> bool:
    """Whether jieba's cut holds ``[s, e)`` as one word (毛主席)."""
    return (
        s in st.tok_starts
        and e in st.tok_ends
        and all(k not in st.tok_starts for k in range(s + 1, e))
    )
