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


def _agents(text: str, pred: str) -> set[str]:
    return {x.subj for x in extract(Document("t", text, {})).relations if x.pred == pred}


def test_a_person_and_a_body_a_space_apart_are_no_list() -> None:
    # a headline's parts: the person (no body) ends one part, the body opens the next
    # (mend of review25, finding 5: the person now stands right before the space)
    got = _agents("苗立新 商务部开展“清朗”专项行动\n正文从略。", "implements")
    assert not any(s.startswith("person/") for s in got)
    got = _agents("苗立新 商务部举办2025中国—东盟博览会\n正文从略。", "hosted")
    assert not any(s.startswith("person/") for s in got)


def test_two_spaces_between_the_bodies() -> None:
    # finding 6: a heading may set its parts two spaces apart
    got = _issuers("国家发展改革委  商务部联合印发" + TITLE + "\n正文从略。")
    assert got == {"gov/ndrc", "gov/mofcom"}


def test_a_space_inside_a_body_sentence_is_no_list() -> None:
    # finding 6: only a heading or a numbered summary item writes its list with spaces
    got = _issuers("会议指出，国务院 商务部要抓好落实，并印发" + TITLE + "。")
    assert len(got) < 2


def test_a_marked_heading_closing_with_a_title_in_brackets() -> None:
    got = _issuers("### 国家发展改革委 商务部印发《某某规划（2024—2035年）》\n\n正文从略。")
    assert got == {"gov/ndrc", "gov/mofcom"}
