"""Events in the national work reports (round reports14); invented sentences."""

from kg.model import Document
from kg.nlp import extract


def test_a_national_congress_session_written_short_is_the_session() -> None:
    # N届人大M次会议 without 全国: the NPC's session, one entity with its long form; a
    # local congress (某省九届人大三次会议) is not the NPC's
    text = "五届人大四次会议批准了计划。第五届全国人民代表大会第四次会议闭幕。"
    r = extract(Document("t", text, {}))
    keys = {m.key for m in r.mentions if m.type == "Event"}
    assert len(keys) == 1 and next(iter(keys)).startswith("event/npc")
    short = {m.text for m in r.mentions if m.key.startswith("event/npc")}
    assert "五届人大四次会议" in short
    local = extract(Document("t", "湖南省九届人大三次会议召开。", {}))
    assert not any(m.key.startswith("event/npc") for m in local.mentions)


def test_a_plan_named_by_its_own_policy_verb() -> None:
    # 实施|提升某某三年行动, 制定|深化某某改革方案: the verb after the governing one is
    # the plan's; elsewhere (要深化某某改革) it is no name
    text = "我们实施提升海岛执法质量三年行动，制定深化海岛卫生体制改革方案。要深化海岛改革。"
    names = {m.text for m in extract(Document("t", text, {})).mentions if m.type == "Program"}
    assert {"提升海岛执法质量三年行动", "深化海岛卫生体制改革方案"} <= names
    assert not any(n.startswith("海岛") for n in names)


def test_an_anniversary_series_of_high_level_meetings_is_one_event() -> None:
    # 某组织成立N周年系列高级别会议: the anniversary names the series, as it names a
    # 纪念大会; 建校90周年系列会议 (no owner named) stays no name
    text = "我们出席东盟成立60周年系列高级别会议。"
    names = {m.text for m in extract(Document("t", text, {})).mentions if m.type == "Event"}
    assert "东盟成立60周年系列高级别会议" in names
    assert not any(
        m.type == "Event" for m in extract(Document("t", "举办建校90周年系列会议。")).mentions
    )
