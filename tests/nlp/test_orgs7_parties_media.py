"""Organisations of foreign news (issue #14, round orgs7): a country's political party
named after it (heads/parties.py) and a country's national news agency or broadcaster
(heads/organisations.COUNTRY_MEDIA_BETWEEN); a class written with 类 is no name. Invented
sentences of the same classes."""

import pytest

from kg.model import Document
from kg.nlp import extract


def _orgs(text: str) -> set[str]:
    r = extract(Document("t", text, {}))
    out = set()
    for m in r.mentions:
        t = r.entities[m.key].type if m.key in r.entities else m.type
        if t == "Organization":
            out.add(m.text)
    return out


@pytest.mark.parametrize(
    "text, name",
    [
        ("越南共产党代表团昨天抵达。", "越南共产党"),  # one jieba word
        ("柬埔寨人民党主席出席会议并讲话。", "柬埔寨人民党"),
        ("德国选择党的支持率有所上升。", "德国选择党"),  # 选择|党: a verb, then 党
        ("有学者专门研究黎巴嫩真主党的历史。", "黎巴嫩真主党"),
    ],
)
def test_party_after_country(text, name):
    assert name in _orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "英国执政党和反对党在议会辩论。",  # a party's role
        "美国两党议员提出法案。",  # a count
        "澳大利亚主要政党发表声明。",
        "越南全党要加强团结。",
    ],
)
def test_party_role_is_no_name(text):
    assert not any(x.endswith("党") for x in _orgs(text))


@pytest.mark.parametrize(
    "text, name",
    [
        ("这部纪录片由伊朗国家电视台摄制。", "伊朗国家电视台"),
        ("据叙利亚通讯社今天报道，当地举行了选举。", "叙利亚通讯社"),
        ("这条消息最早由乌克兰国家通讯社发布。", "乌克兰国家通讯社"),
        ("据缅甸广播电视台报道，洪水已经退去。", "缅甸广播电视台"),
    ],
)
def test_country_media(text, name):
    assert name in _orgs(text)


def test_country_television_alone_is_a_class():
    assert not _orgs("据美国电视台报道，当地发生火灾。")


def test_class_of_universities():
    assert not _orgs("支持四川农林类大学开设智慧农业专业。")


def test_company_of_a_short_name_jieba_knows():
    # 中粮 is in jieba's dictionary as an abbreviation (tag j): with 集团 it names the firm
    assert "中粮集团" in _orgs("据了解，中粮集团今年的夏粮收购进展顺利。")


def test_company_of_a_trade_is_a_class():
    assert not _orgs("一些钢铁集团和医疗集团加快转型。")


def test_a_places_college():
    # a prefecture city's own college, like its university (某市|大学)
    assert "宜春学院" in _orgs("宜春学院的师生参加了志愿服务。")


@pytest.mark.parametrize(
    "text, name",
    [
        ("那年秋天，他调到酒泉卫星发射中心工作。", "酒泉卫星发射中心"),  # one jieba word
        ("喀什航天飞行控制中心对飞船实施了轨道控制。", "喀什航天飞行控制中心"),
    ],
)
def test_a_places_space_centre(text, name):
    assert name in _orgs(text)


def test_a_control_centre_of_a_weapon_is_no_name():
    assert not _orgs("对方称打击了一处无人机控制中心。")
