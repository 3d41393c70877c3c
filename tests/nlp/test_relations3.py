"""Relations round 3: classes of phrasing found on unseen news and work reports (invented
sentences only)."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract


def rels(text: str, pred: str) -> set[tuple[str, str]]:
    """(subject key, object key) of the ``pred`` relations of ``text``."""
    return {(r.subj, r.obj) for r in extract(Document("t", text)).relations if r.pred == pred}


# ----------------------------------------------------------------- a post before the person


def test_bare_post_before_the_person():
    got = rels("国务委员王毅在北京出席第三届世界数字经济论坛。", "participatesIn")
    assert got == {("person/王毅", "event/世界数字经济论坛")}


def test_country_and_post_before_the_person():
    got = rels("俄罗斯总统普京出席第三届世界数字经济论坛。", "participatesIn")
    assert got == {("person/普京", "event/世界数字经济论坛")}  # not Russia


def test_posts_joined_by_a_comma_mark():
    got = rels("国家发展改革委党组书记、主任郑明远出席发布会。", "holdsPost")
    assert got == {("person/郑明远", "gov/ndrc")}


def test_partners_named_with_their_posts():
    text = "国务院总理李强在首尔与韩国总统尹锡悦、日本首相岸田文雄共同出席第八届中日韩工商峰会。"
    got = {s for s, _ in rels(text, "participatesIn")}
    assert got == {"person/李强", "person/尹锡悦", "person/岸田文雄"}  # not the countries


def test_attendees_listed_after_the_event():
    text = (
        "国家副主席韩正分别会见来华出席第二十届中国—东盟博览会的"
        "缅甸总理纽梭、老挝国家副主席本通。"
    )
    got = {s for s, _ in rels(text, "participatesIn")}
    assert got == {"person/纽梭", "person/本通"}  # not the host who met them


def test_invitation_clause_before_the_verb():
    text = "国务委员王毅抵达利雅得，应沙特阿拉伯王国国王萨勒曼邀请，出席首届中国—阿拉伯国家峰会。"
    assert rels(text, "participatesIn") == {("person/王毅", "event/china-arab-summit")}


def test_verb_inside_a_zai_phrase():
    text = "联合国秘书长古特雷斯22日在出席世界气象大会特别会议时指出，气候危机严重。"
    assert {s for s, _ in rels(text, "participatesIn")} == {"person/古特雷斯"}
    text = "国务院在实施西部大开发战略过程中取得成效。"
    assert rels(text, "implements") == {("gov/state-council", "program/western-development")}


# ----------------------------------------------------------------- hosts


def test_coordinated_hosts_of_a_relative_clause():
    text = (
        "由文化和旅游部、中国科学院和国务院发展研究中心共同主办的"
        "第三届世界数字经济论坛今天开幕。"
    )
    assert {s for s, _ in rels(text, "hosted")} == {"gov/mct", "org/cas", "gov/drc"}


def test_organiser_clause_after_the_event():
    text = (
        "第三届世界数字经济论坛当日在北京举行，由国务院新闻办公室主办，"
        "中国科学院、国务院发展研究中心共同承办。"
    )
    assert {s for s, _ in rels(text, "hosted")} == {"gov/scio", "org/cas", "gov/drc"}


def test_organiser_clause_needs_the_event_as_topic():
    assert not rels("记者在北京采访，由国务院新闻办公室主办。", "hosted")


def test_place_before_a_relative_clause_is_no_host():
    assert not rels("在日本和法国举行的第三届世界数字经济论坛今天闭幕。", "hosted")


# ----------------------------------------------------------------- places and issuers


def test_place_opening_the_clause_implements():
    text = "新的一年，河南实施学前教育普惠扩容行动，稳步增加公办学位供给。"
    assert rels(text, "implements") == {("place/henan", "program/学前教育普惠扩容行动")}


def test_place_does_not_issue_or_read_into_a_noun():
    assert not extract(Document("t", "今年6月份，江苏制定完成《某某行动方案》。")).relations
    assert not rels("河南经济实施学前教育普惠扩容行动。", "implements")  # 经 is no preposition


def test_body_right_before_a_title_issued_it():
    text = "我们必须认真执行中共中央和国务院《关于加强某某工作的决定》。"
    got = {s for s, _ in rels(text, "issued")}
    assert got == {"gov/state-council", "gov/cpc-central-committee"}


def test_issue_verbs_with_a_title():
    got = rels("去年底，国务院发出《关于做好某某工作的通知》。", "issued")
    assert {s for s, _ in got} == {"gov/state-council"}


# ----------------------------------------------------------------- cooperation


def test_cosigners_of_a_cooperation_document():
    got = rels("中国、泰国和老挝签署合作协议。", "cooperatesWith")
    assert {frozenset(p) for p in got} == {
        frozenset(p)
        for p in (
            ("country/CHN", "country/THA"),
            ("country/CHN", "country/LAO"),
            ("country/THA", "country/LAO"),
        )
    }


def test_pair_of_first_characters_marked_as_countries():
    text = "习近平指出，中国同加蓬传统友好。双方丰富中加全面战略合作伙伴关系内涵。"
    assert rels(text, "cooperatesWith") == {("country/GAB", "country/CHN")}


# ----------------------------------------------------------------- time words and causatives


def test_time_word_and_bracketed_date_before_the_verb():
    got = rels("市场监管总局今天（11月27日）公布《某某信用修复管理办法》。", "issued")
    assert got == {("gov/samr", "law/某某信用修复管理办法")}
    got = rels("财政部日前修订印发《某某资金管理办法》。", "issued")
    assert got == {("gov/mof", "law/某某资金管理办法")}


def test_deploying_is_causative_for_implements():
    got = rels("公安部部署开展“某某2030”专项行动。", "implements")
    assert got == {("gov/mps", "program/某某2030专项行动")}


def test_part_of_since_ancient_times():
    assert rels("西藏自古就是中国的一部分。", "partOf") == {("place/tibet", "country/CHN")}


def test_place_opening_the_sentence_is_the_topic():
    text = "今年，四川把推进新型工业化作为经济增长的主引擎，大力实施“天府粮仓”建设行动。"
    assert rels(text, "implements") == {("place/sichuan", "program/天府粮仓建设行动")}
