"""Round 10: the law named inside the title of the rules that carry it out (某某法实施条例
also mentions 某某法), and no decree publishes that law.

Sentences invented or of the work reports (public domain)."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("出台外商投资法实施条例，不断优化外商投资环境。", "law/中华人民共和国外商投资法"),  # 2023
        ("认真贯彻中华人民共和国土地管理法实施条例。", "law/中华人民共和国土地管理法"),
    ],
)
def test_law_inside_its_rules_title(nlp, text, inner):
    keys = {m.key for m in nlp(text)._.kg.mentions if m.type == "Law"}
    assert inner in keys and len(keys) == 2


def test_decree_publishes_the_rules_not_the_law(nlp):
    text = "国务院总理签署国务院令，公布《中华人民共和国土地管理法实施条例》。"
    st = nlp(text)._.kg
    issued = {r.obj for r in st.relations if r.pred == "issued"}
    assert "law/中华人民共和国土地管理法" in {m.key for m in st.mentions}
    assert "law/中华人民共和国土地管理法" not in issued


def test_no_law_the_gazetteer_does_not_know(nlp):
    text = "制定海岛兴农促进法实施细则。"
    assert not [m for m in nlp(text)._.kg.mentions if m.text == "海岛兴农促进法"]
