"""An international federation or alliance by its field after 国际 and the weak head 联盟
(heads/organisations.py ``INTERNATIONAL_HEADS``, round entities21). Sentences written for
these tests, two worded after law sentences."""

from __future__ import annotations

import pytest

from kg.spans import entity_spans


def _orgs(text: str) -> list[str]:
    spans = next(entity_spans([text], nominal=False))
    return [s["text"] for s in spans if s["type"] == "Organization"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("报告由国际铁路联盟发布。", "国际铁路联盟"),
        ("国际旅游联盟在杭州召开年会。", "国际旅游联盟"),
        ("我国发起成立国际反电信诈骗联盟。", "国际反电信诈骗联盟"),
    ],
)
def test_international_alliance(text, name):
    assert name in _orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "国际消费中心城市建设加快。",  # a designation: 国际 opens no centre's name
        "加强国际联盟合作。",  # no field between
        "支持发起成立国际科技组织或者联盟。",  # a class after a conjunction (a law's wording)
        "鼓励国际枢纽机场建立货运联盟。",  # a verb between (a law's wording)
    ],
)
def test_no_international_alliance(text):
    assert not [n for n in _orgs(text) if n.endswith(("联盟", "中心"))]
