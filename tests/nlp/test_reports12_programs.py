"""Work and congress reports, round 12: campaigns after a verb with its manner (广泛开展),
plans an issuing verb governs (制定|…总体方案), the plan of a known programme (…战略|
五年行动计划), proposals in titles (《…的建议》), and no event made of a clause before a
body whose name ends in an event's head (…建议|全国人民代表大会).

Sentences invented or of the national work and congress reports (public domain)."""

from __future__ import annotations

import pytest

from kg.nlp.components.heads.implemented_names import PLAN_ISSUE_VERBS, PROSE_RESCUED
from kg.nlp.gazetteer import ONTOLOGY_DIR, read_lines
from kg.nlp.pipeline import make_nlp

REPORT = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def _mentions(nlp, text, type_="Program"):
    return {m.text for m in nlp(text)._.kg.mentions if m.type == type_}


def _relations(nlp, text):
    kg = nlp(text)._.kg
    ents = kg.entities
    return {(r.subj, r.pred, ents[r.obj].label) for r in kg.relations if r.obj in ents}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("同时，在城乡广泛开展爱国卫生运动。", "爱国卫生运动"),  # 2004 report
        ("广泛开展质量提升行动，加强全面质量管理。", "质量提升行动"),  # 2017 report
    ],
)
def test_verb_with_its_manner_governs_the_campaign(nlp, sentence, name):
    # jieba reads 广泛开展 as one word and tags 广泛 an adjective: still the verb's manner
    assert name in _mentions(nlp, REPORT + sentence)
    assert ("gov/state-council", "implements", name) in _relations(nlp, REPORT + sentence)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("抓紧制定收入分配体制改革总体方案。", "收入分配体制改革总体方案"),  # 2012 report
        ("出台国家公园体制总体方案，为生态文明建设提供制度保障。", "国家公园体制总体方案"),
        ("尽快制定投融资体制改革方案，争取早日实施。", "投融资体制改革方案"),  # 2002 report
    ],
)
def test_plan_an_issuing_verb_governs(nlp, sentence, name):
    assert ("gov/state-council", "issued", name) in _relations(nlp, REPORT + sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "各地要编制土地利用规划。",  # a class of plans every place draws up
        "各县要制定住房规划。",
        "编制行业发展规划。",
    ],
)
def test_no_plan_of_a_short_field(nlp, sentence):
    assert not {m for m in _mentions(nlp, REPORT + sentence) if m.endswith("规划")}


@pytest.mark.parametrize(
    "sentence",
    [  # invented: a body's own plan of a class (本市, 本行政区域), a new edition of one
        "市人民政府组织编制本市供水设施建设规划。",
        "县级人民政府编制本行政区域湿地保护修复规划。",
        "某市近日制定新版城市总体规划。",
    ],
)
def test_no_plan_after_a_deictic_opener(nlp, sentence):
    assert not {m for m in _mentions(nlp, sentence) if m.endswith("规划")}


def test_issuing_verbs_and_subsidy_heads_are_the_lexicon_s():
    # one place for each: a row added to the lexicon reaches the rules (签发 did not)
    rows = [x.split("\t") for x in read_lines(ONTOLOGY_DIR / "lexicon" / "relation_triggers.tsv")]
    issuing = {
        r[1]
        for r in rows
        if r[0] == "trigger" and r[2] == "issued" and len(r[1]) == 2 and "Program" in r[3]
        and "titled" not in (r[4] if len(r) > 4 else "")
    }
    assert "签发" in issuing and issuing == PLAN_ISSUE_VERBS
    heads = [x.split() for x in read_lines(ONTOLOGY_DIR / "lexicon" / "open_heads.tsv")]
    policies = {h[0] for h in heads if h[0].endswith("政策") and h[2:] == ["verb"]}
    assert policies and policies <= PROSE_RESCUED


def test_plan_of_a_known_programme(nlp):
    # invented; 区域 opens class nouns too (区域规划), here the known strategy
    text = REPORT + "制定实施区域协调发展战略三年行动计划。"
    assert "区域协调发展战略三年行动计划" in _mentions(nlp, text)


def test_major_projects_of_a_plan_stay_a_class(nlp):
    text = REPORT + "实施“十四五”规划重大工程。"  # 2022 report
    assert "“十四五”规划重大工程" not in _mentions(nlp, text)


def test_proposal_title_is_a_programme(nlp):
    text = (  # 2001 report
        "中国共产党十五届五中全会通过的《中共中央关于制定国民经济和社会发展第十个五年计划的"
        "建议》，提出了未来五年的奋斗目标。根据《建议》的精神，国务院制定了纲要。"
    )
    kg = nlp(text)._.kg
    keys = {m.key for m in kg.mentions if m.text in ("建议",) or m.text.endswith("的建议")}
    assert len(keys) == 1 and kg.entities[keys.pop()].type == "Program"
    # a known plan the title cites is a name of its own (nested names count)
    assert "国民经济和社会发展第十个五年计划" in _mentions(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "中共中央和国务院建议全国人民代表大会批准这个草案。",  # invented
        "我们提请全国人民代表大会审议这个计划。",
    ],
)
def test_no_event_of_a_clause_before_a_body(nlp, text):
    assert not _mentions(nlp, text, "Event")
    assert "全国人民代表大会" in _mentions(nlp, text, "GovernmentBody")


def test_session_of_a_body_stays_an_event(nlp):
    text = "第十三届全国人民代表大会第一次会议在北京举行。"
    assert "第十三届全国人民代表大会第一次会议" in _mentions(nlp, text, "Event")


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("实行住院分娩补助政策。", "住院分娩补助政策"),  # 2009 report
        ("实施农业生产资料综合补贴政策。", "农业生产资料综合补贴政策"),  # 2007 report
        ("实行新一轮草原生态保护补助奖励政策。", "草原生态保护补助奖励政策"),  # 2016 report
        ("实施新一轮农村电网改造升级工程。", "农村电网改造升级工程"),  # 2016 report
    ],
)
def test_subsidy_policy_and_new_round_after_the_verb(nlp, sentence, name):
    assert ("gov/state-council", "implements", name) in _relations(nlp, REPORT + sentence)


@pytest.mark.parametrize("sentence", ["落实好各项补贴政策。", "完善农业补贴政策。"])
def test_no_subsidy_policy_without_a_field_or_verb(nlp, sentence):
    assert not {m for m in _mentions(nlp, REPORT + sentence) if m.endswith("政策")}


def test_subsidy_policy_in_a_statute_is_a_duty():
    text = (
        "某某促进条例\n第一条　为了促进生产，制定本条例。\n"
        "第二条　本条例适用于本省。\n第三条　省人民政府实施农机购置补贴政策。\n"
    )
    assert "农机购置补贴政策" not in _mentions(make_nlp(), text)


@pytest.mark.parametrize("sentence", ["必须实行指令性计划。", "对其他产品实行指导性计划。"])
def test_kind_of_planning_is_no_programme(nlp, sentence):
    # 1982 and 1984 reports: a kind of planning (…性), now that 实行 governs a name
    assert not _mentions(nlp, REPORT + sentence)
