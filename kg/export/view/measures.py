"""Measures of the graph the view draws: PageRank centrality of the entities over their
relations, and Louvain communities of the drawn ones (fixed seed: the same graph gives the
same communities).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import networkx as nx

from kg.graph.discard import AcyclicGraph, discard

__all__ = ["MAX_COMMUNITY_NODES", "MIN_COMMUNITY", "SEED", "centrality", "communities"]

#: Relation-less entities are only listed; communities smaller than this get no hull.
MIN_COMMUNITY = 3
#: The Louvain seed: the same graph gives the same communities.
SEED = 42
#: Louvain runs over this many most central drawn entities (its time grows fast with the
#: graph); each other drawn entity joins the community of its best-ranked neighbour there.
MAX_COMMUNITY_NODES = 800


def centrality(
    entity_ids: list[str], pairs: Iterable[tuple[str, str]], mentions: Mapping[str, int]
) -> dict[str, float]:
    """``networkx.pagerank`` of the undirected relation graph (a pair repeated adds weight),
    teleporting in proportion to ``1 + mentions`` so that unrelated but frequent entities
    still rank; the teleport vector itself when the iteration does not converge.

    >>> pr = centrality(["a", "b", "c"], [("a", "b")], {"a": 0, "b": 0, "c": 0})
    >>> round(pr["a"], 6) == round(pr["b"], 6) and pr["a"] > pr["c"]
    True
    """
    # each pair's weight summed first (in the orientation and order it was first met, as
    # the graph would hold it), then one call: H.get_edge_data per pair cost ~40% of this
    weight: dict[tuple[str, str], float] = {}
    for u, v in pairs:
        if u == v:
            continue
        k = (u, v)
        if k in weight:
            weight[k] += 1.0
        elif (v, u) in weight:
            weight[(v, u)] += 1.0
        else:
            weight[k] = 1.0
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
    finally:
        discard(H)  # freed now, not at the next full collection (kg.graph.discard)


def communities(
    nodes: list[str], pairs: Iterable[tuple[str, str]], limit: int = MAX_COMMUNITY_NODES
) -> dict[str, int]:
    """Community number per node (Louvain over the undirected pairs among the first
    ``limit`` nodes, fixed seed; 0 is the largest community; a later node joins its first
    neighbour's community), -1 for a node in a community smaller than ``MIN_COMMUNITY``.

    >>> pairs = [("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")]
    >>> c = communities(["a", "b", "c", "x", "y", "z"], pairs)
    >>> c["a"] == c["b"] == c["c"] != c["x"] == c["y"] == c["z"]
    True
    """
    H = nx.Graph()
    core = AcyclicGraph()  # (Louvain's working graphs are of its class: acyclic too)
    try:
        return _communities(nodes, pairs, limit, H, core)
    finally:
        discard(H)  # freed now, not at the next full collection (kg.graph.discard)


def _communities(
    nodes: list[str], pairs: Iterable[tuple[str, str]], limit: int, H: nx.Graph, core: AcyclicGraph
) -> dict[str, int]:
    order = {n: i for i, n in enumerate(nodes)}
    H.add_nodes_from(nodes)
    H.add_edges_from((u, v) for u, v in pairs if u != v)
    first = set(nodes[:limit])
    core.add_nodes_from(nodes[:limit])
    core.add_edges_from((u, v) for u, v in H.edges(nodes[:limit]) if v in first)  # list order
    if core.number_of_edges() == 0:
        return dict.fromkeys(nodes, -1)
    found = nx.community.louvain_communities(core, seed=SEED)
    out = dict.fromkeys(nodes, -1)
    for i, members in enumerate(found):
        for n in members:
            out[n] = i
    for n in nodes[limit:]:  # in rank order: a node may join through one placed before it
        best = min((order[m] for m in H[n] if out[m] >= 0), default=None)
        if best is not None:
            out[n] = out[nodes[best]]
    # Numbered largest first, ties by their best-ranked member (stable); small ones are -1.
    members: dict[int, list[str]] = defaultdict(list)
    for n in nodes:
        if out[n] >= 0:
            members[out[n]].append(n)
    ranked = sorted(members.values(), key=lambda m: (-len(m), order[m[0]]))
    out = dict.fromkeys(nodes, -1)
    for i, m in enumerate(r for r in ranked if len(r) >= MIN_COMMUNITY):
        for n in m:
            out[n] = i
    return out
