"""X方 (中方, 塞方) stands for the country of the document whose name starts with X."""

from __future__ import annotations

from kg.model import Document
from kg.nlp import extract


def labelled(text: str) -> set[tuple[str, str, str]]:
    res = extract(Document("t", text))
    lab = {k: e.label for k, e in res.entities.items()}
    return {(lab.get(r.subj, r.subj), r.pred, lab.get(r.obj, r.obj)) for r in res.relations}


def test_parties_cooperate():
    got = labelled("中国总理会见塞尔维亚总统。中方愿同塞方一道，深化各领域合作。")
    assert ("中国", "cooperatesWith", "塞尔维亚") in got


def test_party_of_a_country_not_mentioned_is_nothing():
    assert not labelled("中国总理会见来宾。中方愿同塞方一道，深化各领域合作。")


def test_ambiguous_first_character_is_left_alone():
    got = labelled("中国、土耳其和土库曼斯坦代表出席。中方愿同土方一道，深化各领域合作。")
    assert not {r for r in got if r[1] == "cooperatesWith"}


def test_directions_are_no_parties():
    # 西方 is "the West", not Spain
    got = labelled("西班牙首相访问中国。中方愿同西方国家一道，深化各领域合作。")
    assert not {r for r in got if r[1] == "cooperatesWith"}


def test_building_together_is_implementing_for_both():
    got = labelled("中国和印度尼西亚是好朋友。中方愿同印尼一道，高质量共建“一带一路”。")
    assert ("中国", "implements", "一带一路") in got
    assert ("印度尼西亚", "implements", "一带一路") in got


def test_pair_of_first_characters():
    got = labelled("新加坡总理访问中国。他表示，新中全面合作伙伴关系持续深化。")
    assert ("新加坡", "cooperatesWith", "中国") in got


def test_pair_needs_a_cooperation_word():
    got = labelled("新加坡总理访问中国。他表示，新中关系持续发展。")
    assert not {r for r in got if r[1] == "cooperatesWith"}
