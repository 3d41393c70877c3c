"""Review of round 10 (M5): 选举 as a verb only where a word of electing follows (选举产生,
选举出 but not 选举出现, 选举为 but not 选举为期), so an election's name before 出现, 结果
or 为期 stays one; and the bare head of a study campaign only at a clause's start, after
its batch or a determiner, or governed by a verb of carrying it out (the common noun
学习教育 after 的, 和, 对 is no mention of the document's campaign). Invented sentences."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract


def _mentions(text: str, kind: str) -> list[str]:
    return [m.text for m in extract(Document("t", text)).mentions if m.type == kind]


def test_an_election_before_a_verb_of_its_own_stays_a_name():
    for text in (
        "泰国总统选举出现较大分歧。",
        "老挝国会选举结果显示执政党领先。",
        "越南国会选举为期三天。",
    ):
        assert any(t.endswith("选举") for t in _mentions(text, "Event")), text


def test_a_body_electing_is_still_no_election():
    for text in ("泰国国会选举产生新一届政府。", "老挝国民议会选举出新主席。"):
        assert not _mentions(text, "Event"), text


_NAME = "学习贯彻山河新思想主题教育"


def test_the_common_noun_after_a_particle_or_conjunction_is_no_campaign():
    text = f"湖南省开展{_NAME}。各支部要加强对党员的主题教育，把日常工作和主题教育统筹起来。"
    assert _mentions(text, "Program") == [_NAME]


def test_the_bare_head_after_a_determiner_a_batch_or_a_verb_is_the_campaign():
    text = f"湖南省开展{_NAME}。这次主题教育要求严。各地扎实推进主题教育。"
    assert _mentions(text, "Program") == [_NAME, "主题教育", "主题教育"]
