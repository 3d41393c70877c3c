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
        ("新建的海南医科大学开始招生。", "海南医科大学"),
        # one dictionary word tagged as an organisation
        ("他曾任吉林大学教授。", "吉林大学"),
        ("他当年考入吉林大学。", "吉林大学"),
        # the reporting government's own level opens it
        ("省人民医院新院区投入使用。", "省人民医院"),
        # a post the token runs on into (学院院长) ends the organisation
        ("张某现任首都体育学院院长。", "首都体育学院"),
        # the word before the head is the field, not a verb cutting the name
        ("海南警察学院、海南洛桑旅游大学开始招生。", "海南警察学院"),
        # an international organisation's prefix
        ("世界自然保护联盟发布名录。", "世界自然保护联盟"),
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
    assert _names("中国物流与采购联合会发布数据。").get("中国物流与采购联合会") == "Organization"


def test_class_noun_in_apposition_cuts() -> None:
    names = _names("企业家来到民营科技企业柯瑞森科技有限公司调研。")
    assert names.get("柯瑞森科技有限公司") == "Organization"


def test_place_opening_an_organisation_is_still_mentioned() -> None:
    names = _names("缅甸华人商会举行年会。")
    assert names.get("缅甸华人商会") == "Organization"
    assert names.get("缅甸") == "Country"
