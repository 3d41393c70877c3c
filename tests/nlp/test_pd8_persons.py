"""People's Daily eighth round, persons (invented sentences; the names are transliterations
of jieba's dictionary)."""

from __future__ import annotations

from tests.nlp.extraction import persons


def test_a_transliteration_a_surname_opens_after_a_post():
    # 巴 is a surname, but 巴萨耶夫 no Chinese name: LAC's window after the post reads it
    assert persons("联盟发言人巴萨耶夫当天拒绝置评。") == ["巴萨耶夫"]


def test_a_transliteration_after_a_post_with_no_surname():
    assert persons("委员会副主席布鲁查加当天拒绝置评。") == ["布鲁查加"]


def test_a_river_after_a_post_is_no_person():
    assert persons("学会高级研究员杰纳布河近日撰文。") == []


def test_a_name_ends_before_the_verb_of_sending():
    # 派 (sends) ends a name like 率 (leads): 某某派|代表, not a name 某某派
    assert persons("俄罗斯总统巴萨耶夫派特使出席开幕式。") == ["巴萨耶夫"]


def test_a_name_the_dictionary_has_as_a_common_word_after_a_foreign_post():
    # jieba tags 细川护熙 n, so the foreign reader stops at once; LAC reads the window
    assert persons("日本首相细川护熙当天抵达。") == ["细川护熙"]
    # a verb after the post opens no window's name
    assert persons("两国总统通话后，日本首相当天抵达。") == []


def test_a_foreign_name_after_a_post_in_a_statute():
    # a treaty's articles name heads of state: the foreign reader runs there too (only
    # LAC's step is off in a statute's text)
    text = (
        "两国合作协定\n第一条 为了促进两国合作，缔约双方同意如下。\n"
        "第二条 巴西总统卡多佐维奇和中华人民共和国主席签署本协定。\n"
        "第三条 本协定自签署之日起生效。"
    )
    assert persons(text) == ["卡多佐维奇"]
