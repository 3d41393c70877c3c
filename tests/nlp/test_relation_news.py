"""Diplomatic-news shapes: presiding, relative clauses with a post, places of a country."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract


def labelled(text: str) -> set[tuple[str, str, str]]:
    res = extract(Document("t", text))
    lab = {k: e.label for k, e in res.entities.items()}
    return {(lab.get(r.subj, r.subj), r.pred, lab.get(r.obj, r.obj)) for r in res.relations}


def test_presiding_is_taking_part_and_hosting():
    got = labelled("国务院总理李强主持2030年世界互联网大会。")
    assert ("李强", "participatesIn", "世界互联网大会") in got
    assert ("李强", "hosted", "世界互联网大会") in got


def test_relative_clause_with_a_post_title():
    got = labelled("外交部部长王毅会见记者。各方积极响应王毅部长提出的全球发展倡议。")
    assert ("王毅", "initiated", "全球发展倡议") in got


def test_relative_clause_place_is_no_agent():
    got = labelled("多国代表出席在北京举行的2030年世界互联网大会。")
    assert not {r for r in got if r[1] == "hosted"}


def test_a_place_is_part_of_a_country():
    got = labelled("香港是中国领土不可分割的一部分。")
    assert ("香港特别行政区", "partOf", "中国") in got


def test_a_place_beside_a_country_is_no_part():
    assert not labelled("香港和中国其他城市一起发展。")


def test_attendee_of_a_relative_clause():
    # the person after 的 took part, not the subject who met them
    got = labelled("外交部部长王毅会见来华出席2030年世界互联网大会的新加坡总理李显龙。")
    assert ("李显龙", "participatesIn", "世界互联网大会") in got
    assert ("王毅", "participatesIn", "世界互联网大会") not in got


def test_attending_the_event_just_held():
    got = labelled("2030年世界互联网大会5日在乌镇开幕。外交部部长王毅出席开幕式并致辞。")
    assert ("王毅", "participatesIn", "世界互联网大会") in got


def test_attending_needs_the_same_paragraph():
    got = labelled("2030年世界互联网大会5日在乌镇开幕。\n外交部部长王毅出席开幕式并致辞。")
    assert ("王毅", "participatesIn", "世界互联网大会") not in got


def test_attending_something_else_named():
    got = labelled("2030年世界互联网大会5日在乌镇开幕。外交部部长王毅出席另一活动的开幕式。")
    assert ("王毅", "participatesIn", "世界互联网大会") not in got


def test_places_of_a_relative_clause_are_no_hosts():
    got = labelled("他先后参加在日本、法国举行的2030年世界互联网大会。")
    assert not {r for r in got if r[1] == "hosted"}


def test_member_states_listed_after_the_organisation():
    got = labelled("上海合作组织成员国哈萨克斯坦总统甲、吉尔吉斯斯坦总统乙先后发言。")
    assert ("哈萨克斯坦", "participatesIn", "上海合作组织") in got
    assert ("吉尔吉斯斯坦", "participatesIn", "上海合作组织") in got


def test_member_states_listed_before_the_organisation():
    got = labelled("德国、法国等欧盟成员国表示关切。")
    assert ("德国", "participatesIn", "欧盟") in got


def test_becoming_a_member_is_not_membership():
    assert not labelled("一些国家反对乌克兰成为欧盟成员国。")


STORY = (
    "2030年世界互联网大会5日在乌镇开幕。外交部部长王毅出席开幕式并致辞。\n"
    "王毅指出，各方要加强合作。\n"
    "上海合作组织成员国哈萨克斯坦总统甲、吉尔吉斯斯坦总统乙，某某中心主任丙先后发言。\n"
    "国务院总理李强、外交部部长王毅等参加上述活动。\n"
)


def test_story_attendees_and_speakers():
    got = labelled(STORY)
    assert ("李强", "participatesIn", "世界互联网大会") in got


def test_story_ends_at_a_heading():
    got = labelled(STORY.replace("国务院总理李强", "另一则新闻\n国务院总理李强"))
    assert ("李强", "participatesIn", "世界互联网大会") not in got
