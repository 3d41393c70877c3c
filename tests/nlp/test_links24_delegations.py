"""Round links24: who joins a delegation's or a sector's work at a session (参加某某会议|
某省代表团审议) takes part in the session; the place that names the delegation right after
the session's name is no second half of it (``Grammar.objects``, ``Grammar.tail_ok``).
Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _attends(text: str) -> set[tuple[str, str]]:
    rels = extract(Document("t", text, {})).relations
    return {(x.subj, x.obj) for x in rels if x.pred == "participatesIn"}


def test_a_province_s_delegation_at_the_session() -> None:
    text = "王沪宁上午参加十三届全国人大二次会议青海代表团审议。"
    assert _attends(text) == {("person/王沪宁", "event/npc-13-2")}


def test_several_delegations_in_a_list() -> None:
    text = "赵乐际先后参加十三届全国人大二次会议广东、福建代表团审议。"
    assert _attends(text) == {("person/赵乐际", "event/npc-13-2")}


def test_a_noun_after_the_session_still_makes_it_a_modifier() -> None:
    # not a delegation's work: the session only qualifies what is attended
    text = "王沪宁参加十三届全国人大二次会议青海代表团驻地的慰问活动。"
    assert ("person/王沪宁", "event/npc-13-2") not in _attends(text)


def test_a_party_s_sector_is_no_session() -> None:
    # the unit before the sector's group is a party, not a session: no participation in it
    text = "何维下午参加九三学社界别小组讨论。"
    assert not any(o.startswith("org/") for _, o in _attends(text))
