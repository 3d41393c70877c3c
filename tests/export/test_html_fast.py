"""kg.export.view: its PageRank is networkx's, its walk over the edges finds every relation
and mention, and the page written as bytes is the page as text."""

from __future__ import annotations

import random
from pathlib import Path

import networkx as nx
import pytest

from kg.export.view import render_html, view_data, write_html
from kg.export.view.rows import mention_rows


def random_graph(n: int, m: int, seed: int) -> nx.MultiDiGraph:
    """Entities (some isolated, some only self-linked), documents, relations (repeated
    pairs, both directions, self-loops), mentions, and a few odd attribute values."""
    rnd = random.Random(seed)
    G = nx.MultiDiGraph()
    for d in range(5):
        G.add_node(f"doc/d{d}", kind="document", title=f"文档{d}", date="2024-01-0" + str(d))
    for i in range(n):
        G.add_node(
            f"e/{i}", kind="entity", type=rnd.choice(["Person", "Law", "Odd"]),
            label=f" 实体{i} ", aliases=[f"别名{i}", ""], mentions=rnd.choice([0, 1, 1, 2, 7]),
            docs={"d0": 1}, examples=[{"doc": "doc/d1", "sentence": "例句" * rnd.randint(1, 300)}],
            wikidata=rnd.choice([None, "Q5", "bad"]),
        )  # fmt: skip
        if rnd.random() < 0.7:
            G.add_edge(f"e/{i}", f"doc/d{rnd.randrange(5)}", key="mentionedIn", kind="mention",
                       count=rnd.choice([1, 3, 2.0, "4", None]))  # fmt: skip
    hub = max(1, n // 10)
    for _ in range(m):
        u, v = f"e/{rnd.randrange(n)}", f"e/{rnd.randrange(hub)}"
        p = rnd.choice(["partOf", "cooperatesWith", "issued"])
        G.add_edge(u, v, key=p, kind="relation", predicate=p, confidence=rnd.random(),
                   evidence=[{"doc": "d2", "sentence": "证据。"}] * rnd.randint(1, 15))  # fmt: skip
    G.add_edge("e/0", "e/0", key="partOf", kind="relation", predicate="partOf")
    G.add_edge("e/1", "e/2", key="x", kind="other")  # neither relation nor mention
    G.add_edge("doc/d0", "e/1", key="cites")  # from a document: not drawn
    return G


def relations_between_entities(G: nx.MultiGraph) -> int:
    ent = {n for n, a in G.nodes(data=True) if a.get("kind") == "entity"}
    return sum(1 for u, v, d in G.edges(data=True) if d.get("kind") == "relation" and {u, v} <= ent)


def test_centrality_is_networkx_pagerank() -> None:
    G = random_graph(80, 200, seed=5)
    data, _ = view_data(G, max_nodes=None)
    pr = {n["id"]: n["pr"] for n in data["nodes"]}
    H_ = nx.Graph()
    H_.add_nodes_from(n for n, a in G.nodes(data=True) if a.get("kind") == "entity")
    for u, v, a in G.edges(data=True):
        if a.get("kind") == "relation" and u != v and u in H_ and v in H_:
            w = H_.get_edge_data(u, v, {"weight": 0})["weight"]
            H_.add_edge(u, v, weight=w + 1)
    pers = {n: 1.0 + max(0, int(G.nodes[n].get("mentions") or 0)) for n in H_}
    ref = nx.pagerank(H_, personalization=pers, weight="weight")
    assert all(abs(pr[n] - ref[n]) < 1e-6 for n in H_)
    ranked = [n["id"] for n in data["nodes"]]
    assert ranked[0] == max(ref, key=ref.__getitem__)


@pytest.mark.parametrize("max_nodes", [None, 1, 40])
def test_edge_walk_finds_relations_and_mentions(max_nodes) -> None:
    G = random_graph(120, 300, seed=max_nodes or 0)
    data, stats = view_data(G, max_nodes=max_nodes)
    assert stats["edges_total"] == relations_between_entities(G)
    rows = mention_rows(data)
    assert rows and all(isinstance(c, int) and c >= 1 for _, _, c in rows)
    drawn = [n for n in data["nodes"] if n["drawn"]]
    assert stats["nodes_shown"] == len(drawn) <= (max_nodes or len(drawn))
    assert all(n["degree"] > 0 for n in drawn)


def test_undirected_multigraph() -> None:
    D = random_graph(50, 80, seed=3)
    U = nx.MultiGraph(D)
    data, stats = view_data(U, max_nodes=None)
    assert stats["edges_total"] == relations_between_entities(U)
    assert len(data["nodes"]) == 50


@pytest.mark.parametrize("max_nodes", [None, 25])
def test_written_page_is_the_rendered_page(tmp_path: Path, max_nodes) -> None:
    G = random_graph(60, 150, seed=1)
    G.nodes["e/3"]["label"] = "</script><!-- & \u2028 \u2029 >"
    page, stats = render_html(G, max_nodes=max_nodes, title="<t> & 题")
    out = tmp_path / "graph.html"
    assert write_html(G, out, max_nodes=max_nodes, title="<t> & 题") == {**stats, "path": str(out)}
    assert out.read_bytes() == page.encode("utf-8")
    assert "@@KG_" not in page and page.count("vis.Network") >= 1
    assert "</script><!--" not in page and "\u2028" not in page
