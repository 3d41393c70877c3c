"""Events not recognised before, round 10 (issues #14, #15): exhibitions, concerts and galas
named with a sign that they are specific (a year, quotes, an anniversary): weak heads
主题展, 特展, 音乐会, 文艺晚会, 联欢晚会; a class noun stays none. Invented sentences only."""

from __future__ import annotations

from tests.nlp.extraction import event_names


def test_a_concert_and_a_gala_with_a_year():
    names = event_names("2031山河之夜音乐会昨晚在某市举行。2031年青海省春节联欢晚会今天录制。")
    assert {"山河之夜音乐会", "青海省春节联欢晚会"} <= names, names


def test_a_quoted_exhibition():
    names = event_names("“山河锦绣”主题展今天在某馆开幕，“江湖岁月”特展同时展出。")
    plain = {n.replace("“", "").replace("”", "") for n in names}
    assert {"山河锦绣主题展", "江湖岁月特展"} <= plain, names


def test_a_class_of_performances_is_no_event():
    names = event_names("大型群众性活动包括演唱会、音乐会、文艺晚会等。")
    assert not names, names
