"""``kg.nlp.wordscan.WordScan`` finds what one ``finditer`` of the words' alternation
finds: with kg_patterns' head words on laws of ``../shared/corpus``, and on made-up words
and texts (words of one to five characters, characters beyond the Basic Multilingual
Plane, words that open other words); and ``PairScan`` what ``finditer`` finds."""

from __future__ import annotations

import random
import re

import pytest

from kg.nlp.text import word_alternation
from kg.nlp.wordscan import PairScan, WordScan
from tests.corpus import CORPUS


def _finditer(words: list[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(word_alternation(words), text)]


def test_head_words_on_laws_as_one_finditer() -> None:
    from kg.nlp.pipeline import get_nlp

    laws = CORPUS / "laws"
    if not laws.exists():
        pytest.skip(f"{laws} not present (the shared corpus sits beside the checkout)")
    heads = [h for h, _ in get_nlp(lean=True).get_pipe("kg_patterns").heads]
    scan = WordScan(heads)
    files = random.Random(3).sample(sorted(laws.rglob("*.md")), 12)
    found = 0
    for p in files:
        text = p.read_text(encoding="utf-8")
        spans = scan.spans(text)
        assert spans == _finditer(heads, text)
        found += len(spans)
    assert found > 100


def test_made_up_words_and_texts() -> None:
    rng = random.Random(7)
    alphabet = "工程计划网络建设行动𠀀𠀁ab"
    for _ in range(200):
        words = ["".join(rng.choices(alphabet, k=rng.randint(1, 5))) for _ in range(8)]
        scan = WordScan(words)
        for _ in range(5):
            text = "".join(rng.choices(alphabet + "，。", k=rng.randint(0, 40)))
            assert scan.spans(text) == _finditer(words, text), (words, text)


def test_the_longest_word_at_the_leftmost_place() -> None:
    scan = WordScan(["工程", "工程师", "程师会", "网"])
    text = "工程师会网工程"
    assert [text[s:e] for s, e in scan.spans(text)] == ["工程师", "网", "工程"]
    assert WordScan([]).spans(text) == [] and scan.spans("") == [] and scan.spans("网") == [(0, 1)]


def test_pair_scan_finds_what_finditer_finds() -> None:
    rng = random.Random(11)
    alphabet = "中美俄日法在访华的，𠀀"
    for _ in range(300):
        a = set(rng.sample(alphabet, 4))
        b = set(rng.sample(alphabet, 4))
        runs = re.compile("[" + "".join(sorted(a)) + "]{2,3}")
        after = re.compile("[" + "".join(sorted(b)) + "]([" + "".join(sorted(a)) + "])")
        scans = [(runs, PairScan(runs, a, a)), (after, PairScan(after, b, a))]
        for _ in range(5):
            text = "".join(rng.choices(alphabet, k=rng.randint(0, 30)))
            for regex, scan in scans:
                got = [(m.span(), m.groups()) for m in scan.finditer(text)]
                assert got == [(m.span(), m.groups()) for m in regex.finditer(text)], text
