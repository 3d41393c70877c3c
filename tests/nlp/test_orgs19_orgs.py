"""Organisations on unseen text (round orgs19): a country's sports team (某国队, 某国女篮,
某国国家女子足球队). Sentences invented."""

import pytest

from tests.nlp.extraction import mention_entities as _ents


@pytest.mark.parametrize(
    "text, names",
    [
        ("决赛中，巴西队以2比1战胜德国队。", ["巴西队", "德国队"]),
        ("中国女篮今天抵达赛地，中国男队明天出发。", ["中国女篮", "中国男队"]),
        ("日本国家女子足球队公布了名单。", ["日本国家女子足球队"]),
    ],
)
def test_country_team(text: str, names: list[str]) -> None:
    ents = _ents(text)
    for n in names:
        assert (n, "Organization") in ents


@pytest.mark.parametrize(
    "text",
    [
        "中国队员表现出色。",  # 队 opens 队员: a member, no team
        "中国队伍不断壮大。",
        "援中非医疗队出发。",  # no sport or class word before 队
        "各国队伍陆续抵达。",  # no country's name
    ],
)
def test_no_team(text: str) -> None:
    assert not [n for n, t in _ents(text) if t == "Organization" and "队" in n]
