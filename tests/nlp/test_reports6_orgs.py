"""Organisations of work reports the rules had not seen (issues #14, #15): works and plants
by their head 厂 or 联合企业, after a place (某地|糖厂, 某地|重型机器厂) or an ordinal
(第一|汽车制造厂); a class of plants (各地工厂, 全国小化肥厂, 这些厂) is no name.
Sentences of the national work reports 1955–1957 (public domain) and invented ones."""

from __future__ import annotations

import pytest

from kg.model import Document
from kg.nlp import extract


def _orgs(text: str) -> set[str]:
    res = extract(Document("t", text))
    return {e.label for e in res.entities.values() if e.type == "Organization"}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("主要的有：沈阳第一机床厂、大连热电站、北京国棉二厂、包头糖厂等等。",
         {"沈阳第一机床厂", "北京国棉二厂", "包头糖厂"}),
        ("第一汽车制造厂的建设到一九五四年十一月底为止，共积压器材一千零五十七万元。",
         {"第一汽车制造厂"}),
        ("同时，鞍山钢铁联合企业将基本上建设完成。", {"鞍山钢铁联合企业"}),
        ("今年新建的有柳州钢铁厂和太原重型机器厂。", {"柳州钢铁厂", "太原重型机器厂"}),
    ],
)  # fmt: skip
def test_plants_by_their_head(text: str, names: set[str]) -> None:
    assert names <= _orgs(text)


@pytest.mark.parametrize(
    "text",
    [
        "全国小化肥厂的产量增加，各地工厂和这些厂都要实行厂长负责制。",
        "过去一年改建和扩建一批化肥厂，逐步推进厂务公开。",
        "洛阳的滚珠轴承厂和矿山机械厂建设完工。",
    ],
)
def test_a_class_of_plants_is_no_name(text: str) -> None:
    assert not {n for n in _orgs(text) if n.endswith("厂")}
