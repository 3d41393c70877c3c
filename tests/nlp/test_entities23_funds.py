"""Funds the state, a place or an organisation sets up, named by the weak programme head
基金 (``open_heads.tsv``, round entities23): a specific opening (国家, 全国, 中国, a place, a
known organisation) names one fund, a bare field a class; a counted phrase (两只, 三只) ends
the left context; a word of jieba's that ends in the head and opens with a specific prefix
is one name. Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.spans import entity_spans
from tests.nlp.spans import names_of


def _programs(text: str) -> list[str]:
    return names_of(text, "Program")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("财政部表示，将设立国家海洋产业投资基金，支持沿海地区发展。", "国家海洋产业投资基金"),
        ("三省一市共同设立长三角绿色产业引导基金，首期规模百亿元。", "长三角绿色产业引导基金"),
        ("中国气候变化南南合作基金同多国签署了合作文件。", "中国气候变化南南合作基金"),
        ("这项研究得到国家杰出青年基金的资助。", "国家杰出青年基金"),
    ],
)
def test_fund(text, name):
    assert name in _programs(text)


@pytest.mark.parametrize(
    "text",
    [
        "各地要加强医保基金监管，严防欺诈骗保。",  # a scheme's pooled money, no name
        "该市设立了首期二十亿元的产业基金。",  # a bare field: a class
        "要更好发挥政府投资基金的引导作用。",
        "北京、上海两只区域基金同日设立。",  # the count ends the left context
        "上海新设两只国家级产业引导基金。",  # (not 上海新设两只…基金 as one name)
        "美联储宣布将联邦基金利率上调。",
        # a place's pool of a scheme, a class after 全国 (review23 finding 5)
        "今年，湖南省医疗保障基金收支总体平衡。",
        "去年，成都市养老基金运行总体平稳。",
        "浙江省社保基金实现了保值增值。",
        "目前全国政府投资基金已有数千只。",
        "全国产业基金规模持续扩大。",
        # an international opening: the gazetteer's Organizations, or none (finding 6)
        "联合国人道主义应急基金已向灾区拨款。",
        "国际货币基金和世界银行联合发布报告。",
    ],
)
def test_no_fund(text):
    assert not [n for n in _programs(text) if n.endswith("基金")]


def test_imf_stays_an_organisation():
    spans = next(entity_spans(["国际货币基金组织发布了新一期报告。"], nominal=False))
    assert ("国际货币基金组织", "Organization") in {(s["text"], s["type"]) for s in spans}


def test_national_social_security_fund():
    """全国社保基金 is the country's one fund of the kind: 全国 opens it."""
    assert "全国社保基金" in _programs("全国社保基金去年实现投资收益。")


@pytest.mark.parametrize(
    "text",
    [
        "全国社会保障基金理事会应当按时公布基金收支情况。全国社会保障基金由中央财政拨款构成。",
        "国家设立全国社会保障基金。全国社会保障基金理事会负责管理运营。",
    ],
)
def test_fund_name_not_repeated_into_its_council(text):
    """A programme's name before an organisation's head (某某基金|理事会) is the body's:
    no repeat of the fund there (review23 finding 4)."""
    spans = next(entity_spans([text], nominal=False))
    council = text.index("全国社会保障基金理事会")
    assert not [s for s in spans if s["type"] == "Program" and s["start"] == council]
