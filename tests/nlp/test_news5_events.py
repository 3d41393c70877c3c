"""Events the entity stage missed on unseen news, and who took part in them (issues #14, #15):
a body's term without 第 (十七届|某某委员会第九次会议), a plenum (某届某中全会), a
numbered session named by its members' post (第三次|委员长会议), a year that opens a
series' edition (2031|某某峰会), a quoted designated month before 活动; attendance with the
time of the act (出席X时/后), a speech at an event (发表重要讲话, 在X上的重要讲话), the speaker
of an event just reported (X举行，A发表重要讲话) and its chair (A委员长主持会议).
Invented sentences only."""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.nlp import extract
from tests.nlp.extraction import entities_and_relations as _run
from tests.nlp.extraction import event_names as _events


@pytest.mark.parametrize(
    "text, name",
    [
        ("十七届全国人大常委会第十九次会议定于下周召开。", "十七届全国人大常委会第十九次会议"),
        ("文件强调，中共二十二届七中全会将审议有关事项。", "中共二十二届七中全会"),
        (
            "十七届全国人大常委会第十二次委员长会议于9日召开。",
            "十七届全国人大常委会第十二次委员长会议",
        ),
        ("2031中外青年创客峰会在某市举行。", "中外青年创客峰会"),
    ],
)
def test_event_names(text, name):
    assert name in _events(text), _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "这些都是七中全会部署的任务。",  # a plenum is named with its term
        "林远山昨天在京召集全国政协主席会议。",  # a standing meeting, no numbered session
        "他已连续三届参加全国运动会。",  # a count of editions, not a term
    ],
)
def test_no_event_name(text):
    ev = _events(text)
    assert not any(e.endswith(("中全会", "主席会议", "三届全国运动会")) for e in ev), ev


def test_quoted_designated_month_is_an_event_hosted():
    ents, rels = _run("由生态环境部主办的2031年“全国绿色出行宣传月”活动在某市拉开帷幕。")
    ev = [label for label, t in ents if "绿色出行宣传月" in label]
    assert ev and all(t == "Event" for label, t in ents if "绿色出行宣传月" in label), ents
    assert any(p == "hosted" and "绿色出行宣传月" in o for _, p, o, _m in rels), rels


@pytest.mark.parametrize(
    "text",
    [
        "商务部部长苗立新出席第五届世界茶园康养大会时指出，茶产业大有可为。",
        "商务部部长苗立新出席第五届世界茶园康养大会后赶赴昆明。",
        "国务院副总理苗立新今天在2031年世界茶园康养大会上发表重要讲话。",
        "国务院副总理苗立新在2031年世界茶园康养大会上的重要讲话令茶农备受鼓舞。",
        "2031年世界茶园康养大会8日在普洱开幕，国务院副总理苗立新发表重要讲话、考察茶企。",
    ],
)
def test_attends_event(text):
    _, rels = _run(text)
    assert ("苗立新", "participatesIn", "世界茶园康养大会", "asserted") in {
        (s, p, o.replace("2031年", "").replace("第五届", ""), m) for s, p, o, m in rels
    }, rels


def test_chair_named_before_his_post():
    text = "十七届全国人大常委会第十二次委员长会议于9日召开。林建华委员长主持会议。"
    _, rels = _run(text)
    assert any(
        s == "林建华" and p == "participatesIn" and "委员长会议" in o for s, p, o, _m in rels
    ), rels


def test_announced_speech_is_planned():
    text = "2031年世界茶园康养大会定于8日在普洱举行闭幕会，国务院副总理苗立新届时将发表讲话。"
    _, rels = _run(text)
    got = [m for s, p, o, m in rels if s == "苗立新" and p == "participatesIn"]
    assert got == ["planned"] or got == [], rels
    assert "asserted" not in got


def test_time_tail_not_a_noun():
    # 出席X时间表: X modifies another noun; no relation from 时 here
    _, rels = _run("商务部部长苗立新已审定出席2031年世界茶园康养大会时间表。")
    assert not any(p == "participatesIn" for _s, p, _o, _m in rels), rels


def test_spirit_of_an_event_is_not_what_is_held():
    _, rels = _run("某省为外国商会代表举办中共二十二届七中全会精神解读会。")
    assert not any(p == "hosted" and "全会" in o for _s, p, o, _m in rels), rels


@pytest.mark.parametrize(
    "text, name",
    [
        ("《某某海洋公约》第七次缔约方大会日前在某市闭幕。", "某某海洋公约第七次缔约方大会"),
        ("代表们在《某某湿地公约》审议大会上交换了意见。", "某某湿地公约审议大会"),
    ],
)
def test_meeting_of_a_treatys_parties(text, name):
    assert name in _events(text), _events(text)


