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


# Mend of review23 (B): the meeting a bare noun stands for is one the story reports as held


def test_a_meeting_only_studied_is_not_the_one_that_votes() -> None:
    for text in (
        # a province's own meeting (unnamed) studies the State Council's: no issuer
        "某省政府召开常务会议\n某省政府今天召开常务会议，传达学习国务院常务会议精神。"
        "会议审议通过了《某省某某实施方案》。",
        "某市人大常委会召开会议\n某市人大常委会今天召开会议，学习贯彻十九届全国人大常委会"
        "第八十一次会议精神。会议审议通过了《某市某某工作方案》。",
        # named in the heading only as what is put into practice (…会议精神)
        "某省部署落实国务院常务会议精神\n某省政府今天举行专题学习。会议审议通过了《某省某某方案》。",
        # the earlier-in-the-sentence path: the studied meeting is not convened here
        "某省政府召开会议，传达学习国务院常务会议精神，审议通过《某省某某方案》。",
    ):
        assert not _issued(text), text


def test_the_latest_meeting_held_before_the_vote() -> None:
    text = (
        "## 国内联播快讯\n国务院常务会议日前召开，部署有关工作。\n"
        "十九届全国人大常委会第八十一次会议今天闭幕。会议经表决，通过了测绘法和档案法。"
    )
    got = _issued(text)
    assert {s for s, _ in got} == {"gov/npcsc"} and len(got) == 2, got


def test_a_meeting_the_recogniser_did_not_read_stands_between() -> None:
    text = (
        "某地新闻\n国务院常务会议日前召开，部署有关工作。某省政府随后召开常务会议，"
        "部署落实。会议审议通过了《某省某某实施方案》。"
    )
    assert not _issued(text)


def test_every_vote_of_the_sentence() -> None:
    text = (
        "常委会会议闭幕\n十九届全国人大常委会第八十一次会议今天闭幕。"
        "会议经表决，通过了测绘法；会议还表决通过了档案法。"
    )
    got = _issued(text)
    assert ("gov/npcsc", "中华人民共和国测绘法") in got
    assert ("gov/npcsc", "中华人民共和国档案法") in got


def test_the_congress_called_the_assembly() -> None:
    text = "人大会议闭幕\n八届全国人大四次会议在北京闭幕。大会表决通过了国务院组织法。"
    assert {s for s, _ in _issued(text)} == {"gov/npc"}, _issued(text)


def test_a_bold_headline_or_a_bold_meeting() -> None:
    for text in (
        "快讯\n\n**国务院常务会议审议通过《某某条例（草案）》**\n\n正文。",
        "快讯\n\n**国务院常务会议**审议通过《某某条例（草案）》。",
    ):
        assert _issued(text) == {("gov/state-council", "某某条例（草案）")}, text


def test_three_laws_inside_a_decision_are_not_adopted() -> None:
    text = (
        "常委会会议闭幕\n十九届全国人大常委会第八十一次会议今天闭幕。"
        "会议表决通过了关于修改测绘法、档案法、森林法的决定。"
    )
    assert not any("法" in o and "决定" not in o for _, o in _issued(text)), _issued(text)


def test_bare_passes_needs_its_vote_word_and_a_list_ends() -> None:
    # 通过 alone before a list of bare names: "by means of"
    text = (
        "常委会会议闭幕\n十九届全国人大常委会第八十一次会议今天闭幕。"
        "会议通过测绘法和档案法的宣传推动工作。"
    )
    assert not _issued(text)
    # a comma item that is not a bare name ends the list
    text = (
        "常委会会议闭幕\n十九届全国人大常委会第八十一次会议今天闭幕。"
        "会议经表决，通过了测绘法，同意修改档案法、森林法。"
    )
    got = {o for _, o in _issued(text)}
    assert got == {"中华人民共和国测绘法"}, got


def test_a_meeting_announced_or_recalled_is_not_the_one_reported() -> None:
    # the heading also announces the next session (决定…召开)
    text = (
        "十九届全国人大常委会第八十一次会议闭幕 决定二十届全国人大一次会议明年春天在北京召开\n"
        "会议经表决，通过了测绘法。"
    )
    assert _issued(text) == {("gov/npcsc", "中华人民共和国测绘法")}, _issued(text)
    # a session recalled (召开以来) after the meeting convened
    text = (
        "国务院常务会议部署有关工作\n国务院总理某某今天主持国务院常务会议，研究有关工作。"
        "会议指出，十九届全国人大常委会第八十一次会议召开以来，各地积极落实。"
        "会议审议通过《某某条例（草案）》。"
    )
    assert _issued(text) == {("gov/state-council", "某某条例（草案）")}, _issued(text)
