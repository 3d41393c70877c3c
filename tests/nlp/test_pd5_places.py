"""Country abbreviations in pairs (kg.nlp.abbreviations): invented sentences."""

from __future__ import annotations

import pytest

from tests.nlp.extraction import places


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("双方同意推动中奥友好合作。", ["中", "奥"]),  # Austria
        ("据报道，美墨两国将举行会谈。", ["美", "墨"]),  # Mexico
        ("他说，印日两国关系稳定发展。", ["印", "日"]),  # two relation words as one word
        ("专家认为，俄日和约问题短期难解。", ["俄", "日"]),  # a treaty between the two
    ],
)
def test_pair_of_abbreviations(text, names):
    assert places(text) == names


def test_a_date_opens_no_pair():
    # 7日 is a date: 日 is no Japan, the pair after it is
    assert places("10月7日美俄会谈在某地举行。") == ["美", "俄"]


@pytest.mark.parametrize("text", ["他研墨写字。", "奥运会将在夏天举行。", "墨色很浓。"])
def test_no_country_in_common_words(text):
    assert places(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("无定河两岸绿树成荫。", "无定河"),  # a river
        ("游客们参观了延福寺。", "延福寺"),  # a site
    ],
)
def test_places_lac_reads_alone(text, name):
    assert name in places(text)


def test_a_listed_place_is_a_whole_word():
    # the end of a longer transliteration is no place of its own
    assert places("明尼阿波利斯的工厂恢复了生产。") == []
