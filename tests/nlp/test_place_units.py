"""Places named with a unit right after a known place (kg/nlp/place_units.py): towns,
streets, development zones, ports, lakes, scenic areas and parks no gazetteer lists.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.spans import entity_spans


def _places(text: str) -> list[str]:
    return [s["text"] for s in next(entity_spans([text], nominal=False)) if s["type"] == "Location"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a street or a town after its district or county
        ("杭州市余杭区良渚街道推进老旧小区改造。", "良渚街道"),
        ("北京市门头沟区王平镇组织村民转移。", "王平镇"),
        # a development zone after its city: the city names it
        ("在西安高新区，一批新项目集中开工。", "西安高新区"),
        ("南京江宁经济技术开发区引进了新的企业。", "江宁经济技术开发区"),
        # a port, a lake, a scenic area, a national park after a known place
        ("货轮从深圳盐田港出发。", "盐田港"),
        ("中秋之夜，杭州西湖游人如织。", "西湖"),
        ("新疆阿勒泰喀纳斯景区迎来初雪。", "喀纳斯景区"),
        ("云南设立高黎贡山国家公园，保护生物多样性。", "高黎贡山国家公园"),
        # an item listed beside a known place of the same unit
        ("游客前往江西庐山、白石山和天柱山观光。", "天柱山"),
        # the unknown items of a list closed by 等 and a word for places
        ("暴雨袭击了某国的卡尔诺维卡、萨利诺斯克等地。", "卡尔诺维卡"),
        ("暴雨袭击了某国的卡尔诺维卡、萨利诺斯克等地。", "萨利诺斯克"),
        # a division before the first item is no part of it
        ("民众在日本冲绳县宜野湾市、那霸市等地集会。", "宜野湾市"),
    ],
)
def test_unit_places(text, name):
    assert name in _places(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a common word with the unit: no name
        ("浙江城镇和乡村都在变化。", "城镇"),
        ("我们要守护好黄河母亲河。", "母亲河"),
        ("中东海湾国家加强合作。", "海湾"),
        # a verb before the unit
        ("全面完成长江入河排污口整治。", "入河"),
        # a description before the unit
        ("浙江主要港口吞吐量增长。", "主要港"),
        # a verb glued to the unit
        ("香港爱国爱港力量不断壮大。", "爱港"),
        # common words listed before 等地; a place's part
        ("专家组走访了企业、学校和医院等地。", "学校"),
        ("部队在某某南部、萨利诺斯克等地集结。", "某某南部"),
        # the first item opens a word (到达|吉达)
        ("船队远航到达吉达、萨利诺斯克等地。", "达吉达"),
        # a games' village is a facility
        ("张家口冬奥村迎来运动员。", "冬奥村"),
    ],
)
def test_no_unit_place(text, word):
    assert all(word not in p for p in _places(text))
