"""Issue #16 (the warm path): a ``kg build --watch`` process freed none of a build's
networkx graphs before the full collection every ``COLLECT_EVERY`` builds (each graph is a
cycle through its cached views, and the builds run with the collector paused and their
objects frozen), so it grew by a graph or more per rebuild. Here the collector is off
altogether: what is freed is freed by reference counting alone."""

from __future__ import annotations

import gc
import shutil
import weakref
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

import kg.graph
from kg.build import SAMPLE_DIR, watch
from kg.export.view import measures


@pytest.fixture
def no_collector() -> Iterator[None]:
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def test_watch_keeps_no_graph_of_an_earlier_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_collector: None
) -> None:
    src = tmp_path / "in"
    shutil.copytree(SAMPLE_DIR, src)
    changed = sorted(src.glob("*.txt"))[0]
    made: list[weakref.ref[nx.MultiDiGraph]] = []
    build_graph = kg.graph.build_graph

    def recording(*args, **kwargs):  # the build imports it from kg.graph when it runs
        G = build_graph(*args, **kwargs)
        made.append(weakref.ref(G))
        return G

    monkeypatch.setattr(kg.graph, "build_graph", recording)
    alive_at_report: list[int] = []

    def on_report(report) -> None:
        alive_at_report.append(sum(r() is not None for r in made))
        with changed.open("a", encoding="utf-8") as f:  # one change before each next build
            f.write(f"\n\n本规定自发布之日起施行（第{len(alive_at_report)}次修改）。\n")

    n = watch([src], tmp_path / "out", workers=1, cache_dir=tmp_path / "out" / ".cache",
              on_report=on_report, max_builds=4, quiet=True, formats=("ttl", "html"))  # fmt: skip
    assert n == 4 and len(made) == 4
    # at each report: this build's graph and at most the last one's (freed by the next build)
    assert max(alive_at_report) <= 2
    assert [r() for r in made] == [None] * 4  # after the watch: none


def _graphs() -> int:
    """The networkx graphs the interpreter holds (with the collector off: also those no
    one refers to any more that reference counting could not free)."""
    return sum(isinstance(o, nx.Graph) for o in gc.get_objects())


def test_the_view_measures_leave_no_graph_behind(no_collector: None) -> None:
    before = _graphs()
    pr = measures.centrality(["a", "b", "c"], [("a", "b")], {"a": 1})
    assert pr["a"] > pr["c"]
    assert _graphs() == before
    pairs = [("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("y", "z"), ("x", "z"), ("c", "x")]
    c = measures.communities(["a", "b", "c", "x", "y", "z"], pairs)
    assert c["a"] == c["b"] != c["x"]
    assert _graphs() == before  # Louvain's working graphs included
