"""Events the entity stage missed on unseen news, and who took part in them (issues #14, #15):
a body's term without 第 (十五届|全国人大常委会第三次会议), a plenum (某届某中全会), a
numbered session named by its members' post (第三次|委员长会议), a year that opens a
series' edition (2031|某某峰会), a quoted designated month before 活动; attendance with the
time of the act (出席X时/后), a speech at an event (发表重要讲话, 在X上的重要讲话), the speaker
of an event just reported (X举行，A发表重要讲话) and its chair (A委员长主持会议).
Invented sentences only."""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.nlp import extract


def _run(text: str):
    res = extract(Document("t", text))
    names = {k: e.label for k, e in res.entities.items()}
    ents = {(e.label, e.type) for e in res.entities.values()}
    rels = {(names.get(r.subj, r.subj), r.pred, names.get(r.obj, r.obj), r.modality)
            for r in res.relations}  # fmt: skip
    return ents, rels


def _events(text: str) -> set[str]:
    return {label for label, t in _run(text)[0] if t == "Event"}


@pytest.mark.parametrize(
    "text, name",
    [
        ("十六届全国人大常委会第三次会议在北京举行。", "十六届全国人大常委会第三次会议"),
        ("会议指出，中共二十一届五中全会对改革作出部署。", "中共二十一届五中全会"),
        (
            "十六届全国人大常委会第七次委员长会议5日在北京举行。",
            "十六届全国人大常委会第七次委员长会议",
        ),
        ("2031两岸青年企业家峰会在某市举行。", "两岸青年企业家峰会"),
    ],
)
def test_event_names(text, name):
    assert name in _events(text), _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "这是五中全会提出的要求。",  # a plenum is named with its term
        "林远山主持召开全国政协主席会议。",  # a standing meeting, no numbered session
        "他已连续三届参加全国运动会。",  # a count of editions, not a term
    ],
)
def test_no_event_name(text):
    ev = _events(text)
    assert not any(e.endswith(("中全会", "主席会议", "三届全国运动会")) for e in ev), ev


def test_quoted_designated_month_is_an_event_hosted():
    ents, rels = _run("由水利部主办的2031年“全国节水宣传月”活动在某市启动。")
    ev = [label for label, t in ents if "节水宣传月" in label]
    assert ev and all(t == "Event" for label, t in ents if "节水宣传月" in label), ents
    assert any(p == "hosted" and "节水宣传月" in o for _, p, o, _m in rels), rels


@pytest.mark.parametrize(
    "text",
    [
        "外交部部长苗立新出席第五届世界山地旅游大会时表示，各方要加强合作。",
        "外交部部长苗立新出席第五届世界山地旅游大会后前往南宁。",
        "国务院副总理苗立新在2031年世界山地旅游大会上发表重要讲话。",
        "国务院副总理苗立新在2031年世界山地旅游大会上的重要讲话引起广泛关注。",
        "2031年世界山地旅游大会5日在桂林开幕，国务院副总理苗立新发表重要讲话、参观展览。",
    ],
)
def test_attends_event(text):
    _, rels = _run(text)
    assert ("苗立新", "participatesIn", "世界山地旅游大会", "asserted") in {
        (s, p, o.replace("2031年", "").replace("第五届", ""), m) for s, p, o, m in rels
    }, rels


def test_chair_named_before_his_post():
    text = "十六届全国人大常委会第七次委员长会议5日在北京举行。林建华委员长主持会议。"
    _, rels = _run(text)
    assert any(
        s == "林建华" and p == "participatesIn" and "委员长会议" in o for s, p, o, _m in rels
    ), rels


def test_announced_speech_is_planned():
    text = "2031年世界山地旅游大会将于5日在桂林举行闭幕会，国务院副总理苗立新将发表讲话。"
    _, rels = _run(text)
    got = [m for s, p, o, m in rels if s == "苗立新" and p == "participatesIn"]
    assert got == ["planned"] or got == [], rels
    assert "asserted" not in got


def test_time_tail_not_a_noun():
    # 出席X时间表: X modifies another noun; no relation from 时 here
    _, rels = _run("外交部部长苗立新确定出席2031年世界山地旅游大会时间表。")
    assert not any(p == "participatesIn" for _s, p, _o, _m in rels), rels


def test_spirit_of_an_event_is_not_what_is_held():
    _, rels = _run("某部面向各国使节举办中共二十一届五中全会精神专题宣介会。")
    assert not any(p == "hosted" and "全会" in o for _s, p, o, _m in rels), rels


@pytest.mark.parametrize(
    "text, name",
    [
        ("《某某海洋公约》第五次缔约方大会在某市开幕。", "某某海洋公约第五次缔约方大会"),
        ("各方在《某某武器条约》审议大会上表明立场。", "某某武器条约审议大会"),
    ],
)
def test_meeting_of_a_treatys_parties(text, name):
    assert name in _events(text), _events(text)


