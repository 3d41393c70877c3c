"""Gatherings held for a festival (团拜会, 茶话会…), named by their year (round 11)."""

from kg.model import Document
from kg.nlp import extract


def _events(text: str) -> set[str]:
    r = extract(Document("t", text, {}))
    return {m.text for m in r.mentions if m.type == "Event"}


def test_dated_festival_gathering_is_an_event() -> None:
    text = "省委、省政府昨天上午在省会举行2031年春节团拜会。"
    assert "2031年春节团拜会" in _events(text)


def test_dated_new_year_tea_party_and_its_attendee() -> None:
    text = "刘明远出席2031年新年茶话会。"
    r = extract(Document("t", text, {}))
    assert any(x.pred == "participatesIn" and x.obj.endswith("新年茶话会") for x in r.relations)


def test_undated_or_unnamed_gathering_is_none() -> None:
    assert not _events("各地举行团拜会，共迎新春。")
    assert not _events("某校昨天举行2031年校友团拜会。")


def test_year_in_words_is_no_plan_period() -> None:
    # 〇 cuts the span: 二五年 is the tail of a year, not a period such as 十四五
    assert not any(e.startswith("三五年") for e in _events("刘明远在二〇三五年春节团拜会上致辞。"))


def test_numbered_session_of_an_assembly_is_an_event() -> None:
    r = extract(Document("t", "第80届联合国大会7日表决一项提案。", {}))
    assert {(m.text, m.type) for m in r.mentions} >= {("第80届联合国大会", "Event")}
    assert not _events("联合国大会7日表决一项提案。")
