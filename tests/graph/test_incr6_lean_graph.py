"""The lean graph (``build_graph(..., lean=True)``) is enough for the HTML view: the page
is byte for byte the one of the full graph, while the graph skips IRIs, observations and
copies; a build whose only whole-graph format is the view uses it."""

from __future__ import annotations

from pathlib import Path

from kg.build import build
from kg.export.view.data import view_data
from kg.export.view.page import write_html
from kg.graph import build_graph
from kg.model import Document
from kg.nlp import extract
from kg.resolve import resolve

TEXTS = {
    "a": "国务院办公厅印发通知。财政部会同审计署组织实施，财政部负责解释。"
    "2023年全省粮食产量达到500万吨。",
    "b": "财政部和生态环境部联合发布《排污许可管理办法》。生态环境部负责解释。",
    "c": "本办法自公布之日起施行。",
}


def test_the_view_of_the_lean_graph_is_the_views_of_the_full_graph(tmp_path: Path) -> None:
    res = resolve([extract(Document(k, v)) for k, v in TEXTS.items()])
    full, lean = build_graph(res), build_graph(res, lean=True)
    assert full.graph["observations"] and "observations" not in lean.graph
    assert all(d["iri"] is None for _, d in lean.nodes(data=True) if d)
    assert view_data(lean) == view_data(full)
    write_html(full, tmp_path / "full.html")
    write_html(lean, tmp_path / "lean.html")
    assert (tmp_path / "full.html").read_bytes() == (tmp_path / "lean.html").read_bytes()
    # the full graph is what it was: its own copies, IRIs, observations
    e = next(k for k, d in full.nodes(data=True) if d.get("kind") == "entity")
    assert full.nodes[e]["iri"] and full.nodes[e]["docs"] is not res.entities[e].docs


def test_a_build_writes_the_same_page_from_either_graph(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for k, v in TEXTS.items():
        (docs / f"{k}.txt").write_text(v, encoding="utf-8")
    pages = []
    for formats in (("ttl", "html"), ("ttl", "html", "graphml")):  # lean, then full
        out = tmp_path / "-".join(formats)
        build([docs], out, workers=1, formats=formats, fast_export=True, quiet=True)
        pages.append((out / "graph.html").read_bytes())
    assert pages[0] == pages[1]
