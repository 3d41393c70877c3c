"""Relations per 10,000 characters of a built graph: unique subject–predicate–object edges
of kg's eight predicates, by predicate, over the characters of the documents kg read.

``python bench/relation_density.py OUT/graph.ttl INPUT [INPUT ...]`` (the inputs of the
build, read again with kg's readers to count their characters).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.ingest import iter_documents
from kg.model import Document
from kg.vocab import KG

PREDICATES = (
    "issued", "implements", "initiated", "participatesIn",
    "hosted", "cooperatesWith", "partOf", "holdsPost",
)  # fmt: skip


def density(graph_path: Path, inputs: list[str]) -> tuple[int, Counter]:
    """Characters read and unique edges per predicate."""
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(graph_path), format=ox.RdfFormat.TURTLE)
    edges: Counter = Counter()
    for p in PREDICATES:
        q = f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?o WHERE {{ ?s <{KG[p]}> ?o }} }}"
        edges[p] = int(next(iter(store.query(q)))["n"].value)
    chars = sum(len(d.text) for d in iter_documents(inputs) if isinstance(d, Document))
    return chars, edges


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("graph", type=Path)
    ap.add_argument("inputs", nargs="+")
    a = ap.parse_args()
    chars, edges = density(a.graph, a.inputs)
    total = sum(edges.values())
    print(f"{chars:,} characters, {total:,} unique edges = {total / chars * 1e4:.2f} per 10,000")
    for p in PREDICATES:
        print(f"  {p:16} {edges[p]:6,}  {edges[p] / chars * 1e4:.2f}")


if __name__ == "__main__":
    main()
