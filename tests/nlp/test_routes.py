"""The two routes of ``kg.nlp.segment`` (Python for a process's first characters, then
compiled: ``kg.nlp.routes``) give exactly jieba_next's words: on laws of
``../shared/corpus``, on text with every kind of character jieba treats apart, on random
text, after the dictionary changes and with a trie taken from a snapshot."""

from __future__ import annotations

import math
import pickle
import random
import types

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.nlp import segment
from kg.nlp.routes import Trie, freq_route
from kg.nlp.segment import cut_lengths
from tests.corpus import law_texts

jieba_next = pytest.importorskip("jieba_next")

#: letters and digits in a block, "\r\n", other spaces, symbols inside a block
#: (+#&._%), a character beyond the BMP, a long Latin run, traditional characters
MIXED = (
    "某某市人民政府2025年工作报告\r\n  一、过去一年的工作：GDP增长5.2%，C++与C#课程、"
    "R&D投入、a_b.c文件；𠀀字与𪚥字不在词典里。"
    + "x" * 300
    + "萬物生長，國務院辦公廳印發通知。\t某甲乙丙丁戊己庚辛壬癸"
)


def _lengths(seg, text: str) -> list[int]:
    return [len(w) for w in seg.cut(text)]


@pytest.fixture(params=["python", "compiled"])
def route(request, monkeypatch) -> str:
    """Which route ``cut_lengths`` takes (switched by the characters cut so far)."""
    monkeypatch.setattr(segment, "COMPILED_AFTER", 0 if request.param == "compiled" else 10**12)
    return request.param


def test_both_routes_give_jieba_next_lengths_onlaw_texts(route) -> None:
    texts = law_texts(8, 21)
    for text in texts:
        assert cut_lengths(jieba_next, text).tolist() == _lengths(jieba_next, text)


def test_both_routes_give_jieba_next_lengths_on_every_kind_of_character(route) -> None:
    for text in (MIXED, MIXED * 3, "", "字", "\r\n", "ab", "𠀀𠀀"):
        assert cut_lengths(jieba_next, text).tolist() == _lengths(jieba_next, text), text


ALPHABET = (
    "国务院办公厅关于印发通知的人民政府工作报告发展改革委员会年月日某甲乙丙丁ab12.%\r\n，。 𠀀"[:60]
)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=80))
def test_the_compiled_route_gives_jieba_next_lengths_on_random_text(text: str) -> None:
    # random mixes of words, prefixes, runs for the HMM and separators
    compiled_after, segment.COMPILED_AFTER = segment.COMPILED_AFTER, 0  # (no fixture: hypothesis)
    try:
        assert cut_lengths(jieba_next, text).tolist() == _lengths(jieba_next, text)
    finally:
        segment.COMPILED_AFTER = compiled_after


def _own_segmenter():
    tok = jieba_next.Tokenizer()  # its own dictionary: the pipeline's stays as it is
    tok.initialize()
    return types.SimpleNamespace(dt=tok, cut=tok.cut)


def test_a_word_added_changes_the_compiled_cut(monkeypatch) -> None:
    monkeypatch.setattr(segment, "COMPILED_AFTER", 0)
    seg = _own_segmenter()
    text = "本条例由示范区管委会负责解释。"
    before = cut_lengths(seg, text).tolist()
    seg.dt.add_word("示范区管委会", freq=50000)
    after = cut_lengths(seg, text).tolist()
    assert after != before and 6 in after
    assert after == _lengths(seg.dt, text)
    seg.dt.add_word("负责解释", freq=0)  # frequency 0: split by force
    assert cut_lengths(seg, text).tolist() == _lengths(seg.dt, text)


def test_the_python_route_does_not_build_jieba_nexts_prefix_table(monkeypatch) -> None:
    monkeypatch.setattr(segment, "COMPILED_AFTER", 10**12)
    seg = _own_segmenter()
    seg.dt._rust_prefix = None
    assert cut_lengths(seg, MIXED).tolist() == [len(w) for w in segment.cut_words(seg, MIXED)]
    assert seg.dt._rust_prefix is None  # ~50 MB and 0.17 s a process: not needed


def test_the_route_over_freq_and_over_the_trie_are_jieba_nexts_on_law_sentences() -> None:
    # the one route in Python (best_route) through both of its dictionary walks: FREQ's
    # (a process's first characters) and the trie's (a restored pipeline's), block by
    # block of 300 sentences of 20 laws, against jieba_next's own (Rust) route
    seg = _own_segmenter()
    dt = seg.dt
    trie, logtotal = Trie.from_freq(dt.FREQ, dt.total), math.log(dt.total)
    sentences = [s for text in law_texts(20, 5) for s in text.split("。") if s.strip()]
    blocks = 0
    for sentence in random.Random(5).sample(sentences, 300):
        for blk in jieba_next.tokenizer.re_han_default.split(sentence)[1::2]:
            jieba = dt._route_from_rust(blk)[: len(blk)]  # (and a last 0 for the end)
            assert freq_route(blk, dt.FREQ.get, logtotal) == jieba, blk
            assert trie.route(blk) == jieba, blk
            blocks += 1
    assert blocks > 300


