"""Japanese names before a title or a speech verb (某某首相, 某某某某说).

jieba's dictionary has many Japanese surnames as places or common nouns (山本 and 中村
as places, 木村 as a noun), so neither the name model nor the transliteration reader
takes them. A surname of ``japanese_surnames.txt`` (generated from a Japanese name table
by ``scripts/build_japanese_surnames.py``) that opens a word is a person's name when a
title (首相, 先生: ``titles_after_name.txt``) follows it right away, and, with a given
name of one or two characters after it, when a strong cue or 说/一行 follows the whole
name. The cue is a whole word (not 说 of 说明). The given name is whole words of jieba's
(one word with the surname, or words of their own: 山田|太郎) that are no verb, adverb,
time word or other function word (某某|今天|说 has no given name), no post or title
(某某|主任|说: a surname and a post) and no common noun of jieba's dictionary; the
surname and given name as one word are no common word either (an idiom that opens
with a surname).

>>> from kg.spans import entity_spans
>>> text = "会谈结束后，山田太郎说，双方还将继续磋商。"
>>> [s["text"] for s in next(entity_spans([text], nominal=False)) if s["type"] == "Person"]
['山田太郎']
"""

from __future__ import annotations

from kg.nlp.components.lac_names import word_tag
from kg.nlp.components.persons.common import Names, add_person
from kg.nlp.components.persons.resources import PersonResources
from kg.nlp.components.persons.words import NOT_NAME_TAGS

#: tags of words that are no given name (NOT_NAME_TAGS, and time words: 今天, 昨日)
_NOT_GIVEN = NOT_NAME_TAGS | {"t"}
#: a noun of jieba's dictionary this frequent may be a common word rather than a given
#: name (干部: 9,717; the given names 太郎 and 花子, nouns of its too: 295 and 54)
_COMMON_NOUN_FREQ = 1000
#: Chinese numerals: a date's or a count's digits before a word (五日|下午)
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万两")


def japanese_names(res: PersonResources, st, names: Names) -> None:
    """Persons of a Japanese surname (and given name) that a title or a cue follows,
    where no candidate stands (see the module's docstring)."""
    if not res.japanese_surnames:
        return
    norm, starts = st.norm, st.tok_starts
    taken = bytearray(len(norm) + 1)
    for c in st.candidates:
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
    for m in res.japanese_cue.finditer(norm):
        p = m.start()
        if p < 2 or taken[p - 1] or p not in starts or m.end() not in st.tok_ends:
            continue  # the cue is a word of its own (说 opening 说明 is none)
        titled = res.titles_after.match(norm, p) is not None
        for s in range(max(0, p - 4), p - 1):
            if s not in starts or norm[s : s + 2] not in res.japanese_surnames:
                continue
            # a date before (5日下午: 日下 is a surname too), or a surname that is a
            # pronoun, an adverb… of jieba's (大家)
            if (s and (norm[s - 1].isdigit() or norm[s - 1] in _NUMERALS)) or (
                word_tag(norm[s : s + 2]) or ""
            )[:1] in _NOT_GIVEN:
                continue
            if any(taken[s:p]) or not _given_name(res, st, s + 2, p):
                continue
            if p - s == 2 and not titled:
                continue  # a surname alone: before a title only
            w = norm[s:p]
            if res.gaz.lookup(w) is not None or w in res.gaz.not_entities:
                continue
            add_person(st, names, s, p)
            taken[s:p] = b"\x01" * (p - s)
            break


def _given_name(res: PersonResources, st, i: int, p: int) -> bool:
    """``norm[i:p]`` may be a Japanese given name (or nothing): CJK, ending on a word's
    end, no word of a function class (a word starting at ``i`` counts by its tag), no
    post or title, no common word of jieba's (nor the surname and it as one word)."""
    if i == p:
        return True
    g = st.norm[i:p]
    if not all("\u4e00" <= ch <= "\u9fff" for ch in g):
        return False
    if g in res.posts or res.titles_after.fullmatch(g):
        return False  # a post or a title after the surname (某某|主任, 某某|书记)
    if i in st.tok_starts:
        return not _common_word(res, g)
    if any(k in st.tok_starts for k in range(i - 1, p)):
        return False  # a word cut across the surname's end (上|村干部): no name's part
    return not _common_word(res, st.norm[i - 2 : p])  # one word with the surname


def _common_word(res: PersonResources, w: str) -> bool:
    """A function word, or a common word of jieba's dictionary not tagged a name whose
    characters are likelier in other words than in given names (干部; not 正义 or 太郎,
    nouns of jieba's too: Japanese given names)."""
    tag = word_tag(w) or ""
    if tag[:1] in _NOT_GIVEN:
        return True
    return (
        not tag.startswith("nr")
        and res.name_words.freq.get(w, 0) >= _COMMON_NOUN_FREQ
        and res.model.given_score(w) < 0
    )
