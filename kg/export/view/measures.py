"""Measures of the graph the view draws: PageRank centrality of the entities over their
relations, and Louvain communities of the drawn ones (fixed seed: the same graph gives the
same communities).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import networkx as nx

__all__ = [
    "MAX_COMMUNITY_NODES",
    "MIN_COMMUNITY",
    "SEED",
    "centrality",
    "communities",
    "pagerank",
]

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
    pers = {n: 1.0 + max(0, mentions.get(n, 0)) for n in entity_ids}
    if not entity_ids:
        return {}
    try:
        return pagerank(list(entity_ids), weight, pers)
    except nx.PowerIterationFailedConvergence:
        total = sum(pers.values())
        return {n: p / total for n, p in pers.items()}


def pagerank(
    nodes: list[str],
    weight: Mapping[tuple[str, str], float],
    personalization: Mapping[str, float],
    alpha: float = 0.85,
    max_iter: int = 100,
    tol: float = 1.0e-6,
) -> dict[str, float]:
    """``networkx.pagerank`` of the undirected graph of ``nodes`` (then the end points of
    ``weight`` not among them, in the order met) and the edges ``weight`` (one per
    unordered pair, no self loop), bit for bit: the same sparse matrix (its CSR form is
    canonical: sorted, one entry per cell, whatever the order the edges come in) and
    the same power iteration as networkx's scipy route, without making a ``nx.Graph``
    of them and walking it again into the matrix (~0.1 s of the view of a corpus).

    >>> w = {("a", "b"): 2.0, ("b", "c"): 1.0}
    >>> H = nx.Graph(); H.add_nodes_from("abcd")
    >>> H.add_weighted_edges_from((u, v, x) for (u, v), x in w.items())
    >>> pers = {"a": 1.0, "b": 3.0, "c": 1.0, "d": 2.0}
    >>> pagerank(list("abcd"), w, pers) == nx.pagerank(H, personalization=pers)
    True
    """
    import numpy as np
    import scipy as sp

    nodelist = list(dict.fromkeys(nodes))
    index = {n: i for i, n in enumerate(nodelist)}
    for u, v in weight:  # end points that are not nodes yet, as add_edge adds them
        for n in (u, v):
            if n not in index:
                index[n] = len(nodelist)
                nodelist.append(n)
    N = len(nodelist)
    if N == 0:
        return {}
    row = [index[u] for u, _ in weight]
    col = [index[v] for _, v in weight]
    data = list(weight.values())
    # as networkx.to_scipy_sparse_array symmetrises an undirected graph
    A = sp.sparse.coo_array(
        (data + data, (row + col, col + row)), shape=(N, N), dtype=float
    ).asformat("csr")
    # networkx's _pagerank_scipy from here on, step for step
    S = A.sum(axis=1)
    S[S != 0] = 1.0 / S[S != 0]
    Q = sp.sparse.dia_array((S.T, 0), shape=A.shape).tocsr()
    A = Q @ A
    x = np.repeat(1.0 / N, N)
    p = np.array([personalization.get(n, 0) for n in nodelist], dtype=float)
    if p.sum() == 0:
        raise ZeroDivisionError
    p /= p.sum()
    dangling_weights = p
    is_dangling = np.where(S == 0)[0]
    for _ in range(max_iter):
        xlast = x
        x = alpha * (x @ A + sum(x[is_dangling]) * dangling_weights) + (1 - alpha) * p
        err = np.absolute(x - xlast).sum()
        if err < N * tol:
            return dict(zip(nodelist, map(float, x), strict=True))
    raise nx.PowerIterationFailedConvergence(max_iter)


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
    order = {n: i for i, n in enumerate(nodes)}
    H = nx.Graph()
    H.add_nodes_from(nodes)
    H.add_edges_from((u, v) for u, v in pairs if u != v)
    first = set(nodes[:limit])
    core = nx.Graph()
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
