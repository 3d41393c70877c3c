"""Domestic railways and expressways named by their ends (甲至乙高铁, 甲至乙至丙高速铁路;
``heads/route_lines.py``, round entities24). Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.spans import entity_spans
from tests.nlp.spans import names_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("长沙至赣州高铁今年全线贯通。", "长沙至赣州高铁"),
        ("湖南长沙至江西赣州高速铁路建成后，两地通行时间缩短。", "湖南长沙至江西赣州高速铁路"),
        ("昆明至大理至丽江城际铁路开行动车组。", "昆明至大理至丽江城际铁路"),
        ("南京至芜湖高速公路的建设用地已经批准。", "南京至芜湖高速公路"),
        ("合肥至安庆高速控制性工程开工。", "合肥至安庆高速"),
    ],
)
def test_line_named_by_its_ends(text, name):
    assert name in names_of(text, "Program")


@pytest.mark.parametrize(
    "text",
    [
        "这一做法已推广至全国三十多个高铁站。",  # no place before 至
        "从成都至重庆的铁路运输十分繁忙。",  # 的 parts the ends from the head
        "长沙至赣州高铁站之间开行接驳巴士。",  # a station's name, not the line
        "长沙至赣州高速发展的物流通道。",  # 高速 as "rapid"
        "线路建成以后，长沙至赣州高铁旅行时间缩短到两小时。",  # the trip's time
        "从南昌至九江铁路沿线调研。",  # 从 opens the trip, not the line
        "自南昌至九江铁路全线都有信号。",
        "南昌至九江高速铁路公司今天成立。",  # a body named after the line
        "南昌至九江铁路建设指挥部召开会议。",
        "南昌至九江高铁票价公布。",  # the traffic on it
        "南昌至九江铁路货运量稳步增长。",
        "南昌至九江高铁最快只需半小时。",  # the trip's time
    ],
)
def test_no_line(text):
    assert not [n for n in names_of(text, "Program") if "至" in n]


@pytest.mark.parametrize(
    ("text", "names", "key"),
    [
        ("长沙至赣州高速铁路今天开通。长沙至赣州高铁全长四百多公里。",
         {"长沙至赣州高速铁路", "长沙至赣州高铁"}, "长沙至赣州高铁"),
        # a road keyed by its full form (the key the full name had before the short one was read)
        ("南京至芜湖高速公路完成扩建。南京至芜湖高速控制性工程开工。",
         {"南京至芜湖高速公路", "南京至芜湖高速"}, "南京至芜湖高速公路"),
    ],
)  # fmt: skip
def test_long_and_short_head_are_one_line(text, names, key):
    spans = [s for s in next(entity_spans([text], nominal=False)) if s["type"] == "Program"]
    assert {s["text"] for s in spans} == names
    assert {s["iri"].rsplit("/", 1)[-1] for s in spans} == {key}


def test_a_chain_of_ends_is_one_span():
    from types import SimpleNamespace

    from kg.model import Mention
    from kg.nlp.components.heads.route_lines import route_lines

    names = ["长沙", "赣州"] * 200
    norm = "至".join(names) + "高铁。"
    cands, i = [], 0
    for n in names:
        cands.append(Mention(i, i + 2, n, "Location", "k", n, "gazetteer"))
        i += 3
    st = SimpleNamespace(norm=norm, candidates=cands, tok_ends={len(norm) - 1})
    assert route_lines(st) == [(0, len(norm) - 1)]
