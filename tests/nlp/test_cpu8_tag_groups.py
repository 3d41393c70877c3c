"""The constructors' word lists from jieba's tag table, walked by tag
(:func:`kg.nlp.text.jieba_tag_groups`), are those of one walk over every word."""

from __future__ import annotations

from kg.nlp.text import jieba_tag_groups, jieba_tags, tagged_words, tags_starting


def test_groups_cover_the_table_in_order():
    tags = jieba_tags()
    groups = jieba_tag_groups()
    assert sum(map(len, groups.values())) == len(tags)
    for tag, words in groups.items():
        assert words == tuple(w for w, t in tags.items() if t == tag)
    assert jieba_tag_groups() is groups  # one pass per table


def test_groups_are_read_only():
    import pytest

    groups = jieba_tag_groups()
    with pytest.raises(TypeError):
        groups["n"] = ()  # type: ignore[index]
    assert isinstance(groups["n"], tuple)


def test_tagged_words_and_tag_prefixes():
    tags = jieba_tags()
    assert set(tagged_words(("v", "d"))) == {w for w, t in tags.items() if t in ("v", "d")}
    assert set(tags_starting("nr")) == {t for t in tags.values() if t.startswith("nr")}
    assert list(tagged_words(("no such tag",))) == []


def test_organ_dictionary_words_as_one_walk():
    from kg.nlp.organs.dictionary import BAD_TAGS, UNIT_CHARS, dictionary_words

    bad, unit, places = set(), {}, set()
    for w, tag in jieba_tags().items():
        if len(w) <= 4 and tag.startswith(BAD_TAGS):
            bad.add(w)
        if len(w) >= 2 and w[-1] in UNIT_CHARS:
            unit[w] = tag
        if 2 <= len(w) <= 3 and tag == "ns":
            places.add(w)
    assert dictionary_words() == (bad, unit, places)


def test_person_dictionary_sets_as_one_walk():
    from kg.nlp.components.persons.resources import dictionary_sets

    surnames = frozenset({"王", "李", "高", "许", "欧阳"})
    out, common = set(), set()
    for w, tag in jieba_tags().items():
        if len(w) > 4:
            continue
        if len(w) <= 2 and not tag.startswith("nr"):
            common.add(w)
        if tag.startswith("nr") and not (tag == "nr" and len(w) == 2):
            continue
        if len(w) >= 2 and (w[0] in surnames or w[:2] in surnames):
            out.add(w)
    assert dictionary_sets(surnames) == (out, common)


def test_head_words_as_one_walk():
    from kg.nlp.components.heads.words import CUT_TAGS, NOT_CUT, dictionary_words, verb_openers

    cut, verbs, adverbs = set(), set(), set()
    for w, tag in jieba_tags().items():
        if len(w) <= 4:
            if tag in CUT_TAGS:
                cut.add(w)
                if tag == "d":
                    adverbs.add(w)
            elif tag == "v":
                verbs.add(w)
    assert dictionary_words() == (cut - NOT_CUT, verbs, adverbs)
    assert verb_openers() == {
        w for w, t in jieba_tags().items() if len(w) == 2 and t in ("v", "d", "ad", "vd", "a")
    }
