"""Designated days on unseen news, round 8 (issues #14, #15): the day, week or festival the
text says a date is (今天是第N个全国某某日, 纪念“国际某某日”) is an event; a phrase about
festivals is not. Invented sentences only."""

from __future__ import annotations

from tests.nlp.extraction import event_names as _events


def test_the_day_a_date_is_is_an_event_without_its_count():
    assert "全国山地保护宣传日" in _events("今天是第12个全国山地保护宣传日，主题为“守护青山”。")


def test_a_quoted_day_that_is_commemorated_is_an_event():
    assert "国际山地旅游日" in _events("各地举行活动纪念“国际山地旅游日”。")


def test_a_phrase_about_festivals_is_no_day():
    assert not _events("端午节是一个传统节日。")
    assert not _events("这是世界上最大的山地公园之一。")