def test_council_of_ministers_chair_is_no_meeting():
    assert not _events("国家主席致电祝贺他就任某某共和国部长会议主席。")


def test_some_meetings_of_a_body_are_no_name():
    assert not _events("某部副部长林建华当天参加欧盟相关会议后表示，将加强合作。")


def test_quoted_version_opens_a_programme():
    ents, _ = _run("双方将共建“一带一路”同“某国2.0”国家复苏计划对接。")
    assert ("某国2.0国家复苏计划", "Program") in ents, ents


def test_standing_committee_member_attends_event_just_held():
    text = (
        "第五届两岸青年企业家峰会14日在某市开幕。中共中央政治局常委、全国政协主席林建华出席并致辞。"
    )
    _, rels = _run(text)
    assert any(s == "林建华" and p == "participatesIn" for s, p, _o, _m in rels), rels


@pytest.mark.parametrize(
    "text, events",
    [
        # the speech as a noun, its speaker before 在 whatever opens the clause
        (
            "各方高度评价林建华主席在第五届世界山地旅游大会和第三届全球智慧农业论坛上的主旨讲话。",
            {"世界山地旅游大会", "全球智慧农业论坛"},
        ),
        ("论学习贯彻林建华主席在第五届世界山地旅游大会上重要讲话。", {"世界山地旅游大会"}),
        # a session of the event after its name
        ("国务院副总理林建华出席第五届世界山地旅游大会全会并致辞。", {"世界山地旅游大会"}),
    ],
)
def test_speaker_and_session(text, events):
    _, rels = _run(text)
    got = {o.replace("第五届", "").replace("第三届", "") for s, p, o, _m in rels
           if s == "林建华" and p == "participatesIn"}  # fmt: skip
    assert events <= got, rels


def test_organisers_after_the_theme_with_an_unknown_name_among_them():
    text = (
        "第五届世界山地旅游大会当日在某市开幕，主题为“山地与未来”，"
        "由中国社会科学院、某某山地研究会和农业农村部共同主办。"
    )
    _, rels = _run(text)
    hosts = {s for s, p, o, _m in rels if p == "hosted" and "山地旅游大会" in o}
    assert {"中国社会科学院", "农业农村部"} <= hosts, rels


@pytest.mark.parametrize(
    "text, name",
    [
        ("第十六届全国运动会在某市开幕。", "全国运动会"),  # the edition folded
        ("纪念某某同志诞辰100周年座谈会在北京举行。", "纪念某某同志诞辰100周年座谈会"),
        ("庆祝某某学会成立60周年招待会在北京举行。", "庆祝某某学会成立60周年招待会"),
    ],
)
def test_edition_of_national_games_and_anniversary_gatherings(text, name):
    assert name in _events(text), _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "全国运动会是一项综合性运动会。",  # no edition: the class
        "村里召开座谈会。",
        "中国驻某国使馆举行新春招待会。",
        "中共中央政治局常委林建华主持座谈会。",  # 主持 governs the meeting
    ],
)
def test_no_name_for_a_class_of_gatherings(text):
    assert not _events(text), _events(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("我们要认真总结二十一届三中全会以来的经验。", "二十一届三中全会"),
        ("民革二十届四中全会在北京举行。", "民革二十届四中全会"),
    ],
)
def test_plenum_starts_at_its_party_or_term(text, name):
    assert name in _events(text), _events(text)


def test_speech_at_a_joint_anniversary_gathering():
    text = (
        "论学习贯彻林建华主席在庆祝澳门回归祖国30周年大会暨"
        "澳门特别行政区第七届政府就职典礼上重要讲话。"
    )
    _, rels = _run(text)
    assert any(
        s == "林建华" and p == "participatesIn" and "回归祖国30周年大会" in o
        for s, p, o, _m in rels
    ), rels


def test_a_cpc_plenum_is_one_entity_whatever_names_its_party():
    text = (
        "中共二十一届三中全会在北京举行。会议指出，要学习二十一届三中全会精神。"
        "中国共产党二十一届三中全会通过了决定。民革二十一届三中全会也已召开。"
    )
    res = extract(Document("t", text))
    keys = {m.key for m in res.mentions if m.type == "Event"}
    assert len(keys) == 2, keys  # the CPC's plenum and 民革's


@pytest.mark.parametrize(
    "text",
    [
        "国务院总理林建华在结束出席第五届世界山地旅游大会并对某国进行正式访问后，乘包机回到北京。",
        "国务院总理林建华在出席第五届世界山地旅游大会后前往某地。",
    ],
)
def test_attended_before_what_followed(text):
    _, rels = _run(text)
    assert any(s == "林建华" and p == "participatesIn" for s, p, _o, _m in rels), rels