def test_at_most_twelve_words_start_at_one_character(route) -> None:
    # jieba_next's route keeps the first 12 words starting at a character: a longer
    # thirteenth is not seen, however frequent
    seg = _own_segmenter()
    text = "甲乙丙丁戊己庚辛壬癸子丑寅卯"
    for n in range(2, 15):
        seg.dt.add_word(text[:n], freq=10**7 if n == 14 else 1)
    assert cut_lengths(seg, text).tolist() == _lengths(seg.dt, text) == [10, 4]


def test_a_word_deleted_added_and_deleted_again_is_cut_as_jieba_next_cuts(route) -> None:
    # the last del_word changes neither FREQ's length, nor total, nor the force-split set
    seg = _own_segmenter()
    text = "国务院办公厅印发通知"
    seg.dt.del_word("印发通知")
    seg.dt.add_word("印发通知", freq=100000)
    assert cut_lengths(seg, text).tolist() == _lengths(seg.dt, text)
    seg.dt.del_word("印发通知")
    assert cut_lengths(seg, text).tolist() == _lengths(seg.dt, text)


def test_odd_words_are_cut_as_jieba_next_cuts_them(route) -> None:
    seg = _own_segmenter()
    seg.dt.add_word("")  # never looked up
    seg.dt.add_word("示范区", freq=-1)  # no route through it, but a word as a run
    for text in ("示范区管委会", "国务院\ud800印发", "某示范区"):
        assert cut_lengths(seg, text).tolist() == _lengths(seg.dt, text), text


def test_the_kernels_block_characters_are_jieba_nexts() -> None:
    import re

    import numpy as np

    from kg.nlp.route_kernel import is_block

    block = re.compile(jieba_next.tokenizer.re_han_default.pattern.strip("()"))
    codes = [*range(0x10000), *range(0x10000, 0x110000, 97)]  # beyond the BMP: a sample
    ours = [bool(is_block(np.uint32(c))) for c in codes]
    assert ours == [bool(block.fullmatch(chr(c))) for c in codes]


def test_a_numba_that_cannot_load_leaves_the_cut_to_python(monkeypatch, caplog) -> None:
    from kg.nlp import routes

    def broken() -> None:
        raise RuntimeError("cannot cache function: no locator available")

    monkeypatch.setattr(routes, "compile_ahead", broken)
    monkeypatch.setattr(segment, "COMPILED_AFTER", 0)
    segment.forget_state()  # as a new process: numba not tried yet
    try:
        seg = _own_segmenter()
        assert cut_lengths(seg, MIXED).tolist() == _lengths(seg.dt, MIXED)
        assert "unavailable" in caplog.text
        caplog.clear()
        assert cut_lengths(seg, MIXED).tolist() == _lengths(seg.dt, MIXED)
        assert "unavailable" not in caplog.text  # tried once a process
    finally:
        segment.forget_state()  # the next test loads it again


def test_a_trie_from_a_snapshot_is_used_as_it_is(monkeypatch) -> None:
    monkeypatch.setattr(segment, "COMPILED_AFTER", 0)
    seg = _own_segmenter()
    trie = pickle.loads(pickle.dumps(segment.trie_of(seg)))  # as restore_snapshot has it
    segment.forget_state()  # a new process's state
    segment.adopt_trie(seg, trie)
    assert segment.trie_of(seg) is trie
    assert cut_lengths(seg, MIXED).tolist() == _lengths(seg.dt, MIXED)
    seg.dt.add_word("某某示范区", freq=10)  # another dictionary: not that trie
    assert segment.trie_of(seg) is not trie


def test_a_snapshots_trie_is_not_used_after_a_word_is_deleted(monkeypatch) -> None:
    monkeypatch.setattr(segment, "COMPILED_AFTER", 0)
    seg = _own_segmenter()
    trie = pickle.loads(pickle.dumps(segment.trie_of(seg)))
    segment.forget_state()
    segment.adopt_trie(seg, trie)
    seg.dt.del_word("国务院办公厅")
    text = "国务院办公厅印发通知"
    assert cut_lengths(seg, text).tolist() == _lengths(seg.dt, text)
    assert segment.trie_of(seg) is not trie


def test_a_key_without_its_prefix_leaves_the_dictionary_to_the_python_route(monkeypatch) -> None:
    # only a FREQ edited by hand has one (jieba's loader and add_word add every prefix):
    # jieba's Python walk stops at "乙", jieba_next's does not; kg's Python route is
    # jieba's there, and the compiled route is not used
    with pytest.raises(ValueError):
        Trie.from_freq({"甲": 3, "甲乙": 5, "乙丙": 7}, 20)
    monkeypatch.setattr(segment, "COMPILED_AFTER", 0)
    seg = _own_segmenter()
    seg.dt.FREQ["乙丙"] = 7
    seg.dt.FREQ.pop("乙", None)
    assert segment.trie_of(seg) is None
    assert cut_lengths(seg, "甲乙乙丙，乙丙丁").tolist()  # cut all the same
