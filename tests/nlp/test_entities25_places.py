"""Places of round entities25: a metropolitan area named after its city (某市|都市圈,
``place_units.UNITS``); after a province the head is the class. Sentences written for
these tests. jieba's dictionary lacks 都市圈, and may glue its last character to the
next word (都市|圈内): the unit ends there all the same."""

from __future__ import annotations

import pytest

from tests.nlp.spans import names_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("规划提出，要加快建设西安都市圈。", "西安都市圈"),
        ("长沙都市圈轨道交通网络日益完善。", "长沙都市圈"),
        ("国家发展改革委批复了福州都市圈发展规划。", "福州都市圈"),
        ("郑州都市圈内各城市加强协同。", "郑州都市圈"),  # jieba: 都市|圈内
    ],
)
def test_metropolitan_area_after_its_city(text, name):
    assert name in names_of(text, "Location")


@pytest.mark.parametrize(
    "text",
    [
        "湖南省都市圈建设取得新进展。",  # a province's areas: the class
        "依托城市群和都市圈推进新型城镇化。",
        "培育发展现代化都市圈。",
        "有人提出打造海淀区都市圈。",  # a district names no metropolitan area
        "浦东新区都市圈的说法并不准确。",
    ],
)
def test_metropolitan_area_class_stays_unnamed(text):
    assert not [n for n in names_of(text, "Location") if n.endswith("都市圈")]
