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
"""

from __future__ import annotations

from typing import Any

__all__ = ["discard", "discard_all"]


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
