"""kg.graph.build_graph writes networkx's dicts directly: the graph must be the one the
public API (``add_node``/``add_edge``) builds, attribute for attribute and in the same
order (nodes, edges, predecessors), edge cases included."""

from __future__ import annotations

import dataclasses
from typing import Any

import networkx as nx
import pytest

from kg.graph import build_graph
from kg.iri import DEFAULT_BASE, doc_iri, entity_iri
from kg.model import ISSUE_FIELDS, Observation, Relation
from kg.resolve import Entity, Resolution


def reference_graph(res: Resolution, base_iri: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """The graph through networkx's public API (build_graph as it was written first)."""
    G = nx.MultiDiGraph(base_iri=base_iri)
    for doc_id, meta in res.documents.items():
        G.add_node(
            "doc/" + doc_id,
            kind="document",
            label=meta.get("title") or doc_id,
            title=meta.get("title"),
            date=meta.get("date"),
            author=meta.get("author"),
            url=meta.get("url"),
            publisher=meta.get("publisher"),
            source=meta.get("source"),
            categories=list(meta.get("categories") or []),
            chars=meta.get("chars", 0),
            iri=doc_iri(doc_id, base_iri),
            **{k: meta.get(k) for k in ISSUE_FIELDS},
            issued_by=list(meta.get("issued_by") or ()),
            instruments=list(meta.get("instruments") or ()),
            sentences=dict(res.sentences.get(doc_id) or {}),
        )
    for key, e in res.entities.items():
        G.add_node(
            key,
            kind="entity",
            type=e.type,
            label=e.label,
            aliases=sorted(e.aliases),
            wikidata=e.wikidata,
            iso=e.iso,
            en=e.en,
            category=e.category,
            mentions=e.mentions,
            docs=dict(e.docs),
            examples=list(e.examples),
            spans=dict(e.spans),
            iri=entity_iri(key, base_iri),
        )
        for d, c in e.docs.items():
            G.add_edge(key, "doc/" + d, key="mentionedIn", kind="mention", count=c)
    seen = set()
    for doc_id, r in res.relations:
        mark = (r.subj, r.obj, r.pred, doc_id, r.sent_start, r.rule)
        if mark in seen:
            continue
        seen.add(mark)
        ev = {
            "doc": doc_id, "sent_start": r.sent_start, "sent_end": r.sent_end,
            "sentence": r.sentence, "rule": r.rule, "confidence": r.confidence,
            "modality": r.modality, "implicit": r.implicit, "post": r.post,
        }  # fmt: skip
        data = G.get_edge_data(r.subj, r.obj, key=r.pred)
        if data is None:
            G.add_edge(
                r.subj, r.obj, key=r.pred, kind="relation", predicate=r.pred,
                confidence=r.confidence, modality=r.modality, implicit=r.implicit,
                post=r.post, evidence=[ev],
            )  # fmt: skip
        else:
            data["evidence"].append(ev)
            data["confidence"] = max(data["confidence"], r.confidence)
            if r.modality == "asserted":
                data["modality"] = "asserted"
            data["implicit"] = data["implicit"] and r.implicit
            data["post"] = data["post"] or r.post
    G.graph["observations"] = [{**o.to_dict(), "doc": d} for d, o in res.observations]
    G.graph["merge_log"] = list(res.merge_log)
    return G


def layout(G: nx.MultiDiGraph) -> Any:
    """Everything iteration order and equality can tell about ``G``."""
    return (
        dict(G.graph),
        [(n, list(a.items())) for n, a in G.nodes(data=True)],
        [(u, v, k, list(d.items())) for u, v, k, d in G.edges(keys=True, data=True)],
        [(v, [(u, list(kd)) for u, kd in p.items()]) for v, p in G.pred.items()],
    )


def assert_same(G: nx.MultiDiGraph, ref: nx.MultiDiGraph) -> None:
    assert layout(G) == layout(ref)
    assert nx.utils.graphs_equal(G, ref)
    for u, v, kd in ((u, v, kd) for u, nb in G.succ.items() for v, kd in nb.items()):
        assert G.pred[v][u] == kd and G._pred[v][u] is G._succ[u][v]  # one key dict, shared
    G.add_edge("x/new", "doc/a", key="k")  # still an ordinary, mutable networkx graph
    assert G.has_edge("x/new", "doc/a", key="k") and G.in_degree("doc/a") >= 1


def _rel(subj: str, pred: str, obj: str, start: int, **kw: Any) -> Relation:
    fields = {"sentence": f"句子{start}。", "rule": "r1", "confidence": 0.5, **kw}
    return Relation(subj, pred, obj, start, start + 5, **fields)


def edge_case_resolution() -> Resolution:
    """Documents, entities and relations with every case build_graph distinguishes."""
    ents = {
        "gov/miit": Entity("gov/miit", "Ministry", "工业和信息化部", {"工信部"}, {"a": 2, "b": 1},
                           [{"doc": "a", "start": 0, "end": 3, "sentence": "工信部。"}],
                           wikidata="Q1", en="MIIT"),
        "person/许": Entity("person/许", "Person", "许", set(), {"a": 1, "ghost": 4}),
        # an entity whose key is also a document node: add_node updates that node
        "doc/b": Entity("doc/b", "Event", "b", set(), {"a": 1, "b": 1}),
        "law/法 x<y>": Entity("law/法 x<y>", "Law", "法", {"法律", "法规"}, {}),
    }  # fmt: skip
    relations = [
        ("a", _rel("person/许", "holdsPost", "gov/miit", 0, post="总经济师")),
        ("a", _rel("person/许", "holdsPost", "gov/miit", 0, post="总经济师")),  # the same
        ("b", _rel("person/许", "holdsPost", "gov/miit", 9, modality="planned", implicit=True,
                   confidence=0.9)),
        ("b", _rel("gov/miit", "issued", "law/法 x<y>", 3, modality="planned")),
        ("b", _rel("gov/miit", "partOf", "gov/miit", 4)),  # a self-loop
        ("a", _rel("org/unknown", "partOf", "place/nowhere", 7)),  # end points not entities
        ("a", _rel("gov/miit", "partOf", "doc/b", 8)),
    ]  # fmt: skip
    obs = Observation("gov/miit", "网民规模", 10.51, "亿", "2022-06", "10.51亿", 0, 6, 0, 9,
                      "网民规模达10.51亿。", "q1")  # fmt: skip
    return Resolution(
        entities=ents,
        redirect={},
        relations=relations,
        observations=[("a", obs), ("b", dataclasses.replace(obs, kind="share"))],
        documents={
            "a": {"title": "文档甲", "date": "2022-07-23", "categories": ["新闻"], "chars": 9},
            "b": {"url": "http://x", "chars": 3},
        },
        merge_log=[{"action": "merge", "key": "k", "into": "gov/miit", "reason": "alias"}],
        sentences={"a": {0: "网民规模达10.51亿。"}},
    )


@pytest.mark.parametrize("base", [DEFAULT_BASE, "urn:kg:"])
def test_edge_cases_match_the_public_api(base: str) -> None:
    res = edge_case_resolution()
    assert_same(build_graph(res, base), reference_graph(res, base))


def test_sample_matches_the_public_api() -> None:
    from kg.build import SAMPLE_DIR
    from kg.model import Document
    from kg.nlp import extract
    from kg.resolve import resolve

    docs = [
        Document(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SAMPLE_DIR.glob("*.txt"))
    ]
    assert docs
    res = resolve([extract(d) for d in docs])
    assert res.relations and res.observations
    assert_same(build_graph(res), reference_graph(res))


def test_the_graph_does_not_share_the_resolutions_containers() -> None:
    res = edge_case_resolution()
    G = build_graph(res)
    G.nodes["gov/miit"]["docs"]["z"] = 1
    G.nodes["gov/miit"]["examples"].clear()
    G.graph["observations"][0]["value"] = 0
    assert "z" not in res.entities["gov/miit"].docs and res.entities["gov/miit"].examples
    assert res.observations[0][1].value == 10.51
