"""People's Daily eighth round, places (invented sentences): towns and villages whose name
is a common word + the unit, read as places by LAC (scripts/build_lac_places.py)."""

from __future__ import annotations

from tests.nlp.extraction import places


def test_a_village_named_by_a_common_noun_is_a_place():
    # 杏花, 樟树, 竹林: common nouns, which the locality rules take for a description
    assert places("他从樟树镇出发，前往杏花村。") == ["樟树镇", "杏花村"]
    assert "竹林镇" in places("竹林镇今年修了两条路。")


def test_a_class_of_villages_is_no_place():
    # a quality or state names a class (小康村, 文明村, 城中村), and so does a frequent
    # word before the unit (大|城镇)
    assert places("全县建成小康村十个、文明村五个，改造城中村和大城镇周边。") == []


def test_a_pair_jieba_cut_into_characters_is_two_countries():
    # 中|美|三个, 美|中|科技: each character a word of its own, China one of them
    assert places("双方同意扩大中美三个领域的合作。") == ["中", "美"]
    assert places("论坛关注美中科技合作。") == ["美", "中"]
    # 比赛中|以: 以 is a common word, no country
    assert places("比赛中以三分取胜。") == []
