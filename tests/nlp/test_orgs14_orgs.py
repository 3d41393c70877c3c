"""Organisations on unseen text (round orgs14): a transliterated name before a company's
head or 武装 (a foreign firm, an armed group), a known organisation's unit holding a place,
an indefinite count before a head (no name). Sentences invented."""

import pytest

from kg.model import Document
from kg.nlp import extract
from kg.nlp.components.heads.organisations import transliterated
from tests.nlp.extraction import mention_entities as _ents
from tests.nlp.extraction import part_of as _part_of


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
        ("这次袭击波及某市北部一处研究中心和周边设施。", "某市北部一处研究中心"),
        # a clause between a known organisation and a head: no unit of it
        ("中央广播电视总台还与某某交流中心签订了协议。", "中央广播电视总台还与某某交流中心"),
    ],
)
def test_no_organisation(text: str, bad: str) -> None:
    assert bad not in {n for n, _ in _ents(text)}


def test_transliterated() -> None:
    # Chinese names and common words jieba tags as names are no transliterations
    assert transliterated("阿尔诺") and transliterated("萨卡维")
    assert not transliterated("江青") and not transliterated("安保")
    assert not transliterated("同萨卡维")  # a preposition first


def test_member_units_listed() -> None:
    # a list of member units before 是…的成员单位: each is a part of the body
    got = _part_of("教育部、财政部和科学技术部是国家某某工作领导小组的成员单位。")
    whole = "国家某某工作领导小组"
    assert {("教育部", whole), ("财政部", whole), ("科学技术部", whole)} <= got


def test_body_under_body() -> None:
    # a body named right after 所属/直属 and the body it belongs to
    got = _part_of("海关总署直属的上海海关开展专项检查。")
    assert any(a.endswith("海关") and b == "海关总署" for a, b in got)
    # no name after 所属/直属: no part
    assert _part_of("国务院所属各部门和直属机构负责实施。") == set()


def test_defined_short_form() -> None:
    # a country's movement named in full, its short form in parentheses: one organisation,
    # and the short form's later repeats are mentions of it
    text = "某日，巴勒斯坦人民自由运动（萨卡维）发表声明。萨卡维表示将继续谈判。"
    r = extract(Document("t", text))
    orgs = [(m.text, m.key) for m in r.mentions if r.entities[m.key].type == "Organization"]
    keys = {k for _, k in orgs}
    assert [t for t, _ in orgs] == ["巴勒斯坦人民自由运动", "萨卡维", "萨卡维"]
    assert len(keys) == 1


@pytest.mark.parametrize(
    "text",
    [
        "某国开展爱国卫生运动（试行）。",  # a common word in the parentheses
        "巴勒斯坦在自由运动（萨卡维）中发言。",  # a function word between
        "巴勒斯坦人民自由运动（加沙）发表声明。",  # a place in the parentheses
    ],
)
def test_no_defined_short_form(text: str) -> None:
    r = extract(Document("t", text))
    assert not [m for m in r.mentions if m.rule == "definition"]


def test_armed_unit_part_of() -> None:
    # a unit named after its organisation's 下属 and the class noun of an armed wing
    text = "巴勒斯坦人民自由运动（萨卡维）下属武装派别某城旅3日称。"
    text += "萨卡维下属武装组织“某山旅”当天称。"
    got = _part_of(text)
    assert ("某城旅", "巴勒斯坦人民自由运动") in got
    assert ("某山旅", "巴勒斯坦人民自由运动") in got


def test_arming_verb_no_group() -> None:
    # 武装 as a verb after a word the HMM cut in two (理|论体系): no group's name
    text = "用党的创新理论体系武装全党。"
    assert not [n for n, t in _ents(text) if n.endswith("武装")]
