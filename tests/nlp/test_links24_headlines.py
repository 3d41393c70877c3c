"""Round links24: a headline writes its parts apart with spaces, not commas (某某作出重要
指示强调 … 甲出席某会议并讲话); in a heading line each part is a clause, so the person
opening a later part is the subject of its verb (``Sentence``, ``headline_parts``).
Invented sentences."""

from kg.model import Document
from kg.nlp import extract
from kg.nlp.relations.stories import headline_parts


def _attends(text: str) -> set[tuple[str, str]]:
    rels = extract(Document("t", text, {})).relations
    return {(x.subj, x.obj) for x in rels if x.pred == "participatesIn"}


def test_a_later_part_of_a_headline_has_its_own_subject() -> None:
    text = (
        "### 习近平对老龄工作作出重要指示强调 积极应对人口老龄化 "
        "丁薛祥出席全国老龄工作会议并讲话\n\n央视网消息：有关方面作出部署。\n"
    )
    assert ("person/丁薛祥", "event/全国老龄工作会议") in _attends(text)


def test_a_second_part_after_a_leader_s_instruction() -> None:
    text = (
        "### 李强对安全生产作出重要批示 张国清出席全国安全生产电视电话会议并讲话\n\n"
        "有关方面作出部署。\n"
    )
    assert _attends(text) == {("person/张国清", "event/全国安全生产电视电话会议")}


def test_a_sentence_of_the_body_is_not_cut_at_its_spaces() -> None:
    # the same words closed by 。 in a paragraph: no headline, one clause as before
    text = "快讯\n\n李强对安全生产作出重要批示 张国清出席全国安全生产电视电话会议并讲话。\n"
    assert ("person/张国清", "event/全国安全生产电视电话会议") not in _attends(text)


def test_two_names_apart_are_a_list_not_two_parts() -> None:
    # 出席甲峰会 乙峰会 (two masked events with a space): a list, no break; a name and
    # the words of the next part do break (某会议举行 甲出席)
    ev, fill, person = "\ue017", "\ue01f", "\ue013"
    assert headline_parts("出席" + ev + fill * 3 + " " + ev + fill * 4 + "并讲话") == []
    assert headline_parts(ev + fill * 3 + "举行 " + person + fill + "出席") == [6]
