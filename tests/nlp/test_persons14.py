"""Round persons14: foreign names before a title, dotted names, former posts (invented
sentences and names)."""

from __future__ import annotations

from tests.nlp.extraction import persons


def test_a_transliterated_name_before_a_foreign_leaders_title():
    assert persons("会谈后，萨帕尼迪总理会见了记者。") == ["萨帕尼迪"]
    # a particle jieba glued to the name's start is not the name's
    assert persons("他转达了卡努维克总统对中方的问候。") == ["卡努维克"]
    # a date's unit glued to the name is not the name's
    assert persons("1985年萨帕尼迪总理访华，双方签署了协议。") == ["萨帕尼迪"]


def test_no_name_before_a_title_where_a_country_or_a_common_word_stands():
    assert persons("他说，新任总理将于明天就职。") == []
    assert persons("会谈中，该国总理介绍了情况。") == []
    assert "挪威" not in persons("挪威首相表示欢迎。")


def test_a_dictionary_noun_after_a_middle_dot_is_the_names():
    # 甘地 is a noun of jieba's dictionary
    assert persons("会上，米·甘地介绍了情况。") == ["米·甘地"]


def test_dotted_names_of_four_parts_are_read_whole():
    text = "国家主席致电阿卜·卡里姆·萨拉丁·穆萨维，祝贺他当选总统。"
    assert persons(text) == ["阿卜·卡里姆·萨拉丁·穆萨维"]


def test_a_common_word_the_dictionary_tags_as_a_name_opens_no_dotted_name():
    # jieba tags 顾问 nr
    assert persons("总统任命其经济顾问卡里姆·萨拉丁为新总理。") == ["卡里姆·萨拉丁"]


def test_a_world_citys_name_before_a_middle_dot_opens_the_name():
    assert persons("国家主席致电亚历山大·帕蒂诺，祝贺他当选总统。") == ["亚历山大·帕蒂诺"]


def test_a_former_holder_of_a_foreign_post():
    assert persons("代表团会见了挪威前首相斯托卡维克。") == ["斯托卡维克"]
    assert persons("在巴西前总统卡努维克遭未遂刺杀后，局势紧张。") == ["卡努维克"]


def test_a_dictionary_name_that_opens_with_a_noun_is_read_after_a_foreign_post():
    # jieba has 基里延科 as a name and 基里 as a noun: the name is read whole
    assert persons("俄罗斯总理基里延科及其内阁成员出席了会议。") == ["基里延科"]
