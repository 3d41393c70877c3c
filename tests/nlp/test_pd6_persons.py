"""People's Daily sixth round, persons: transliterated names jieba cut before their last
pieces (kg.nlp.components.persons.extents). Invented sentences."""

from __future__ import annotations

import pytest

from kg.nlp.components.persons.resources import nrt_ends
from tests.nlp.extraction import persons


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # jieba: 桑德雷|斯|和
        ("依靠桑德雷斯和门将的发挥打平。", ["桑德雷斯"]),
        # jieba: 桑德雷|斯|与
        ("前锋桑德雷斯与队友一起庆祝。", ["桑德雷斯"]),
    ],
)
def test_a_cut_transliteration_is_read_whole(text, names):
    assert persons(text) == names


def test_a_verb_after_a_name_is_no_piece_of_it():
    # 遭, 请, 却 are likelier in transliterations than in Chinese names, but end none
    assert not {"遭", "请", "却"} & nrt_ends()
    assert all(not p.endswith(("遭", "请")) for p in persons("总统特朗普遭遇质询，普京请他转达。"))


def test_a_chinese_two_character_name_is_not_extended():
    assert persons("局长王强斯文地说。") in ([], ["王强"])


def test_names_listed_beside_a_person():
    # 孙政, 周武 score below the name model's threshold alone; joined to 吴勤 they count
    assert persons("会议由钱学明主持，孙政、周武和吴勤参加。") == ["钱学明", "孙政", "周武", "吴勤"]


def test_a_list_of_places_is_no_list_of_persons():
    assert persons("大水淹没了钱家、孙集、赵庄等地的农田。") == []


def test_a_name_after_a_role_word():
    # 农民 is no post: no cue follows the name, LAC reads it
    assert persons("我们坐上农民孙明海的拖拉机去了镇上。") == ["孙明海"]


def test_a_role_word_before_a_common_word_reads_no_name():
    assert persons("全体职工王府井店的同事都来了。") == []
