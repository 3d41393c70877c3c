"""Round links23: a session's vote (会议经表决，通过了甲法; 某某常务会议审议通过《X》) → the body
whose session it is issued what it adopted (``kg/nlp/relations/adoptions.py``).
Invented sentences (the laws' names are real titles, the rest our own wording)."""

from kg.model import Document
from kg.nlp import extract


def _issued(text: str) -> set[tuple[str, str]]:
    rels = extract(Document("t", text, {})).relations
    return {(x.subj, x.obj.split("/", 1)[1]) for x in rels if x.pred == "issued"}


def test_the_story_s_session_adopts_the_laws_of_its_list() -> None:
    text = (
        "十九届全国人大常委会第八十一次会议在京闭幕\n"
        "本届常委会第五次会议今天上午闭幕。会议经表决，通过了测绘法，档案法、"
        "关于修改种子法、森林法的决定；决定任命某某为某部部长。"
    )
    got = _issued(text)
    assert ("gov/npcsc", "中华人民共和国测绘法") in got
    assert ("gov/npcsc", "中华人民共和国档案法") in got
    # the laws a decision amends are not what the session adopted
    assert not any("种子法" in o or "森林法" in o for _, o in got), got


def test_the_meeting_named_as_the_subject_and_titles_side_by_side() -> None:
    text = "国务院常务会议还审议通过《城市供水管理条例（修订草案）》《矿山救援条例（草案）》"
    got = _issued(text)
    assert {s for s, _ in got} == {"gov/state-council"} and len(got) == 2, got


def test_a_meeting_convened_earlier_in_the_sentence() -> None:
    text = "国务院总理某某主持召开国务院常务会议并听取有关汇报，讨论通过《某某产业提升行动方案》。"
    assert {s for s, _ in _issued(text)} == {"gov/state-council"}


def test_no_body_no_fitting_meeting_no_vote_word() -> None:
    for text in (
        # the meeting's name opens with no body
        "山地旅游大会闭幕\n2031年山地旅游大会在桂林闭幕。大会审议通过了《山地旅游合作宣言》。",
        # 全会 is not the 某某会议 named before it
        "常委会会议闭幕\n十九届全国人大常委会第八十一次会议在京闭幕。全会审议通过了《某某改革方案》。",
        # 通过 alone before an untitled name: the preposition "by means of"
        "常委会会议闭幕\n十九届全国人大常委会第八十一次会议在京闭幕。会议通过测绘法的实施推动工作。",
    ):
        assert not _issued(text), text
