"""Organisations on unseen text (round orgs18): a state organ's institutes and centres are
Organizations under it, not organs; no organisation's name opens with a preposition that
jieba's HMM joined to the unknown word after it. Sentences invented."""

import pytest

from kg.model import Document
from kg.nlp import extract
from tests.nlp.extraction import mention_entities as _ents
from tests.nlp.extraction import part_of as _part_of


@pytest.mark.parametrize(
    "text, name",
    [
        ("据农业农村部信息中心监测，蔬菜价格小幅回落。", "农业农村部信息中心"),
        ("交通运输部公路科学研究院的专家参与了评审。", "交通运输部公路科学研究院"),
        ("自然资源部第一海洋研究所的科考船今天起航。", "自然资源部第一海洋研究所"),
    ],
)
def test_organ_institute_is_an_organisation(text: str, name: str) -> None:
    assert (name, "Organization") in _ents(text)


def test_organ_institute_is_part_of_the_organ() -> None:
    text = "交通运输部部署工作。交通运输部公路科学研究院的专家参与了评审。"
    assert ("交通运输部公路科学研究院", "交通运输部") in _part_of(text)


@pytest.mark.parametrize(
    "text, name",
    [
        # a command centre is the organ's own; an armed force's centre is a unit of it
        ("市公安局召开会议，国家安全部指挥中心值班人员参加。", "国家安全部指挥中心"),
    ],
)
def test_command_centre_stays_a_body(text: str, name: str) -> None:
    assert (name, "Organization") not in _ents(text)


@pytest.mark.parametrize(
    "text, bad",
    [
        ("数千人在美国加利福尼亚州洛杉矶市中心集会。", "市中心"),  # downtown
        ("国家发展改革委党组理论学习中心组举行学习。", "学习中心"),  # a study group
    ],
)
def test_no_centre_body(text: str, bad: str) -> None:
    assert all(not n.endswith(bad) for n, _ in _ents(text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("监管部门正在对博远恒达公司开展调查。", "博远恒达公司"),
        ("毛主席同以苏修叛徒集团进行了坚决斗争。", "苏修叛徒集团"),
    ],
)
def test_no_joined_preposition_in_name(text: str, name: str) -> None:
    ents = _ents(text)
    assert not any(n.startswith(tuple("对同以")) for n, _ in ents)
    assert (name, "Organization") in ents


def test_joined_preposition_before_a_class() -> None:
    # 以|县医院: a county's hospital is a class, no name once the preposition is off
    assert not _ents("要以县医院为龙头建设医共体。")


def test_dictionary_name_keeps_its_first_character() -> None:
    assert ("对外经济贸易大学", "Organization") in _ents("对外经济贸易大学举办论坛。")


def test_a_centre_of_an_organ_named_with_an_army_word_is_an_organisation() -> None:
    # 军 inside the organ's name (退役军人…) is no armed force: its centre is an institute
    assert ("退役军人事务部信息中心", "Organization") in _ents("退役军人事务部信息中心发布通知。")
    assert ("火箭军训练中心", "Organization") not in _ents("火箭军训练中心举行活动。")


@pytest.mark.parametrize(
    "text, name",
    [
        ("据美国疾控中心统计，流感病例持续上升。", "美国疾控中心"),
        ("非洲疾病预防控制中心宣布启动应急响应。", "非洲疾病预防控制中心"),
        # the field's verbs (控制, 预防) and its 和 cut no name here
        ("法国疾病控制和预防中心发布报告。", "法国疾病控制和预防中心"),
    ],
)
def test_disease_control_centre_of_a_country(text: str, name: str) -> None:
    assert (name, "Organization") in _ents(text)


def test_disease_control_centre_without_a_place() -> None:
    assert not _ents("各级疾病预防控制中心要加强监测。")


def _keys(text: str) -> list[tuple[str, str]]:
    r = extract(Document("t", text))
    return [(m.text, m.key) for m in r.mentions if r.entities[m.key].type == "Organization"]


def test_party_after_its_role() -> None:
    text = "某国最大在野党——自由革新党发表声明。自由革新党表示反对该法案。"
    names = [n for n, _ in _keys(text)]
    assert names == ["自由革新党", "自由革新党"]


def test_party_after_its_role_keyed_like_its_full_name() -> None:
    text = "韩国自由革新党党首表示，执政党自由革新党将提出议案。"
    keys = _keys(text)
    assert len(keys) == 2 and len({k for _, k in keys}) == 1


def test_role_before_a_word_that_runs_on() -> None:
    assert not _keys("执政党党员大会召开。反对党内部出现分歧。")


def test_party_after_its_role_keyed_by_the_country_before_it() -> None:
    # two countries' parties may share a word: the country before the role keys it
    assert _keys("法国反对党进步党27日表示。") == [("进步党", "org/法国进步党")]
