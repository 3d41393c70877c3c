"""What the person rule families share: adding a Person, and whether a span reads as a name.

A name is a known surname plus one or two characters, whole words of jieba's cut (or the
name then a speech verb jieba glued to it: 周奕说), not a word the dictionary gives
another class (北斗, 智慧, 文明, 中方 are no persons).

>>> from types import SimpleNamespace
>>> st = SimpleNamespace(norm="周奕说，", tok_ends={3, 4})  # jieba: 周奕说|，
>>> ends_name(st, 2), ends_name(st, 1)  # 周奕 + the 说 jieba glued to it; 周|奕说
(True, False)
"""

from __future__ import annotations

import re

from kg.model import Mention
from kg.nlp.components.base import open_key
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.components.persons.words import ROLE_END

#: the persons found in a document: label → key
Names = dict[str, str]
#: candidates (bodies, owners of posts) by their end offset
ByEnd = dict[int, Mention]
#: spans (start, end) of a document's text
Spans = list[tuple[int, int]]


def add_person(st, names: Names, ns: int, ne: int) -> Mention:
    """A Person mention of ``text[ns:ne]`` (its label without inner white space)."""
    text = st.text[ns:ne]
    label = "".join(text.split())
    key = names.setdefault(label, open_key("Person", label))
    person = Mention(ns, ne, text, "Person", key, label, "person")
    st.candidates.append(person)
    return person


def name_at(
    res: PersonResources, st, ns: int, sur_len: int, cue: re.Pattern, strict: bool = True
) -> int | None:
    """End of a plausible name starting at ``ns`` that a cue follows, or None. Given
    names of two and one characters are tried; a cue word beats punctuation, so 周奕说，
    gives 周奕 (+ 说), not 周奕说 (+ ，)."""
    norm = st.norm
    best, best_score = None, 0
    for given in (2, 1):
        ne = ns + sur_len + given
        if ne > len(norm) or not all("\u4e00" <= ch <= "\u9fff" for ch in norm[ns + sur_len : ne]):
            continue
        m = cue.match(norm, ne)
        if not m or not plausible_name(res, st, ns, ne, sur_len, strict):
            continue
        score = 2 if m.end() > ne and "\u4e00" <= norm[ne] <= "\u9fff" else 1
        if score > best_score:
            best, best_score = ne, score
    return best


def ends_name(st, ne: int) -> bool:
    """Whether a name may end at ``ne``: a word's end, the text's, or a speech verb
    jieba glued to the name (周奕说)."""
    if ne in st.tok_ends or ne >= len(st.norm):
        return True
    j = ne + 1
    while j < len(st.norm) and j not in st.tok_ends:
        j += 1
    return st.norm[ne:j] in ("说", "称", "讲", "道")


def plausible_name(
    res: PersonResources, st, ns: int, ne: int, sur_len: int, strict: bool = True
) -> bool:
    """A person's name: whole words, not a known name or generic word, and not a word
    jieba's dictionary gives another class (北斗, 智慧, 文明, 中方 are no persons).
    Not ``strict`` (an item of a list of names), jieba may cut it anywhere (刘国|中)."""
    name = st.norm[ns:ne]
    given = name[sur_len:]
    if ns not in st.tok_starts or name in res.not_names or name[-1] in ROLE_END:
        return False
    if not ends_name(st, ne):
        return False  # the name would end inside a word (周奕|说 as one word is fine)
    if given in res.posts or name[-1] in "说称讲问道":
        return False  # 周|总理; 周奕说 (jieba's one word for name + 说)
    # one word, or the surname as a word of its own and a given name that is no
    # other word of the dictionary (许|科敏, not 和|其他, 向|全党)
    j = ns + 1
    while j < ne and j not in st.tok_starts:
        j += 1
    if strict and j < ne and (j - ns != sur_len or given in res.common):
        return False  # 许多|人
    return res.gaz.lookup(name) is None and name not in res.gaz.not_entities
