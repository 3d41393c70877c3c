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
    text = "根据《中共中央关于制定国民经济和社会发展第十三个五年规划的建议》，国务院编制了纲要。"
    # (2016 report)
    programs = _mentions(nlp, text, "Program")
    assert "国民经济和社会发展第十三个五年规划" in programs
    assert any(p.endswith("五年规划的建议") for p in programs)


def test_nested_plan_is_not_issued_by_the_proposer(nlp):
    text = "中共中央关于制定国民经济和社会发展第十四个五年规划的建议》"  # invented cut
    kg = nlp("《" + text)._.kg
    ents = kg.entities
    issued = {ents[r.obj].label for r in kg.relations if r.pred == "issued" and r.obj in ents}
    assert "国民经济和社会发展第十四个五年规划" not in issued


def test_event_with_and_without_its_year_is_one(nlp):
    text = "成都2023年大运会开幕。记者在成都大运会新闻发布会上获悉。"  # invented
    keys = {m.text: m.key for m in nlp(text)._.kg.mentions if m.type == "Event"}
    assert keys["成都2023年大运会"] == keys["成都大运会"]
    assert keys["成都大运会新闻发布会"] != keys["成都大运会"]


@pytest.mark.parametrize(
    ("text", "name"),
    [  # invented
        ("第九届环洱海山地自行车赛明日开赛。", "第九届环洱海山地自行车赛"),
        ("2025第三届环太湖业余自行车赛在无锡开赛。", "2025第三届环太湖业余自行车赛"),
        ("第7届广播文艺“长风奖”颁奖典礼在西安举行。", "第7届广播文艺“长风奖”颁奖典礼"),
        ("第十二届中国纪录片“远山奖”颁奖典礼在京举行。", "第十二届中国纪录片“远山奖”颁奖典礼"),
    ],
)
def test_edition_and_race_around_a_place_open_the_name(nlp, text, name):
    assert name in _mentions(nlp, text, "Event")


def test_a_venues_award_ceremony_is_no_event(nlp):
    text = "大理赛区颁奖仪式在洱海边举行。"  # invented
    assert not any(n.endswith("颁奖仪式") for n in _mentions(nlp, text, "Event"))
    text = "第十届全国大学生运动会颁奖仪式在大理举行。"  # invented
    assert "第十届全国大学生运动会颁奖仪式" in _mentions(nlp, text, "Event")
