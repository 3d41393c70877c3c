"""Round 13 on unseen news: events named by their shape (a body's numbered session, an
anniversary's celebration, a meeting named by its two sides), the first part of a joint
event, attendee lists that go on after a comma (，以及…) past a counted group, a meeting
chaired by a person named after 由, and the person met as a co-subject (甲会见乙，并共同主持X).
Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _events(text: str) -> set[str]:
    r = extract(Document("t", text, {}))
    return {e.label for e in r.entities.values() if e.type == "Event"}


def _rels(text: str, pred: str) -> set[tuple[str, str]]:
    r = extract(Document("t", text, {}))
    label = {k: e.label for k, e in r.entities.items()}
    return {(label.get(x.subj, x.subj), label.get(x.obj, x.obj)) for x in r.relations
            if x.pred == pred}  # fmt: skip


def test_numbered_session_of_a_body_named_by_its_own_head() -> None:
    text = "苗立新同泰国副总理阿努蒂共同主持中泰农业合作联委会第七次会议。"
    assert "中泰农业合作联委会第七次会议" in _events(text)
    assert ("苗立新", "中泰农业合作联委会第七次会议") in _rels(text, "participatesIn")


def test_short_or_termed_session_is_not_named_by_shape() -> None:
    assert not any(e.startswith("常委会") for e in _events("会议听取了常委会第七次会议的报告。"))
    # a class of bodies (each township's congress), not one body named by a pair
    assert not any(
        "人民代表大会第一次会议" in e
        for e in _events("每届乡、镇人民代表大会第一次会议设立主席团。")
    )


def test_session_after_a_bracket_is_cut_and_not_taken() -> None:
    text = "苗立新主持中泰（曼谷）渔业合作项目联合协调理事会第三次会议。"
    assert "渔业合作项目联合协调理事会第三次会议" not in _events(text)


def test_anniversary_celebration() -> None:
    text = "苗立新将出席东盟成立80周年庆祝活动。"
    assert ("苗立新", "东盟成立80周年庆祝活动") in _rels(text, "participatesIn")


def test_anniversary_cut_after_its_act_is_not_taken() -> None:
    # the left edge stops at the act (建立): the body alone is no name of the summit
    assert not any(
        e.startswith("对话关系") for e in _events("出席甲乙建立对话关系30周年纪念峰会。")
    )


def test_celebration_with_no_anniversary_or_title_is_none() -> None:
    assert not _events("各地举办迎新春庆祝活动。")
    # the owner of the anniversary must be named (a subject's own 建校90周年 is no name)
    assert not _events("某某学院日前举行建校90周年庆祝大会。")


def test_meeting_named_by_its_two_sides() -> None:
    text = "苗立新在曼谷出席东盟同加勒比国家及其他发展中国家领导人对话会。"
    name = "东盟同加勒比国家及其他发展中国家领导人对话会"
    assert name in _events(text)
    assert ("苗立新", name) in _rels(text, "participatesIn")


def test_first_part_of_a_joint_event() -> None:
    text = "苗立新出席2031世界农业大会暨农业科技高级别会议开幕式。"
    assert any(o.endswith("世界农业大会") for _, o in _rels(text, "participatesIn"))


_STORY = (
    "### 苗立新出席东盟同加勒比国家领导人对话会\n\n"
    "国家主席苗立新在曼谷出席东盟同加勒比国家领导人对话会。\n\n"
)


def test_chair_after_you_and_attendees_after_a_counted_group() -> None:
    text = _STORY + (
        "会议由泰国总理阿努蒂主持，越南总理范文安、斐济总理卡马乌（线上）和20多位加勒比国家"
        "领导人或代表，以及联合国秘书长奥乌苏出席。"
    )
    got = {s for s, _ in _rels(text, "participatesIn")}
    assert {"阿努蒂", "范文安", "卡马乌", "奥乌苏"} <= got
    assert "阿努蒂" in {s for s, _ in _rels(text, "hosted")}


def test_person_met_chairs_jointly() -> None:
    text = "苗立新在曼谷会见泰国副总理阿努蒂，并共同主持中泰农业合作联委会第七次会议。"
    got = {s for s, _ in _rels(text, "participatesIn")}
    assert got == {"苗立新", "阿努蒂"}
    # without 共同 the person met does not chair it
    text2 = "苗立新在曼谷会见泰国副总理阿努蒂，并主持中泰农业合作联委会第七次会议。"
    assert {s for s, _ in _rels(text2, "participatesIn")} == {"苗立新"}
