"""Round news16 on unseen news: a bare head or 会上 that sends back to the story's event,
talks before a joint act, a guest's relative clause after 会见, meeting verbs counted by
how often, 战略 before the noun it qualifies. Invented sentences."""

from kg.model import Document
from kg.nlp import extract


def _result(text: str):
    return extract(Document("t", text, {}))


def _rels(text: str, pred: str) -> set[tuple[str, str]]:
    return {(x.subj, x.obj) for x in _result(text).relations if x.pred == pred}


def _subjects(text: str, pred: str) -> set[str]:
    return {s for s, _ in _rels(text, pred)}


def _names(text: str, type_: str) -> set[str]:
    r = _result(text)
    return {m.text for m in r.mentions if r.entities[m.key].type == type_}


_FORUM = "纪念某某同志诞辰120周年座谈会3日在京举行。"


def test_the_head_of_the_event_held_after_the_verb_sends_back_to_it() -> None:
    text = _FORUM + "国务院副总理苗立新出席座谈会并讲话。"
    assert _subjects(text, "participatesIn") == {"person/苗立新"}


def test_another_head_after_the_verb_is_not_the_event_held() -> None:
    text = _FORUM + "国务院副总理苗立新出席研讨会并讲话。"
    assert _subjects(text, "participatesIn") == set()


def test_a_speaker_at_the_meeting_took_part_whatever_he_did_there() -> None:
    text = _FORUM + "国务院副总理苗立新出席座谈会。全国政协副主席田卫东在座谈会上回顾了他的一生。"
    assert _subjects(text, "participatesIn") == {"person/苗立新", "person/田卫东"}
    text = _FORUM + "全国政协副主席田卫东在会上表示，要学习他的精神。"
    assert _subjects(text, "participatesIn") == {"person/田卫东"}


def test_a_speaker_at_another_gathering_is_not_at_the_story_event() -> None:
    text = _FORUM + "全国政协副主席田卫东在研讨会上回顾了他的一生。"
    assert _subjects(text, "participatesIn") == set()


def test_posts_before_a_later_chair_of_the_story_event() -> None:
    text = _FORUM + "国务院副总理苗立新出席座谈会。全国政协副主席兼秘书长田卫东主持座谈会。"
    assert _subjects(text, "participatesIn") == {"person/苗立新", "person/田卫东"}


def test_a_verb_linked_by_bing_is_no_head() -> None:
    text = "全国政协第九次主席会议5日在京召开。全国政协主席苗立新主持并讲话。"
    assert ("person/苗立新", "event/全国政协第九次主席会议") in _rels(text, "hosted")


def test_the_partner_of_talks_shares_the_joint_act_after_them() -> None:
    text = "国务院副总理苗立新同秘鲁副总统田卫东举行会谈并共同主持中秘农业合作委员会第三次会议。"
    assert _subjects(text, "participatesIn") == {"person/苗立新", "person/田卫东"}


def test_the_host_does_not_attend_what_his_guest_came_for() -> None:
    text = "国家主席苗立新在北京会见来华出席2031年世界农业大会并进行国事访问的某国总统田卫东。"
    assert "person/苗立新" not in _subjects(text, "participatesIn")
    text = "国务院总理苗立新会见前来参加2031年世界农业大会开幕式的外国嘉宾。"
    assert "person/苗立新" not in _subjects(text, "participatesIn")


def test_the_host_who_attends_himself_still_attends() -> None:
    text = "国家主席苗立新出席2031年世界农业大会开幕式并会见外国嘉宾。"
    assert "person/苗立新" in _subjects(text, "participatesIn")


def test_a_meeting_verb_counted_by_how_often_names_no_meeting() -> None:
    assert _names("两国元首去年在某地和北京两度会晤，达成共识。", "Event") == set()
    assert _names("两国元首年内三次会晤。", "Event") == set()


def test_a_numbered_session_of_a_meeting_is_still_a_name() -> None:
    text = "金砖国家领导人第十九次会晤在某地举行。"
    assert "金砖国家领导人第十九次会晤" in _names(text, "Event")


def test_strategy_before_the_noun_it_qualifies_names_no_strategy() -> None:
    assert _names("两国商定建立“3+3”战略对话机制。", "Program") == set()
    assert _names("两国用好“1+1”战略磋商机制。", "Program") == set()


def test_a_quoted_strategy_before_other_words_is_still_a_strategy() -> None:
    assert "“南水北调”战略" in _names("某省实施“南水北调”战略，推进建设。", "Program")


def test_the_reporter_of_the_meeting_held_took_part() -> None:
    text = "2031年世界数字贸易论坛5日在北京开幕。商务部部长苗立新代表主办方作工作报告。"
    assert _subjects(text, "participatesIn") == {"person/苗立新"}


def test_a_few_words_before_a_post_open_the_attendee() -> None:
    text = "纪念某某同志诞辰120周年座谈会3日在京举行。山河盟中央主席苗立新主持座谈会。"
    assert _subjects(text, "hosted") == {"person/苗立新"}


def test_a_report_still_to_come_is_planned() -> None:
    text = "2031年世界农业大会将于5日在北京开幕。商务部部长苗立新将作主旨报告。"
    r = _result(text)
    mods = {x.modality for x in r.relations if x.pred == "participatesIn"}
    assert mods <= {"planned"}


def test_who_spoke_in_his_address_at_the_story_event_took_part() -> None:
    text = (
        "山河论坛在京举办\n第五届山河论坛5日在北京举办。\n与会嘉宾认为，论坛很成功。\n"
        "国务院副总理苗立新在致辞中表示，要加强合作。"
    )
    assert "person/苗立新" in _subjects(text, "participatesIn")
