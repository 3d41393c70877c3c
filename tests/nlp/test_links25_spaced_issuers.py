"""Round links25: a headline or a summary item writes its co-issuers apart with a space
(甲委员会 乙部联合印发《X》): the two bodies are one list of agents
(``sentence.spaced_lists``). Invented sentences."""

from kg.model import Document
from kg.nlp import extract

TITLE = "《关于改进某某评审工作的意见》"


def _issuers(text: str) -> set[str]:
    rels = extract(Document("t", text, {})).relations
    return {x.subj for x in rels if x.pred == "issued"}


def test_two_bodies_a_space_apart_in_a_heading() -> None:
    got = _issuers("国家发展改革委 商务部联合印发" + TITLE + "\n正文从略。")
    assert got == {"gov/ndrc", "gov/mofcom"}


def test_two_bodies_a_space_apart_in_a_summary_item() -> None:
    assert len(_issuers("3.国家发展改革委 教育部印发" + TITLE + "；")) == 2


def test_a_person_and_a_body_a_space_apart_are_no_list() -> None:
    # a headline's parts: the person opens one part, the body the next
    got = _issuers("苗立新会见来宾 商务部印发" + TITLE + "\n正文从略。")
    assert not any(s.startswith("person/") for s in got)
