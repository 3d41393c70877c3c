"""Bridges named after the city or county they are in (某市大桥, 某县某某特大桥; the
bridge heads of ``kg/nlp/facilities.py``, round entities24, mended by review24b): not
after a river, lake, bay or province (a class or a description), not where the head
opens a town's or a body's name, and not where the bridge's name opens before the place.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.spans import entity_spans
from tests.nlp.spans import names_of


def _bridges(text: str, type_: str = "Location") -> list[str]:
    return [n for n in names_of(text, type_) if n.endswith("大桥")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("受台风影响，厦门大桥临时封闭。", "厦门大桥"),
        ("广东湛江海湾大桥今天封闭。", "湛江海湾大桥"),  # a city ending in 江 after its province
        ("江苏镇江大桥完成检测。", "镇江大桥"),
        ("成渝中线高铁资阳特大桥主体完工。", "资阳特大桥"),  # the line, then its bridge
    ],
)
def test_bridge_named_by_its_city(text, name):
    assert name in _bridges(text)


@pytest.mark.parametrize(
    "text",
    [
        "湖北白沙洲长江大桥主塔封顶。",  # the name opens before the river
        "这座长江大桥今天通车，另一座黄河特大桥也已开工。",  # rivers name many bridges
        "最长的黄河特大桥今天合龙。",
        "杭州湾大桥完成年度检修。",  # a bay
        "福建跨海大桥项目获批。",  # a province: a description, no name
        "他在扬州市江都区大桥镇工作。",  # a town named after a bridge
        "武汉市大桥村今年修了新路。",
        "湖北大桥局承建了这座桥。",  # an office
    ],
)
def test_no_bridge(text):
    assert not [n for n in _bridges(text) if n not in ("大桥镇", "大桥村")]


def test_river_bridges_of_two_documents_are_not_one_node():
    docs = ["这座长江大桥今天通车。", "新的长江大桥也已开工。"]
    for spans in entity_spans(docs, nominal=False):
        assert not [s for s in spans if s["text"].endswith("大桥")]
