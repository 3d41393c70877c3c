"""Work and congress reports, round 12: events listed after 举办 with an anniversary
gathering among them, projects by their phase (某某二期工程), lists of programmes each
with the noun of its work (“甲”建设和“乙”工作).

Sentences invented or of the national work and congress reports (public domain)."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import make_nlp

REPORT = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n中国经济稳中向好。\n"


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def _relations(nlp, text):
    kg = nlp(text)._.kg
    ents = kg.entities
    return {(r.subj, r.pred, ents[r.obj].label, r.implicit) for r in kg.relations if r.obj in ents}


def _mentions(nlp, text, type_):
    return {m.text for m in nlp(text)._.kg.mentions if m.type == type_}


def test_anniversary_gathering_in_a_list_of_hosted_events(nlp):
    text = REPORT + (  # 2025 report
        "成功举办中非合作论坛北京峰会、和平共处五项原则发表70周年纪念大会、"
        "中阿合作论坛部长级会议等重大主场外交活动。"
    )
    hosted = {t[2] for t in _relations(nlp, text) if t[1] == "hosted"}
    assert {"和平共处五项原则发表70周年纪念大会", "中阿合作论坛部长级会议"} <= hosted


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("组织好内蒙古自治区成立70周年庆祝活动。", "内蒙古自治区成立70周年庆祝活动"),  # 2017
        ("胡耀邦同志在鲁迅诞辰一百周年纪念大会上指出。", "鲁迅诞辰一百周年纪念大会"),  # 1981
        ("举办中国—东盟建立对话关系30周年纪念峰会。", "中国—东盟建立对话关系30周年纪念峰会"),
    ],
)
def test_anniversary_gathering(nlp, text, name):
    assert name in _mentions(nlp, text, "Event")


def test_organising_a_celebration_holds_it(nlp):
    text = REPORT + "组织好内蒙古自治区成立70周年庆祝活动。"  # 2017 report
    assert ("gov/state-council", "hosted", "内蒙古自治区成立70周年庆祝活动", True) in _relations(
        nlp, text
    )
    assert not {t for t in _relations(nlp, REPORT + "组织好市场供应。") if t[1] == "hosted"}


@pytest.mark.parametrize("text", ["各地举行庆祝活动。", "举行了70周年纪念大会。"])
def test_no_anniversary_of_nothing(nlp, text):
    assert not _mentions(nlp, text, "Event")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("确保青藏铁路、三峡三期工程等一批重点工程建成投产。", "三峡三期工程"),  # 2006 report
        ("南水北调中线一期工程正式通水。", "南水北调中线一期工程"),  # 2015 report
        ("葛洲坝水利枢纽第一期工程建成。", "葛洲坝水利枢纽第一期工程"),  # invented
    ],
)
def test_project_by_its_phase(nlp, text, name):
    assert name in _mentions(nlp, text, "Program")


def test_phase_without_a_deictic_opener(nlp):
    # invented: 当地 says where, it names no project
    names = _mentions(nlp, "得益于当地黄泥河灌区改扩建项目一期工程，灌溉面积扩大。", "Program")
    assert "黄泥河灌区改扩建项目一期工程" in names
    assert not {m for m in names if m.startswith("当地")}


@pytest.mark.parametrize("text", ["这项工程的三期工程已经开工。", "扩建二期工程。"])
def test_no_phase_of_nothing(nlp, text):
    assert not {m for m in _mentions(nlp, text, "Program") if "期工程" in m}


def test_list_with_the_noun_of_each_work(nlp):
    text = REPORT + "推进京津冀协同发展建设和长江经济带发展。"  # invented
    objs = {t[2] for t in _relations(nlp, text) if t[1] == "implements"}
    assert {"京津冀协同发展", "长江经济带发展"} <= objs
