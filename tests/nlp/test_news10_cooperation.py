"""Cooperation of a news story's two countries, round 10 (issues #14, #15): 两国/双方 opening a
clause that signs cooperation papers or raises the relations to a partnership refer to the
countries the story's heading and first sentence name (China and one foreign country, or two
foreign countries). Invented sentences only."""

from __future__ import annotations

from tests.nlp.extraction import triples


def _coop(text: str) -> set[frozenset]:
    return {frozenset((s, o)) for s, p, o in triples(text)[1] if p == "cooperatesWith"}


def test_the_leaders_of_the_two_countries_witness_the_signing():
    text = (
        "国家主席同泰国总理举行会谈\n"
        "国家主席周明远10日在某地同来访的泰国总理甲乙丙举行会谈。\n"
        "周明远指出，中国视泰国为好邻居。会谈结束时，两国总理见证签署了渔业、气象等方面三项合作备忘录。"
    )
    assert frozenset(("中国", "泰国")) in _coop(text)


def test_two_foreign_countries_raise_their_relations():
    text = (
        "泰国总理访问老挝\n"
        "泰国总理甲乙丙5日抵达万象，开始对老挝进行正式访问。\n"
        "2031年两国关系升级为新型互利伙伴关系。"
    )
    assert frozenset(("泰国", "老挝")) in _coop(text)


def test_the_two_sides_of_a_conflict_are_not_the_story_pair():
    text = (
        "国家主席同泰国总理举行会谈\n"
        "国家主席周明远10日在某地同来访的泰国总理甲乙丙举行会谈。\n"
        "据报道，某地冲突双方签署停火协议。"
    )
    assert not _coop(text)


def test_a_story_of_several_foreign_countries_has_no_pair():
    text = "多国领导人会晤\n泰国、老挝和越南领导人5日在万象会晤。\n会晤结束时，双方签订两项协议。"
    assert not _coop(text)
