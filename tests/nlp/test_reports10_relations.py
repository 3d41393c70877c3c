"""Work reports, round 10: relations of a decision to act (国务院决定成立X).

Sentences invented or of the national work reports (public domain)."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def _triples(nlp, text):
    return {(r.subj, r.pred, r.obj) for r in nlp(text)._.kg.relations}


def test_decision_to_found_an_organisation(nlp):
    # 1994 report
    text = "为了推动我国工程科学技术的发展，国务院决定成立中国工程院，筹备工作正在进行。"
    assert ("gov/state-council", "initiated", "org/cae") in _triples(nlp, text)


def test_no_decision_no_relation(nlp):
    text = "国务院讨论了成立中国工程院的问题。"
    assert not {t for t in _triples(nlp, text) if t[1] == "initiated"}


REPORT = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n"


@pytest.mark.parametrize(
    "sentence",
    [
        "创新实施海岛兴农工程，提高服务水平。",  # 2022-2024 reports: 创新实施文化惠民工程
        "科学开展海岛绿化行动。",
        "坚持不懈地开展“扫黄”斗争，打击盗版。",  # 1995 report
    ],
)
def test_manner_before_the_verb(nlp, sentence):
    rels = {(r.subj, r.pred) for r in nlp(REPORT + sentence)._.kg.relations}
    assert ("gov/state-council", "implements") in rels
