"""Laws of round entities25: free trade agreements named by their parties (中某自贸协定,
甲—乙自由贸易协定: ``trade_areas.trade_agreements``), quoted acts (《…法案》:
``title_heads.tsv``) and a state body's rules of procedure named bare (某机关议事规则:
``heads/body_rules.py``). Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.spans import entity_spans
from tests.nlp.spans import names_of


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("冰岛外长表示，中冰自贸协定为两国企业带来实惠。", "中冰自贸协定"),
        ("挪威首相说，愿早日完成中挪自贸协定谈判。", "中挪自贸协定"),
        ("各方同意加快推进中日韩自贸协定谈判进程。", "中日韩自贸协定"),
        ("两国在京签署中国—东盟自由贸易协定升级文件。", "中国—东盟自由贸易协定"),
    ],
)
def test_trade_agreement_named_by_its_parties(text, name):
    assert name in names_of(text, "Law")


def test_trade_agreement_short_and_full_head_one_node():
    text = "澳大利亚总理表示，中澳自由贸易协定实施十年来，中澳自贸协定惠及两国人民。"
    spans = [s for s in next(entity_spans([text], nominal=False)) if s["type"] == "Law"]
    assert {s["text"] for s in spans} == {"中澳自由贸易协定", "中澳自贸协定"}
    assert len({s["iri"] for s in spans}) == 1


@pytest.mark.parametrize(
    "text",
    [
        "我国将与更多国家商签高标准自贸协定。",  # no parties: the class
        "双边自贸协定的红利持续释放。",
        "这是我国对外签署的第二十个自由贸易协定。",
    ],
)
def test_trade_agreement_class_stays_unnamed(text):
    assert not [n for n in names_of(text, "Law") if n.endswith("协定")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("该国众议院当天表决通过《基础设施投资法案》。", "基础设施投资法案"),
        ("外方官员批评《芯片补贴法案》带有歧视性。", "芯片补贴法案"),
    ],
)
def test_quoted_act(text, name):
    assert name in names_of(text, "Law")


@pytest.mark.parametrize(
    ("text", "name", "key"),
    [
        ("依照全国人大议事规则，大会设主席团。", "全国人大议事规则", "全国人民代表大会议事规则"),
        (
            "委员长会议提出关于全国人大常委会议事规则修正草案的议案。",
            "全国人大常委会议事规则",
            "全国人民代表大会常务委员会议事规则",
        ),
    ],
)
def test_body_rules_of_procedure(text, name, key):
    spans = [s for s in next(entity_spans([text], nominal=False)) if s["type"] == "Law"]
    assert name in {s["text"] for s in spans}
    # the gazetteer's law of the body's full name, not a key of its own
    assert any(s["text"] == name and key in (s["iri"] or "") for s in spans)


@pytest.mark.parametrize(
    "text",
    [
        "业主大会议事规则由业主大会制定。",  # no state body: every estate's rules
        "会议要完善议事规则，提高决策效率。",
    ],
)
def test_rules_without_a_body_stay_unnamed(text):
    assert not [n for n in names_of(text, "Law") if n.endswith("规则")]


def test_law_named_in_full_then_by_its_short_form():
    text = (
        "大会通过了《中华人民共和国某某促进法》。某某促进法自明年起施行，"
        "某某促进法规定了各方责任。"
    )
    spans = [s for s in next(entity_spans([text], nominal=False)) if s["type"] == "Law"]
    assert [s["text"] for s in spans] == ["中华人民共和国某某促进法", "某某促进法", "某某促进法"]
    assert len({s["iri"] for s in spans}) == 1  # one node under both forms


@pytest.mark.parametrize(
    "text",
    [
        # the short form runs on into 法律 / 法规: no mention of the law
        "《中华人民共和国某某保护法》公布施行。要健全某某保护法律责任制度。",
        "《中华人民共和国某某保护法》公布施行。要完善某某保护法规体系。",
        "《中华人民共和国某某保护法》公布施行。开展某某保护法制宣传。",
    ],
)
def test_law_short_form_inside_a_longer_word(text):
    assert names_of(text, "Law") == ["中华人民共和国某某保护法"]
