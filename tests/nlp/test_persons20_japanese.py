"""Round persons20: Japanese names before a title or a speech verb (invented sentences
and names)."""

from __future__ import annotations

from tests.nlp.extraction import persons


def test_a_japanese_name_before_a_speech_verb():
    assert persons("会谈结束后，山田太郎说，双方还将继续磋商。") == ["山田太郎"]


def test_a_japanese_surname_before_a_title():
    # jieba's dictionary has 松井 as a place; before 首相 it is a name
    assert persons("他请来访客人转达对松井首相的问候。") == ["松井"]


def test_a_surname_alone_before_a_verb_is_no_name():
    assert persons("中山今天说，他会再来。") == []


def test_a_date_and_a_common_word_are_no_names():
    # 5日|下午: 日下 is a Japanese surname too; 大家 (everyone) is one as well
    assert persons("代表们5日下午参加审议。") == []
    assert persons("大家表示赞同。") == []
