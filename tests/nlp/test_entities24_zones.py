"""Zones and policy packages of round entities24: a development zone's short head 经开区
after the place it lies in (``place_units.UNITS``), a bonded zone's short head 综保区 after
its place (a whole head, keyed by its full form), and 《…措施》 titles (``title_heads.tsv``).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.spans import entity_spans
from tests.nlp.spans import names_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("长沙经开区今年新引进项目四十个。", "长沙经开区"),
        ("湖南岳阳市城陵矶经开区举行项目签约。", "城陵矶经开区"),
    ],
)
def test_development_zone_short_form(text, name):
    assert name in names_of(text, "Location")


@pytest.mark.parametrize(
    "text",
    [
        "全省对省级经开区进行了整合。",  # a class of zones, no place names one
        "各地经开区要发挥带动作用。",
    ],
)
def test_development_zone_class(text):
    assert not [n for n in names_of(text, "Location") if n.endswith("经开区")]


def test_bonded_zone_short_head_after_its_place():
    text = "南宁综合保税区设立以来进出口增长较快。南宁综保区今年通过验收。"
    spans = [s for s in next(entity_spans([text], nominal=False)) if s["type"] == "Program"]
    assert {s["text"] for s in spans} == {"南宁综合保税区", "南宁综保区"}
    assert len({s["iri"] for s in spans}) == 1  # one zone under both forms


def test_bonded_zone_class_stays_unnamed():
    assert not names_of("这是全国A类综保区的评估结果。", "Program")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("省里制定《关于支持县域商业建设的若干措施》。", "关于支持县域商业建设的若干措施"),
        ("市里出台《鼓励乡村民宿规范发展政策措施》，共十二条。", "鼓励乡村民宿规范发展政策措施"),
    ],
)
def test_measures_title(text, name):
    assert name in names_of(text, "Program")


def test_measures_short_reference_is_no_name():
    assert not names_of("省里随后印发《若干措施》和《政策措施》。", "Program")


@pytest.mark.parametrize(
    "text",
    [
        "江苏综保区进出口增长较快。",  # a province has many: the class
        "湖南省经开区发展势头良好。",
    ],
)
def test_zone_short_head_after_a_province_is_the_class(text):
    assert not [n for n in names_of(text, "Location") + names_of(text, "Program") if "区" in n]


@pytest.mark.parametrize(
    "text",
    [
        "广东省自贸试验区建设取得进展。广东自贸试验区新增一批试点经验。",
        "郑州新郑综合保税区设立多年。新郑综保区今年扩区。",
        "国务院决定设立中国上海自由贸易试验区。上海自贸试验区推出新举措。",
    ],
)
def test_one_zone_one_iri(text):
    spans = [s for s in next(entity_spans([text], nominal=False)) if s["type"] == "Program"]
    assert len(spans) == 2 and len({s["iri"] for s in spans}) == 1


def test_zone_iri_before_entities24_stays():
    spans = next(entity_spans(["上海自由贸易试验区出台新政。"], nominal=False))
    assert [s["iri"].rsplit("/", 1)[-1] for s in spans if s["type"] == "Program"] == [
        "上海自由贸易试验区"
    ]


def test_development_zone_short_form_is_the_gazetteers_zone():
    text = "合肥经开区新签约项目。合肥经济技术开发区今年扩区。"
    spans = [
        s
        for s in next(entity_spans([text], nominal=False))
        if "开发区" in s["text"] or s["text"].endswith("经开区")
    ]
    assert len(spans) == 2 and len({s["iri"] for s in spans}) == 1


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("两部门发布《外商投资准入特别管理措施（负面清单）》。", "Law"),  # a departmental rule
    ],
)
def test_negative_list_is_a_rule(text, type_):
    assert names_of(text, type_) and not names_of(text, "Program")


@pytest.mark.parametrize("text", ["外交部宣布《反制措施》即日起实施。", "他们研究了《保障措施》。"])
def test_a_class_of_measures_in_quotes_is_no_programme(text):
    assert not names_of(text, "Program")
