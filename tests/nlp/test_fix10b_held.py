"""Review of round 10 (S4): whether a held event or its attendance is still to come is read
from the grammar's words of a planned modality (将, 即将, 拟…) standing as words, not from
the character 将 (将军山, 张将军). Invented sentences only."""

from __future__ import annotations

from tests.nlp.extraction import entities_and_relations


def _took(text: str) -> set[tuple[str, str]]:
    return {(s, m) for s, p, _, m in entities_and_relations(text)[1] if p == "participatesIn"}


def test_a_place_named_with_jiang_is_no_future():
    text = "2031年全球山地旅游大会5日在将军山开幕。外交部部长苗立新出席开幕式并致辞。"
    assert ("苗立新", "asserted") in _took(text)


def test_an_event_still_to_come():
    text = "2031年全球山地旅游大会将于5日在桂林开幕。外交部部长苗立新将出席开幕式并致辞。"
    assert ("苗立新", "planned") in _took(text)


def test_a_meeting_about_to_open():
    text = "2031年全球山地旅游大会即将在桂林开幕，外交部部长苗立新出席开幕式并致辞。"
    assert ("苗立新", "planned") in _took(text)


def test_a_rank_in_the_name_of_a_ceremony_is_no_future():
    text = "2031年授予上将军衔仪式5日在桂林举行。苗立新主席出席仪式并讲话。"
    assert ("苗立新", "planned") not in _took(text)
