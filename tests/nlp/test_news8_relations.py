"""Relations on unseen news, round 8 (issues #14, #15): who takes part in the event a story
opens with when a later list of attendees names no event (each person with his country,
body or posts before him, groups joined by 、，和 以及, unnamed attendees after the last
name), and cooperation stated in a relative clause (甲与乙签署的…合作协议) but not an
agreement a relative clause with another verb describes. Invented sentences only."""

from __future__ import annotations

from tests.nlp.extraction import triples


def _rels(text: str):
    return triples(text)[1]


_LEAD = "2031年全球山地旅游大会5日在桂林开幕。国务院副总理苗立新出席开幕式并致辞。\n\n"


def test_a_later_list_of_attendees_with_their_posts_takes_part():
    rels = _rels(
        _LEAD + "国务院副秘书长、外交部部长张国华，全国政协副主席李明远、王建新等出席。"
    )
    took = {s for s, p, _ in rels if p == "participatesIn"}
    assert {"张国华", "李明远", "王建新"} <= took, rels


def test_attendees_after_a_chair_clause_and_before_unnamed_ones():
    rels = _rels(
        _LEAD + "会议由商务部部长李明远主持，全国政协副主席王建新、某国代表等约300人参加。"
    )
    assert ("王建新", "participatesIn", "全球山地旅游大会") in rels, rels


def test_a_negated_or_planned_attendance_is_none():
    rels = _rels(_LEAD + "外交部部长张国华未出席。全国政协副主席王建新将出席。")
    took = {s for s, p, _ in rels if p == "participatesIn"}
    assert not took & {"张国华", "王建新"}, rels


def test_a_list_that_does_not_open_its_clause_is_no_attendance():
    rels = _rels(_LEAD + "大家欢迎全国政协副主席王建新参加。")
    assert not any(s == "王建新" and p == "participatesIn" for s, p, _ in rels), rels


def test_parties_of_an_agreement_in_a_relative_clause_cooperate():
    rels = _rels("泰国总理称，泰国与老挝签署的电力合作协议已经生效。")
    assert ("泰国", "cooperatesWith", "老挝") in rels, rels


def test_an_agreement_described_by_another_verb_is_no_cooperation():
    rels = _rels("越南将加入与老挝实现关系正常化的“某某协议”。")
    assert not any(p == "cooperatesWith" for _, p, _ in rels), rels


def test_attendees_of_talks_held_during_an_event_are_not_its_participants():
    text = (
        "国家主席周明远5日在某地出席2031年全球山地旅游大会期间会见某国总统。\n\n"
        "外交部部长张国华，全国政协副主席李明远等参加。"
    )
    rels = _rels(text)
    assert not any(s in ("张国华", "李明远") and p == "participatesIn" for s, p, _ in rels), rels


def test_organisers_of_the_story_event_named_by_a_determiner_hosted_it():
    text = (
        "丝路云商论坛在杭州开幕\n\n第三届丝路云商论坛5日在杭州开幕。\n\n"
        "本届论坛由商务部、湖南省人民政府联合主办。"
    )
    rels = _rels(text)
    hosts = {s for s, p, o in rels if p == "hosted" and o == "丝路云商论坛"}
    assert {"商务部", "湖南省人民政府"} <= hosts, rels


def test_a_determiner_without_a_story_event_hosts_nothing():
    rels = _rels("本届论坛由商务部、湖南省人民政府联合主办。")
    assert not any(p == "hosted" for _, p, _ in rels), rels


def test_the_partner_of_lianhe_shares_the_verb():
    rels = _rels("2030年，商务部联合外交部等部门共同发起“丝路云商”合作行动。")
    assert ("外交部", "initiated", "“丝路云商”合作行动") in rels or any(
        s == "外交部" and p == "initiated" for s, p, _ in rels
    ), rels
