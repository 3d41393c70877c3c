"""Names by their head word (``kg_patterns``): organisations, programmes, events.

The sentences are written for these tests (no news or gold text); each checks one rule
of ``kg/nlp/components/patterns.py`` and fails when the rule is gone.
"""

from __future__ import annotations

import pytest

from kg.nlp import get_nlp


def _names(text: str) -> dict[str, str]:
    """surface → type of the document's mentions."""
    doc = get_nlp()(text)
    return {m.text: m.type for m in doc._.kg.mentions}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a known place or country opens the name
        ("西班牙华侨华人联合会今天成立。", "西班牙华侨华人联合会"),
        ("新建的广东医科大学开始招生。", "广东医科大学"),
        # one dictionary word tagged as an organisation
        ("他曾任南开大学教授。", "南开大学"),
        ("他当年考入南开大学。", "南开大学"),
        # the reporting government's own level opens it
        ("省人民医院新院区投入使用。", "省人民医院"),
        # a post the token runs on into (学院院长) ends the organisation
        ("张某现任武汉体育学院院长。", "武汉体育学院"),
        # the word before the head is the field, not a verb cutting the name
        ("江西警察学院、桂林旅游学院开始招生。", "江西警察学院"),
        # an international organisation's prefix
        ("世界园艺生产者协会发布名录。", "世界园艺生产者协会"),
    ],
)
def test_organisation_by_head(text: str, name: str) -> None:
    assert _names(text).get(name) == "Organization"


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        # a bare head with a generic word is a class of organisations
        ("有关公司和各大学应当配合。", "有关公司"),
        ("支持上市公司发展。", "上市公司"),
        ("外国公司纷纷裁员。", "外国公司"),
        ("新设立的子公司和两家商业银行。", "子公司"),
        # designations many hold are no one centre
        ("新认定国家技术创新中心三家。", "国家技术创新中心"),
        ("全省新建全国重点实验室两家。", "全国重点实验室"),
        # slogans in quotes
        ("坚持“以患者为中心”的理念。", "以患者为中心"),
        # a place's centre is a place
        ("位于东京市中心的广场。", "东京市中心"),
    ],
)
def test_generic_organisation_phrases_are_not_names(text: str, bad: str) -> None:
    assert bad not in _names(text)


def test_verb_before_an_organisation_is_not_inside_it() -> None:
    names = _names("该校首次跻身湖南科技大学合作名单。")
    assert not any(n.startswith("该校") or "跻身" in n for n in names)


def test_conjunction_after_a_complete_name_cuts() -> None:
    names = _names("中国人民银行与蒙古国家银行签署协议。")
    assert "中国人民银行与蒙古国家银行" not in names
    # inside one name the conjunction stays
    assert _names("中国钢铁工业协会发布数据。").get("中国钢铁工业协会") == "Organization"


def test_class_noun_in_apposition_cuts() -> None:
    names = _names("企业家来到民营科技企业柯瑞森科技有限公司调研。")
    assert names.get("柯瑞森科技有限公司") == "Organization"


def test_place_opening_an_organisation_is_still_mentioned() -> None:
    names = _names("缅甸华人商会举行年会。")
    assert names.get("缅甸华人商会") == "Organization"
    assert names.get("缅甸") == "Country"


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("推进中巴经济走廊建设。", "中巴经济走廊", "Program"),
        ("全面实施农村公路提升三年行动。", "农村公路提升三年行动", "Program"),
        ("开展水环境质量提升行动。", "水环境质量提升行动", "Program"),
        ("打好长江保护修复攻坚战。", "长江保护修复攻坚战", "Program"),
        ("以2027年中法文化年为契机。", "2027年中法文化年", "Event"),
        ("九月是全国质量月。", "全国质量月", "Event"),
        ("两国领导人出席中国—东盟领导人会晤。", "中国—东盟领导人会晤", "Event"),
    ],
)
def test_programme_and_event_heads(text: str, name: str, type_: str) -> None:
    names = _names(text)
    assert any(n.replace("—", "") == name.replace("—", "") for n in names), names
    assert names.get(name, type_) == type_


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        # a verb opening the phrase governs the event: it is not inside its name
        ("运动员正在备战米兰冬奥会。", "备战米兰冬奥会"),
        ("观众纷纷称赞杭州亚运会。", "称赞杭州亚运会"),
        ("两国元首在北京举行会晤。", "北京举行会晤"),
        ("两国商定互办文化年。", "互办文化年"),
        # the first of a class is no name
        ("建设全国首批低碳城市先行区。", "全国首批低碳城市先行区"),
        ("举办多场分论坛。", "多场分论坛"),
    ],
)
def test_verbs_and_counts_stay_outside_event_names(text: str, bad: str) -> None:
    assert bad not in _names(text)


def test_whole_quoted_name_with_a_quote_only_head() -> None:
    names = _names("全省深入实施“青苗培育计划”，开展“护河行动”。")
    assert names.get("青苗培育计划") == "Program"
    assert names.get("护河行动") == "Program"
    # quoted common nouns stay out
    assert "身份识别系统" not in _names("建立统一的“身份识别系统”。")


def test_edition_before_a_quoted_name_is_in_the_event() -> None:
    names = _names("成功举办第五届“丝路之光”青年交流大会。")
    assert any(n.startswith("第五届") and n.endswith("青年交流大会") for n in names), names


def test_action_is_a_programme_only_after_an_implementing_verb_or_a_year() -> None:
    assert _names("今年将深入实施农田节水增效行动。").get("农田节水增效行动") == "Program"
    assert _names("2031年春耕护农行动启动。").get("2031年春耕护农行动") == "Program"
    names = _names("该国对邻国的军事行动和边境联合行动引发关注。")
    assert not any(n.endswith("行动") for n in names), names


def test_unknown_word_before_a_class_noun_is_no_organisation() -> None:
    # 柯瑞森 is a made-up name (jieba's HMM cuts it): with 世界大学 after it, a ranking
    assert "柯瑞森世界大学" not in _names("该校进入柯瑞森世界大学排名前百。")


def test_unknown_words_before_a_known_name_stay_outside_the_organisation() -> None:
    # 某某 stands for a person no rule knows: the organisation starts at the country
    names = _names("某某会见德国博世集团董事会主席。")
    assert names.get("德国博世集团") == "Organization"
    # a chain of known names stays one organisation
    assert _names("中国德国商会发布报告。").get("中国德国商会") == "Organization"
