"""Places named with a unit right after a known place (kg/nlp/place_units.py): towns,
streets, development zones, ports, lakes, scenic areas and parks no gazetteer lists.
Sentences written for these tests."""

from __future__ import annotations

import time

import pytest

from tests.nlp.spans import names_of


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
        ("考察组到过日本长野县富津原市、松川原市等地。", "富津原市"),
        # a close of more than one character
        ("寒潮影响了萨利诺斯克、卡尔诺维卡等地区。", "萨利诺斯克"),
    ],
)
def test_unit_places(text, name):
    assert name in names_of(text, "Location")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a common word with the unit: no name
        ("浙江城镇和乡村都在变化。", "城镇"),
        ("我们要守护好黄河母亲河。", "母亲河"),
        ("中东海湾国家加强合作。", "海湾"),
        # a verb before the unit
        ("各地推进黄河入河排污口的排查。", "入河"),
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
    assert all(word not in p for p in names_of(text, "Location"))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a close glued to a noun: the items are people, firms or common words
        ("赵国强、钱丽萍等市领导出席了开幕式。", ["赵国强", "钱丽萍"]),
        ("孙海涛、周雅琴和吴立新等省领导参加调研。", ["孙海涛", "周雅琴", "吴立新"]),
        ("郑志远、冯秀英等市民代表发言。", ["郑志远", "冯秀英"]),
        ("褚建华、卫明辉等地区负责人汇报工作。", ["褚建华", "卫明辉"]),
        ("欧阳振华、司马云等县领导到场。", ["欧阳振华", "司马云"]),
        ("史密森、约翰逊等州长候选人参加辩论。", ["史密森", "约翰逊"]),
        ("星辰科技、蓝海电子等市场主体增长较快。", ["星辰科技", "蓝海电子"]),
        ("盛华置业、远洋家园等地产企业完成整改。", ["盛华置业", "远洋家园"]),
        ("草甸、冻原和高原等地形交错分布。", ["高原"]),
        # a close that is a word of its own, but the items are persons' names
        ("赵国庆、钱秀兰等省里来的专家到场指导。", ["赵国庆", "钱秀兰"]),
    ],
)
def test_no_listed_place(text, names):
    places = names_of(text, "Location")
    assert not [n for n in names if n in places]


def test_a_run_of_joiners_before_closes_costs_no_backtracking():
    # A hang guard with a wide margin, not a speed measurement: with the joiners in an
    # item's class each close cost ~12 ms (~50 CPU-s here); without, the whole text takes
    # a small fraction of a second.
    # (anything loaded once is loaded before the clock starts)
    names_of("甲地和乙地等地。", "Location")
    text = "。".join(["和" * 60 + "等地"] * 4000) + "。"
    t0 = time.process_time()
    names_of(text, "Location")
    assert time.process_time() - t0 < 15.0
