"""Events on unseen news, round 7 (issues #14, #15): plenary sessions of one term written
as a list (某届二中、三中全会: each a session), and one session named in full and short in
one story (中国共产党第某届中央纪律检查委员会第N次全体会议 = 某届中央纪委N次全会;
中国共产党第某届中央委员会第N次全体会议 = 某届N中全会): one node, whoever took part in
it under either name. Invented sentences only."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract


def _run(text: str):
    res = extract(Document("t", text))
    names = {k: e.label for k, e in res.entities.items()}
    events = {k: e.label for k, e in res.entities.items() if e.type == "Event"}
    rels = {(names.get(r.subj, r.subj), r.pred, r.obj) for r in res.relations}
    return events, rels


def test_plenary_sessions_of_one_term_in_a_list():
    events, _ = _run("全市干部要深入学习贯彻二十九届一中、二中、三中全会精神。")
    assert set(events.values()) >= {"二十九届一中全会", "二十九届二中全会", "二十九届三中全会"}


def test_a_session_written_alone_is_still_no_name():
    events, _ = _run("大家认为，这是三中全会以后的一件大事。")
    assert not any("中全会" in v for v in events.values()), events


def test_commission_session_in_full_and_short_is_one_node():
    text = (
        "中国共产党第二十九届中央纪律检查委员会第三次全体会议8日在北京开幕。"
        "周明远出席了二十九届中央纪委三次全会并讲话。"
    )
    events, rels = _run(text)
    keys = [k for k, v in events.items() if "纪" in v]
    assert len(keys) == 1, events
    assert any(s == "周明远" and p == "participatesIn" and o == keys[0] for s, p, o in rels), rels


def test_central_committee_session_in_full_is_its_plenum():
    text = (
        "会上传达了中国共产党第二十九届中央委员会第四次全体会议的精神。"
        "大家表示，要把二十九届四中全会精神落到实处。"
    )
    events, _ = _run(text)
    assert len([v for v in events.values() if "全会" in v or "全体会议" in v]) == 1, events


def test_ceremony_named_after_a_project_and_who_attended():
    text = "国务院副总理李明远10日出席卡鲁纳新国际港口项目竣工仪式并致辞。"
    events, rels = _run(text)
    assert "卡鲁纳新国际港口项目竣工仪式" in events.values(), events
    assert any(s == "李明远" and p == "participatesIn" for s, p, _ in rels), rels


def test_ceremony_with_and_without_project_is_one_node():
    text = "李强出席卡鲁纳新国际港口项目竣工仪式。卡鲁纳新国际港口竣工仪式当天上午举行。"
    events, _ = _run(text)
    assert len([v for v in events.values() if v.endswith("仪式")]) == 1, events


def test_a_ceremony_of_a_class_of_projects_is_no_name():
    events, _ = _run("各地近日集中举行新项目开工仪式，一批重大项目集中开工仪式也在筹备。")
    assert not any(v.endswith("仪式") for v in events.values()), events


def _types(text: str) -> dict[str, str]:
    res = extract(Document("t", text))
    return {e.label: e.type for e in res.entities.values()}


def test_a_designated_day_in_quotes_before_its_activity_is_an_event():
    text = "在“6·18全国护河宣传日”活动上，水利部发布了一批典型案例。"
    types = _types(text)
    name = next(k for k in types if "护河宣传日" in k)
    assert types[name] == "Event", types
    _, rels = _run(text)
    assert any(p == "participatesIn" and "护河" in o for _, p, o in rels), rels


def test_an_activity_opened_by_its_year_runs_on_into_a_noun():
    events, _ = _run("2031年全国城市联合招聘退役军人秋季专场活动首批岗位今天发布。")
    assert any(v.endswith("专场活动") for v in events.values()), events


def test_a_foreign_party_congress_written_short_is_the_long_one():
    text = (
        "有消息说，老挝共产党第九次全国代表大会将于明年召开。"
        "老挝各界正在积极筹备老共九大。"
    )
    res = extract(Document("t", text))
    keys = {m.text: m.key for m in res.mentions if m.type == "Event"}
    assert keys.get("老共九大") == keys.get("老挝共产党第九次全国代表大会") is not None, keys


def test_gong_in_a_common_word_is_no_party():
    events, _ = _run("越南代表团参观了展览。展品总共十大类，一共九大件。")
    assert not events, events


def test_for_the_first_time_is_no_part_of_a_name():
    events, _ = _run("2031年，建国后的首次全国海洋与渔业大会在某市召开。")
    assert "全国海洋与渔业大会" in events.values(), events