def test_council_of_ministers_chair_is_no_meeting():
    assert not _events("他于去年当选某某共和国部长会议主席，任期五年。")


def test_some_meetings_of_a_body_are_no_name():
    assert not _events("林建华副部长出席东盟相关会议时介绍了有关情况。")


def test_quoted_version_opens_a_programme():
    ents, _ = _run("两国同意推动“某某3.0”产业振兴计划与区域发展战略衔接。")
    assert ("某某3.0产业振兴计划", "Program") in ents, ents


def test_standing_committee_member_attends_event_just_held():
    text = (
        "第六届中外青年创客峰会20日在云溪县开幕。中共中央政治局常委、全国政协主席林建华出席并致辞。"
    )
    _, rels = _run(text)
    assert any(s == "林建华" and p == "participatesIn" for s, p, _o, _m in rels), rels


@pytest.mark.parametrize(
    "text, events",
    [
        # the speech as a noun, its speaker before 在 whatever opens the clause
        (
            "与会者积极评价林建华主席在第五届世界茶园康养大会和第三届全球数字渔业论坛上的主旨讲话。",
            {"世界茶园康养大会", "全球数字渔业论坛"},
        ),
        ("深入领会林建华主席在第五届世界茶园康养大会上重要讲话。", {"世界茶园康养大会"}),
        # a session of the event after its name
        ("国务院副总理林建华出席第五届世界茶园康养大会全会并作主旨演讲。", {"世界茶园康养大会"}),
    ],
)
def test_speaker_and_session(text, events):
    _, rels = _run(text)
    got = {o.replace("第五届", "").replace("第三届", "") for s, p, o, _m in rels
           if s == "林建华" and p == "participatesIn"}  # fmt: skip
    assert events <= got, rels


def test_organisers_after_the_theme_with_an_unknown_name_among_them():
    text = (
        "第五届世界茶园康养大会当日在某市开幕，主题为“茶香与健康”，"
        "由中国农业科学院、某某茶叶研究会和文化和旅游部联合主办。"
    )
    _, rels = _run(text)
    hosts = {s for s, p, o, _m in rels if p == "hosted" and "茶园康养大会" in o}
    assert {"中国农业科学院", "文化和旅游部"} <= hosts, rels


@pytest.mark.parametrize(
    "text, name",
    [
        ("第十九届全国运动会将在某省举办。", "全国运动会"),  # the edition folded
        ("纪念某某同志诞辰120周年座谈会昨天在某市召开。", "纪念某某同志诞辰120周年座谈会"),
        ("庆祝某某研究会成立45周年招待会日前在某市举办。", "庆祝某某研究会成立45周年招待会"),
    ],
)
def test_edition_of_national_games_and_anniversary_gatherings(text, name):
    assert name in _events(text), _events(text)


@pytest.mark.parametrize(
    "text",
    [
        "全国运动会是一项综合性运动会。",  # no edition: the class
        "村里召开座谈会。",
        "某国驻华使馆昨晚举办了一场招待会。",
        "中共中央政治局常委林建华主持座谈会。",  # 主持 governs the meeting
    ],
)
def test_no_name_for_a_class_of_gatherings(text):
    assert not _events(text), _events(text)


@pytest.mark.parametrize(
    "text, name",
    [
        ("二十二届四中全会以来的成就值得梳理。", "二十二届四中全会"),
        ("民建十六届五中全会日前在京召开。", "民建十六届五中全会"),
    ],
)
def test_plenum_starts_at_its_party_or_term(text, name):
    assert name in _events(text), _events(text)


def test_speech_at_a_joint_anniversary_gathering():
    text = "深入领会林建华主席在庆祝某地回归祖国40周年大会暨某地第十届政府就职典礼上的讲话。"
    _, rels = _run(text)
    assert any(
        s == "林建华" and p == "participatesIn" and "回归祖国40周年大会" in o
        for s, p, o, _m in rels
    ), rels


def test_a_cpc_plenum_is_one_entity_whatever_names_its_party():
    text = (
        "中共二十二届六中全会在北京闭幕。全会号召学习二十二届六中全会精神。"
        "中国共产党二十二届六中全会审议了报告。民革二十二届六中全会随后召开。"
    )
    res = extract(Document("t", text))
    keys = {m.key for m in res.mentions if m.type == "Event"}
    assert len(keys) == 2, keys  # the CPC's plenum and 民革's


@pytest.mark.parametrize(
    "text",
    [
        "国务院总理林建华在结束出席第五届世界茶园康养大会并对某国进行工作访问后，于当晚返京。",
        "国务院总理林建华在出席第五届世界茶园康养大会后转赴某地考察。",
    ],
)
def test_attended_before_what_followed(text):
    _, rels = _run(text)
    assert any(s == "林建华" and p == "participatesIn" for s, p, _o, _m in rels), rels
