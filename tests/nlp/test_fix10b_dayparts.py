"""Review of round 10 (S1): the parts of the day are one closed class (relation_triggers.tsv,
``daypart``) read by the grammar and by the two regexes of a meeting's holding (held.py,
heads/split_sessions.py): 傍晚, 清晨, 深夜… too. Invented sentences only."""

from __future__ import annotations

from kg.nlp.components.heads.split_sessions import SPLIT
from tests.nlp.extraction import triples


def test_a_part_of_the_day_missing_before_between_subject_and_verb():
    rels = triples("外交部部长张国华5日傍晚在某地出席第三届江湖文化论坛。")[1]
    assert ("张国华", "participatesIn", "江湖文化论坛") in rels, rels


def test_a_session_held_in_the_early_morning():
    m = SPLIT.match("9日清晨在某地举行第四十二次委员长会议。")
    assert m is not None and m.group("ord") == "第四十二次"


def test_a_body_holds_an_event_in_the_evening_and_a_person_chairs_it():
    text = "外交部5日傍晚在北京举行江湖文化论坛。部长张国华主持论坛。"
    took = {(s, p) for s, p, o in triples(text)[1] if o == "江湖文化论坛"}
    assert ("张国华", "hosted") in took, took
