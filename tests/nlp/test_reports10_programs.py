"""Work reports, round 10: programmes named by a field and a class word (重大, 重点) as the
object of an implementing verb.

Sentences invented (the fields are made up) or of the national work reports (public domain)."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import make_nlp

REPORT = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def _programs(nlp, text):
    return {m.text for m in nlp(text)._.kg.mentions if m.type == "Program"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("实施中医药振兴发展重大工程。", "中医药振兴发展重大工程"),  # 2021 report
        ("加快实施海岛兴农发展重大工程。", "海岛兴农发展重大工程"),
        ("加快推进重点文化惠民工程，完善公共文化服务体系。", "重点文化惠民工程"),  # 2013
        ("开展重点产业强链补链行动。", "重点产业强链补链行动"),  # 2023
        ("开展重点山区护林防火专项行动。", "重点山区护林防火专项行动"),
    ],
)
def test_field_and_class_word_governed(nlp, text, name):
    assert name in _programs(nlp, REPORT + text)


@pytest.mark.parametrize(
    "text",
    [
        "实施一批重大工程。",  # a count of a class
        "实施“十四五”重大工程。",  # a period's class of projects
        "实施重大生态修复工程。",  # 重大 before the field: a class of works
        "做好有关重点工程的验收。",  # no implementing verb, a class
        "海岛兴农发展重大工程进展顺利。",  # not governed
    ],
)
def test_class_word_alone_names_no_programme(nlp, text):
    assert not {p for p in _programs(nlp, REPORT + text) if p.endswith(("工程", "行动"))}
