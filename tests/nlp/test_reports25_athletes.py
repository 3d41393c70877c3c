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
        # invented: a delegation's medal at the games, a province's athletes won there
        ("新疆代表团在第十五届全运会中夺得三枚金牌。", {("place/xinjiang", "第十五届全运会")}),
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
        # invented: another's support, no result
        "支持广东运动员在第十五届全运会上取得佳绩。",
        "广东运动员在第十五届全运会上表现出色。",
        "支持我国运动员在第三十三届奥运会上取得佳绩。",
        # invented: a place with no athletes (a host at its fair or games), no games (a
        # delegation at a session), a bid, a preparation, the time before or around the
        # games, an aim, the future
        "江苏在第十五届全运会上取得优异成绩。",
        "广东在第一百三十五届中国进出口商品交易会上取得成交额新高。",
        "广东代表团在十四届全国人大二次会议上提出的议案获得通过。",
        # (a fair is no games: this reader's scope is the sports results of a report)
        "广东代表团在第一百三十五届中国进出口商品交易会上取得丰硕成果。",
        "我国在2030年冬奥会申办中取得成功。",
        "浙江运动员在第十九届亚运会筹备工作中取得进展。",
        "我国运动员在第三十三届奥运会前取得多项世界冠军。",
        "浙江运动员在第十九届亚运会期间取得佳绩。",
        "我国运动员在第三十四届奥运会上力争取得好成绩。",
        "未来，我国体育健儿在第三十四届奥运会上一定能取得好成绩。",
        "相信未来我国运动员在第三十四届奥运会上取得更多金牌。",
    ],
)
def test_no_participation_without_the_shape(text: str) -> None:
    assert not {e for e in _took_part(text) if e[0].startswith(("place/", "country/"))}
