"""The guards of scripts/build_cldr_cities.py (pure functions)."""

from __future__ import annotations

from tests.scripts import load_script

cldr = load_script("build_cldr_cities")


def test_a_state_before_the_city_is_a_qualified_form():
    assert cldr.qualified("北达科他州比尤拉") and cldr.qualified("肯塔基州蒙蒂塞洛")
    assert not cldr.qualified("凤凰城") and not cldr.qualified("加沙")


def test_names_are_chinese_characters():
    assert cldr.is_cjk("迪蒙·迪维尔") and not cldr.is_cjk("St Johns")
