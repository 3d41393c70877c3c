"""Persons and their posts (kg_persons): sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.nlp.pipeline import make_nlp


@pytest.fixture(scope="module")
def nlp():
    return make_nlp()


def _persons(nlp, text):
    doc = nlp(text)
    return [m.label for m in doc._.kg.mentions if m.type == "Person"], doc._.kg


def _posts(st):
    return {(p.person.label, p.post, p.org.text if p.org else None) for p in st.posts}


def test_foreign_name_after_country_post(nlp):
    names, st = _persons(nlp, "某日，赞比亚总统卡伦巴表示，愿同各方加强合作。")
    assert names == ["卡伦巴"]
    assert ("卡伦巴", "总统", "赞比亚") in _posts(st)


def test_foreign_name_stops_at_verb_and_keeps_middle_dot(nlp):
    names, _ = _persons(nlp, "俄罗斯总统瓦西里·彼得罗夫举行会谈。")
    assert names == ["瓦西里·彼得罗夫"]
    names, _ = _persons(nlp, "双方同挪威议长举行会谈。")
    assert names == []


def test_organisation_post(nlp):
    names, st = _persons(nlp, "联合国秘书长安托尼奥表示支持。")
    assert names == ["安托尼奥"]
    assert ("安托尼奥", "秘书长", "联合国") in _posts(st)


def test_name_list_after_post_shares_the_body(nlp):
    names, st = _persons(nlp, "国务院副总理王建国、李卫东、张志明出席。")
    assert names == ["王建国", "李卫东", "张志明"]
    assert {p[2] for p in _posts(st)} == {"国务院"}


def test_posts_joined_before_a_name(nlp):
    _, st = _persons(nlp, "中共中央政治局常委、全国政协主席赵文华主持会议。")
    posts = _posts(st)
    assert ("赵文华", "主席", "全国政协") in posts
    assert ("赵文华", "常委", "中共中央政治局") in posts


def test_listed_names_before_verb(nlp):
    names, _ = _persons(nlp, "会议期间，王立新、陈海涛等参加会见。")
    assert names == ["王立新", "陈海涛"]


def test_committee_lines(nlp):
    text = (
        "现将组成人员名单通知如下：\n\n主　任：刘建华\u3000\u3000国务院副总理\n\n"
        "委　员：\n\n黄\u3000卫\u3000\u3000科技部副部长\n\n"
        "周志刚\u3000\u3000教授、北京大学原副校长\n"
    )
    names, st = _persons(nlp, text)
    assert names == ["刘建华", "黄卫", "周志刚"]
    posts = _posts(st)
    assert ("刘建华", "副总理", "国务院") in posts
    assert ("黄卫", "副部长", "科技部") in posts


def test_speaker_line_gives_the_provincial_government(nlp):
    from kg.nlp.gazetteer import load_gazetteer

    doc = nlp("政府工作报告\n\n浙江省省长 陈立平\n\n现在，我代表浙江省人民政府报告工作。")
    rels = [(r.subj, r.obj) for r in doc._.kg.relations if r.pred == "holdsPost"]
    gov = load_gazetteer().lookup("浙江省人民政府")
    assert rels == [("person/陈立平", gov.id if gov else "gov/浙江省人民政府")]


def test_office_is_no_body(nlp):
    doc = nlp("中华人民共和国主席　林国栋\n\n祝贺他当选国家主席。")
    kinds = {(m.text, m.type) for m in doc._.kg.mentions}
    assert ("林国栋", "Person") in kinds
    assert not any(t == "GovernmentBody" for _, t in kinds)


def test_name_before_title(nlp):
    names, _ = _persons(nlp, "刘德明总理率团考察。")
    assert names == ["刘德明"]


def test_credits_are_no_persons(nlp):
    names, _ = _persons(nlp, "本报记者 王小明 摄\n\n责任编辑：李华")
    assert names == []


def test_common_words_are_no_names(nlp):
    names, _ = _persons(nlp, "高度重视，周边国家参加会议，方便群众。")
    assert names == []


def test_date_after_a_name_is_a_cue(nlp):
    names, st = _persons(nlp, "国务院副总理邝启成18日在京会见代表团。")
    assert names == ["邝启成"]
    assert ("邝启成", "副总理", "国务院") in _posts(st)


def test_foreign_posts_joined_and_a_body_before_a_post(nlp):
    names, st = _persons(
        nlp, "土库曼斯坦民族领袖、人民委员会主席卡雷姆·别克夫，巴基斯坦参议院主席纳西尔致辞。"
    )
    assert names == ["卡雷姆·别克夫", "纳西尔"]
    posts = _posts(st)
    assert ("卡雷姆·别克夫", "民族领袖", "土库曼斯坦") in posts
    # 人民委员会 after 、 is the country's organ (organs.py): the post is held there
    assert ("卡雷姆·别克夫", "主席", "人民委员会") in posts


def test_unknown_word_before_a_strong_cue_anywhere(nlp):
    # 部长 opens no clause before the name, and the name is no dictionary word
    names, _ = _persons(nlp, "会上，该部部长邝志远表示，将加快推进。")
    assert "邝志远" in names


def test_surname_and_post_is_no_name(nlp):
    names, _ = _persons(nlp, "周总理指出，要团结。")
    assert names == []
