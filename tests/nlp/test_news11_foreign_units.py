"""A transliteration before the head of an armed unit or a party names an organisation,
not a person (persons' LAC reading, round 11)."""

from kg.model import Document
from kg.nlp import extract


def _persons(text: str) -> set[str]:
    return {m.text for m in extract(Document("t", text, {})).mentions if m.type == "Person"}


def test_transliterated_brigade_is_no_person() -> None:
    assert not any(p.endswith("旅") for p in _persons("武装派别阿克萨旅9日称，其人员发动了袭击。"))


def test_chinese_name_ending_in_a_unit_character_stays() -> None:
    assert "王建党" in _persons("村党支部书记王建党表示，今年要继续努力。")
