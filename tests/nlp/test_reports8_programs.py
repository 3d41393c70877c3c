"""Work reports, round 8: campaigns named as the object of 开展 (运动; 斗争 after a quoted
name), not in a statute's duties, not a movement pushed on or a verb.

Sentences invented or taken from the national work reports (public domain)."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def _programs(nlp, text):
    return {m.text for m in nlp(text)._.kg.mentions if m.type == "Program"}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("继续开展全民植树运动，绿化祖国。", "全民植树运动"),  # 1980s report
        ("在全国范围内，开展了批林整风运动。", "批林整风运动"),  # aspect particle
        ("坚持不懈地开展“扫黄”斗争，打击盗版。", "“扫黄”斗争"),  # quoted campaign
        ("深入开展某某行动和爱国卫生运动，倡导健康生活。", "爱国卫生运动"),  # a conjunct
    ],
)
def test_campaign_launched(nlp, text, name):
    assert name in _programs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "深入开展反腐败斗争，加强廉政建设。",  # a struggle described, no campaign's name
        "我们同“某某”斗争，取得胜利。",  # 斗争 a verb
        "推动某国青年运动进一步向前发展。",  # a movement pushed on, not launched
        "开展阶级斗争、生产斗争和科学实验三大革命运动。",  # class nouns and their sum
        "某某条例\n第一条 为了规范管理，制定本条例。\n"
        "第二条 各级人民政府应当组织开展爱国卫生运动。\n"
        "第三条 本条例自公布之日起施行。",  # a statute's duty
    ],
)
def test_no_campaign(nlp, text):
    assert not {p for p in _programs(nlp, text) if p.endswith(("运动", "斗争"))}


def test_counted_package_with_its_class_word(nlp):
    # 2008 report: a package named by its count, 重点 before its field
    assert "十大重点节能工程" in _programs(nlp, "启动十大重点节能工程。燃煤电厂脱硫工程取得进展。")


def test_count_of_items_is_no_package(nlp):
    # 1950s report: a quantity of projects, not a package's name
    assert not _programs(nlp, "技术力量参加二百七十九项重大预备项目的设计。")


def test_counted_package_is_an_object(nlp):
    text = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n启动十大重点节能工程。"
    rels = {(r.subj, r.pred) for r in nlp(text)._.kg.relations}
    assert ("gov/state-council", "implements") in rels
