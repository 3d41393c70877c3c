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
    text = "国家主席向马里奥·埃内斯托·奥利吉·恩圭拉发去贺电。"
    assert persons(text) == ["马里奥·埃内斯托·奥利吉·恩圭拉"]


def test_a_common_word_the_dictionary_tags_as_a_name_opens_no_dotted_name():
    # jieba tags 顾问 nr
    assert persons("总统任命其经济顾问卡里姆·萨拉丁为新总理。") == ["卡里姆·萨拉丁"]


def test_a_world_citys_name_before_a_middle_dot_opens_the_name():
    assert persons("国家主席致电亚历山大·帕蒂诺，祝贺他当选总统。") == ["亚历山大·帕蒂诺"]


def test_a_former_holder_of_a_foreign_post():
    text = (
        "副主席昨天在上海与日本前首相福田康夫座谈。副主席说，双方交往历史悠久。"
        "福田康夫表示，愿继续推动两国交流。"
    )
    assert persons(text) == ["福田康夫", "福田康夫"]
    assert persons("据报道，科威特前埃米尔纳卢瓦夫上周在首都出席了一场仪式。") == ["纳卢瓦夫"]
    assert persons("在巴西前总统卡努维克遭未遂刺杀后，局势紧张。") == ["卡努维克"]


#: a statute's text: no LAC window there, the rules alone read the names
STATUTE = "某某协定\n第一条 双方同意加强合作。\n第二条 {}\n第三条 本协定自签署之日起生效。"


def test_the_rules_alone_read_foreign_names_after_posts():
    def read(sentence: str) -> list[str]:
        return persons(STATUTE.format(sentence))

    assert read("本协定由日本前首相福田康夫签署。") == ["福田康夫"]
    assert read("本协定由印度前总理拉·甘地签署。") == ["拉·甘地"]
    # jieba has the name with a noun at its start (米拉)
    assert read("本协定由塞尔维亚总统米拉诺维奇签署。") == ["米拉诺维奇"]
    # the name's last character jieba joined to 在 (某某·莫博|登在)
    assert read("本协定由亚洲开发银行理事会主席卡洛斯·莫博登在会上签署。") == ["卡洛斯·莫博登"]


def test_a_dictionary_name_that_opens_with_a_noun_is_read_after_a_foreign_post():
    # jieba has 基里延科 as a name and 基里 as a noun: the name is read whole
    assert persons("俄罗斯总理基里延科及其内阁成员出席了会议。") == ["基里延科"]


def test_a_transliterated_name_after_a_role_word():
    # 领导人 is a role (roles.txt), no post: LAC reads the window after it (a name of
    # jieba's dictionary, read alone as no one's)
    assert persons("该党领导人纳斯鲁拉周五表示，谈判仍有希望。") == ["纳斯鲁拉"]


def test_a_function_character_jieba_glued_to_a_name_before_a_title():
    # jieba: 同托|卡耶夫; 同 is no part of the name
    assert persons("会后，副主席在同托卡耶夫总统一起参观展览时表示赞赏。") == ["托卡耶夫"]
    text = "副主席转达了对萨勒曼国王的问候，并同萨勒曼国王一道出席仪式。"
    assert persons(text) == ["萨勒曼", "萨勒曼"]


def test_a_long_dotted_name_after_a_foreign_post_is_read_whole():
    text = "加蓬总统马里奥·埃内斯托·奥利吉·恩圭拉将于下月访华。"
    assert persons(text) == ["马里奥·埃内斯托·奥利吉·恩圭拉"]
