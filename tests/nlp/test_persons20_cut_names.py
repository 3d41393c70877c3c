"""Round persons20: Chinese names jieba cut before their last character (invented
sentences and names)."""

from __future__ import annotations

from tests.nlp.extraction import persons


def test_a_name_jieba_cut_before_its_last_character():
    # jieba: 高新|荣; LAC reads the three characters as one name in the sentence
    assert persons("村民高新荣主动把自家的地让了出来。") == ["高新荣"]


def test_a_word_and_its_head_are_no_name():
    # jieba: 健康|申明|卡 and 海马|斯, a card and a weapon: not read without LAC's verdict
    assert persons("入境人员须填写健康申明卡并接受核验。") == []
    assert persons("守军拦截了多枚“海马斯”火箭弹。") == []
