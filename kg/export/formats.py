"""Every file format kg writes: one registry (:data:`REGISTRY`) and one :func:`write`.

Each :class:`ExportFormat` names a format once: its name (``kg build -f``), file name,
suffixes, media type, rdflib and Oxigraph names, and writer. ``kg build``, ``kg query``,
``kg validate`` and ``kg serve`` all look formats up here (:func:`by_suffix`,
:func:`get`). Writers are imported when used: this module is cheap to import.

RDF formats (Turtle, TriG, N-Triples, N-Quads) are written by :mod:`kg.export.rdf`,
JSON-LD by :mod:`kg.export.jsonld` (a build's Turtle and N-Triples by
:mod:`kg.export.fast`; Turtle and TriG by one writer, :mod:`kg.export.turtle`), the HTML
view by :mod:`kg.export.view`; this module adds the property-graph formats for Gephi,
Cytoscape and spreadsheets:

- GraphML (:func:`write_graphml`): node and edge attributes typed per key; lists of
  scalars joined with ``|``, dicts and lists of dicts as JSON, None left out;
- CSV (:func:`write_csv`): ``nodes.csv``, ``edges.csv`` (and ``observations.csv`` when the
  graph has observations) with a header row, UTF-8, same flattening as GraphML.

All writers are atomic (:mod:`kg.io`).

>>> FORMATS["ttl"], FORMATS[".nq"]
('turtle', 'nquads')
>>> by_suffix(".ttl").media_type, get("json-ld").name
('text/turtle', 'jsonld')
"""

from __future__ import annotations

import contextlib
import csv
import importlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.io import atomic_write

__all__ = [
    "ALL_FORMATS",
    "DEFAULT_FORMATS",
    "FORMATS",
    "REGISTRY",
    "ExportFormat",
    "by_suffix",
    "flatten",
    "get",
    "write",
    "write_csv",
    "write_graphml",
]


@dataclass(frozen=True)
class ExportFormat:
    """One format: ``name`` as ``kg build -f`` takes it, ``canonical`` (the long name),
    ``filename`` written by ``kg build``, ``suffixes`` read and written (the first is the
    usual one), ``aliases``, ``media_type``, ``rdflib`` parser name and ``oxigraph``
    ``RdfFormat`` member (None: not RDF), and ``writer`` (``module:function``, called as
    ``writer(G, path, **options)``). ``fast``: written by :mod:`kg.export.fast` too."""

    name: str
    canonical: str
    filename: str
    suffixes: tuple[str, ...]
    aliases: tuple[str, ...]
    media_type: str | None
    rdflib: str | None
    oxigraph: str | None
    writer: str
    fast: bool = False

    def write(self, G: Any, path: str | os.PathLike[str], **options: Any) -> Any:
        module, func = self.writer.split(":")
        return getattr(importlib.import_module(module), func)(G, path, **options)


_RDF = "kg.export.rdf"
#: Every format, in the order ``kg build -f all`` writes them.
REGISTRY: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("ttl", "turtle", "graph.ttl", (".ttl", ".turtle"), ("turtle",),
                     "text/turtle", "turtle", "TURTLE", f"{_RDF}:write_turtle", fast=True),
        ExportFormat("html", "html", "graph.html", (".html",), (), "text/html", None, None,
                     "kg.export.view:write_html"),
        ExportFormat("trig", "trig", "graph.trig", (".trig",), (), "application/trig",
                     "trig", "TRIG", f"{_RDF}:write_trig"),
        ExportFormat("nt", "ntriples", "graph.nt", (".nt", ".ntriples"),
                     ("ntriples", "n-triples"), "application/n-triples", "nt", "N_TRIPLES",
                     f"{_RDF}:write_ntriples", fast=True),
        ExportFormat("nq", "nquads", "graph.nq", (".nq", ".nquads"), ("nquads", "n-quads"),
                     "application/n-quads", "nquads", "N_QUADS", f"{_RDF}:write_nquads"),
        ExportFormat("jsonld", "jsonld", "graph.jsonld", (".jsonld", ".json"),
                     ("json-ld", "json"), "application/ld+json", "json-ld", "JSON_LD",
                     "kg.export.jsonld:write_jsonld"),
        ExportFormat("graphml", "graphml", "graph.graphml", (".graphml",), (),
                     "application/graphml+xml", None, None, "kg.export.formats:write_graphml"),
        ExportFormat("csv", "csv", "nodes.csv", (".csv",), (), "text/csv", None, None,
                     "kg.export.formats:write_csv"),
    )
}  # fmt: skip
#: RDF/XML and N3 are read (``kg query``, ``kg validate``, ``kg serve``), never written.
READ_ONLY: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("rdfxml", "rdfxml", "graph.rdf", (".rdf", ".owl", ".xml"), ("xml",),
                     "application/rdf+xml", "xml", "RDF_XML", ""),
        ExportFormat("n3", "n3", "graph.n3", (".n3",), (), "text/n3", "n3", "N3", ""),
    )
}  # fmt: skip
ALL_FORMATS: tuple[str, ...] = tuple(REGISTRY)
DEFAULT_FORMATS: tuple[str, ...] = ("ttl", "html")

#: Suffix or name → canonical format name, for :func:`write` (the HTML view is no
#: serialisation of the graph: only ``kg build`` writes it).
FORMATS: dict[str, str] = {}
for _f in REGISTRY.values():
    if _f.name == "html":
        continue
    for _alias in (_f.name, _f.canonical, *_f.aliases, *(x[1:] for x in _f.suffixes)):
        FORMATS[_alias] = FORMATS["." + _alias] = _f.canonical
_BY_NAME = {
    a: f
    for f in (*REGISTRY.values(), *READ_ONLY.values())
    for a in (f.name, f.canonical, *f.aliases)
}
_BY_SUFFIX = {x: f for f in (*READ_ONLY.values(), *REGISTRY.values()) for x in f.suffixes}


def get(name: str) -> ExportFormat | None:
    """The format called ``name`` (or one of its aliases); None when unknown."""
    return _BY_NAME.get(name.lower())


def by_suffix(suffix: str) -> ExportFormat | None:
    """The format of files ending in ``suffix`` (``.ttl``); None when unknown."""
    return _BY_SUFFIX.get(suffix.lower())


def rdf_suffixes() -> dict[str, ExportFormat]:
    """Suffix → format, for every RDF format kg reads (writes, and RDF/XML, N3)."""
    return {x: f for x, f in _BY_SUFFIX.items() if f.rdflib is not None}


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
    with atomic_write(path, "wb") as f:
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
            f = stack.enter_context(atomic_write(out / name, "w", newline=""))
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
    f = get(key.lstrip(".")) if fmt else by_suffix(key) if path.suffix else get(key)
    if f is None or f.name == "html" or not f.writer:
        known = ", ".join(sorted(set(FORMATS.values())))
        raise ValueError(f"{path}: unknown export format {key!r} (use {known})")
    if f.rdflib is None:  # the property-graph formats take no base
        return f.write(G, path)
    return f.write(G, path, base_iri=base_iri)
