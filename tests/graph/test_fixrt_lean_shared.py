"""The lean graph shares each node's dicts and lists with the resolution
(``build_graph(..., lean=True)``), on the understanding that the HTML view never changes
them: after ``write_html`` the resolution is as it was."""

from __future__ import annotations

import copy
from pathlib import Path

from kg.export.view.page import write_html
from kg.graph import build_graph
from kg.model import Document
from kg.nlp import extract
from kg.resolve import resolve

# own sentences: ministries, a law, a quantity, a person with a post
TEXTS = {
    "a": "国务院办公厅印发通知。财政部会同审计署组织实施，财政部负责解释。"
    "2023年全省粮食产量达到500万吨。",
    "b": "财政部和生态环境部联合发布《排污许可管理办法》。生态环境部负责解释。",
    "c": "会议由财政部部长张三主持。本办法自公布之日起施行。",
}


def shared(res) -> tuple[dict, dict]:
    """What the lean graph takes from ``res`` without copying it."""
    entities = {k: (e.docs, e.examples, e.spans) for k, e in res.entities.items()}
    return entities, dict(res.sentences)


def test_the_view_leaves_the_shared_dicts_unchanged(tmp_path: Path) -> None:
    res = resolve([extract(Document(k, v)) for k, v in TEXTS.items()])
    before = copy.deepcopy(shared(res))
    G = build_graph(res, lean=True)
    # they are shared indeed (else this test would check nothing)
    e = next(k for k, d in G.nodes(data=True) if d.get("kind") == "entity")
    assert G.nodes[e]["docs"] is res.entities[e].docs
    assert G.nodes["doc/a"]["sentences"] is res.sentences["a"] and res.sentences["a"]
    write_html(G, tmp_path / "graph.html")
    write_html(G, tmp_path / "again.html", max_nodes=3)  # the cut view too
    assert shared(res) == before
