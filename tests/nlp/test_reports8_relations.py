"""Work reports, round 8: who "we" are in a party congress's report, adverbs before the act.

Invented sentences (the committees' terms and the programmes' names are made up)."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import make_nlp

CC = "gov/cpc-central-committee"


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def _subjects(nlp, text, pred="implements"):
    return {r.subj for r in nlp(text)._.kg.relations if r.pred == pred}


def test_congress_report_is_delivered_by_its_central_committee(nlp):
    text = "报告\n同志们：\n现在，我代表第三十届中央委员会向大会作报告。\n我们要实施海岛兴农战略。"
    assert _subjects(nlp, text) == {CC}


def test_congress_report_with_the_party_name(nlp):
    text = (
        "报告\n现在，我代表中国共产党第三十届中央委员会，向党的第三十一次全国代表大会作报告。\n"
        "实施海岛兴农战略。"
    )
    assert _subjects(nlp, text) == {CC}


def test_another_bodys_committee_is_not_the_partys(nlp):
    text = "报告\n现在，我代表共青团第三十届中央委员会向大会作报告。\n我们要实施海岛兴农战略。"
    assert CC not in _subjects(nlp, text)


def test_a_congress_report_still_says_china_for_woguo(nlp):
    text = "报告\n中国。\n现在，我代表第三十届中央委员会向大会作报告。\n我国实施海岛兴农战略。"
    assert "country/CHN" in _subjects(nlp, text)


@pytest.mark.parametrize("adverb", ["更好", "更加"])
def test_degree_adverb_before_the_act(nlp, adverb):
    text = f"政府工作报告\n现在，我代表国务院，向大会报告工作。\n{adverb}实施海岛兴农战略。"
    assert _subjects(nlp, text) == {"gov/state-council"}


@pytest.mark.parametrize(
    "sentence",
    [
        "做好第三十届全国运动会、2031年世界园艺博览会筹办工作，增加健身场所。",  # no 的
        "继续做好第十五届全国冬季运动会和2031年世界园艺博览会的筹办工作。",
    ],
)
def test_the_work_of_holding_a_list_of_events(nlp, sentence):
    text = f"政府工作报告\n现在，我代表国务院，向大会报告工作。\n{sentence}"
    hosted = {r.obj for r in nlp(text)._.kg.relations if r.pred == "hosted"}
    assert len(hosted) == 2


def test_known_programme_written_with_its_verb(nlp):
    # reports 2018-2022: the verb before a known strategy carries it out
    text = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n（五）大力实施乡村振兴战略。"
    rels = {(r.subj, r.pred, r.obj) for r in nlp(text)._.kg.relations}
    assert ("gov/state-council", "implements", "program/rural-revitalization") in rels


def test_a_report_list_item_speaks_as_we(nlp):
    text = (
        "政府工作报告\n中国。\n现在，我代表国务院，向大会报告工作。\n"
        "（五）坚持对外开放，开放水平显著提升。推进国际合作。中国开放的扩大，促进了自身发展。\n"
        "（六）坚持实施海岛兴农战略，着力推动平衡发展。"
    )
    subj = {r.subj for r in nlp(text)._.kg.relations if r.obj.endswith("海岛兴农战略")}
    assert subj == {"gov/state-council"}
