"""``kg.nlp.segment.cut_lengths`` (the lean tokenizer's words, as lengths, with a cache of
the blocks and HMM runs cut before) gives exactly the lengths of jieba_next's words: on
laws of ``../shared/corpus``, cut twice (the second time from the cache), with a cache that
fills and starts again, and after the dictionary changes."""

from __future__ import annotations

import types

import pytest

from kg.nlp import segment
from kg.nlp.segment import cut_lengths, cut_words
from kg.nlp.text import simplified
from tests.corpus import law_texts, report_1954

jieba_next = pytest.importorskip("jieba_next")


def _lengths(seg, text: str) -> list[int]:
    return [len(w) for w in seg.cut(text)]


def test_laws_cut_twice_give_jieba_next_lengths() -> None:
    texts = law_texts(10, 5)
    expected = [_lengths(jieba_next, t) for t in texts]
    for _ in range(2):  # the second pass reads the blocks from the cache
        assert [cut_lengths(jieba_next, t).tolist() for t in texts] == expected
    assert [cut_words(jieba_next, t) for t in texts] == [list(jieba_next.cut(t)) for t in texts]


def test_a_cache_that_fills_and_starts_again_gives_the_same_lengths(monkeypatch) -> None:
    monkeypatch.setattr(segment, "MAX_CACHED", 50)
    monkeypatch.setattr(segment, "MAX_CACHED_LEN", 8)  # long blocks and runs: not cached
    texts = law_texts(4, 9)
    crlf = texts[0].replace("\n", "\r\n")
    for text in [*texts, *texts, crlf, crlf]:
        assert cut_lengths(jieba_next, text).tolist() == _lengths(jieba_next, text)


def test_traditional_text_is_cut_like_its_simplified_form() -> None:
    text = report_1954()
    assert cut_lengths(jieba_next, simplified(text)).tolist() == _lengths(
        jieba_next, simplified(text)
    )


def test_a_word_added_after_a_block_was_cached_changes_its_cut() -> None:
    tok = jieba_next.Tokenizer()  # its own dictionary: the pipeline's stays as it is
    seg = types.SimpleNamespace(dt=tok, cut=tok.cut)
    text = "本法自公布之日起施行，由示范区管委会负责解释。"
    before = cut_lengths(seg, text).tolist()
    assert before == _lengths(tok, text) == cut_lengths(seg, text).tolist()  # cached
    tok.add_word("示范区管委会", 100000)
    after = cut_lengths(seg, text).tolist()
    assert after == _lengths(tok, text) and after != before
    cut_lengths(jieba_next, text)  # another dictionary in between
    assert cut_lengths(seg, text).tolist() == after


def test_words_of_256_characters_and_more() -> None:
    # an HMM run of letters and digits is one word however long (lengths above a byte)
    for k in (255, 256, 700):
        text = "编号为" + "A1" * k + "的文件。" + "b" * (k + 1) + "，另附" + "中" * 3
        assert cut_lengths(jieba_next, text).tolist() == _lengths(jieba_next, text)
        assert cut_words(jieba_next, text) == list(jieba_next.cut(text))
    assert max(_lengths(jieba_next, text)) >= 1400


def test_words_that_do_not_cut_the_text_give_none() -> None:
    seg = types.SimpleNamespace(cut=lambda text, cut_all: iter(["工信部", "", "表示"]))
    assert cut_lengths(seg, "工信部表示").tolist() == [3, 2]
    assert cut_lengths(seg, "工信部也表示") is None
