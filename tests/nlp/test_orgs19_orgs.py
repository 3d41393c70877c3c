"""Organisations on unseen text (round orgs19): a country's sports team (某国队, 某国女篮,
某国国家女子足球队). Sentences invented."""

import pytest

from tests.nlp.extraction import mention_entities as _ents


@pytest.mark.parametrize(
    "text, names",
    [
        ("决赛中，阿根廷队以2比1战胜法国队。", ["阿根廷队", "法国队"]),
        ("泰国女篮今天抵达赛地，越南男队明天出发。", ["泰国女篮", "越南男队"]),
        ("荷兰国家女子足球队公布了名单。", ["荷兰国家女子足球队"]),
    ],
)
def test_country_team(text: str, names: list[str]) -> None:
    ents = _ents(text)
    for n in names:
        assert (n, "Organization") in ents


@pytest.mark.parametrize(
    "text",
    [
        "中国队员表现出色。",  # 队 opens 队员: a member, no team
        "中国队伍不断壮大。",
        "援外医疗队出发。",  # no sport or class word before 队
        "各国队伍陆续抵达。",  # no country's name
    ],
)
def test_no_team(text: str) -> None:
    assert not [n for n, t in _ents(text) if t == "Organization" and "队" in n]


@pytest.mark.parametrize(
    "text, bad",
    [
        # an adverb and a verb the HMM joined before the head: no proper name
        ("他刚进医院就接受了手术。", "刚进医院"),
        # a count of countries before the head: each country's own, a class
        ("中韩两国中央银行当天宣布。", "中韩两国中央银行"),
        # the name opens before a bracket the left part would cut
        ("远大科技（深圳）有限公司提供了赞助。", "深圳）有限公司"),
        # an ethnic group's armed men: a class (and no name cut inside a word)
        ("军队同库尔德族武装发生冲突。", "库尔德族武装"),
    ],
)
def test_no_organisation_name(text: str, bad: str) -> None:
    assert bad not in {n for n, _ in _ents(text)}


def test_province_team() -> None:
    ents = _ents("决赛中，四川队以3比1战胜河北队。")
    assert {("四川队", "Organization"), ("河北队", "Organization")} <= ents


@pytest.mark.parametrize(
    "text, name",
    [
        ("俄罗斯北方舰队的舰艇完成了训练。", "俄罗斯北方舰队"),
        ("美国海军太平洋舰队司令表示。", "美国海军太平洋舰队"),
        ("美国海军第七舰队的军舰驶过海峡。", "美国海军第七舰队"),
        ("俄罗斯里海分舰队举行了演习。", "俄罗斯里海分舰队"),
        # a one-character abbreviation does not open the fleet's name
        ("演习中，俄黑海舰队派出了三艘舰艇。", "黑海舰队"),
    ],
)
def test_fleet(text: str, name: str) -> None:
    assert (name, "GovernmentBody") in _ents(text)


@pytest.mark.parametrize(
    "text", ["各舰队都派出了代表。", "上海舰队来了。", "他们正在组建无人舰队。"]
)
def test_no_fleet(text: str) -> None:
    assert not [n for n, _ in _ents(text) if "舰队" in n]


def test_place_school() -> None:
    # a place's name before 中学 names one school
    assert ("衡水中学", "Organization") in _ents("他在衡水中学读书。")


@pytest.mark.parametrize("text", ["民政部安排全国大中小学开展一次演练。", "全国中小学已全部开学。"])
def test_school_levels_are_no_name(text: str) -> None:
    assert not [n for n, t in _ents(text) if t == "Organization" and n.endswith("小学")]


@pytest.mark.parametrize(
    "text, name",
    [
        # a county's name with its unit, then the organ word opening with that unit
        ("和平县委书记表示，要做好这项工作。", "和平县委"),
        ("和平县委从选拔干部的角度出发。", "和平县委"),
    ],
)
def test_county_committee(text: str, name: str) -> None:
    assert (name, "GovernmentBody") in _ents(text)


def test_county_entrusts_is_no_committee() -> None:
    # 县 + 委托 (entrusts): 委 opens a word of the dictionary, no committee
    assert not [n for n, t in _ents("和平县委托第三方评估。") if t == "GovernmentBody"]


@pytest.mark.parametrize(
    "text, name",
    [
        ("中国国家统计局发布数据。", "中国国家统计局"),
        ("中国最高人民法院发布报告。", "中国最高人民法院"),
    ],
)
def test_central_body_with_country_prefix(text: str, name: str) -> None:
    ents = _ents(text)
    assert any(n == name and t in ("Ministry", "GovernmentBody") for n, t in ents)


def test_local_body_takes_no_country_prefix() -> None:
    assert not [n for n, _ in _ents("中国北京市政府发布通知。") if n.startswith("中国北京")]
