"""A campaign or project named as the subject of its launch (heads/launched_names.py,
round entities21). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.spans import names_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("淮河全线生态补水行动正式启动", "淮河全线生态补水行动"),
        ("5.洞庭湖区候鸟保护联合巡护行动启动；", "洞庭湖区候鸟保护联合巡护行动"),
        ("赣江流域水资源配置工程正式启动。", "赣江流域水资源配置工程"),
        ("珠江流域生态补水行动启动仪式在广州举行。", "珠江流域生态补水行动"),
    ],
)
def test_launched_programme(text, name):
    assert name in names_of(text, "Program")


@pytest.mark.parametrize(
    "text",
    [
        "联合救援行动启动。",  # a bare field: no name
        "多部门联合开展的淮河全线生态补水行动启动。",  # the name does not open the clause
        "淮河全线生态补水行动启动以来成效明显。",  # the launch is no predicate of its own
        "会议要求，确保淮河流域生态补水行动启动。",  # a verb before it
    ],
)
def test_no_launched_programme(text):
    assert not [n for n in names_of(text, "Program") if n.endswith("行动")]
