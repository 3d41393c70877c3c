"""Names nested inside another name count when they are entities of their own
(GUIDELINES): the event a press conference is held for, a known plan an event's quoted
theme cites, the plan a proposal's title (《…的建议》) is for.

Sentences invented, or of the national work reports (public domain)."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def _mentions(nlp, text, type_):
    return {m.text for m in nlp(text)._.kg.mentions if m.type == type_}


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        ("今天上午举行成都大运会新闻发布会。", "成都大运会新闻发布会", "成都大运会"),
        (
            "今天上午举行第十五届全国运动会新闻发布会。",
            "第十五届全国运动会新闻发布会",
            "第十五届全国运动会",
        ),
        ("昨天举行哈尔滨亚冬会开幕式新闻发布会。", "哈尔滨亚冬会开幕式新闻发布会", "哈尔滨亚冬会"),
    ],
)
def test_event_a_press_conference_is_held_for(nlp, text, outer, inner):
    events = _mentions(nlp, text, "Event")
    assert {outer, inner} <= events


def test_known_plan_in_a_proposal_title(nlp):
    text = (  # 2021 report
        "党的十九届五中全会通过的《中共中央关于制定国民经济和社会发展第十四个五年规划和"
        "二〇三五年远景目标的建议》，提出了目标。"
    )
    programs = _mentions(nlp, text, "Program")
    assert "国民经济和社会发展第十四个五年规划" in programs
    assert any(p.endswith("远景目标的建议") for p in programs)


def test_nested_plan_is_not_issued_by_the_proposer(nlp):
    text = "中共中央关于制定国民经济和社会发展第十四个五年规划的建议》"  # invented cut
    kg = nlp("《" + text)._.kg
    ents = kg.entities
    issued = {ents[r.obj].label for r in kg.relations if r.pred == "issued" and r.obj in ents}
    assert "国民经济和社会发展第十四个五年规划" not in issued


def test_event_with_and_without_its_year_is_one(nlp):
    text = "北京2022年冬残奥会开幕。记者在北京冬残奥会新闻发布会上获悉。"  # invented
    keys = {m.text: m.key for m in nlp(text)._.kg.mentions if m.type == "Event"}
    assert keys["北京2022年冬残奥会"] == keys["北京冬残奥会"]
    assert keys["北京冬残奥会新闻发布会"] != keys["北京冬残奥会"]

