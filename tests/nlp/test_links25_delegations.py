"""Round links25: who joins a delegation's review or a sector's discussion takes part in the
session the story named before, or the one the phrase names (``delegations.py``).
Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _attends(text: str) -> dict[tuple[str, str], bool]:
    rels = extract(Document("t", text, {})).relations
    return {(x.subj, x.obj): x.implicit for x in rels if x.pred == "participatesIn"}


NPC = "十三届全国人大二次会议各代表团当天分组审议预算报告。"
CPPCC = "全国政协十三届二次会议各界别委员当天分组讨论两个报告。"
SAYS = "某省省长苗立新在参加某省代表团审议时表态，支持这份报告。"


def test_a_delegation_s_review_after_the_session_is_named() -> None:
    assert _attends(NPC + SAYS) == {("person/苗立新", "event/npc-13-2"): True}


def test_a_sector_s_discussion_belongs_to_the_conference_not_the_congress() -> None:
    text = CPPCC + NPC + "某党中央主席苗立新在参加某党界委员小组讨论时提出，要凝聚共识。"
    got = _attends(text)
    assert [o for (s, o) in got if s == "person/苗立新"] == [
        "event/中国人民政治协商会议第13届第2次会议"
    ]


def test_the_session_named_inside_the_phrase() -> None:
    text = "某省省长苗立新在参加他所在的二十届全国人大三次会议某省代表团审议时提出，要稳就业。"
    assert _attends(text) == {("person/苗立新", "event/二十届全国人大三次会议"): False}


def test_no_session_named_no_participation() -> None:
    assert _attends(SAYS) == {}


def test_a_standing_committee_s_session_has_no_delegations() -> None:
    text = "二十届全国人大常委会第三十次会议当天闭幕。" + SAYS
    assert not any(s == "person/苗立新" for s, _ in _attends(text))


def test_the_session_of_another_story_is_not_taken() -> None:
    text = NPC + "\n某省代表团审议报告\n" + SAYS
    assert not any(s == "person/苗立新" for s, _ in _attends(text))
