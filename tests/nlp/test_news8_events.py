"""Gatherings named after a study campaign on unseen news, round 8 (issues #14, #15):
学习贯彻某某思想主题教育推进会, 某级领导干部学习贯彻某某精神专题研讨班 are events and who
attends them takes part; 学习贯彻某会议精神 is a verb phrase. Invented sentences only."""

from __future__ import annotations

from tests.nlp.extraction import triples


def _run(text: str):
    ents, rels = triples(text)
    return {label for label, t in ents if t == "Event"}, rels


def test_a_study_campaign_meeting_is_an_event_its_attendee_takes_part():
    events, rels = _run(
        "学习贯彻某某思想主题教育推进会5日在京召开。国务院副总理苗立新出席会议并讲话。"
    )
    name = "学习贯彻某某思想主题教育推进会"
    assert name in events, events
    assert ("苗立新", "participatesIn", name) in rels, rels


def test_a_seminar_of_cadres_studying_a_spirit_is_an_event():
    events, _ = _run("外交部部长张国华在省部级主要领导干部学习贯彻某某全会精神专题研讨班上讲话。")
    assert any(e.endswith("学习贯彻某某全会精神专题研讨班") for e in events), events


def test_studying_a_meetings_spirit_is_no_name():
    events, _ = _run("论学习贯彻中央某某工作会议精神。各地要学习贯彻会议精神，推动工作会议落实。")
    assert not any(e.startswith("学习贯彻") for e in events), events
