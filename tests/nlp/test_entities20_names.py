"""Exercises named by a quoted code name (kg/nlp/components/heads/exercises.py) and the
programme an implementing title carries out (heads/nested_programmes.py). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from tests.nlp.spans import names_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("两国海军举行“海上协作-2031”联合演习。", "“海上协作-2031”联合演习"),
        ("某战区组织“砺剑-2030A”演习。", "“砺剑-2030A”演习"),
        ("多国部队举行“和平卫士－2029”联合反恐军事演习。", "“和平卫士－2029”联合反恐军事演习"),
        ("某国举行“北方风暴”军事演习。", "“北方风暴”军事演习"),
    ],
)
def test_exercises(text, name):
    assert name in names_of(text, "Event")


@pytest.mark.parametrize(
    "text",
    [
        "部队开展“背靠背”对抗演练。",  # a drill's kind, no code name with a year
        "双方讨论了“安全”演习的问题。",  # no code name before the head: a word
    ],
)
def test_no_exercise(text):
    assert not [n for n in names_of(text, "Event") if "演" in n]


def test_programme_in_title():
    text = "国务院印发《关于实施乡村建设提质战略的意见》，要求各地抓好落实。"
    assert names_of(text, "Program") == ["关于实施乡村建设提质战略的意见", "乡村建设提质战略"]
    text = "省政府出台《关于深入推进县域商业体系建设工程的实施意见》。"
    assert "县域商业体系建设工程" in names_of(text, "Program")
    # two implementing verbs in a row: the name starts after the last
    text = "市政府转发《关于推进实施城乡供水提质行动的通知》。"
    names = names_of(text, "Program")
    assert "城乡供水提质行动" in names and "实施城乡供水提质行动" not in names
    text = "某部印发《关于启动实施农机报废更新计划的通知》。"
    assert "农机报废更新计划" in names_of(text, "Program")


def test_no_programme_in_title():
    # a title that carries out no named programme: only the title
    text = "某部印发《关于加强基层治理工作的意见》。"
    assert names_of(text, "Program") == ["关于加强基层治理工作的意见"]
