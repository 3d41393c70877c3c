"""Review fixes of round 14 on event names: a hosting clause that describes (是由…举办的
全国运动会), a scope and a head alone, the first of its kind before a name, and the
session of an event in a place (…专场). Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _events(text: str) -> set[str]:
    r = extract(Document("t", text, {}))
    return {e.label for e in r.entities.values() if e.type == "Event"}


def test_a_hosting_clause_after_shi_describes_no_name() -> None:
    events = _events("这是由三个城市共同举办的农民运动会，今天在某地开幕。")
    assert not any(e.endswith("农民运动会") for e in events), events


def test_a_scope_and_a_head_alone_are_no_event_after_a_hosting_clause() -> None:
    assert not _events("由三个城市共同主办的全国运动会今天开幕。")


def test_the_first_of_its_kind_is_no_part_of_a_hosted_name() -> None:
    events = _events("由某某部主办的全国首批科学普及宣讲活动今天启动。")
    assert "科学普及宣讲活动" in events, events
    events = _events("由三个城市共同举办的全球首个机器人运动会今天开幕。")
    assert "机器人运动会" in events, events


def test_a_hosted_name_still_found_without_these() -> None:
    assert "机器人运动会" in _events("由三个城市共同举办的机器人运动会今天开幕。")


def test_a_session_in_a_place_follows_the_head_without_a_verb() -> None:
    from kg.nlp.components.heads.event_names import session_after

    text = "“开放发展”全球对话会英国专场在伦敦举行。"
    assert session_after(text, text.index("英国"))
    text = "“开放发展”全球对话会举行英国专场。"
    assert not session_after(text, text.index("举行"))
    text = "本届交易会期间还举办了纺织业专场。"
    assert not session_after(text, text.index("期间"))
    text = "“乡村十年”系列主题新闻发布会山西、江苏专场近日举行。"
    assert session_after(text, text.index("山西"))
