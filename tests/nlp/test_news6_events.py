"""Events the entity stage missed on unseen news, and who took part in them (issues #14,
#15), round 6: a body's numbered session named across the verb that holds it (某委员会9日在
某地举行|第N次委员长会议) and its chair; a gloss in brackets inside a name (政府首脑（总理）
理事会); games after a place the dictionary knows (某山|冬奥会); gatherings and activities
named like 座谈会 (见面会, 报告会, 主场活动, 专场活动, 联展活动); an anniversary counted from
any act (庆祝某省建省N周年大会); one who announces at an event (在X上，A宣布) takes part;
在某地|会晤 is a verb, no name. Invented sentences only."""

from __future__ import annotations

import pytest

from tests.nlp.extraction import entities_and_relations as _run
from tests.nlp.extraction import event_names as _events


def test_session_named_across_the_verb_and_its_chair():
    text = (
        "十八届全国人大常委会今日下午于人民大会堂举行第四十二次委员长会议。林建华委员长主持会议。"
    )
    ents, rels = _run(text)
    name = "十八届全国人大常委会第四十二次委员长会议"
    assert (name, "Event") in ents, ents
    assert ("林建华", "participatesIn", name, "asserted") in rels, rels


def test_session_across_the_verb_has_the_key_of_the_whole_name():
    text = "全国人大常委会当日在北京举行第九十九次会议。全国人大常委会第九十九次会议听取了报告。"
    ev = [label for label, t in _run(text)[0] if t == "Event"]
    assert len(ev) == 1 and ev[0].endswith("第九十九次会议"), ev


@pytest.mark.parametrize(
    "text",
    [
        "某某研究会负责人说第三次会议将在明年举行。",  # no body holds it before the verb
        "某某委员会昨日开会并决定召开二十二届二中全会，林建华主持会议。",
    ],
)
def test_no_session_or_chair_of_a_meeting_to_come(text):
    ents, rels = _run(text)
    assert not any(label.endswith("第三次会议") for label, _t in ents), ents
    assert not any(p == "hosted" and "全会" in o for _s, p, o, _m in rels), rels


def test_gloss_in_brackets_inside_a_name():
    text = "林建华总理出席欧亚经济联盟成员国总理（首脑）理事会第三十次会议并讲话。"
    _, rels = _run(text)
    assert any(
        s == "林建华" and p == "participatesIn" and o.startswith("欧亚经济联盟成员国总理")
        and o.endswith("理事会第三十次会议")
        for s, p, o, _m in rels
    ), rels  # fmt: skip


def test_one_character_in_brackets_is_no_gloss():
    assert not any("论坛" in e for e in _events("某镇开设村（居）民论坛，听取意见。"))


def test_games_after_a_place_the_dictionary_knows():
    assert "喀山冬奥会" in _events("林建华出席喀山冬奥会开幕式。")


def test_a_verb_before_games_is_no_place():
    assert not any(e.startswith("祝福") for e in _events("各界人士纷纷祝福冬奥会取得成功。"))


@pytest.mark.parametrize(
    "text, name",
    [
        ("2031年世界湿地日全球主场活动在某市举行。", "世界湿地日全球主场活动"),
        ("第20届海外华文书店中秋图书联展活动近日举办。", "海外华文书店中秋图书联展活动"),
        ("2031年全国百城联合招聘应届生秋季专场活动启动。", "全国百城联合招聘应届生秋季专场活动"),
        ("国新办当天举行“新时代的追梦人”中外记者见面会。", "新时代的追梦人中外记者见面会"),
    ],
)
def test_gatherings_and_activities(text, name):
    assert name in _events(text), _events(text)


@pytest.mark.parametrize("text", ["村里举办了一场见面会。", "各地开展系列活动。"])
def test_no_name_for_a_class_of_gatherings(text):
    assert not _events(text), _events(text)


