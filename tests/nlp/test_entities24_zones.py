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
        ("该市出台《支持外贸稳规模优结构政策措施》，共十二条。", "支持外贸稳规模优结构政策措施"),
    ],
)
def test_measures_title(text, name):
    assert name in names_of(text, "Program")


def test_measures_short_reference_is_no_name():
    assert not names_of("省里随后印发《若干措施》和《政策措施》。", "Program")
