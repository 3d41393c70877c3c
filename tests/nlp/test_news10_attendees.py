"""Who takes part, round 10 (issues #14, #15): a story announcing an event (甲将出席在某地举行的X)
and its later list of those who will attend, each with country and post; named attendees that
close a group (甲、乙等多国政要和部长级代表以及丙等), 与会/列席 as verbs of attending, and a
clause of a few words between named attendees that ends the list. Invented sentences only."""

from __future__ import annotations

from tests.nlp.extraction import entities_and_relations, triples

_ANNOUNCED = (
    "苗立新将出席高原茶叶展览会开幕式\n\n"
    "国家副主席苗立新将于6月3日出席在某市举行的第9届高原茶叶展览会开幕式并发表演讲。\n\n"
)


def _took(text: str) -> set[str]:
    return {s for s, p, _ in triples(text)[1] if p == "participatesIn"}


def test_an_announced_event_and_those_who_will_attend():
    text = _ANNOUNCED + (
        "甲国总理张国华、乙国副总统李明远等多国政要和部长级代表以及某组织秘书长王建新等"
        "将出席开幕式。"
    )
    rels = entities_and_relations(text)[1]
    for name in ("张国华", "李明远", "王建新"):
        assert (name, "participatesIn", "高原茶叶展览会", "planned") in rels, rels


def test_a_list_that_will_attend_after_a_past_event_is_none():
    text = (
        "2031年全球山地旅游大会5日在桂林开幕。国务院副总理苗立新出席开幕式并致辞。\n\n"
        "甲国总理张国华、乙国副总统李明远将出席。"
    )
    assert not _took(text) & {"张国华", "李明远"}


def test_those_who_sat_in_take_part():
    text = (
        "2031年全球山地旅游大会5日在桂林开幕。国务院副总理苗立新出席开幕式并致辞。\n\n"
        "甲国总理张国华，乙国副总统李明远以及多边机构代表列席。"
    )
    assert {"张国华", "李明远"} <= _took(text)


def test_a_clause_between_named_attendees_ends_the_list():
    text = (
        "2031年全球山地旅游大会5日在桂林开幕。国务院副总理苗立新出席开幕式并致辞。\n\n"
        "甲国总理张国华，有关代表发言，乙国副总统李明远主持。"
    )
    took = _took(text)
    assert "李明远" in took and "张国华" not in took


def test_the_speaker_of_a_speech_delivered_at_an_event():
    text = "干部群众热议国家副主席周明远在第二届山河合作论坛开幕式上发表的讲话。"
    assert ("周明远", "participatesIn", "山河合作论坛") in triples(text)[1]


def test_the_bare_head_of_the_story_event_and_its_organisers():
    text = (
        "第五届山河合作论坛在京举办\n"
        "第五届山河合作论坛5日在北京举办。\n"
        "论坛由商务部、某某研究会和外交部共同主办。"
    )
    rels = triples(text)[1]
    hosts = {s for s, p, o in rels if p == "hosted" and o == "山河合作论坛"}
    assert {"商务部", "外交部"} <= hosts, rels
