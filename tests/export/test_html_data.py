"""kg.export.view.data on hand-made graphs of the schema: the mention spans' sentences, the
"mentioned together" pairs computed from them (never a relation), the documents' dates and
issuers, the budget of the sentence table, communities, and the same data twice."""

from __future__ import annotations

import networkx as nx

from kg.export.view import measures as M
from kg.export.view import view_data
from kg.export.view.rows import sentence_rows
from kg.export.view.text import mention_spans
from kg.resolve.merge import parse_spans, spans_text


def graph() -> nx.MultiDiGraph:
    """Two documents; 甲 and 乙 related; 丙 named with 甲 in one sentence only; 丁 alone."""
    G = nx.MultiDiGraph()
    G.add_node("doc/a", kind="document", title="甲文", date="2019-03-05", issuer="国务院")
    G.add_node("doc/b", kind="document", title="乙文", date=None, issued="2021-07-01")
    spans = {
        "gov/甲": {"a": spans_text([(0, 2, 0, 10), (12, 14, 11, 30), (40, 42, 31, 50)]),
                   "b": spans_text([(5, 7, 0, 20)])},
        "gov/乙": {"a": spans_text([(4, 6, 0, 10)])},
        "gov/丙": {"a": spans_text([(20, 22, 11, 30)])},
        "gov/丁": {"b": spans_text([(30, 32, 21, 40)])},
    }  # fmt: skip
    for key, sp in spans.items():
        n = sum(len(parse_spans(s)) for s in sp.values())
        G.add_node(key, kind="entity", type="GovernmentBody", label=key[4:], mentions=n,
                   docs={d: len(parse_spans(s)) for d, s in sp.items()}, spans=sp,
                   examples=[])  # fmt: skip
        for d in sp:
            G.add_edge(key, f"doc/{d}", key="mentionedIn", kind="mention", count=1)
    G.nodes["gov/甲"]["examples"] = [
        {"doc": "a", "start": 12, "end": 14, "sentence": "甲和丙开会。"}
    ]
    ev = {"doc": "a", "sent_start": 0, "sent_end": 10, "sentence": "甲与乙。"}
    G.add_edge("gov/甲", "gov/乙", key="partOf", kind="relation", predicate="partOf", evidence=[ev])
    return G


def _rows(data: dict, key: str) -> list[tuple[str, str | None, list[int] | None]]:
    i = next(k for k, n in enumerate(data["nodes"]) if n["id"] == key)
    t, flat = data["text"], sentence_rows(data, data["text"])[i]
    rows = [
        (data["docs"][flat[k]]["id"], t["sentences"][flat[k + 1]], t["at"][flat[k + 1]])
        for k in range(0, len(flat), 2)
    ]
    return sorted(rows, key=lambda r: (r[0], r[2] or [-1]))


def test_spans_read_as_kg_resolve_writes_them() -> None:
    sp = [(3, 5, 0, 9), (12, 14, 10, 30), (120, 124, 100, 180)]
    assert mention_spans(spans_text(sp)) == [(str(a), str(c), str(d)) for a, _, c, d in sp]


def test_every_mention_sentence_once_with_its_text_when_known() -> None:
    data, stats = view_data(graph())
    assert _rows(data, "gov/甲") == [
        ("a", "甲与乙。", [0, 10]),  # the relation's evidence gives the text
        ("a", "甲和丙开会。", [11, 30]),  # the kept example, matched to its span
        ("a", None, [31, 50]),  # only located
        ("b", None, [0, 20]),
    ]
    assert _rows(data, "gov/丁") == [("b", None, [21, 40])]
    assert stats["sentences"] == len(data["text"]["sentences"]) == 5


def test_mentioned_together_is_drawn_pairs_in_a_sentence_and_no_relation() -> None:
    G = graph()
    data, _ = view_data(G)
    ids = [n["id"] for n in data["nodes"]]
    pairs = {(ids[a], ids[b], w) for a, b, w in data["comention"]}
    # 丙 is not drawn (no relation): only 甲–乙, from their shared sentence
    assert {frozenset(p[:2]) for p in pairs} == {frozenset(("gov/甲", "gov/乙"))}
    G.add_edge("gov/丙", "gov/乙", key="partOf", kind="relation", predicate="partOf", evidence=[])
    data, _ = view_data(G)
    ids = [n["id"] for n in data["nodes"]]
    pairs = {frozenset((ids[a], ids[b])) for a, b, _ in data["comention"]}
    assert frozenset(("gov/甲", "gov/丙")) in pairs  # sentence 11-30 names both
    assert sum(1 for e in data["edges"] if {e["from"], e["to"]} == {"gov/甲", "gov/丙"}) == 0
    assert G.number_of_edges("gov/甲", "gov/丙") == 0  # the graph is not touched


def test_documents_dates_issuers_and_counts() -> None:
    data, _ = view_data(graph())
    docs = {d["id"]: d for d in data["docs"]}
    assert docs["a"]["date"] == "2019-03-05" and docs["a"]["issuer"] == "国务院"
    assert docs["b"]["date"] == "2021-07-01"  # no date: the issued date
    assert docs["a"]["rels"] == 1 and docs["b"]["rels"] == 0
    assert docs["a"]["ents"] == 3 and docs["b"]["ents"] == 2


def test_isolated_are_listed_not_drawn() -> None:
    data, stats = view_data(graph())
    drawn = {n["id"] for n in data["nodes"] if n["drawn"]}
    assert drawn == {"gov/甲", "gov/乙"} and stats["isolated"] == 2
    assert all("c" in n for n in data["nodes"] if n["drawn"])


def test_text_budget_cuts_mention_sentences_evenly_keeps_evidence() -> None:
    G = graph()
    for i in range(30):
        G.nodes["gov/丁"]["examples"].append(
            {"doc": "b", "start": 1000 + i, "sentence": "长句" * 50 + str(i)}
        )
    data, stats = view_data(G, max_text_chars=400)
    assert stats["sentences_omitted"] > 0 and "left out" in stats["omitted"]
    assert sum(len(s) for s in data["text"]["sentences"] if s) <= 400
    assert "甲与乙。" in data["text"]["sentences"]  # evidence is never cut
    assert data["text"]["edge"][0][0][1] == data["text"]["sentences"].index("甲与乙。")


def test_same_graph_same_data() -> None:
    a = view_data(graph())
    b = view_data(graph())
    assert a == b


def test_communities_are_louvain_numbered_largest_first() -> None:
    nodes = [f"n{i}" for i in range(12)]
    pairs = [(f"n{i}", f"n{j}") for i in range(6) for j in range(i + 1, 6)]
    pairs += [(f"n{i}", f"n{j}") for i in range(6, 10) for j in range(i + 1, 10)]
    pairs += [("n0", "n6"), ("n10", "n11")]
    c = M.communities(nodes, pairs)
    assert {c[f"n{i}"] for i in range(6)} == {0} and {c[f"n{i}"] for i in range(6, 10)} == {1}
    assert c["n10"] == c["n11"] == -1  # too small for a hull
    # beyond the limit, a node joins its best-ranked neighbour's community
    assert M.communities(nodes, pairs, limit=8)["n9"] == 1


def test_centrality_without_convergence_is_the_teleport_vector(monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise nx.PowerIterationFailedConvergence(100)

    monkeypatch.setattr(nx, "pagerank", fail)
    pr = M.centrality(["a", "b", "c"], [("a", "b")], {"a": 3, "b": 0, "c": 0})
    assert pr == {"a": 4 / 6, "b": 1 / 6, "c": 1 / 6}
