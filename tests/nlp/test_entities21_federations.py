"""国际 + a field + the weak head 联盟 (heads/organisations.py): in policy text mostly a
class of alliances (组建国际产业联盟), so 国际 opens no weak head's name by itself, as
国家 and 全国 do not (round entities21 let it; its review dropped that). Sentences
written for these tests, two worded after law sentences, five after the review's."""

from __future__ import annotations

import pytest

from tests.nlp.spans import names_of


@pytest.mark.parametrize(
    "text",
    [
        "国际消费中心城市建设加快。",  # a designation: 国际 opens no centre's name
        "加强国际联盟合作。",  # no field between
        "支持发起成立国际科技组织或者联盟。",  # a class after a conjunction (a law's wording)
        "鼓励国际枢纽机场建立货运联盟。",  # a verb between (a law's wording)
        # a generic field: a class of alliances
        "支持企业组建国际产业联盟。",
        "鼓励高校加入国际创新联盟。",
        "推动成立多个国际媒体联盟。",
        "组建国际产业技术创新联盟。",
        "成立国际产业联盟和国际标准联盟。",
    ],
)
def test_no_international_alliance(text):
    assert not [n for n in names_of(text, "Organization") if n.endswith(("联盟", "中心"))]
