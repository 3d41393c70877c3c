"""kg's segmentation (``kg.nlp.segment.cut_words``) and the tokenizer built on it give
exactly jieba_next's words and spaCy's tokens, on real text: the seed documents under
``data/sample`` and, where present, laws and the 1954 work report of ``../shared/corpus``.
"""

from __future__ import annotations

import random
import types
from pathlib import Path

import pytest
from spacy.attrs import IDX, LENGTH, LIKE_NUM, LOWER, NORM, ORTH, SHAPE
from spacy.tokens import Doc

from kg.nlp import get_nlp
from kg.nlp.segment import cut_words
from kg.nlp.text import simplified
from tests.corpus import CORPUS, report_1954

jieba_next = pytest.importorskip("jieba_next")

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "sample"


def _seg() -> types.ModuleType:
    """The pipeline's segmenter, with the gazetteer names added to its dictionary."""
    seg = get_nlp().tokenizer.tokenizer.jieba_seg
    if seg is not jieba_next:
        pytest.skip(f"the pipeline segments with {seg.__name__}")
    return seg


def _laws(n: int) -> list[str]:
    laws = CORPUS / "laws"
    if not laws.exists():
        pytest.skip(f"{laws} not present (the shared corpus sits beside the checkout)")
    files = random.Random(11).sample(sorted(laws.rglob("*.md")), n)
    return [p.read_text(encoding="utf-8") for p in files]


def _samples() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SAMPLE.glob("*"))]


def test_sample_documents_are_cut_into_jieba_next_words() -> None:
    seg = _seg()
    for text in _samples():
        assert cut_words(seg, text) == list(jieba_next.cut(text))


def test_laws_are_cut_into_jieba_next_words_with_any_line_ends() -> None:
    seg = _seg()
    for text in _laws(12):
        assert cut_words(seg, text) == list(jieba_next.cut(text))
        crlf = text.replace("\n", "\r\n")  # "\r\n" is one word, "\r" alone another
        assert cut_words(seg, crlf) == list(jieba_next.cut(crlf))
        assert cut_words(seg, crlf.replace("\r\n\r\n", "\r\r\n")) == list(
            jieba_next.cut(crlf.replace("\r\n\r\n", "\r\r\n"))
        )


def test_traditional_report_is_cut_like_jieba_next_as_is_and_simplified() -> None:
    seg = _seg()
    text = report_1954()
    assert simplified(text) != text
    assert cut_words(seg, text) == list(jieba_next.cut(text))
    assert cut_words(seg, simplified(text)) == list(jieba_next.cut(simplified(text)))


def test_words_added_and_deleted_later_change_the_cut_as_in_jieba_next() -> None:
    from jieba_next import finalseg

    tok = jieba_next.Tokenizer()  # its own dictionary: the pipeline's stays as it is
    seg = types.SimpleNamespace(dt=tok, cut=tok.cut)
    text = next(t for t in _samples() if "许科敏" in t)
    before = cut_words(seg, text)
    assert before == list(tok.cut(text))
    assert "许科敏" in before and "数字经济主题论坛" not in before  # the HMM's name, not a word
    tok.add_word("数字经济主题论坛", 100000)  # drops the Rust prefix dictionary: rebuilt
    after = cut_words(seg, text)
    assert after == list(tok.cut(text)) and "数字经济主题论坛" in after
    tok._rust_prefix = None  # as restore_snapshot leaves it
    assert cut_words(seg, text) == after
    try:
        tok.del_word("许科敏")  # force-split: the HMM's word comes out character by character
        split = cut_words(seg, text)
        assert split == list(tok.cut(text)) and "许科敏" not in split
    finally:
        finalseg.Force_Split_Words.discard("许科敏")


def test_other_segmenters_are_called_as_they_are() -> None:
    seg = types.SimpleNamespace(cut=lambda text, cut_all: iter(["工信部", "", "表示"]))
    assert cut_words(seg, "工信部表示") == ["工信部", "表示"]


def _tokens(doc: Doc) -> list[list[int]]:
    return doc.to_array([ORTH, LENGTH, IDX, NORM, LOWER, SHAPE, LIKE_NUM]).tolist()


def test_tokenizer_gives_jieba_next_tokens_and_lexemes() -> None:
    seg = _seg()
    nlp = get_nlp()
    texts = [*_samples(), *_laws(4)]
    try:
        texts.append(report_1954())
    except pytest.skip.Exception:
        pass
    for text in texts:
        doc = nlp.tokenizer(text)
        words = [text[t.idx : t.idx + len(t)] for t in doc]
        assert doc.text == text and [t.orth_ for t in doc] == words
        assert [len(w) for w in words] == [len(w) for w in seg.cut(simplified(text))]
        # the Doc spaCy makes from the same strings: same lexemes, offsets, attributes
        plain = Doc(nlp.vocab, words=words, spaces=[False] * len(words))
        assert _tokens(doc) == _tokens(plain)
        st = doc._.kg
        assert all(t.idx in st.tok_starts and t.idx + len(t) in st.tok_ends for t in doc)
        assert len(st.tok_starts) == len(st.tok_ends) == len(doc)
