"""Every file format kg writes, behind one :func:`write` that picks by suffix.

RDF formats (Turtle, TriG, N-Triples, N-Quads, JSON-LD) come from :mod:`kg.export.rdf`;
this module adds the property-graph formats for Gephi, Cytoscape and spreadsheets:

- GraphML (:func:`write_graphml`): node and edge attributes typed per key; lists of
  scalars joined with ``|``, dicts and lists of dicts as JSON, None left out;
- CSV (:func:`write_csv`): ``nodes.csv``, ``edges.csv`` (and ``observations.csv`` when the
  graph has observations) with a header row, UTF-8, same flattening as GraphML.

All writers are atomic (temporary file, then ``os.replace``).

>>> FORMATS["ttl"], FORMATS[".nq"]
('turtle', 'nquads')
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.export.rdf import (
    atomic_open,
    export_rdf,
    write_jsonld,
    write_nquads,
    write_ntriples,
    write_trig,
    write_turtle,
)

__all__ = [
    "FORMATS",
    "export_rdf",
    "flatten",
    "write",
    "write_csv",
    "write_graphml",
    "write_jsonld",
    "write_nquads",
    "write_ntriples",
    "write_trig",
    "write_turtle",
]

#: Suffix or name → canonical format name.
FORMATS: dict[str, str] = {}
for _name, _aliases in {
    "turtle": ("ttl", "turtle"),
    "trig": ("trig",),
    "ntriples": ("nt", "ntriples", "n-triples"),
    "nquads": ("nq", "nquads", "n-quads"),
    "jsonld": ("jsonld", "json-ld", "json"),
    "graphml": ("graphml",),
    "csv": ("csv",),
}.items():
    for _alias in _aliases:
        FORMATS[_alias] = FORMATS["." + _alias] = _name

#: Separator for lists of scalars in GraphML and CSV cells.
LIST_SEP = "|"


def flatten(value: Any) -> Any:
    """A GraphML/CSV-safe value: scalars as they are, lists of scalars joined, else JSON.

    >>> flatten(["工信部", "工业和信息化部"])
    '工信部|工业和信息化部'
    >>> flatten({"000": 3})
    '{"000": 3}'
    >>> flatten([{"doc": "000"}])
    '[{"doc": "000"}]'
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=str) if isinstance(value, set | frozenset) else list(value)
        if all(isinstance(x, str | int | float) and not isinstance(x, bool) for x in items):
            return LIST_SEP.join(str(x) for x in items)
    return json.dumps(value, ensure_ascii=False, default=str)


def _unify(values: Iterable[Any]) -> type:
    """The one GraphML type for an attribute: bool, int, float, else str."""
    kinds = {type(v) for v in values}
    if kinds <= {bool}:
        return bool
    if kinds <= {int}:
        return int
    if kinds <= {int, float}:
        return float
    return str


def _typed_attrs(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    flat = [{k: flatten(v) for k, v in row.items() if v is not None} for row in rows]
    types: dict[str, type] = {}
    for key in {k for row in flat for k in row}:
        types[key] = _unify(row[key] for row in flat if key in row)
    return [{k: types[k](v) for k, v in row.items()} for row in flat]


def write_graphml(G: Any, path: str | os.PathLike[str]) -> Path:
    """GraphML for Gephi/Cytoscape; edge ids are ``source|key|target`` (unique)."""
    import networkx as nx

    nodes = list(G.nodes(data=True))
    edges = list(G.edges(keys=True, data=True))
    node_attrs = _typed_attrs([d for _, d in nodes])
    edge_attrs = _typed_attrs([d for _, _, _, d in edges])
    H = nx.MultiDiGraph()
    H.graph.update(
        {k: v for k, v in ((k, flatten(v)) for k, v in G.graph.items()) if v is not None}
    )
    H.add_nodes_from((n, a) for (n, _), a in zip(nodes, node_attrs, strict=True))
    seen: dict[str, int] = {}
    for (u, v, k, _), a in zip(edges, edge_attrs, strict=True):
        eid = f"{u}|{k}|{v}"
        n = seen[eid] = seen.get(eid, 0) + 1
        a["eid"] = eid if n == 1 else f"{eid}|{n}"
        H.add_edge(u, v, key=k, **a)
    with atomic_open(path) as f:
        nx.write_graphml(H, f, encoding="utf-8", prettyprint=True, edge_id_from_attribute="eid")
    return Path(path)


NODE_COLUMNS = (
    "id",
    "kind",
    "type",
    "label",
    "aliases",
    "en",
    "wikidata",
    "iso",
    "category",
    "mentions",
    "docs",
    "iri",
    "title",
    "date",
    "author",
    "publisher",
    "url",
    "source",
    "categories",
    "chars",
)
EDGE_COLUMNS = (
    "source",
    "target",
    "key",
    "kind",
    "predicate",
    "confidence",
    "modality",
    "implicit",
    "post",
    "count",
    "evidence_count",
    "evidence",
)
OBSERVATION_COLUMNS = (
    "subject",
    "indicator",
    "value",
    "unit",
    "date",
    "kind",
    "surface",
    "doc",
    "start",
    "end",
    "sent_start",
    "sent_end",
    "sentence",
    "rule",
)


def _cell(value: Any) -> Any:
    value = flatten(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _columns(fixed: tuple[str, ...], rows: list[dict[str, Any]]) -> list[str]:
    extra = sorted({k for row in rows for k in row} - set(fixed))
    return [*fixed, *extra]


def write_csv(G: Any, directory: str | os.PathLike[str]) -> Path:
    """``nodes.csv`` and ``edges.csv`` (header row first) in ``directory``.

    Lists of names are joined with ``|``; ``docs``, ``examples`` and ``evidence`` are JSON.
    The files are replaced together only after all were written.
    """
    out = Path(directory)
    nodes = [{"id": n, **d} for n, d in G.nodes(data=True)]
    edges = []
    for u, v, k, d in G.edges(keys=True, data=True):
        row = {"source": u, "target": v, "key": k, **d}
        if "evidence" in d:
            row["evidence_count"] = len(d.get("evidence") or ())
        edges.append(row)
    tables = [
        ("nodes.csv", _columns(NODE_COLUMNS, nodes), nodes),
        ("edges.csv", _columns(EDGE_COLUMNS, edges), edges),
    ]
    observations = list(G.graph.get("observations") or ())
    if observations:
        tables.append(
            ("observations.csv", _columns(OBSERVATION_COLUMNS, observations), observations)
        )
    with contextlib.ExitStack() as stack:
        for name, columns, rows in tables:
            f = stack.enter_context(atomic_open(out / name, "w", encoding="utf-8", newline=""))
            writer = csv.writer(f)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([_cell(row.get(c)) for c in columns])
    return out


def write(
    G: Any, path: str | os.PathLike[str], fmt: str | None = None, *, base_iri: str | None = None
) -> Path:
    """Write ``G`` to ``path`` in ``fmt`` (default: from the suffix; a directory means CSV)."""
    path = Path(path)
    key = (fmt or path.suffix or "csv").lower()
    name = FORMATS.get(key) or FORMATS.get("." + key.lstrip("."))
    if name is None:
        known = ", ".join(sorted(set(FORMATS.values())))
        raise ValueError(f"{path}: unknown export format {key!r} (use {known})")
    if name == "graphml":
        return write_graphml(G, path)
    if name == "csv":
        return write_csv(G, path)
    writer = {
        "turtle": write_turtle,
        "trig": write_trig,
        "ntriples": write_ntriples,
        "nquads": write_nquads,
        "jsonld": write_jsonld,
    }[name]
    return writer(G, path, base_iri)
