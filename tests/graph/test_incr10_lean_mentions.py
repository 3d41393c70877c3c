"""The lean graph makes no ``mentionedIn`` edges: the view takes an entity's mentions from
its ``docs`` (``G.graph[MENTIONS_IN_DOCS]``), in the order the edges would have been
walked, and the page is the full graph's byte for byte."""

from __future__ import annotations

from pathlib import Path

from kg.export.view.data import view_data
from kg.export.view.page import write_html
from kg.graph import build_graph
from kg.graph.build import MENTIONS_IN_DOCS
from kg.model import Document
from kg.nlp import extract
from kg.resolve import resolve

TEXTS = {
    "a": "国务院办公厅印发通知。财政部会同审计署组织实施，财政部负责解释。",
    "b": "财政部和生态环境部联合发布《排污许可管理办法》。生态环境部负责解释。",
    "c": "审计署和生态环境部开展检查。国务院办公厅负责协调。",
}


def _mention_edges(G) -> int:
    return sum(1 for *_, k in G.edges(keys=True) if k == "mentionedIn")


def test_no_mention_edges_and_the_same_page(tmp_path: Path) -> None:
    res = resolve([extract(Document(k, v)) for k, v in TEXTS.items()])
    full, lean = build_graph(res), build_graph(res, lean=True)
    assert _mention_edges(full) > 5 and _mention_edges(lean) == 0
    assert lean.graph[MENTIONS_IN_DOCS] and MENTIONS_IN_DOCS not in full.graph
    assert list(lean.nodes) == list(full.nodes)
    assert view_data(lean) == view_data(full)
    write_html(full, tmp_path / "full.html")
    write_html(lean, tmp_path / "lean.html")
    assert (tmp_path / "full.html").read_bytes() == (tmp_path / "lean.html").read_bytes()


def test_a_document_without_metadata_is_still_a_node(tmp_path: Path) -> None:
    """A mentioned document the resolution has no metadata for: a node without
    attributes in both graphs, the same rows on the page."""
    res = resolve([extract(Document(k, v)) for k, v in TEXTS.items()])
    del res.documents["b"]
    full, lean = build_graph(res), build_graph(res, lean=True)
    assert "doc/b" in lean and lean.nodes["doc/b"] == {} == full.nodes["doc/b"]
    assert list(lean.nodes) == list(full.nodes)
    data_full, _ = view_data(full)
    data_lean, _ = view_data(lean)
    assert data_lean == data_full
    assert [d["title"] for d in data_lean["docs"] if d["id"] == "b"] == ["b"]  # no metadata
