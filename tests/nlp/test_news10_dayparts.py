"""A part of the day between a subject and its verb, round 10 (issues #14, #15): 某某11日上午在
某地出席X, 当地时间某日下午主持Y; the parts of the day (上午, 下午, 晚上, 当晚, 当地时间…) are
adverbs of time like 今天 (relation_triggers.tsv). Invented sentences only."""

from __future__ import annotations

from tests.nlp.extraction import triples


def test_a_part_of_the_day_before_the_verb():
    rels = triples("国务院副总理周明远11日上午在某地出席第二届山河数字经济论坛并作主旨演讲。")[1]
    assert ("周明远", "participatesIn", "山河数字经济论坛") in rels, rels


def test_local_time_and_an_evening():
    rels = triples("外交部部长张国华当地时间5日晚上在某地出席第三届江湖文化论坛。")[1]
    assert ("张国华", "participatesIn", "江湖文化论坛") in rels, rels
