"""Every mention traceable with its sentence's text: kept once per document from extraction
(``DocResult.sentences``) through the result codec, the resolution, the networkx graph
(document node ``sentences``), RDF (``kg:Sentence`` linked by ``kg:inSentence``), the ready
query and the HTML view's text table."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph, Literal, URIRef

from kg.export import rdf as R
from kg.export.fast import write_fast
from kg.export.view.data import view_data
from kg.graph import build_graph
from kg.model import DocResult, Document, EntityInfo
from kg.nlp import extract
from kg.nlp.sections import join
from kg.query import QUERIES_DIR, run_query
from kg.resolve import resolve
from kg.runtime.codec import decode_result, encode_result, pack
from kg.validate import validate_graph
from kg.vocab import KG

# Our own sentences: 财政部 in two sentences, 商务部 and 财政部 together in one.
TEXT_A = "财政部发布年度预算报告。商务部和财政部联合召开会议，部署外贸工作。会议由主持人宣布结束。"
# 商务部 again, in another document.
TEXT_B = "商务部介绍了外贸形势。"


@pytest.fixture(scope="module")
def results() -> list[DocResult]:
    return [extract(Document("a", TEXT_A)), extract(Document("b", TEXT_B))]


@pytest.fixture(scope="module")
def graph(results: list[DocResult]) -> nx.MultiDiGraph:
    return build_graph(resolve(results))


def _sentence_starts(r: DocResult) -> set[int]:
    return {ss for e in r.entities.values() for _, _, ss, _ in e.spans}


def test_extraction_keeps_each_mention_sentence_once(results: list[DocResult]) -> None:
    a = results[0]
    assert {"gov/mof", "gov/mofcom"} <= set(a.entities)
    # every mention's sentence has its text, equal to the document's characters there
    for e in a.entities.values():
        for s, t, ss, se in e.spans:
            assert a.sentences[ss] == TEXT_A[ss:se]
            assert ss <= s < t <= se
    # the sentence with two bodies is stored once; the one with no mention is not stored
    assert set(a.sentences) == _sentence_starts(a)
    assert len(a.sentences) == 2
    assert "会议由主持人宣布结束。" not in a.sentences.values()
    assert a.sentences[TEXT_A.index("商务部")] == "商务部和财政部联合召开会议，部署外贸工作。"


def test_sections_join_shifts_spans_and_sentences() -> None:
    part = DocResult("x", {}, 6, sentences={0: "甲部开会。"})
    part.entities["gov/x"] = EntityInfo("gov/x", "GovernmentBody", "甲部", count=1,
                                        spans=[(0, 2, 0, 5)])  # fmt: skip
    whole = join("x", {}, 20, [(0, part), (10, part)])
    assert whole.entities["gov/x"].spans == [(0, 2, 0, 5), (10, 12, 10, 15)]
    assert whole.sentences == {0: "甲部开会。", 10: "甲部开会。"}


def test_codec_round_trips_sentences_and_refuses_damaged_ones(results: list[DocResult]) -> None:
    a = results[0]
    back = decode_result(encode_result(a))
    assert back is not None and back.sentences == a.sentences
    # a record whose sentence table is not start → text is a cache miss, not a graph input
    from kg.runtime import codec

    rec = [codec.RECORD_VERSION, "a", {}, 3, [], [], [], {}, None, {0: 7}]
    assert decode_result(pack(rec)) is None
    rec[-1] = {"0": "文本"}
    assert decode_result(pack(rec)) is None
    rec[-1] = {0: "文本"}
    assert decode_result(pack(rec)).sentences == {0: "文本"}


def test_to_dict_round_trip_keeps_integer_starts(results: list[DocResult]) -> None:
    import json

    a = results[0]
    assert DocResult.from_dict(json.loads(json.dumps(a.to_dict()))).sentences == a.sentences


def test_document_nodes_keep_the_sentences(graph: nx.MultiDiGraph, results) -> None:
    assert graph.nodes["doc/a"]["sentences"] == results[0].sentences
    assert graph.nodes["doc/b"]["sentences"] == {0: TEXT_B}


def _rdf(graph: nx.MultiDiGraph) -> Graph:
    g = Graph()
    g.parse(data="".join(R.iter_ntriples(graph)), format="nt")
    return g


def test_rdf_links_every_mention_to_its_sentence_text(graph: nx.MultiDiGraph) -> None:
    g = _rdf(graph)
    texts = {"a": TEXT_A, "b": TEXT_B}
    sentences = set(g.subjects(RDF.type, KG.Sentence))
    assert len(sentences) == 3  # two in a (one shared by two bodies), one in b
    for s in sentences:
        (doc,) = g.subjects(KG.hasSentence, s)
        doc_id = str(g.value(doc, URIRef("http://purl.org/dc/terms/identifier")))
        start, text = int(g.value(s, KG.charStart)), g.value(s, KG.text)
        assert isinstance(text, Literal) and text.language == "zh"
        assert str(text) == texts[doc_id][start : start + len(text)]
        assert texts[doc_id][start + len(text) - 1] == "。"  # the whole sentence
    # each entity's per-document stats point at exactly the sentences its spans name
    for stats in g.subjects(RDF.type, KG.MentionStats):
        spans = str(g.value(stats, KG.spans))
        starts = {int(x.split("@")[1].split("-")[0]) for x in spans.split()}
        linked = set(g.objects(stats, KG.inSentence))
        assert {int(g.value(s, KG.charStart)) for s in linked} == starts
        assert {g.value(None, KG.hasSentence, s) for s in linked} == {g.value(stats, KG.document)}
    # the shared sentence is one resource, linked from both bodies
    shared = [s for s in sentences if str(g.value(s, KG.text)).startswith("商务部和财政部")]
    assert len(shared) == 1
    assert len(set(g.subjects(KG.inSentence, shared[0]))) >= 2


def test_examples_link_their_sentence_instead_of_repeating_it(graph) -> None:
    g = _rdf(graph)
    mentions = set(g.subjects(RDF.type, KG.Mention))
    assert mentions
    for m in mentions:
        assert g.value(m, KG.sentence) is None
        assert (g.value(m, KG.inSentence), RDF.type, KG.Sentence) in g


def test_a_graph_without_sentence_texts_keeps_the_old_form() -> None:
    G = nx.MultiDiGraph()
    G.add_node("doc/d", kind="document", title="T")
    G.add_node("gov/x", kind="entity", type="GovernmentBody", label="甲部", mentions=1,
               docs={"d": 1}, spans={"d": "0-2@0-5"},
               examples=[{"doc": "d", "start": 0, "end": 5, "sentence": "甲部开会。"}])  # fmt: skip
    G.add_edge("gov/x", "doc/d", key="mentionedIn", kind="mention", count=1)
    g = _rdf(G)
    assert not set(g.subjects(RDF.type, KG.Sentence))
    assert not set(g.subjects(KG.inSentence, None))
    (m,) = g.subjects(RDF.type, KG.Mention)
    assert str(g.value(m, KG.sentence)) == "甲部开会。"


def test_fast_writer_gives_the_same_triples(results: list[DocResult], tmp_path: Path) -> None:
    res = resolve(results)
    reference = {
        (str(q.subject), str(q.predicate), str(q.object))
        for q in ox.parse(
            "".join(R.iter_ntriples(build_graph(res))).encode(), format=ox.RdfFormat.N_TRIPLES
        )
    }
    for fmt, rdf_format in (("ttl", ox.RdfFormat.TURTLE), ("nt", ox.RdfFormat.N_TRIPLES)):
        write_fast(res, tmp_path / f"g.{fmt}", fmt)
        got = {
            (str(q.subject), str(q.predicate), str(q.object))
            for q in ox.parse(path=str(tmp_path / f"g.{fmt}"), format=rdf_format)
        }
        assert got == reference
        assert any(p == f"<{KG.text}>" for _, p, _ in got)


def test_shapes_accept_sentences_and_catch_a_missing_text(graph: nx.MultiDiGraph) -> None:
    g = _rdf(graph)
    ok, report, _ = validate_graph(g)
    assert ok, report
    s = next(iter(g.subjects(RDF.type, KG.Sentence)))
    g.remove((None, KG.hasSentence, s))  # a sentence of no document
    ok, _, _ = validate_graph(g)
    assert not ok
    g = _rdf(graph)
    g.remove((s, KG.text, None))
    ok, _, _ = validate_graph(g)
    assert not ok


def test_query_lists_the_sentences_with_their_text(graph, tmp_path: Path) -> None:
    import json

    path = tmp_path / "g.ttl"
    R.write_turtle(graph, path)
    query = (QUERIES_DIR / "mention_sentences.rq").read_text(encoding="utf-8")
    query = query.replace('"工业和信息化部"@zh', '"财政部"@zh')
    q = tmp_path / "q.rq"
    q.write_text(query, encoding="utf-8")
    rows = json.loads(run_query(path, q, "json"))["results"]["bindings"]
    got = [(r["start"]["value"], r["text"]["value"]) for r in rows]
    assert got == [
        ("0", "财政部发布年度预算报告。"),
        (str(TEXT_A.index("商务部")), "商务部和财政部联合召开会议，部署外贸工作。"),
    ]


def test_view_has_the_text_of_every_mention_sentence(graph: nx.MultiDiGraph) -> None:
    data, _ = view_data(graph)
    text = data["text"]
    assert text["sentences"] and None not in text["sentences"]
    assert "商务部和财政部联合召开会议，部署外贸工作。" in text["sentences"]
    # each sentence once, however many entities it names
    assert len(text["sentences"]) == len(set(text["sentences"]))
    # a graph without sentence texts (built before they were kept) still locates them
    old = graph.copy()
    for _, d in old.nodes(data=True):
        if d.get("kind") == "document":
            d["sentences"] = {}
        elif d.get("kind") == "entity":
            d["examples"] = []
    data, _ = view_data(old)
    assert None in data["text"]["sentences"]
