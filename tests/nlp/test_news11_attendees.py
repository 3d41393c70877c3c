"""Who takes part in the gathering a story just reported (round 11): its chair naming it
by its head, a speaker 在会上, a joint name's last part held, speakers with no adverb."""

from kg.model import Document
from kg.nlp import extract


def _part(text: str) -> set[str]:
    r = extract(Document("t", text, {}))
    return {x.subj for x in r.relations if x.pred == "participatesIn"}


def test_speaker_at_the_meeting_just_held() -> None:
    text = "2031年全球山地旅游大会5日在桂林开幕。外交部部长苗立新在会上讲话。"
    assert "person/苗立新" in _part(text)


def test_speaker_reading_a_letter_at_a_joint_named_meeting() -> None:
    text = (
        "8日上午，推动山地旅游事业繁荣发展暨庆祝某某学会成立30周年大会在京举行。"
        "外交部部长苗立新在会上宣读贺信并讲话。"
    )
    assert "person/苗立新" in _part(text)


def test_chair_names_the_story_event_by_its_head() -> None:
    text = (
        "国务院举行春节团拜会\n国务院昨天上午在人民大会堂举行2031年春节团拜会。刘明远发表讲话。\n"
        "陈建华主持团拜会，王立新、张志强等出席。"
    )
    assert "person/陈建华" in _part(text)


def test_another_word_after_the_verb_is_no_head() -> None:
    text = (
        "国务院举行春节团拜会\n国务院昨天上午在人民大会堂举行2031年春节团拜会。刘明远发表讲话。\n"
        "陈建华主持调研，王立新、张志强等参加。"
    )
    assert "person/陈建华" not in _part(text)


def test_speakers_who_made_speeches() -> None:
    text = (
        "2031年全球山地旅游大会5日在桂林开幕。外交部部长苗立新出席并致辞。"
        "大会表彰了先进个人。陈建华、王立新作了发言。"
    )
    assert {"person/陈建华", "person/王立新"} <= _part(text)


def test_guest_who_came_for_a_joint_event_whose_second_part_is_unnamed() -> None:
    text = (
        "国家主席习近平在北京会见来华出席2031年世界山地旅游大会暨山地旅游合作高级别会议的"
        "哈萨克斯坦总统托卡耶夫。"
    )
    assert "person/托卡耶夫" in _part(text)
