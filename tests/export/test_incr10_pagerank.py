"""The view's PageRank without a networkx graph: bit for bit networkx's."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from kg.export.view.measures import centrality, pagerank


def _nx_centrality(entity_ids, pairs, mentions):
    """What centrality computed through a ``nx.Graph`` and ``nx.pagerank`` (before)."""
    weight: dict[tuple[str, str], float] = {}
    for u, v in pairs:
        if u == v:
            continue
        if (u, v) in weight:
            weight[(u, v)] += 1.0
        elif (v, u) in weight:
            weight[(v, u)] += 1.0
        else:
            weight[(u, v)] = 1.0
    H = nx.Graph()
    H.add_nodes_from(entity_ids)
    H.add_weighted_edges_from((u, v, w) for (u, v), w in weight.items())
    pers = {n: 1.0 + max(0, mentions.get(n, 0)) for n in entity_ids}
    if not entity_ids:
        return {}
    try:
        return dict(nx.pagerank(H, personalization=pers, weight="weight"))
    except nx.PowerIterationFailedConvergence:
        total = sum(pers.values())
        return {n: p / total for n, p in pers.items()}


@pytest.mark.parametrize("seed", range(40))
def test_same_floats_and_order_as_networkx(seed: int) -> None:
    rnd = random.Random(seed)
    ids = [f"n{rnd.randint(0, 120)}" for _ in range(rnd.randint(1, 90))]
    mentions = {x: rnd.randint(-1, 30) for x in ids}
    # end points outside ids too (networkx adds them as nodes), repeats, self loops
    pairs = [(f"n{rnd.randint(0, 130)}", f"n{rnd.randint(0, 130)}")
             for _ in range(rnd.randint(0, 300))]  # fmt: skip
    want = _nx_centrality(ids, pairs, mentions)
    got = centrality(ids, pairs, mentions)
    assert list(got) == list(want)
    assert all(got[k] == want[k] for k in want)  # exact: the page ranks by these floats


def test_a_star_and_a_chain() -> None:
    ids = ["hub", *(f"leaf{i}" for i in range(8)), "a", "b", "c", "lone"]
    pairs = [("hub", f"leaf{i}") for i in range(8)] + [("a", "b"), ("b", "c"), ("b", "a")]
    mentions = {"hub": 3, "lone": 2}
    got = centrality(ids, pairs, mentions)
    assert got == _nx_centrality(ids, pairs, mentions)
    assert max(got, key=got.__getitem__) == "hub"


def test_no_edges_and_no_nodes() -> None:
    assert pagerank([], {}, {}) == {}
    ids = ["x", "y"]
    assert centrality(ids, [], {"x": 1}) == _nx_centrality(ids, [], {"x": 1})
