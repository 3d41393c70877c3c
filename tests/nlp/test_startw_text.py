"""kg.nlp.text.word_alternation gives one expression for a set of words, whatever order
they come in (so that kg.nlp.regex_cache finds it compiled in the next process), and
matches what it matched."""

from __future__ import annotations

import itertools
import re

from kg.nlp.text import word_alternation

WORDS = ["规划", "规划纲要", "计划", "工程", "工程师", "条例", "条"]


def test_the_expression_does_not_depend_on_the_order_of_the_words() -> None:
    made = {word_alternation(p) for p in itertools.permutations(WORDS[:5])}
    assert len(made) == 1


def test_it_matches_the_longest_word_first_as_before() -> None:
    rx = re.compile(word_alternation(reversed(WORDS)) + "(?:第|。)")
    text = "实施规划纲要第一条。工程师第二条。计划。"
    longest = re.compile("(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + ")(?:第|。)")
    assert rx.findall(text) == longest.findall(text)
    assert rx.findall(text) == ["规划纲要第", "条。", "工程师第", "条。", "计划。"]
