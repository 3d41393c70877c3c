"""Organisations on unseen text (round orgs14): a transliterated name before a company's
head or 武装 (a foreign firm, an armed group), a known organisation's unit holding a place,
an indefinite count before a head (no name). Sentences invented."""

import pytest

from kg.model import Document
from kg.nlp import extract
from kg.nlp.components.heads.organisations import transliterated


def _ents(text: str) -> set[tuple[str, str]]:
    r = extract(Document("t", text))
    return {(m.text, r.entities[m.key].type) for m in r.mentions if m.key in r.entities}


@pytest.mark.parametrize(
    "text, name",
    [
        # a transliteration jieba's dictionary tags as a person's name, before 集团
        ("据报道，阿尔诺集团与当地企业签署协议。", "阿尔诺集团"),
        # a transliteration no dictionary holds, before 武装; one character the HMM cut
        # off its start joins it
        ("记者了解到，萨达尔武装当天宣布停火。", "萨达尔武装"),
        # a known organisation's unit holds a place: the unit runs from the organisation
        ("中国科学院海洋应用技术青岛研究院项目开工。", "中国科学院海洋应用技术青岛研究院"),
    ],
)
def test_organisation_found(text: str, name: str) -> None:
    assert (name, "Organization") in _ents(text)


@pytest.mark.parametrize(
    "text, bad",
    [
        # a country, a common word, a quoted model before 武装: a class, no group
        ("叙利亚反政府武装和政府军交火。", "叙利亚反政府武装"),
        ("该国武装当天撤出该镇。", "该国武装"),
        ("一架“某某”武装直升机坠毁。", "“某某”武装"),
        # a preposition the HMM joined to the name stays out of it
        ("调解方同萨达尔武装代表会谈。", "同萨达尔武装"),
        # an indefinite count before the head: one of a class
        ("空袭目标包括某市北部一处研究中心及相关设施。", "某市北部一处研究中心"),
        # a clause between a known organisation and a head: no unit of it
        ("中央广播电视总台分别与某某交流中心签署协议。", "中央广播电视总台分别与某某交流中心"),
    ],
)
def test_no_organisation(text: str, bad: str) -> None:
    assert bad not in {n for n, _ in _ents(text)}


def test_transliterated() -> None:
    # Chinese names and common words jieba tags as names are no transliterations
    assert transliterated("阿尔诺") and transliterated("萨卡维")
    assert not transliterated("江青") and not transliterated("安保")
    assert not transliterated("同萨卡维")  # a preposition first
