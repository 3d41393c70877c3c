"""Let go of a networkx graph at once, not at the next full garbage collection.

A networkx graph caches its views (``G.adj``, ``G.nodes``, ``G.edges``, ``G.degree``) in
its own ``__dict__``, and every view holds the graph: each graph is a reference cycle, so
reference counting never frees it, nor the node and edge dicts it holds. A
``kg build --watch`` process runs its builds with the cyclic collector paused and their
objects frozen (:func:`kg.runtime.build.gc_paused`), so every build's graphs (the build's
own and those of the view's measures) stayed until the full collection made every
:data:`~kg.runtime.watch.COLLECT_EVERY` builds: the process grew by that many builds'
graphs before falling back (issue #16).

>>> import gc, weakref
>>> import networkx as nx
>>> G = nx.Graph(); G.add_edge("a", "b"); _ = G.adj  # a view cached: a cycle
>>> was = gc.isenabled(); gc.disable()
>>> ref = weakref.ref(G); discard(G); del G
>>> ref() is None  # freed by reference counting alone
True
>>> if was: gc.enable()

A graph that code outside kg makes and drops (Louvain's working graphs, made as
``G.__class__()`` of its input) cannot be discarded: given an :class:`AcyclicGraph`, those
are acyclic graphs too.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

import networkx as nx

__all__ = ["AcyclicGraph", "discard", "discard_all"]


def discard(G: Any) -> None:
    """Drop what ``G`` holds (its node, edge and graph dicts, its cached views): the cycles
    through its views are broken, and what nothing else holds is freed now. ``G`` is
    unusable afterwards; the attribute dicts of its nodes and edges are left as they are
    (others may hold them)."""
    vars(G).clear()


def discard_all(graphs: list[Any]) -> None:
    """:func:`discard` every graph of ``graphs`` and empty the list.

    >>> import networkx as nx
    >>> gs = [nx.MultiDiGraph()]; discard_all(gs); gs
    []
    """
    while graphs:
        discard(graphs.pop())


def _uncached(name: str) -> property:
    view = vars(nx.Graph)[name]
    assert isinstance(view, cached_property)
    return property(view.func, doc=view.__doc__)


class AcyclicGraph(nx.Graph):
    """An ``nx.Graph`` that makes its views on each use instead of caching them on itself:
    no reference cycle, freed by reference counting like a dict (and so is every graph an
    algorithm makes as ``G.__class__()`` of it).

    >>> import gc, weakref
    >>> was = gc.isenabled(); gc.disable()
    >>> G = AcyclicGraph(); G.add_edge("a", "b")
    >>> len(G.adj) + len(G.nodes) + len(G.edges) + len(G.degree)
    7
    >>> ref = weakref.ref(G); del G
    >>> ref() is None
    True
    >>> if was: gc.enable()
    """

    adj = _uncached("adj")
    nodes = _uncached("nodes")
    edges = _uncached("edges")
    degree = _uncached("degree")
