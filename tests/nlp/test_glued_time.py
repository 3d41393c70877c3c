"""A name with the 时 of a time clause glued to it by jieba's HMM (某某时表示, 某某时，) is
read without the 时 (:func:`kg.nlp.components.persons.extents.unglue_time`)."""

import pytest

from tests.nlp.spans import names_of


@pytest.mark.parametrize(
    "text, name",
    [
        ("某党主席朱立伦时表示欢迎。", "朱立伦"),  # jieba: 朱立伦时|表示
        ("外长会见秘书长古特雷斯时说，合作很重要。", "古特雷斯"),
        ("会见某国总统卢拉时，双方同意深化合作。", "卢拉"),
    ],
)
def test_time_clause_is_no_part_of_the_name(text: str, name: str) -> None:
    assert names_of(text, "Person") == [name]


def test_two_character_name_ending_in_shi_is_kept() -> None:
    # (a name of two characters is left as jieba cut it: 时 may end a given name)
    from types import SimpleNamespace

    from kg.model import Mention
    from kg.nlp.components.persons.extents import unglue_time

    text = "王时表示同意"
    c = Mention(0, 2, "王时", "Person", "person/王时", "王时", "person")
    st = SimpleNamespace(norm=text, text=text, candidates=[c])
    unglue_time(st, {"王时": "person/王时"})
    assert [m.label for m in st.candidates] == ["王时"]
