"""Programmes and gatherings in the national work reports (round reports15): lists of named
works with no verb before them, national gatherings whose field holds a verb. The quoted
sentences are from the public-domain national work reports (2008, 1997, 1959)."""

from kg.model import Document
from kg.nlp import extract


def _names(text: str, type_: str) -> set[str]:
    return {m.text for m in extract(Document("t", text, {})).mentions if m.type == type_}


def test_a_list_member_after_a_known_programme_of_the_same_head() -> None:
    # 2008: the second 工程 is named by the list it shares with a known one, no verb before
    text = "全国文化信息资源共享工程、广播电视村村通工程等基层文化设施建设扎实推进。"
    assert {"全国文化信息资源共享工程", "广播电视村村通工程"} <= _names(text, "Program")
    # 1997: 三峡工程 is known, so 小浪底工程 after 和 is a name too
    assert "小浪底工程" in _names("三峡工程和小浪底工程的截流都将在今年实施。", "Program")


def test_no_list_member_after_a_programme_of_another_head() -> None:
    # the member shares no head with the known programme before it (计划, then 工程)
    names = _names("全民健身计划、农村电影放映工程等加快。", "Program")
    assert "全民健身计划" in names and not any(n.endswith("工程") for n in names)


def test_a_national_gathering_whose_field_holds_a_verb() -> None:
    # 1959: 建设 inside the field does not cut the name; 全国 opens it
    text = "为实现今年一月全国农业社会主义建设先进单位代表会议所提出的十大倡议而斗争。"
    assert "全国农业社会主义建设先进单位代表会议" in _names(text, "Event")
    r = extract(Document("t", "国务院召开全国民族团结进步表彰大会。", {}))
    assert "全国民族团结进步表彰大会" in {m.text for m in r.mentions if m.type == "Event"}
    assert any(x.pred == "hosted" for x in r.relations)


def test_no_national_gathering_across_a_clause_or_a_known_body() -> None:
    # a verb that holds the gathering, a clause word, or a known body after 全国
    assert not _names("全国各地召开表彰大会。", "Event")
    assert not _names("全国各地都在举行表彰大会。", "Event")
    events = _names("全国人大常委会委员长会议拟定了十三届全国人大五次会议议程。", "Event")
    assert not any(n.startswith("全国人大常委会委员长会议拟定") for n in events)


def test_a_strategy_named_by_a_two_character_field_under_its_verb() -> None:
    # 2006: 大力实施名牌战略; a generic field (发展) or one that runs on (中甲战略|伙伴关系) is
    # no name
    text = "大力实施名牌战略，鼓励开发具有自主知识产权的知名品牌。"
    assert "名牌战略" in _names(text, "Program")
    assert not _names("我们实施发展战略。", "Program")
    assert not any("战略" in n for n in _names("两国同意推进中甲战略伙伴关系。", "Program"))
    assert not _names("名牌战略很重要。", "Program")  # no verb governs it
