"""The programme a plan carries out when the plan is titled by it and 实施方案 (heads/
nested_programmes.py, round entities21). Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.spans import entity_spans


def _names(text: str) -> list[str]:
    return [s["text"] for s in next(entity_spans([text], nominal=False)) if s["type"] == "Program"]


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
    names = _names(text)
    assert name in names
    assert not [n for n in names if n != name and n.endswith(name[-2:]) and name in n
                and "实施" not in n]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "某部印发《城乡供水提质行动方案》。",  # the plan is the programme itself
        "某部印发《供水工程实施方案编制指南》。",  # a guide: the title runs on
        "某部印发《关于加强基层治理工作的实施方案》。",  # no named programme in it
    ],
)
def test_no_programme_of_plan(text):
    assert len(_names(text)) <= 1
