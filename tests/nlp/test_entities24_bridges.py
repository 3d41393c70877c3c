"""Bridges named after the place or river they cross (某河特大桥, 某市某某大桥; the bridge
heads of ``kg/nlp/facilities.py``, round entities24), and where the name opens before
that place (某某长江大桥) no bridge is read. Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.spans import names_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("这条铁路上最长的黄河特大桥今天合龙。", "黄河特大桥"),
        ("受台风影响，厦门大桥临时封闭。", "厦门大桥"),
    ],
)
def test_bridge_named_by_its_place(text, name):
    assert name in names_of(text, "Location")


@pytest.mark.parametrize(
    "text",
    [
        "湖北白沙洲长江大桥主塔封顶。",  # the name opens before the river
        "安徽芜湖长江大桥开通多年。",  # a city, then the river: the city's bridge
    ],
)
def test_bridge_whose_name_opens_earlier(text):
    assert not [n for n in names_of(text, "Location") if n.endswith("大桥")]
