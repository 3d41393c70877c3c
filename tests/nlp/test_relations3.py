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
    got = rels("国务委员林卫东在北京出席第三届世界数字经济论坛。", "participatesIn")
    assert got == {("person/林卫东", "event/世界数字经济论坛")}


def test_country_and_post_before_the_person():
    got = rels("俄罗斯总统科尔涅耶夫出席第三届世界数字经济论坛。", "participatesIn")
    assert got == {("person/科尔涅耶夫", "event/世界数字经济论坛")}  # not Russia


def test_posts_joined_by_a_comma_mark():
    got = rels("水利部党组书记、部长高振宇出席发布会。", "holdsPost")
    assert got == {("person/高振宇", "gov/mwr")}


def test_partners_named_with_their_posts():
    text = "国务院副总理陈国栋在曼谷与泰国总理巴颂、越南总理阮文征共同出席第三届澜湄商务论坛。"
    got = {s for s, _ in rels(text, "participatesIn")}
    assert got == {"person/陈国栋", "person/巴颂", "person/阮文征"}  # not the countries


def test_attendees_listed_after_the_event():
    text = (
        "国务委员林卫东分别会见来华出席第五届中国—中亚农业博览会的"
        "尼泊尔总理普拉卡希、斯里兰卡总理维克拉姆。"
    )
    got = {s for s, _ in rels(text, "participatesIn")}
    assert got == {"person/普拉卡希", "person/维克拉姆"}  # not the host who met them


def test_invitation_clause_before_the_verb():
    text = "国务委员林卫东抵达开罗，应埃及总统哈桑邀请，出席第二届中国—非洲农业合作论坛。"
    assert rels(text, "participatesIn") == {("person/林卫东", "event/中国—非洲农业合作论坛")}
    # the clause right before the subject, no comma: only the prefix rule lets it through
    text = "应埃及总统哈桑邀请国务委员林卫东出席第二届中国—非洲农业合作论坛。"
    assert rels(text, "participatesIn") == {("person/林卫东", "event/中国—非洲农业合作论坛")}


def test_verb_inside_a_zai_phrase():
    text = "联合国副秘书长马尔克斯15日在出席全球海洋治理大会特别会议时指出，海洋污染严重。"
    assert {s for s, _ in rels(text, "participatesIn")} == {"person/马尔克斯"}
    text = "国务院在实施西部大开发战略过程中取得成效。"
    assert rels(text, "implements") == {("gov/state-council", "program/western-development")}


# ----------------------------------------------------------------- hosts


def test_coordinated_hosts_of_a_relative_clause():
    text = (
        "由文化和旅游部、中国工程院和国家统计局共同主办的"
        "第三届世界数字经济论坛今天开幕。"
    )
    assert {s for s, _ in rels(text, "hosted")} == {"gov/mct", "org/cae", "gov/nbs"}


def test_organiser_clause_after_the_event():
    text = (
        "第二届全球智慧农业论坛当日在杭州举行，由农业农村部主办，"
        "中国工程院、国家统计局共同承办。"
    )
    assert {s for s, _ in rels(text, "hosted")} == {"gov/moa", "org/cae", "gov/nbs"}


def test_organiser_clause_needs_the_event_as_topic():
    assert not rels("记者在杭州采访，由农业农村部主办。", "hosted")


def test_place_before_a_relative_clause_is_no_host():
    assert not rels("在日本和法国举行的第三届世界数字经济论坛今天闭幕。", "hosted")


# ----------------------------------------------------------------- places and issuers


def test_place_opening_the_clause_implements():
    text = "明年，河南实施乡村书屋提质行动，稳步增加图书供给。"
    assert rels(text, "implements") == {("place/henan", "program/乡村书屋提质行动")}


def test_place_does_not_issue_or_read_into_a_noun():
    assert not extract(Document("t", "今年9月份，浙江制定完成《某某行动方案》。")).relations
    assert not rels("河南经济实施乡村书屋提质行动。", "implements")  # 经 is no preposition


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
    text = "发言人指出，中国同加蓬友谊深厚。双方不断充实中加合作伙伴关系内涵。"
    assert rels(text, "cooperatesWith") == {("country/GAB", "country/CHN")}


# ----------------------------------------------------------------- time words and causatives


def test_time_word_and_bracketed_date_before_the_verb():
    got = rels("海关总署今天（3月14日）公布《某某通关便利管理办法》。", "issued")
    assert got == {("gov/gacc", "law/某某通关便利管理办法")}
    got = rels("财政部近日修订印发《某某资金管理办法》。", "issued")
    assert got == {("gov/mof", "law/某某资金管理办法")}


def test_deploying_is_causative_for_implements():
    got = rels("公安部部署开展“某某2030”专项行动。", "implements")
    assert got == {("gov/mps", "program/某某2030专项行动")}


def test_part_of_since_ancient_times():
    assert rels("澳门自古就是中国的一部分。", "partOf") == {("place/macao", "country/CHN")}


def test_place_opening_the_sentence_is_the_topic():
    text = "今年，贵州把发展数字经济作为转型升级的主抓手，大力实施“黔山绿谷”提升行动。"
    assert rels(text, "implements") == {("place/guizhou", "program/黔山绿谷提升行动")}
