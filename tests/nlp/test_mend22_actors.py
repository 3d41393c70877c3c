"""Mend of review22: a person found as the sentence's topic or carried from an earlier
clause carries out a programme when it is his own act; only a speech or meeting frame
between him and the verb (强调, 讲话, 主持…会议, 研究…) makes it what he asks others to do.
Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _implements(text: str) -> set[tuple[str, str]]:
    rels = extract(Document("t", text, {})).relations
    return {(x.subj, x.obj) for x in rels if x.pred == "implements"}


def test_a_person_s_own_act_written_as_the_topic_is_kept() -> None:
    for text, person in (
        ("张建国在福建工作期间，深入实施乡村振兴战略。", "张建国"),
        ("李明担任省长后，全面实施乡村振兴战略，取得明显成效。", "李明"),
        ("张建国是村党支部书记，多年来一直推进乡村振兴战略。", "张建国"),
    ):
        assert _implements(text) == {(f"person/{person}", "program/rural-revitalization")}, text


def test_a_person_s_own_past_act_carried_from_the_sentence_before_is_kept() -> None:
    assert _implements("张建国在基层工作二十年。深入实施乡村振兴战略，带领群众致富。") == {
        ("person/张建国", "program/rural-revitalization")
    }


def test_a_later_proposal_of_his_own_does_not_drop_his_act() -> None:
    assert _implements("张建国在福建工作时，深入实施乡村振兴战略，提出把财政资源向农村倾斜。")


def test_a_speech_or_meeting_frame_still_drops_the_edge() -> None:
    for text in (
        "李明强调，要全面实施乡村振兴战略。",
        "王芳主持召开部务会议，研究稳步推进新型城镇化的配套措施。",
        # the frame stands in the sentence the subject is carried from
        "李明出席座谈会并讲话。要全面实施乡村振兴战略，带领群众致富。",
        # the items of what he announces
        "李明宣布中国支持全球发展的三项举措。第一，携手推进“一带一路”建设。",
        # the sentence names the meeting his words were said at, after the verb
        "李明来到村里，全面实施乡村振兴战略，这是他在座谈会上的要求。",
    ):
        assert not _implements(text), text
