"""The programme a plan carries out when the plan is titled by it and 实施方案 (heads/
nested_programmes.py, round entities21). Sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.spans import names_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("两部门印发《城乡供水提质行动实施方案》，部署有关工作。", "城乡供水提质行动"),
        ("四部门联合印发《新材料标准引领工程实施方案（2031—2035年）》。", "新材料标准引领工程"),
        ("某部出台《“文旅+”融合发展行动实施意见》。", "“文旅+”融合发展行动"),
        ("各地落实《农机报废更新三年行动实施细则》。", "农机报废更新三年行动"),
        # a verb of carrying out that opens the title is no part of the name
        ("省政府印发《推进县域商业提升工程实施方案》。", "县域商业提升工程"),
    ],
)
def test_programme_of_implementing_plan(text, name):
    names = names_of(text, "Program")
    assert name in names
    assert not [n for n in names if n != name and n.endswith(name[-2:]) and name in n
                and "实施" not in n]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the plan is the programme itself
        ("某部印发《城乡供水提质行动方案》。", {"城乡供水提质行动方案"}),
        ("某部印发《供水工程实施方案编制指南》。", set()),  # a guide (Law): the title runs on
        # no named programme in it
        ("某部印发《关于加强基层治理工作的实施方案》。", {"关于加强基层治理工作的实施方案"}),
    ],
)
def test_no_programme_of_plan(text, names):
    assert set(names_of(text, "Program")) == names


# titles worded after provincial and ministerial plans (review of round entities21)
@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a verb of carrying out anywhere before the name, and the place or body whose
        # plan it is, are no part of the programme's name
        ("省政府印发《河北省贯彻落实健康中国行动实施方案》。", {"健康中国行动"}),
        ("省政府印发《四川省推进乡村振兴战略实施方案》。", {"乡村振兴战略"}),
        ("省政府印发《江苏省实施乡村振兴战略实施方案》。", {"乡村振兴战略"}),
        ("部里印发《农业农村部贯彻落实乡村振兴战略实施意见》。", {"乡村振兴战略"}),
        ("市政府印发《成都市城乡供水提质行动实施方案》。", {"城乡供水提质行动"}),
        ("县里出台《落实农机报废更新三年行动实施细则》。", {"农机报废更新三年行动"}),
        # two programmes in one title: each is one
        ("某部印发《健康中国行动和全民健身计划实施方案》。", {"健康中国行动", "全民健身计划"}),
        ("某部印发《县域商业提升工程与城乡供水提质行动实施方案》。",
         {"县域商业提升工程", "城乡供水提质行动"}),
    ],
)  # fmt: skip
def test_programme_of_a_places_plan(text, names):
    found = names_of(text, "Program")
    assert {n for n in found if not n.endswith(("方案", "意见", "细则"))} == names
