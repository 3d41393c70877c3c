"""Study campaigns named by what they study, round 10 (issues #14, #15): 学习贯彻某某思想主题教育,
树立和践行某某观学习教育 (heads/study_campaigns.py), the bare head that calls the document's one
campaign afterwards, and who carries it out. Invented sentences only."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract
from tests.nlp.extraction import triples

_NAME = "学习贯彻山河新思想主题教育"


def _programs(text: str) -> list[tuple[str, str]]:
    res = extract(Document("t", text))
    return [(m.text, m.key) for m in res.mentions if m.type == "Program"]


def test_a_campaign_named_by_what_it_studies_and_its_bare_head():
    text = f"某省分步推进第二批{_NAME}。第二批主题教育启动后，全省梳理整改问题九百个。"
    progs = _programs(text)
    assert [t for t, _ in progs] == [_NAME, "主题教育"], progs
    assert len({k for _, k in progs}) == 1, progs


def test_the_campaign_of_a_view_to_hold():
    progs = _programs("某市组织树立和践行正确山河观学习教育，推动学习教育见到成效。")
    assert [t for t, _ in progs] == ["树立和践行正确山河观学习教育", "学习教育"], progs


def test_a_body_named_after_the_campaign_is_not_it():
    progs = _programs(f"{_NAME}领导小组印发通知。")
    assert _NAME not in [t for t, _ in progs], progs


def test_a_bare_head_with_two_campaigns_of_that_head_names_neither():
    text = f"甲地开展{_NAME}。乙地开展学习贯彻江湖新思想主题教育。主题教育启动后，两地梳理问题。"
    assert "主题教育" not in [t for t, _ in _programs(text)]


def test_who_carries_the_campaign_out():
    rels = triples(f"湖南省分批开展{_NAME}，举办读书班。")[1]
    assert any(p == "implements" and o == _NAME for _, p, o in rels), rels
