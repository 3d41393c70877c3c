"""cooperatesWith from administrative prose: A会同B (acting jointly)."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract


def labelled(text: str) -> set[tuple[str, str, str]]:
    res = extract(Document("t", text))
    lab = {k: e.label for k, e in res.entities.items()}
    return {(lab.get(r.subj, r.subj), r.pred, lab.get(r.obj, r.obj)) for r in res.relations}


def test_acting_jointly():
    got = labelled("具体办法由财政部会同国家税务总局制定。")
    assert ("财政部", "cooperatesWith", "国家税务总局") in got


def test_jointly_with_an_unnamed_body_is_nothing():
    got = labelled("具体办法由财政部会同国务院有关部门制定。")
    assert not {r for r in got if r[1] == "cooperatesWith"}


def test_attending_together_is_no_cooperation():
    got = labelled("国务院总理李强同新加坡总理共同出席2030年世界互联网大会。")
    assert not {r for r in got if r[1] == "cooperatesWith"}


def test_cooperation_stated_after_attending_together():
    got = labelled("中国同泰国共同出席仪式并深化务实合作。")
    assert ("中国", "cooperatesWith", "泰国") in got
