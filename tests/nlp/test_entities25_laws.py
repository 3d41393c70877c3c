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
            "主任会议依照全国人大常委会议事规则提出议案。",
            "全国人大常委会议事规则",
            "全国人民代表大会常务委员会议事规则",
        ),
    ],
)
def test_body_rules_of_procedure(text, name, key):
    spans = [s for s in next(entity_spans([text], nominal=False)) if s["type"] == "Law"]
    assert name in {s["text"] for s in spans}
    # the gazetteer's law of the body's full name, not a key of its own
    assert any(
        s["text"] == name and (s["iri"] or "").endswith("/law/中华人民共和国" + key) for s in spans
    )


@pytest.mark.parametrize(
    "text",
    [
        "业主大会议事规则由业主大会制定。",  # no state body: every estate's rules
        "会议要完善议事规则，提高决策效率。",
    ],
)
def test_rules_without_a_body_stay_unnamed(text):
    assert not [n for n in names_of(text, "Law") if n.endswith("规则")]


@pytest.mark.parametrize(
    "text",
    [
        # a party organ's rules bind the party, not the state (GUIDELINES.md: Law)
        "会议审议了中共中央政治局工作规则。",
        "中央政治局议事规则对会议程序作出规定。",
        "中共某某省委常委会工作规则印发实施。",
    ],
)
def test_party_organ_rules_are_no_law(text):
    assert not [n for n in names_of(text, "Law") if n.endswith("规则")]


def test_law_named_in_full_then_by_its_short_form():
    text = (
        "大会通过了《中华人民共和国某某促进法》。某某促进法自明年起施行，某某促进法规定了各方责任。"
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


@pytest.mark.parametrize(
    "text",
    [
        # a verb after the law opens with 规 or 制: the short form ends there
        "《中华人民共和国某某促进法》公布施行。某某促进法规范了市场秩序。",
        "《中华人民共和国某某促进法》公布施行。某某促进法制定过程中广泛征求意见。",
    ],
)
def test_law_short_form_before_a_verb(text):
    assert names_of(text, "Law") == ["中华人民共和国某某促进法", "某某促进法"]


@pytest.mark.parametrize(
    "text",
    [
        # another state's, place's or legislature's law of the same short name
        "《中华人民共和国某某促进法》公布施行。日本某某促进法早已施行。",
        "《中华人民共和国某某促进法》公布施行。美国某某促进法限制投资。",
        "《中华人民共和国某某促进法》公布施行。香港某某促进法也在修订。",
        "《中华人民共和国某某促进法》公布施行。澳门特别行政区某某促进法也已生效。",
        "《中华人民共和国某某促进法》公布施行。欧盟某某促进法另有规定。",
        "《中华人民共和国某某促进法》公布施行。各地的地方某某促进法陆续出台。",
    ],
)
def test_law_short_form_of_another_lawgiver(text):
    spans = [s for s in next(entity_spans([text], nominal=False)) if s["type"] == "Law"]
    prc = {s["iri"] for s in spans if s["text"] == "中华人民共和国某某促进法"}
    assert [s["text"] for s in spans if s["iri"] in prc] == ["中华人民共和国某某促进法"]


def test_law_short_form_mentions_have_their_own_rule():
    from kg.nlp.pipeline import make_nlp

    st = make_nlp()("《中华人民共和国某某促进法》今天起施行。某某促进法明确了责任。")._.kg
    assert [m.rule for m in st.mentions if m.text == "某某促进法"] == ["short_form"]


def test_gazetteer_law_after_an_organisation_of_states():
    # 某盟|能源法: that organisation's law, not the PRC's the gazetteer's short form names
    spans = next(entity_spans(["欧盟能源法对成员国提出要求。"], nominal=False))
    assert not [s for s in spans if "中华人民共和国能源法" in (s["iri"] or "")]


def test_trade_agreement_full_and_short_party_names_one_node():
    text = "中国—韩国自由贸易协定生效以来，中韩自贸协定惠及两国企业。"
    spans = [s for s in next(entity_spans([text], nominal=False)) if s["type"] == "Law"]
    assert {s["text"] for s in spans} == {"中国—韩国自由贸易协定", "中韩自贸协定"}
    assert {s["iri"].rsplit("/", 1)[-1] for s in spans} == {"中国—韩国自由贸易协定"}


@pytest.mark.parametrize(
    "text",
    [
        "两市商定研究某市—某县自由贸易协定。",
        "有学者提出深圳—广州自由贸易协定的设想。",  # two cities sign no treaty
        "专家建议探讨中国—中亚自由贸易协定。",  # a region signs none either
    ],
)
def test_trade_agreement_needs_parties_that_sign_treaties(text):
    assert not [n for n in names_of(text, "Law") if n.endswith("协定")]


def test_trade_agreement_party_read_from_the_gazetteer_keyed_by_its_name():
    # the matcher left the party after the dash out (its words run into the head): the
    # gazetteer reads it, and the key names it in full
    from types import SimpleNamespace as NS

    from kg.nlp.components.heads.trade_areas import trade_agreements
    from kg.nlp.gazetteer import load_gazetteer

    norm = "中国—东盟自由贸易协定"
    china = NS(start=0, end=2, type="Country", key="country/CHN", label="中国")
    st = NS(norm=norm, candidates=[china], tok_ends={len(norm)})
    assert trade_agreements(st, load_gazetteer(None)) == [(0, len(norm), "中国—东盟自由贸易协定")]
