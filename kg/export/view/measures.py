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
    "PAGERANK_MAX_ITER",
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
#: PageRank's power iterations at most (networkx's default).
PAGERANK_MAX_ITER = 100


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
    # the graph would hold it)
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
        return pagerank(entity_ids, weight, pers)
    except nx.PowerIterationFailedConvergence:
        total = sum(pers.values())
        return {n: p / total for n, p in pers.items()}


def pagerank(
    nodes: list[str],
    weight: Mapping[tuple[str, str], float],
    personalization: Mapping[str, float],
    alpha: float = 0.85,
    tol: float = 1.0e-6,
) -> dict[str, float]:
    """``networkx.pagerank(H, personalization=..., weight="weight")`` of the undirected
    graph ``H`` with ``nodes`` (added in that order) and ``weight``'s edges (added in that
    order, no self-loop, each pair once): the same floats, without building ``H``.

    networkx's scipy PageRank (3.2–3.6) builds its sparse matrix from ``H.edges()`` (node by
    node, each node's neighbours in the order their edges were added, an edge from its
    earlier node) symmetrised: the same COO arrays are made here from the pairs directly
    (``H`` and the walk cost ~3/4 of the whole on a corpus), then the same arithmetic.
    Raises ``networkx.PowerIterationFailedConvergence`` after :data:`PAGERANK_MAX_ITER`
    steps, as networkx does.

    >>> pr = pagerank(["a", "b", "c"], {("a", "b"): 2.0}, {"a": 1.0, "b": 1.0, "c": 1.0})
    >>> H = nx.Graph(); H.add_nodes_from("abc"); H.add_edge("a", "b", weight=2.0)
    >>> pr == nx.pagerank(H, personalization={"a": 1.0, "b": 1.0, "c": 1.0})
    True
    """
    import numpy as np
    import scipy as sp

    nodes = list(nodes)
    index = {n: i for i, n in enumerate(nodes)}
    # each node's neighbours in the order their edges came (as networkx's adjacency; an
    # end not among ``nodes`` is added after them, as ``H.add_edge`` would)
    adj: list[list[tuple[int, float]]] = [[] for _ in nodes]
    for (u, v), w in weight.items():
        for end in (u, v):
            if end not in index:
                index[end] = len(nodes)
                nodes.append(end)
                adj.append([])
        iu, iv = index[u], index[v]
        adj[iu].append((iv, w))
        adj[iv].append((iu, w))
    n_nodes = len(nodes)
    row: list[int] = []
    col: list[int] = []
    data: list[float] = []
    for i, nbrs in enumerate(adj):  # an edge from its earlier node, as H.edges() gives it
        for j, w in nbrs:
            if j > i:
                row.append(i)
                col.append(j)
                data.append(w)
    A = sp.sparse.coo_array(
        (data + data, (row + col, col + row)), shape=(n_nodes, n_nodes), dtype=float
    ).asformat("csr")
    S = A.sum(axis=1)
    S[S != 0] = 1.0 / S[S != 0]
    Q = sp.sparse.dia_array((S.T, 0), shape=A.shape).tocsr()
    A = Q @ A
    x = np.repeat(1.0 / n_nodes, n_nodes)
    p = np.array([personalization.get(n, 0) for n in nodes], dtype=float)
    if p.sum() == 0:
        raise ZeroDivisionError
    p /= p.sum()
    is_dangling = np.where(S == 0)[0]
    for _ in range(PAGERANK_MAX_ITER):
        xlast = x
        # networkx sums the dangling nodes' share with Python's sum: left to right from 0;
        # numpy's cumulative sum adds in that order too (its sum would pair the terms)
        dangling = np.cumsum(x[is_dangling])[-1] if len(is_dangling) else 0
        x = alpha * (x @ A + dangling * p) + (1 - alpha) * p
        err = np.absolute(x - xlast).sum()
        if err < n_nodes * tol:
            return dict(zip(nodes, x.tolist(), strict=True))
    raise nx.PowerIterationFailedConvergence(PAGERANK_MAX_ITER)


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
