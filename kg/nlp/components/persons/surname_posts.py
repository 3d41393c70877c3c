"""A leader called by surname and post (毛主席, 周总理, 王部长): the one person of that
surname whom the document names with that post.

The older work reports name the state's leaders so (毛主席, 周总理); news does it too
(某主席 after 国家主席某某某). A surname and a post name no one of their own, and a wrong
person misleads more than a missed mention, so the short form is read only where the
document names exactly one person of that surname with a compatible post beside the full
name (国务院总理某某 or 某某总理 for 某总理; 副总理 is not 总理), and never

- where a name follows the post (某总统某某某: the surname is a country's short form),
- where the document names a country whose name opens with that character (某国…某总理),
- after a person or a pronoun (某某某任副主席, 由他任组长: 任 is the verb), and 任 + a post
  only at a sentence's start (某某，任组长),
- for a surname that is a function character, inside a clause (代表们和秘书长),
- for a transliterated name (a foreign reader's name has no surname).

A surname and a post is no name of its own (``common.plausible_name`` refuses 周|总理), so
nothing else reads these words.

>>> compatible("国务院总理", "总理"), compatible("副总理", "总理"), compatible("主席", "主席")
(True, False, True)
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.model import CHINA_KEY, Mention
from kg.nlp.components.name_model import FOREIGN
from kg.nlp.components.persons.common import Names
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.components.persons.words import FUNCTION_CHARS
from kg.nlp.text import jieba_tags

#: how the posts of office end (部长, 省长, 主席, 总理, 书记, 总司令…): a person is called
#: by surname and such a post; not 记者, 教授, 律师 (a credit or a trade, not an office)
OFFICE_ENDS = frozenset({"长", "主席", "总理", "书记", "主任", "司令", "政委", "总统", "首相"})
#: pronouns before 任 + a post: the verb (由他任组长)
PRONOUNS = frozenset("他她我你您")
#: jieba's tags of a transliterated name or a place's (普京 is tagged ns)
FOREIGN_TAGS = frozenset({"nrt", "ns"})
#: surnames that are the verb of taking an office before a post (某某任副主席): read only
#: at a sentence's start
OFFICE_VERBS = frozenset("任")
SENTENCE_ENDS = frozenset("。！？；\n")
#: the longest post looked for right before a full name (国务院副总理某某)
_LONGEST_POST = 12


def compatible(named: str, post: str) -> bool:
    """Whether ``post`` (of the short form) is the post ``named`` beside the full name: the
    same, or ``named`` with its body before it and no 副 (国务院总理 → 总理; 副总理 is
    another post)."""
    return named == post or (named.endswith(post) and "副" not in named[: -len(post)])


def office_posts(res: PersonResources) -> tuple[str, ...]:
    """The posts of office among the posts, longest first (副总理 before 总理)."""
    return _office_posts(res.posts, res.credits)


@lru_cache(maxsize=4)
def _office_posts(posts: frozenset[str], credits: frozenset[str]) -> tuple[str, ...]:
    keep = [p for p in posts if p not in credits and any(p.endswith(x) for x in OFFICE_ENDS)]
    return tuple(sorted(keep, key=len, reverse=True))


@lru_cache(maxsize=4)
def _patterns(posts: frozenset[str], credits: frozenset[str]) -> tuple[re.Pattern, re.Pattern]:
    """A post starting at a position, and a post ending a text (longest first)."""
    alt = "|".join(map(re.escape, _office_posts(posts, credits))) or "(?!)"
    return re.compile(alt), re.compile(f"(?:{alt})$")


def surname_posts(res: PersonResources, st, names: Names) -> None:
    """Each surname (one character, a word's start) + a post of office ending a word
    (毛|主席 or 毛主席 as one word, 周总理), where the document names one person of that
    surname with that post (see the module): a mention of that person, keyed and labelled
    as the full name."""
    norm = st.norm
    tags = jieba_tags()
    keys: dict[str, str] = dict(names)
    for c in st.candidates:
        if c.type == "Person":
            keys.setdefault(c.label, c.key)
    # the surname → the persons with it (no transliteration: 普京 has no surname 普)
    holders: dict[str, list[str]] = {}
    for label in keys:
        if (
            2 <= len(label) <= 3
            and label[0] in res.surnames
            and res.model.foreign_ratio(label) < FOREIGN
            and tags.get(label) not in FOREIGN_TAGS
        ):
            holders.setdefault(label[0], []).append(label)
    # a country named opens with the character: it is the country's short form (孟|总理)
    foreign_end = set()
    for c in st.candidates:
        if c.type == "Country":
            holders.pop(c.text[:1], None)
            holders.pop(c.label[:1], None)
            if c.key != CHINA_KEY:
                foreign_end.add(c.end)
    if not holders:
        return
    at, before = _patterns(res.posts, res.credits)
    post_at, post_before = at.match, before.search
    persons = [c for c in st.candidates if c.type == "Person"]
    taken = {(c.start, c.end) for c in persons}
    person_at = {c.start for c in persons}
    person_end = {c.end for c in persons}
    named: dict[str, set[str]] = {}  # a full name → the posts beside it (read when needed)
    for sur, labels in holders.items():
        i = norm.find(sur)
        while i >= 0:  # the surname's few places, then a post anchored right after it
            j = i + 1
            m = post_at(norm, j)
            if m is not None and _short_form(st, i, m.end(), taken, person_at, person_end):
                post = m.group()
                who = [
                    lab
                    for lab in labels
                    if any(
                        compatible(p, post)
                        for p in _posts_beside(st, lab, named, post_at, post_before, foreign_end)
                    )
                ]
                if len(who) == 1:
                    lab = who[0]
                    st.candidates.append(
                        Mention(
                            i, m.end(), st.text[i : m.end()], "Person", keys[lab], lab, "person"
                        )
                    )
            i = norm.find(sur, j)


def _short_form(st, i: int, e: int, taken, person_at, person_end) -> bool:
    """Whether the surname at ``i`` + a post ending at ``e`` may be a short form: whole words
    (毛|主席, 毛主席, 韩副|主席), not read yet, no name after the post, no person or pronoun before
    the surname, a function character only after punctuation."""
    norm = st.norm
    starts, ends = st.tok_starts, st.tok_ends
    if i not in starts or e not in ends or (i, e) in taken or e in person_at:
        return False
    if i > 0 and (norm[i - 1] in PRONOUNS or i in person_end):
        return False  # 任 the verb
    if norm[i] in OFFICE_VERBS:  # 某某任副主席, 某某，任组长: the verb but at a sentence's start
        return i == 0 or norm[i - 1] in SENTENCE_ENDS
    return not (norm[i] in FUNCTION_CHARS and i > 0 and "\u4e00" <= norm[i - 1] <= "\u9fff")


def _posts_beside(st, label: str, named: dict, post_at, post_before, foreign_end) -> set[str]:
    """The posts of office right before or after the full name ``label`` in the text; not
    a foreign state's (某国总统某某: a country's candidate ends at ``foreign_end``)."""
    got = named.get(label)
    if got is None:
        norm = st.norm
        got = named[label] = set()
        i = norm.find(label)
        while i >= 0:
            b = post_before(norm, max(0, i - _LONGEST_POST), i)
            if b is not None and b.start() not in foreign_end:
                got.add(b.group())
            a = post_at(norm, i + len(label))
            if a is not None:
                got.add(a.group())
            i = norm.find(label, i + 1)
    return got
