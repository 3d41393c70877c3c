"""A place's or country's athletes at games took part in them (round reports25,
``relations/athletes.py``). The sentences marked with a year are from the public-domain
national work reports; the others are invented."""

import pytest

from kg.model import Document
from kg.nlp import extract

REPORT = "政府工作报告\n现在，我代表国务院，向大会报告工作。\n中国经济稳中向好。\n"


def _took_part(text: str) -> set[tuple[str, str]]:
    r = extract(Document("t", REPORT + text, {}))
    label = {m.key: m.text for m in r.mentions}
    return {
        (r_.subj, label.get(r_.obj, r_.obj)) for r_ in r.relations if r_.pred == "participatesIn"
    }


@pytest.mark.parametrize(
    ("text", "edges"),
    [
        # 2022: two events of one list
        (
            "我国体育健儿在东京奥运会、残奥会上勇创佳绩。",
            {("country/CHN", "东京奥运会"), ("country/CHN", "残奥会")},
        ),
        # 1997: after a clause of another topic
        (
            "全民健身运动逐步开展，我国体育健儿在第２６届奥运会上取得优异成绩。",
            {("country/CHN", "第２６届奥运会")},
        ),
        # invented: its athletes at two events, the place bare with words before the result
        (
            "浙江运动员在第十九届亚运会、第四届亚残运会上夺得多枚金牌。",
            {("place/zhejiang", "第十九届亚运会"), ("place/zhejiang", "第四届亚残运会")},
        ),
        ("青海在第十五届全运会多项赛事中实现奖牌突破。", {("place/qinghai", "第十五届全运会")}),
        (
            "去年，广东省代表团在第十五届全运会上夺得金牌榜第一。",
            {("place/guangdong", "第十五届全运会")},
        ),
    ],
)
def test_the_athletes_place_took_part(text: str, edges: set[tuple[str, str]]) -> None:
    assert edges <= _took_part(text)


@pytest.mark.parametrize(
    "text",
    [
        # 1994: an aim, no subject opening the clause
        "体育健儿要努力拼搏，争取在第１２届亚运会和其他国际比赛中取得好成绩。",
        # invented: another's support, no result, the event before the subject
        "支持广东运动员在第十五届全运会上取得佳绩。",
        "广东运动员在第十五届全运会上表现出色。",
        "在第十五届全运会上，广东运动员取得佳绩。",
    ],
)
def test_no_participation_without_the_shape(text: str) -> None:
    assert not {e for e in _took_part(text) if e[0].startswith(("place/", "country/"))}