def test_anniversary_counted_from_any_act_and_one_who_announces_there():
    text = (
        "2031年4月，在庆祝某某省建省办经济特区40周年大会上，林建华总书记宣布，"
        "中央决定支持某某省建设自由贸易试验区。"
    )
    _, rels = _run(text)
    assert (
        "林建华", "participatesIn", "庆祝某某省建省办经济特区40周年大会", "asserted"
    ) in rels, rels  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "林建华在第五届世界茶园康养大会上宣布，茶产业大有可为。",
        "在第五届世界茶园康养大会上，林建华会长发表致辞。",
    ],
)
def test_announces_or_speaks_at_an_event(text):
    _, rels = _run(text)
    assert any(
        s == "林建华" and p == "participatesIn" and o.endswith("世界茶园康养大会")
        for s, p, o, _m in rels
    ), rels


def test_meeting_verb_after_a_place_is_no_name():
    assert not _events("特使林建华将与某国高级官员在某国首都安卡拉会晤。")


def test_partner_named_with_country_and_post_attends_too():
    text = "国务院总理林建华同巴基斯坦总理苗立新共同出席第五届世界茶园康养大会开幕式。"
    _, rels = _run(text)
    got = {s for s, p, o, _m in rels if p == "participatesIn" and o.endswith("茶园康养大会")}
    assert {"林建华", "苗立新"} <= got, rels


def test_doing_something_together_is_no_cooperation():
    _, rels = _run("林建华同巴基斯坦总理苗立新一道会见记者。")
    assert not any(p == "cooperatesWith" for _s, p, _o, _m in rels), rels


def test_invited_trip_to_an_event():
    _, rels = _run("林建华将应邀赴智利出席亚太经合组织第五十一次经济领导人会议。")
    assert (
        "林建华",
        "participatesIn",
        "亚太经合组织第五十一次经济领导人会议",
        "planned",
    ) in rels, rels


def test_chair_who_convenes_and_the_attendee_after():
    _, rels = _run("林建华下午主持召开了国务院常务会议，副总理苗立新也出席。")
    assert ("苗立新", "participatesIn", "国务院常务会议", "asserted") in rels, rels


@pytest.mark.parametrize(
    "text, name, host",
    [
        (
            "“茶香世界：共同的发展机遇”茶业智库高端论坛昨日在杭州开幕，由农业农村部主办。",
            "茶香世界：共同的发展机遇茶业智库高端论坛",
            "农业农村部",
        ),
        (
            "共青团中央主办的“青春的力量 千场宣讲进校园”示范宣讲会昨天在某市举办。",
            None,
            "共青团中央",
        ),
    ],
)
def test_event_named_after_a_quoted_theme(text, name, host):
    ents, rels = _run(text)
    ev = {label for label, t in ents if t == "Event"}
    assert ev and (name is None or name in ev), ents
    assert any(s == host and p == "hosted" for s, p, _o, _m in rels), rels


def test_a_verb_between_a_theme_and_a_head_is_no_name():
    assert not _events("代表们就“加快推进全域低碳绿色转型”作大会发言。")


def test_host_named_in_the_place_phrase_of_an_event():
    text = "在文化和旅游部主办的第五届世界茶园康养大会上，林建华发表致辞。"
    _, rels = _run(text)
    assert any(s == "文化和旅游部" and p == "hosted" for s, p, _o, _m in rels), rels
    assert any(s == "林建华" and p == "participatesIn" for s, p, _o, _m in rels), rels


def test_quoted_theme_before_a_sub_forum():
    ev = _events("“山海相连：茶叶贸易的新通道”分论坛同期举办。")
    assert "山海相连：茶叶贸易的新通道分论坛" in ev, ev


def test_plenary_session_by_term_and_number():
    _, rels = _run("林建华出席二十二届中央纪委七次全会并讲话。")
    assert ("林建华", "participatesIn", "二十二届中央纪委七次全会", "asserted") in rels, rels


@pytest.mark.parametrize("text", ["某国总统25日召开某国联邦安全会议。", "这次全会通过了决议。"])
def test_no_plenary_session(text):
    assert not any(e.endswith("全会") for e in _events(text)), _events(text)
