"""Cross-document resolution (``kg.resolve``): one node per real-world thing, nothing merged
on an ambiguous name, every merge and refusal in the merge log, gazetteer links kept.

Documents are run through the entity stage only (``kg.spans.ENTITY_COMPONENTS``) so that
these tests check resolution, not relation extraction.
"""

from __future__ import annotations

from pathlib import Path

from kg.model import DocResult, EntityInfo
from kg.nlp import get_nlp
from kg.resolve import resolve
from kg.spans import ENTITY_COMPONENTS

SAMPLE = Path(__file__).resolve().parents[2] / "data" / "sample"


def _doc(doc_id: str, text: str) -> DocResult:
    st = get_nlp(ENTITY_COMPONENTS)(text)._.kg
    return DocResult(
        doc_id,
        {},
        len(text),
        mentions=st.mentions,
        entities=st.entities,
        definitions=st.definitions,
    )


def _info(key: str, type_: str, label: str, count: int = 1) -> EntityInfo:
    return EntityInfo(key, type_, label, count=count)


def test_forms_of_one_ministry_in_two_documents_are_one_node() -> None:
    a = _doc("a", "7月23日，工业和信息化部总经济师许科敏在论坛上表示。")
    b = _doc("b", "工信部印发通知。中华人民共和国工业和信息化部发布公告。")
    res = resolve([a, b])
    miit = res.entities["gov/miit"]
    assert miit.docs == {"a": 1, "b": 2}
    assert {"工信部", "中华人民共和国工业和信息化部"} <= miit.aliases
    assert [k for k, e in res.entities.items() if e.label == "工业和信息化部"] == ["gov/miit"]


def test_same_person_and_event_across_documents_merge_by_key() -> None:
    a = _doc("a", "工业和信息化部总经济师许科敏在2022世界青年发展论坛上表示。")
    b = _doc("b", "许科敏指出，第三届世界青年发展论坛将在北京举行。")
    res = resolve([a, b])
    assert res.entities["person/许科敏"].docs == {"a": 1, "b": 1}
    assert set(res.entities["event/世界青年发展论坛"].docs) == {"a", "b"}


def test_local_body_forms_across_documents_share_a_key() -> None:
    a = _doc("a", "崇礼县政府召开会议。")
    b = _doc("b", "崇礼县人民政府发布公告。")
    res = resolve([a, b])
    assert res.entities["gov/崇礼县人民政府"].docs == {"a": 1, "b": 1}


def test_definition_in_one_document_resolves_the_short_form_in_another() -> None:
    text = (SAMPLE / "004_fb18030615153122.txt").read_text(encoding="utf-8")
    i = text.index("（以下简称《网络安全法》）")
    a = _doc("paper", text[i - 60 : i + 80])
    b = DocResult(
        "news", {}, 10, entities={"law/网络安全法": _info("law/网络安全法", "Law", "网络安全法", 2)}
    )
    res = resolve([a, b])
    assert res.redirect["law/网络安全法"] == "law/中华人民共和国网络安全法"
    assert res.entities["law/中华人民共和国网络安全法"].docs["news"] == 2
    assert any(x["action"] == "merge" and x["key"] == "law/网络安全法" for x in res.merge_log)


def test_conflicting_definitions_are_refused_and_logged() -> None:
    a = _doc("a", "《中华人民共和国全国人民代表大会组织法》（以下简称《组织法》）规定。")
    b = _doc("b", "《中华人民共和国国务院组织法》（以下简称《组织法》）规定。")
    c = DocResult("c", {}, 10, entities={"law/组织法": _info("law/组织法", "Law", "组织法")})
    res = resolve([a, b, c])
    assert "law/组织法" in res.entities and "law/组织法" not in res.redirect
    refusals = [x for x in res.merge_log if x["action"] == "refuse" and x["key"] == "组织法"]
    assert refusals and "defined differently" in refusals[0]["reason"]


def test_ambiguous_gazetteer_alias_is_not_merged() -> None:
    # 组织法 and 人民法院 name several entities: an open entity with that label stays apart
    c = DocResult(
        "c",
        {},
        10,
        entities={
            "law/组织法": _info("law/组织法", "Law", "组织法"),
            "gov/人民法院": _info("gov/人民法院", "GovernmentBody", "人民法院"),
        },
    )
    res = resolve([c])
    assert res.redirect == {} and {"law/组织法", "gov/人民法院"} <= set(res.entities)


def test_document_shorthand_is_not_applied_to_other_documents() -> None:
    a = _doc("a", "制定《网络扶贫行动计划》（以下简称《行动计划》）。《行动计划》包括五大工程。")
    b = DocResult(
        "b", {}, 10, entities={"program/行动计划": _info("program/行动计划", "Program", "行动计划")}
    )
    res = resolve([a, b])
    assert "program/行动计划" not in res.redirect
    assert "行动计划" in res.entities["program/网络扶贫行动计划"].aliases


def test_open_name_the_gazetteer_knows_links_to_it() -> None:
    b = DocResult(
        "b", {}, 10, entities={"law/网络安全法": _info("law/网络安全法", "Law", "网络安全法")}
    )
    res = resolve([b])
    assert res.redirect["law/网络安全法"] == "law/中华人民共和国网络安全法"
    e = res.entities["law/中华人民共和国网络安全法"]
    assert e.label == "中华人民共和国网络安全法" and e.docs == {"b": 1}


def test_gazetteer_entities_carry_their_links() -> None:
    res = resolve([_doc("a", "中国与泰国、以色列开展合作，台湾地区也参加。")])
    china = res.entities["country/CHN"]
    assert (china.wikidata, china.iso) == ("Q148", "CHN")
    assert res.entities["country/THA"].iso == "THA"
    assert res.entities["place/taiwan"].type == "Location"


def test_graph_keeps_links_and_the_merge_log() -> None:
    from kg.graph import build_graph

    text = "中国与泰国开展合作。"
    b = DocResult(
        "b", {}, 10, entities={"law/网络安全法": _info("law/网络安全法", "Law", "网络安全法")}
    )
    G = build_graph(resolve([_doc("a", text), b]))
    assert G.nodes["country/CHN"]["wikidata"] == "Q148"
    log = G.graph["merge_log"]
    assert log and all({"action", "key", "into", "reason"} <= set(x) for x in log)
