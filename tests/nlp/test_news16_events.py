"""Round news16 on unseen news: gatherings named after a book or a law title, an
organisation's ministers' meeting written short, a body's numbered session after 在京,
another party's plenum in either form, organisers that end their items. Invented
sentences."""

from kg.model import Document
from kg.nlp import extract
from tests.nlp.extraction import event_keys, mention_types


def _result(text: str):
    return extract(Document("t", text, {}))


def test_a_gathering_named_after_a_book_title() -> None:
    text = "《山河文选》第三卷英文版推介会5日在某地举行。"
    assert "《山河文选》第三卷英文版推介会" in event_keys(text)
    assert "《山河文选》豪萨文版首发式" in event_keys("《山河文选》豪萨文版首发式在某地举行。")


def test_a_bracket_after_the_title_is_in_the_name() -> None:
    text = "《山河文选》（中英对照）全球首发式在某地举行。"
    assert set(event_keys(text)) == {"《山河文选》（中英对照）全球首发式"}


def test_a_law_title_before_a_study_meeting_is_a_mention_too() -> None:
    types = mention_types("全国政协在京召开《中国共产党某某工作条例》学习座谈会。")
    assert types.get("《中国共产党某某工作条例》学习座谈会") == "Event"
    assert types.get("中国共产党某某工作条例") == "Law"


def test_a_verb_between_the_title_and_the_head_names_no_gathering() -> None:
    assert not any("发布会" in n for n in event_keys("《山河晚会》举行新闻发布会。"))
    assert not any("发布会" in n for n in event_keys("《山河晚会》今天举行发布会。"))


def test_an_organisations_ministers_meeting_written_short() -> None:
    assert "北约防长会" in event_keys("北约防长会今天在某地闭幕，会议讨论了防务问题。")
    assert "欧盟外长会" in event_keys("欧盟外长会通过了一份联合文件。")
    assert event_keys("七国集团部长会发表一份文件。") == {}


def test_ministers_talks_are_no_meeting_written_short() -> None:
    assert event_keys("双方同意下月举行俄乌外长会谈。") == {}


def test_a_bodys_numbered_session_after_a_one_character_place() -> None:
    events = event_keys("全国政协5日在京召开第九十次主席会议，研究下一阶段工作。")
    assert events.get("第九十次主席会议") == "event/全国政协第九十次主席会议"


def test_another_partys_plenum_has_one_key_in_either_form() -> None:
    text = (
        "农工党十八届二中全会在京开幕\n"
        "中国农工民主党第十八届中央委员会第二次全体会议5日在北京开幕。"
    )
    keys = set(event_keys(text).values())
    assert keys == {"event/中国农工民主党十八届二中全会"}


def test_the_cpc_plenum_keeps_its_key() -> None:
    text = "中国共产党第二十一届中央委员会第二次全体会议在京举行。二十一届二中全会强调…"
    assert len(set(event_keys(text).values())) == 1


def test_an_organiser_is_the_unit_that_ends_its_item() -> None:
    text = (
        "山河论坛在京举办\n第五届山河论坛5日在北京举办。\n"
        "论坛由商务部、中国某某局和外交部共同主办。"
    )
    r = _result(text)
    hosts = {x.subj for x in r.relations if x.pred == "hosted"}
    assert {"gov/mofcom", "gov/mfa"} <= hosts
    assert "country/CHN" not in hosts
