"""Mend of review25 (A), findings 1–4 and 8: the story a delegation's review reads its
session from, which named session counts, the phrases that enter, the words between the
person and 参加 (``delegations.py``). Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _attends(text: str) -> dict[tuple[str, str], bool]:
    rels = extract(Document("t", text, {})).relations
    return {(x.subj, x.obj): x.implicit for x in rels if x.pred == "participatesIn"}


def _of(text: str, who: str = "person/苗立新") -> list[str]:
    return sorted(o for s, o in _attends(text) if s == who)


NPC = "十四届全国人大二次会议各代表团当天分组审议预算报告。"
SAYS = "某省省长苗立新在参加某省代表团审议时表态，支持这份报告。"


# finding 1: a phrase in a heading reads its own story, not the one before
def test_a_heading_does_not_take_the_session_of_the_story_before() -> None:
    text = (
        "### 某省人大会议闭幕\n十四届全国人大二次会议今天在京闭幕。\n"
        "### 苗立新参加某省代表团审议\n苗立新说，要稳就业。"
    )
    assert _of(text) == []


def test_a_heading_reads_its_story_s_first_sentence() -> None:
    text = "### 苗立新参加某省代表团审议\n十四届全国人大二次会议各代表团今天举行全体会议。"
    assert _of(text) == ["event/npc-14-2"]


def test_the_session_named_in_the_story_s_own_heading() -> None:
    text = "### 十四届全国人大二次会议举行第二次全体会议\n" + SAYS
    assert _of(text) == ["event/npc-14-2"]


# finding 2: only a session the story names as held, and only one
def test_a_session_to_come_is_not_the_one_held() -> None:
    text = NPC + "代表们建议把这部法律草案提请十四届全国人大三次会议审议。" + SAYS
    assert _of(text) == ["event/npc-14-2"]


def test_a_session_recalled_is_not_taken() -> None:
    text = "苗立新回忆起十三届全国人大一次会议的情景。" + SAYS
    assert _of(text) == []


def test_a_year_before_the_person_is_another_session() -> None:
    text = NPC + "去年全国两会期间，苗立新在参加某省代表团审议时强调，要稳就业。"
    assert _of(text) == []


def test_two_sessions_held_give_nothing() -> None:
    text = NPC + "十三届全国人大五次会议当天闭幕。" + SAYS
    assert _of(text) == []


# finding 3: 出席 and 联组会 enter as 参加 does
def test_a_delegation_s_plenary_attended_with_chuxi() -> None:
    text = "十四届全国人大二次会议各代表团当天举行全体会议。某省省长苗立新出席某省代表团全体会议。"
    assert _of(text) == ["event/npc-14-2"]


def test_a_joint_meeting_attended_with_chuxi() -> None:
    text = "全国政协十四届二次会议今天开幕。苗立新出席联组会并讲话。"
    assert _of(text) == ["event/中国人民政治协商会议第14届第2次会议"]


# finding 4: a delegation's group discussion is the congress's; a bare one nobody's
def test_a_delegation_s_group_discussion_is_the_congress_s() -> None:
    text = "全国政协十四届二次会议今天开幕。" + NPC + "苗立新参加某省代表团小组讨论时说，要稳就业。"
    assert _of(text) == ["event/npc-14-2"]


def test_a_group_discussion_of_no_sector_is_not_the_conference_s() -> None:
    text = "全国政协十四届二次会议闭幕。\n某市召开干部大会，苗立新参加第三小组讨论时说，要稳就业。"
    assert _of(text) == []


# finding 8: a post, the day and a place between the person and 参加
def test_a_post_after_the_name() -> None:
    assert _of(NPC + "苗立新省长在参加某省代表团审议时表态，支持这份报告。") == ["event/npc-14-2"]


def test_the_day_and_a_place_before_canjia() -> None:
    text = NPC + "苗立新今天上午在北京参加某省代表团审议。"
    assert _of(text) == ["event/npc-14-2"]


def test_a_bare_group_discussion_of_the_session_s_members() -> None:
    text = (
        "出席全国政协十四届二次会议的委员们今天分组讨论两个报告。"
        "苗立新在参加小组讨论时说，要稳就业。"
    )
    assert _of(text) == ["event/中国人民政治协商会议第14届第2次会议"]


def test_a_lead_that_names_both_sessions_the_leaders_joined() -> None:
    text = (
        "### 苗立新参加某省代表团审议\n几位领导人本周先后参加了十三届全国人大五次会议"
        "和全国政协十三届五次会议若干团组的讨论与审议。\n苗立新参加了某省代表团审议。"
    )
    assert _of(text) == ["event/npc-13-5"]


def test_a_lead_that_names_the_session_s_delegation() -> None:
    text = (
        "### 苗立新参加某省代表团审议\n"
        "苗立新今天来到他所在的十四届全国人大二次会议某省代表团，同代表们一起审议。"
    )
    assert _of(text) == ["event/npc-14-2"]
