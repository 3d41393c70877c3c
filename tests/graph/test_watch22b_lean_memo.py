"""A lean graph built with a memo (``kg build --watch``) takes last build's attribute dict of
an entity that is last build's very object, and makes every other one again: the graph is
the one built without the memo, node for node and in the same order."""

from __future__ import annotations

import dataclasses

from kg.export.view.data import view_data
from kg.graph import build_graph
from kg.graph.build import KEPT_NODES
from kg.model import Document
from kg.nlp import extract
from kg.resolve import resolve

# own sentences: ministries, a law, a person with a post
TEXTS = {
    "a": "国务院办公厅印发通知。财政部会同审计署组织实施，财政部负责解释。",
    "b": "财政部和生态环境部联合发布《排污许可管理办法》。生态环境部负责解释。",
    "c": "会议由财政部部长张三主持。本办法自公布之日起施行。",
}


def same_graph(g, h) -> bool:
    return (
        list(g.nodes(data=True)) == list(h.nodes(data=True))
        and list(g.edges(keys=True, data=True)) == list(h.edges(keys=True, data=True))
        and {k: v for k, v in g.graph.items() if k != KEPT_NODES}
        == {k: v for k, v in h.graph.items() if k != KEPT_NODES}
    )


def test_kept_entities_take_their_dicts_again_and_changed_ones_do_not() -> None:
    res = resolve([extract(Document(k, v)) for k, v in TEXTS.items()])
    keys = sorted(res.entities)
    assert len(keys) >= 4, keys
    memo: dict = {}
    g1 = build_graph(res, lean=True, memo=memo)
    assert same_graph(g1, build_graph(res, lean=True))
    # the next build: one entity re-folded (a new object: another label, one more mention
    # in a new dict, its key the same), one gone, one new, the others the very objects
    changed, gone = keys[0], keys[1]
    old = res.entities[changed]
    docs = dict(old.docs)
    docs[next(iter(docs))] += 1
    entities = {
        k: (dataclasses.replace(old, label=old.label + "甲", docs=docs) if k == changed else e)
        for k, e in res.entities.items()
        if k != gone
    }
    entities["gov/新部"] = dataclasses.replace(res.entities[keys[2]], key="gov/新部")
    res2 = dataclasses.replace(res, entities=entities)
    g2 = build_graph(res2, lean=True, memo=memo)
    fresh = build_graph(res2, lean=True)
    assert same_graph(g2, fresh)
    assert view_data(g2) == view_data(fresh)
    assert g2.nodes[changed]["label"] == old.label + "甲"
    assert g2.nodes[changed]["mentions"] == g1.nodes[changed]["mentions"] + 1
    # taken again indeed (else this test would check nothing), only for the same objects
    assert g2.nodes[keys[3]] is g1.nodes[keys[3]]
    assert g2.nodes[changed] is not g1.nodes[changed]
    assert set(memo["entities"]) == set(entities)
    # an equal entity that is another object is made again (identity, not equality)
    res3 = dataclasses.replace(
        res2, entities={k: dataclasses.replace(e) for k, e in res2.entities.items()}
    )
    g3 = build_graph(res3, lean=True, memo=memo)
    assert same_graph(g3, fresh)
    assert all(g3.nodes[k] is not g2.nodes[k] for k in res3.entities)


def test_no_memo_without_a_lean_graph() -> None:
    res = resolve([extract(Document(k, v)) for k, v in TEXTS.items()])
    memo: dict = {}
    build_graph(res, memo=memo)
    assert memo == {}


def test_the_views_records_of_kept_dicts_are_taken_again_and_the_view_is_a_fresh_ones() -> None:
    from kg.export.view.text import TextPieces

    res = resolve([extract(Document(k, v)) for k, v in TEXTS.items()])
    keys = sorted(res.entities)
    memo: dict = {}
    pieces = TextPieces({}, entities={})
    g1 = build_graph(res, lean=True, memo=memo)
    assert g1.graph[KEPT_NODES] and KEPT_NODES not in build_graph(res, lean=True).graph
    view_data(g1, pieces=pieces)
    records = dict(pieces.entities["records"])
    # re-folded: another label, one more mention (a new object, its key the same)
    old = res.entities[keys[0]]
    docs = dict(old.docs)
    docs[next(iter(docs))] += 1
    entities = dict(res.entities)
    entities[keys[0]] = dataclasses.replace(old, label=old.label + "乙", docs=docs)
    res2 = dataclasses.replace(res, entities=entities)
    g2 = build_graph(res2, lean=True, memo=memo)
    assert view_data(g2, pieces=pieces) == view_data(build_graph(res2, lean=True))
    now = pieces.entities["records"]
    assert now[keys[1]] is records[keys[1]]  # its very dict: taken without comparing
    assert now[keys[0]] is not records[keys[0]]
    # the same graph again, then back to the first resolution's entities
    assert view_data(g2, pieces=pieces) == view_data(build_graph(res2, lean=True))
    g3 = build_graph(res, lean=True, memo=memo)
    assert view_data(g3, pieces=pieces) == view_data(build_graph(res, lean=True))
