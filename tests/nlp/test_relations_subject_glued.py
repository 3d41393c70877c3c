"""A clause agent is followed by what it does: an agent before a one-character
preposition that opens a longer noun (中国|经济…) is a modifier, and no later sentence
carries it over as the subject."""

from kg.model import Document
from kg.nlp import extract
from kg.nlp.relations.lexicon import glued_noun_at


def _rels(text: str) -> set[tuple[str, str, str]]:
    return {(r.subj, r.pred, r.obj) for r in extract(Document("t", text, {})).relations}


def test_a_modifier_before_a_noun_is_carried_to_no_later_sentence() -> None:
    # 1994 government work report (public domain), shortened
    text = (
        "中国经济正在迅速发展，市场前景非常广阔。必须积极扩大出口。"
        "要实行以质取胜和市场多元化战略。"
    )
    assert not any(s == "country/CHN" for s, _, _ in _rels(text))


def test_an_agent_before_its_preposition_is_still_carried() -> None:
    text = "中国经国务院批准实施对外开放。必须积极扩大出口。要实行市场多元化战略。"
    assert ("country/CHN", "implements", "program/market-diversification") in _rels(text)


def test_glued_noun_at() -> None:
    assert glued_noun_at("经济正在发展", 0, {0, 2, 4})
    assert not glued_noun_at("经国务院批准", 0, {0, 1, 4})


def test_a_person_named_with_tongzhi_is_still_carried() -> None:
    # 同志 opens with 同 (a preposition elsewhere): a person's form of address
    # (an act a person does himself: a programme a person is carried to is a speech's
    # demand, no act of his, since round links22)
    text = "张建国同志在中共十八届一中全会上当选为委员。随后出席了第二届数字中国建设峰会。"
    assert ("person/张建国", "participatesIn", "event/digital-china-summit") in _rels(text)
