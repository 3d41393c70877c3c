"""Work reports, round 10: programmes named by a field and a class word (重大, 重点) as the
object of an implementing verb.

Sentences invented (the fields are made up) or of the national work reports (public domain)."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import make_nlp
from tests.nlp.extraction import programs

REPORT = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("实施中医药振兴发展重大工程。", "中医药振兴发展重大工程"),  # 2021 report
        ("加快实施海岛兴农发展重大工程。", "海岛兴农发展重大工程"),
        # 2013 words, 2023: the class word before a name the corpus knows as a unit
        # (curated/program_names.tsv) ranks it: the name is the known one
        ("加快推进重点文化惠民工程，丰富乡村的书屋和剧场。", "文化惠民工程"),
        ("开展重点产业强链补链行动。", "产业强链补链行动"),
        ("开展重点山区护林防火专项行动。", "重点山区护林防火专项行动"),
    ],
)
def test_field_and_class_word_governed(nlp, text, name):
    assert name in programs(nlp, REPORT + text)


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
    assert not {p for p in programs(nlp, REPORT + text) if p.endswith(("工程", "行动"))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("坚决打好海岛污染防治攻坚战。", "海岛污染防治攻坚战"),
        ("打好海岛兴农攻坚战和持久战。", "海岛兴农攻坚战"),
    ],
)
def test_battle_fought_as_a_campaign(nlp, text, name):
    text = REPORT + text
    assert name in programs(nlp, text)
    assert any(r.pred == "implements" for r in nlp(text)._.kg.relations)


@pytest.mark.parametrize(
    "text",
    [
        "坚决打好三大攻坚战。",  # a count of battles
        "打好某某斗争攻坚战、总体战和持久战。",  # a struggle's stages, rhetoric
        "这场海岛兴农攻坚战取得胜利。",  # no verb fights it
    ],
)
def test_no_battle_campaign(nlp, text):
    assert not {p for p in programs(nlp, REPORT + text) if p.endswith("攻坚战")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("抓紧全面实施灾后恢复重建总体规划。", "灾后恢复重建总体规划"),  # 2009 report
        ("制定实施新十年农村扶贫开发纲要，提高扶贫标准。", "新十年农村扶贫开发纲要"),  # 2012
        ("大范围实施海岛产业调整振兴规划，提高竞争力。", "海岛产业调整振兴规划"),
        ("实施重点海岛产业振兴规划。", "重点海岛产业振兴规划"),  # a field and its class word
    ],
)
def test_plan_governed_in_prose(nlp, text, name):
    assert name in programs(nlp, REPORT + text)


@pytest.mark.parametrize(
    "text",
    [
        "制定实施城市群规划，推进同城化。",  # a class of plans
        "编制实施发展规划纲要。",  # no field
        "制定和实施中长期发展规划和年度计划。",  # a period, no field
        "推进乡镇供水管网统一规划建设运维。",  # 规划 a verb
        "为发展海岛渔业作出长远规划。",  # a clause
        "某某条例\n第一条 为了规范管理，制定本条例。\n"
        "第二条 县级以上人民政府应当组织实施海岛产业振兴规划。\n"
        "第三条 本条例自公布之日起施行。",  # a statute's duty
    ],
)
def test_no_plan_named(nlp, text):
    assert not {p for p in programs(nlp, REPORT + text) if p.endswith(("规划", "纲要"))}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("加快实施国家科技重大专项，突破关键技术。", "国家科技重大专项"),  # 2009-2025 reports
        ("实施海岛兴农育种科技重大专项。", "海岛兴农育种科技重大专项"),
    ],
)
def test_major_special_project(nlp, text, name):
    assert name in programs(nlp, REPORT + text)


@pytest.mark.parametrize(
    "text", ["继续实施一批重大科技专项。", "组织开展“某网”专项工作，侦办案件。"]
)
def test_special_project_class_or_quoted(nlp, text):
    found = programs(nlp, REPORT + text)
    assert not {p for p in found if p.endswith("专项") and "“" not in p}


def test_adverb_right_after_the_verb_opens_the_field(nlp):
    # 2021-2023 reports: 稳步推进|长期|护理保险制度试点 (jieba tags 长期 an adverb)
    text = REPORT + "稳步推进长期护理保险制度试点。"
    assert "长期护理保险制度试点" in programs(nlp, text)


def test_adverb_before_the_verb_is_no_part_of_the_name(nlp):
    assert not {p for p in programs(nlp, REPORT + "长期开展护理试点。") if p.endswith("试点")}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("制定并实施出口退税机制改革方案。", "出口退税机制改革方案"),  # 2004 report
        ("近两年，又提出并实施海岛兴农综合性工作方案。", "海岛兴农综合性工作方案"),
        ("制定2031年前海岛兴农行动方案。", "2031年前海岛兴农行动方案"),  # a year names it
    ],
)
def test_scheme_by_kind(nlp, text, name):
    assert name in programs(nlp, REPORT + text)


@pytest.mark.parametrize(
    "text",
    [
        "隧道首次采用“三洞+四竖井”方案。",  # an engineering proposal: no scheme's kind
        "某某普查条例\n第一条 为了规范普查，制定本条例。\n"
        "第二条 普查人员应当严格执行全国海岛普查工作方案。\n"
        "第三条 本条例自公布之日起施行。",  # a statute's instrument
    ],
)
def test_no_scheme(nlp, text):
    assert not {p for p in programs(nlp, REPORT + text) if p.endswith("方案")}
