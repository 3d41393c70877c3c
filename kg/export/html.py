"""The interactive HTML view: one self-contained page, vis-network inlined, no network access.

The page is built in one pass over the networkx graph (see :mod:`kg.graph` for the schema):
entity nodes become vis nodes (colour by type, size by PageRank, Chinese labels, plain-text
tooltips), relation edges become vis edges (colour by predicate, evidence kept for the side
panel), documents are kept aside and drawn only when the user ticks "Documents". The JSON
payload and vis-network's JS/CSS (from the installed pyvis package) are inlined into our own
template, so the page opens from ``file://``, inside a Jupyter ``iframe srcdoc`` or offline.

Above ``max_nodes`` entities the page keeps the most central ones (PageRank over the
relations, teleporting in proportion to mention counts) and says on the page what was left
out.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("gov/miit", kind="entity", type="Ministry", label="工业和信息化部",
...            aliases=["工信部"], mentions=2)
>>> G.add_node("person/x", kind="entity", type="Person", label="</script><b>x", mentions=1)
>>> _ = G.add_edge("person/x", "gov/miit", key="holdsPost", kind="relation",
...                predicate="holdsPost", evidence=[])
>>> page, stats = render_html(G)
>>> stats["nodes_shown"], stats["edges_shown"], stats["omitted"]
(2, 1, None)
>>> "</script><b>" in page
False
"""

# The page template at the end of this file is HTML/CSS/JS, wrapped for reading, not to 100.
# ruff: noqa: E501

from __future__ import annotations

import contextlib
import html as _html
import importlib.util
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx

from kg.io import atomic_write
from kg.model import ENTITY_TYPES, PREDICATES

__all__ = [
    "PREDICATE_COLORS",
    "TYPE_COLORS",
    "html_for_notebook",
    "render_html",
    "show",
    "view_data",
    "write_html",
]

#: Node colour per entity type (the legend shows the same swatches).
TYPE_COLORS: dict[str, str] = {
    "GovernmentBody": "#d62728",
    "Ministry": "#ff7f0e",
    "Organization": "#1f77b4",
    "Country": "#2ca02c",
    "Location": "#17becf",
    "Person": "#9467bd",
    "Law": "#8c564b",
    "Program": "#e377c2",
    "Event": "#bcbd22",
}
#: Colour of a type the ontology does not know, and of document boxes.
OTHER_COLOR = "#7f7f7f"
DOC_COLOR = "#b0b0b0"

#: Edge colour per predicate.
PREDICATE_COLORS: dict[str, str] = {
    "holdsPost": "#7b4fa6",
    "issued": "#8c564b",
    "implements": "#c2188b",
    "initiated": "#e65100",
    "participatesIn": "#1565c0",
    "hosted": "#827717",
    "cooperatesWith": "#2e7d32",
    "partOf": "#00838f",
}
_EXTRA_COLORS = ("#5d4037", "#455a64", "#ad1457", "#6a1b9a", "#283593", "#00695c", "#9e9d24")

#: How much of each edge/node goes into the page (the side panel says when there is more).
MAX_EVIDENCE = 12
MAX_EXAMPLES = 5
MAX_SENTENCE = 400
#: Above this many shown nodes the page switches to the "big graph" settings.
BIG_GRAPH = 300

_VIS_DIR = ("templates", "lib", "vis-9.1.2")
_QID = re.compile(r"Q\d+")


# --------------------------------------------------------------------------- assets


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's minified JS and CSS, read from the installed pyvis package."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; it provides vis-network for the HTML view")
    base = Path(next(iter(spec.submodule_search_locations))).joinpath(*_VIS_DIR)
    js = (base / "vis-network.min.js").read_text(encoding="utf-8")
    css = (base / "vis-network.css").read_text(encoding="utf-8")
    # Defensive: nothing in the inlined code may close its element early.
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)
    css = re.sub(r"</(style)", r"<\\/\1", css, flags=re.IGNORECASE)
    return js, css


def _script_json(obj: Any) -> str:
    """JSON for a ``<script type="application/json">`` element: ``<`` is escaped so no
    ``</script>`` or ``<!--`` in the data can end or confuse the element."""
    # check_circular: off, the payload is a fresh tree (10% faster)
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), check_circular=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


# --------------------------------------------------------------------------- PageRank


def _pagerank_python(
    adj: Mapping[str, Mapping[str, float]],
    personalization: Mapping[str, float],
    alpha: float = 0.85,
    max_iter: int = 100,
    tol: float = 1.0e-8,
) -> dict[str, float]:
    """Power-iteration PageRank (same definition as ``networkx.pagerank``, no scipy).

    >>> pr = _pagerank_python({"a": {"b": 1.0}, "b": {"a": 1.0}, "c": {}}, {"a": 1, "b": 1, "c": 1})
    >>> round(pr["a"], 3) == round(pr["b"], 3) and pr["a"] > pr["c"]
    True
    """
    nodes = list(adj)
    if not nodes:
        return {}
    total = float(sum(personalization.get(n, 0.0) for n in nodes))
    if total <= 0:
        p = dict.fromkeys(nodes, 1.0 / len(nodes))
    else:
        p = {n: personalization.get(n, 0.0) / total for n in nodes}
    out_w = {n: float(sum(adj[n].values())) for n in nodes}
    dangling_nodes = [n for n in nodes if out_w[n] == 0]
    x = dict(p)
    for _ in range(max_iter):
        last = x
        dangling = alpha * sum(last[n] for n in dangling_nodes)
        x = {n: (1.0 - alpha + dangling) * p[n] for n in nodes}
        for n, nbrs in adj.items():
            w = out_w[n]
            if w:
                share = alpha * last[n] / w
                for m, wt in nbrs.items():
                    x[m] += share * wt
        if sum(abs(x[n] - last[n]) for n in nodes) < len(nodes) * tol:
            break
    return x


def _pagerank_numpy(
    n: int,
    links: list[tuple[int, int]],
    personalization: list[float],
    alpha: float = 0.85,
    max_iter: int = 100,
    tol: float = 1.0e-6,
) -> list[float] | None:
    """``networkx.pagerank`` of the undirected graph of ``n`` nodes and ``links`` (index
    pairs, repeats add up, no self-loops), with its SciPy implementation's defaults and to
    the last bit: the same float operations in the same order (``x @ A`` of the row-
    normalised matrix as a ``bincount`` in row order, the dangling mass summed left to
    right). It spares the SciPy import (0.1-0.2 s when the page is written by a fresh or
    forked process) and the ``nx.Graph`` and sparse matrix built for it. None when it does
    not converge (``networkx`` would raise ``PowerIterationFailedConvergence``).

    >>> pr = _pagerank_numpy(3, [(0, 1)], [1.0, 1.0, 1.0])
    >>> round(pr[0], 3) == round(pr[1], 3) and pr[0] > pr[2]
    True
    """
    import numpy as np

    if n == 0:
        return []
    ends = np.array(links, dtype=np.intp).reshape(-1, 2)
    src = np.concatenate((ends[:, 0], ends[:, 1]))
    dst = np.concatenate((ends[:, 1], ends[:, 0]))
    # The matrix cells, sorted row by row, and their weights (how many links).
    cells, counts = np.unique(src * n + dst, return_counts=True)
    row, col = np.divmod(cells, n)
    weight = counts.astype(float)
    out_weight = np.bincount(row, weights=weight, minlength=n)  # exact: integer weights
    a = 1.0 / out_weight[row] * weight
    is_dangling = np.flatnonzero(out_weight == 0)
    p = np.array(personalization, dtype=float)
    p /= p.sum()
    x = np.repeat(1.0 / n, n)
    for _ in range(max_iter):
        last = x
        xd = x[is_dangling]
        dangling_sum = np.add.accumulate(xd)[-1] if len(xd) else 0  # = sum(xd), sequential
        y = np.bincount(col, weights=a * x[row], minlength=n)  # = x @ A
        x = alpha * (y + dangling_sum * p) + (1 - alpha) * p
        if np.absolute(x - last).sum() < n * tol:
            return x.tolist()
    return None


def _centrality(
    entity_ids: list[str], pairs: Iterable[tuple[str, str]], mentions: Mapping[str, int]
) -> dict[str, float]:
    """PageRank over the (undirected) relation graph of the entities, teleporting in
    proportion to ``1 + mentions`` so that unrelated but frequent entities still rank."""
    pers = [1.0 + max(0, mentions.get(n, 0)) for n in entity_ids]
    index = {n: i for i, n in enumerate(entity_ids)}
    links = [(index[u], index[v]) for u, v in pairs if u != v]
    try:
        pr = _pagerank_numpy(len(entity_ids), links, pers)
    except ImportError:  # no numpy
        pr = None
    if pr is not None:
        return dict(zip(entity_ids, pr, strict=True))
    adj: dict[str, dict[str, float]] = {n: {} for n in entity_ids}
    for i, j in links:
        u, v = entity_ids[i], entity_ids[j]
        adj[u][v] = adj[u].get(v, 0.0) + 1.0
        adj[v][u] = adj[v].get(u, 0.0) + 1.0
    return _pagerank_python(adj, dict(zip(entity_ids, pers, strict=True)))


# --------------------------------------------------------------------------- data


def _text(value: Any, limit: int | None = None) -> str:
    if type(value) is str:  # the common case first (a str subclass goes through str())
        s = value.strip()
    else:
        s = "" if value is None else str(value).strip()
    if limit is not None and len(s) > limit:
        s = s[: limit - 1] + "…"
    return s


def _opt(value: Any) -> str | None:
    if value is None:
        return None
    s = _text(value)
    return s or None


def _str_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    try:
        return [s for s in map(_text, value) if s]
    except TypeError:
        return [_text(value)] if _text(value) else []


def _num(value: Any, default: float | None = None) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return default
    return f if math.isfinite(f) else default


#: Up to this size ``int(float(n)) == n``.
_EXACT = 2**53


def _int(value: Any) -> int:
    if type(value) is int and -_EXACT <= value <= _EXACT:  # the common case, as below
        return value
    f = _num(value, 0.0) or 0.0
    return int(f)


def _doc_id(value: Any) -> str:
    s = value.strip() if type(value) is str else _text(value)
    return s[4:] if s.startswith("doc/") else s


def _palette(names: Iterable[str], known: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    extra = 0
    for name in names:
        if name in known:
            out[name] = known[name]
        else:
            out[name] = _EXTRA_COLORS[extra % len(_EXTRA_COLORS)]
            extra += 1
    return out


def _out_edges(G: nx.MultiDiGraph) -> Iterable[tuple[Any, Mapping[Any, Mapping[Any, Any]]]]:
    """``(u, {v: {key: attrs}})`` in the order of ``G.edges(keys=True, data=True)``: for a
    ``MultiDiGraph`` networkx's own successor dicts, 5× faster to walk than the edge view
    (which builds a tuple per edge); for any other graph, from the edge view."""
    if isinstance(G, nx.MultiDiGraph):
        return G._succ.items()
    return ((u, {v: {k: d}}) for u, v, k, d in G.edges(keys=True, data=True))


def _ordered(counts: Mapping[str, int], canonical: Iterable[str]) -> list[str]:
    canon = [c for c in canonical if c in counts]
    return canon + sorted(c for c in counts if c not in set(canon))


def view_data(
    G: nx.MultiDiGraph, *, max_nodes: int | None = 1500, title: str = "kg"
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The page's JSON payload and the stats, in one pass over ``G`` (and one more over the
    edges of the entities shown).

    Returns ``(data, stats)``; ``stats`` has ``nodes_total``, ``nodes_shown``,
    ``edges_total``, ``edges_shown``, ``nodes_omitted``, ``edges_omitted``, ``documents``,
    ``rule`` and ``omitted`` (the note shown on the page, or None when nothing was left out).
    """
    if max_nodes is not None and max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1 (or None for no limit), not {max_nodes}")

    # ---- nodes
    ent_attrs: dict[str, Mapping[str, Any]] = {}
    doc_attrs: dict[str, Mapping[str, Any]] = {}  # doc id (without "doc/") → attrs
    node_key: dict[Any, str] = {}
    doc_of: dict[Any, str] = {}  # document node → doc id (mention edges point at them)
    mentions: dict[str, int] = {}
    for node, attrs in G.nodes(data=True):
        key = node if type(node) is str else str(node)
        node_key[node] = key
        kind = attrs.get("kind")  # a document by its kind, or (no kind) by its id
        is_doc = kind == "document" if kind is not None else key.startswith("doc/")
        if is_doc:
            doc_of[node] = d = _doc_id(key)
            doc_attrs[d] = attrs
        else:
            ent_attrs[key] = attrs
            mentions[key] = _int(attrs.get("mentions"))

    # ---- edges: the relations between entities (the mentions, most of the edges, are read
    # below for the shown entities only)
    relations: list[tuple[str, str, Any, Mapping[str, Any]]] = []
    ent_out: list[tuple[str, Mapping[Any, Mapping[Any, Any]]]] = []  # (entity, its out-edges)
    ent_nodes = {node for node, key in node_key.items() if key in ent_attrs}
    for u, nbrs in _out_edges(G):
        su = node_key[u]
        if su not in ent_attrs:  # only the edges of an entity are drawn or counted
            continue
        ent_out.append((su, nbrs))
        if ent_nodes.isdisjoint(nbrs):  # links to documents only (most entities): one C call
            continue
        for v, keyed in nbrs.items():
            sv = node_key[v]
            if sv not in ent_attrs:  # a document: no relation
                continue
            for k, attrs in keyed.items():
                kind = attrs.get("kind")
                if kind == "relation" or (kind is None and k != "mentionedIn"):
                    relations.append((su, sv, k, attrs))

    entity_ids = list(ent_attrs)
    pr = _centrality(entity_ids, ((u, v) for u, v, _, _ in relations), mentions)

    nodes_total, edges_total = len(entity_ids), len(relations)
    # By (-PageRank, -mentions, key): three stable sorts, cheaper than one on tuple keys.
    ranked = sorted(entity_ids)
    ranked.sort(key=mentions.__getitem__, reverse=True)
    ranked.sort(key=pr.__getitem__, reverse=True)
    limit = nodes_total if max_nodes is None else min(max_nodes, nodes_total)
    shown = set(ranked[:limit])
    rule = "PageRank over the relations, weighted by mention counts"

    # ---- edges among shown nodes
    shown_rel = [r for r in relations if r[0] in shown and r[1] in shown]
    docs_used: set[str] = set()
    edges: list[dict[str, Any]] = []
    pred_counts: dict[str, int] = defaultdict(int)
    pair_groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for i, (u, v, k, attrs) in enumerate(shown_rel):
        predicate = _text(attrs.get("predicate") or k) or "related"
        pred_counts[predicate] += 1
        raw_ev = attrs.get("evidence") or []
        if not isinstance(raw_ev, list):
            raw_ev = list(raw_ev) if isinstance(raw_ev, tuple) else []
        evidence = []
        for ev in raw_ev[:MAX_EVIDENCE]:
            if type(ev) is not dict and not isinstance(ev, Mapping):
                continue
            doc = _doc_id(ev.get("doc"))
            if doc:
                docs_used.add(doc)
            evidence.append(
                {
                    "doc": doc or None,
                    "sentence": _text(ev.get("sentence"), MAX_SENTENCE),
                    "rule": _opt(ev.get("rule")),
                    "confidence": _num(ev.get("confidence")),
                    "modality": _opt(ev.get("modality")),
                    "implicit": bool(ev.get("implicit")),
                    "post": _opt(ev.get("post")),
                }
            )
        edge = {
            "id": f"e{i}",
            "from": u,
            "to": v,
            "predicate": predicate,
            "post": _opt(attrs.get("post")),
            "confidence": _num(attrs.get("confidence")),
            "modality": _opt(attrs.get("modality")),
            "implicit": bool(attrs.get("implicit")),
            "n": len(raw_ev),
            "evidence": evidence,
        }
        edges.append(edge)
        pair_groups[(u, v) if u <= v else (v, u)].append(edge)

    # Parallel edges (several predicates between the same two nodes) curve apart.
    for (a, _b), group in pair_groups.items():
        m = len(group)
        if m < 2:
            continue
        for j, edge in enumerate(group):
            offset = j - (m - 1) / 2
            if offset == 0:
                continue
            cw = (offset > 0) == (edge["from"] == a)
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if cw else "curvedCCW",
                "roundness": round(min(0.9, 0.35 * abs(offset)), 3),
            }

    # ---- nodes shown
    max_pr = max((pr.get(n, 0.0) for n in shown), default=0.0) or 1.0
    type_counts: dict[str, int] = defaultdict(int)
    nodes: list[dict[str, Any]] = []
    for n in ranked[:limit]:
        a = ent_attrs[n]
        type_ = _text(a.get("type")) or "Other"
        type_counts[type_] += 1
        docs = a.get("docs")
        examples = []
        raw_examples = a.get("examples") or []
        if isinstance(raw_examples, list | tuple):
            for ex in raw_examples[:MAX_EXAMPLES]:
                if type(ex) is dict or isinstance(ex, Mapping):
                    doc = _doc_id(ex.get("doc"))
                    if doc:
                        docs_used.add(doc)
                    examples.append(
                        {"doc": doc or None, "sentence": _text(ex.get("sentence"), MAX_SENTENCE)}
                    )
        wikidata = _opt(a.get("wikidata"))
        nodes.append(
            {
                "id": n,
                "label": _text(a.get("label")) or n,
                "type": type_,
                "aliases": _str_list(a.get("aliases")),
                "wikidata": wikidata if wikidata and _QID.fullmatch(wikidata) else None,
                "iso": _opt(a.get("iso")),
                "en": _opt(a.get("en")),
                "category": _opt(a.get("category")),
                "mentions": mentions[n],
                "ndocs": len(docs)
                if type(docs) is dict or isinstance(docs, Mapping | list | tuple | set)
                else 0,
                "pr": round(pr.get(n, 0.0), 6),
                "value": round(math.sqrt(pr.get(n, 0.0) / max_pr), 4),
                "examples": examples,
            }
        )

    # ---- mentions of the shown entities (in the order of G's edges)
    mention_rows: list[list[Any]] = []
    for su, nbrs in ent_out:
        if su not in shown:
            continue
        for v, keyed in nbrs.items():
            for k, attrs in keyed.items():
                kind = attrs.get("kind")
                if kind == "mention" or (kind is None and k == "mentionedIn"):
                    d = doc_of.get(v)
                    if d is None:
                        d = _doc_id(node_key[v])
                    docs_used.add(d)
                    c = attrs.get("count", 1)
                    mention_rows.append(
                        [su, d, c if type(c) is int and 0 < c < _EXACT else _int(c) or 1]
                    )
    docs: dict[str, dict[str, Any]] = {}
    for d in sorted(docs_used):
        a = doc_attrs.get(d, {})
        docs[d] = {
            "title": _text(a.get("title") or a.get("label")) or d,
            "date": _opt(a.get("date")),
            "url": _opt(a.get("url")),
            "publisher": _opt(a.get("publisher")),
            "node": d in doc_attrs,
        }

    nodes_omitted = nodes_total - len(nodes)
    edges_omitted = edges_total - len(edges)
    note = None
    if nodes_omitted:
        note = (
            f"Showing the {len(nodes):,} most central of {nodes_total:,} entities "
            f"(ranked by {rule}) and the {len(edges):,} relations among them; "
            f"{nodes_omitted:,} entities and {edges_omitted:,} relations left out."
        )
    stats = {
        "nodes_total": nodes_total,
        "nodes_shown": len(nodes),
        "edges_total": edges_total,
        "edges_shown": len(edges),
        "nodes_omitted": nodes_omitted,
        "edges_omitted": edges_omitted,
        "documents": len(doc_attrs),
        "rule": rule,
        "omitted": note,
    }
    type_order = _ordered(type_counts, ENTITY_TYPES)
    type_colors = _palette(type_order, TYPE_COLORS)
    pred_order = _ordered(pred_counts, PREDICATES)
    pred_colors = _palette(pred_order, PREDICATE_COLORS)
    data = {
        "meta": {**stats, "title": title, "big": len(nodes) > BIG_GRAPH},
        "types": [
            {"name": t, "color": type_colors[t], "count": type_counts[t]} for t in type_order
        ],
        "predicates": [
            {"name": p, "color": pred_colors[p], "count": pred_counts[p]} for p in pred_order
        ],
        "docColor": DOC_COLOR,
        "otherColor": OTHER_COLOR,
        "nodes": nodes,
        "edges": edges,
        "docs": docs,
        "mentions": mention_rows,
    }
    return data, stats


# --------------------------------------------------------------------------- page


def render_html(
    G: nx.MultiDiGraph, *, max_nodes: int | None = 1500, title: str = "kg"
) -> tuple[str, dict[str, Any]]:
    """The whole page as a string, and the stats (see :func:`view_data`)."""
    values, stats = _slot_values(G, max_nodes=max_nodes, title=title)
    texts, slots = _template()
    out = [texts[0]]
    for name, text in zip(slots, texts[1:], strict=True):
        out += (values[name], text)
    return "".join(out), stats


def _slot_values(
    G: nx.MultiDiGraph, *, max_nodes: int | None, title: str
) -> tuple[dict[str, str], dict[str, Any]]:
    """What goes into the template's slots for ``G``, and the stats."""
    data, stats = view_data(G, max_nodes=max_nodes, title=title)
    return {"TITLE": _html.escape(title, quote=True), "DATA": _script_json(data)}, stats


_SLOT = re.compile(r"@@KG_([A-Z_]+)@@")


@lru_cache(maxsize=1)
def _template() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``_TEMPLATE`` cut at its ``@@KG_…@@`` slots, vis-network's CSS and JS already in:
    ``(texts, slots)``, the page being ``texts[0] + value(slots[0]) + texts[1] + …``."""
    js, css = _vis_assets()
    fixed = {"VIS_CSS": css, "VIS_JS": js}
    texts, slots = [""], []
    pos = 0
    for m in _SLOT.finditer(_TEMPLATE):
        texts[-1] += _TEMPLATE[pos : m.start()]
        name = m.group(1)
        if name in fixed:
            texts[-1] += fixed[name]
        else:
            slots.append(name)
            texts.append("")
        pos = m.end()
    texts[-1] += _TEMPLATE[pos:]
    return tuple(texts), tuple(slots)


@lru_cache(maxsize=1)
def _template_bytes() -> tuple[bytes, ...]:
    """The texts of :func:`_template` in UTF-8."""
    return tuple(t.encode("utf-8") for t in _template()[0])


def write_html(
    G: nx.MultiDiGraph,
    path: str | Path,
    *,
    max_nodes: int | None = 1500,
    title: str = "kg",
) -> dict[str, Any]:
    """Write the interactive view of ``G`` to ``path`` (atomically) and return the stats:
    ``nodes_total``, ``nodes_shown``, ``edges_total``, ``edges_shown``, ``omitted`` (the
    note shown on the page when the graph was cut to ``max_nodes``, else None), …"""
    values, stats = _slot_values(G, max_nodes=max_nodes, title=title)
    # Bytes: the template and vis-network are encoded once, only the slots per page (the
    # page as one str would be UCS-2 throughout, 13 MB for a 6 MB file, then encoded).
    texts = _template_bytes()
    chunks = [texts[0]]
    for name, text in zip(_template()[1], texts[1:], strict=True):
        chunks += (values[name].encode("utf-8"), text)
    with atomic_write(path, "wb") as fh:
        fh.writelines(chunks)
    return {**stats, "path": str(path)}


def html_for_notebook(
    G: nx.MultiDiGraph,
    *,
    max_nodes: int | None = 1500,
    title: str = "kg",
    height: int = 720,
) -> str:
    """The same page in an ``<iframe srcdoc>`` (sandboxed: scripts and link pop-ups only),
    for Jupyter or any HTML host."""
    page, _ = render_html(G, max_nodes=max_nodes, title=title)
    return (
        f'<iframe srcdoc="{_html.escape(page, quote=True)}" title="{_html.escape(title)}" '
        f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>'
    )


def show(G: nx.MultiDiGraph, **kwargs: Any) -> Any:
    """An ``IPython.display.HTML`` of :func:`html_for_notebook` (the last expression of a
    cell displays it)."""
    try:
        from IPython.display import HTML
    except ImportError as exc:  # pragma: no cover - IPython comes with Jupyter
        raise RuntimeError("show() needs IPython (pip install ipython)") from exc
    # In a <div>: IPython warns about a bare <iframe> (it would rather have a URL IFrame).
    return HTML(f'<div class="kg-view">{html_for_notebook(G, **kwargs)}</div>')


_TEMPLATE = r"""<!DOCTYPE html>
<html lang="zh-Hans">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<link rel="icon" href="data:,">
<title>@@KG_TITLE@@</title>
<style>@@KG_VIS_CSS@@</style>
<style>
:root { --font: "WenQuanYi Zen Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", "Hiragino Sans GB", system-ui, sans-serif; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font-family: var(--font); font-size: 14px; color: #222; }
body { display: grid; grid-template-rows: auto auto 1fr; grid-template-columns: 230px 1fr 360px;
  grid-template-areas: "head head head" "note note note" "side main panel"; height: 100vh; }
header { grid-area: head; display: flex; align-items: center; gap: 12px; padding: 6px 10px;
  border-bottom: 1px solid #ddd; background: #fafafa; flex-wrap: wrap; }
header h1 { font-size: 16px; margin: 0; }
#stats { color: #555; font-size: 12px; }
#search-box { position: relative; }
#search { width: 240px; padding: 4px 6px; font: inherit; }
#results { position: absolute; z-index: 10; top: 100%; left: 0; width: 320px; max-height: 320px;
  overflow: auto; background: #fff; border: 1px solid #ccc; margin: 0; padding: 0; list-style: none;
  box-shadow: 0 2px 6px rgba(0,0,0,.15); }
#results:empty { display: none; }
#results li { padding: 4px 8px; cursor: pointer; }
#results li:hover, #results li.active { background: #eef3ff; }
#results .why { color: #777; font-size: 12px; margin-left: 6px; }
#note { grid-area: note; padding: 4px 10px; background: #fff8e1; border-bottom: 1px solid #f0dca0;
  font-size: 13px; }
#note[hidden] { display: none; }
#side { grid-area: side; overflow: auto; padding: 8px 10px; border-right: 1px solid #ddd; }
#side h2, #panel h3 { font-size: 13px; margin: 12px 0 4px; color: #444; }
#side label { display: flex; align-items: center; gap: 6px; padding: 2px 0; cursor: pointer; }
.swatch { width: 12px; height: 12px; border-radius: 50%; display: inline-block; flex: none; }
.swatch.line { border-radius: 0; height: 4px; }
.swatch.box { border-radius: 2px; }
.count { color: #888; font-size: 12px; margin-left: auto; }
#main { grid-area: main; position: relative; min-width: 0; min-height: 0; }
#network { position: absolute; inset: 0; }
#progress { position: absolute; left: 50%; top: 50%; transform: translate(-50%, -50%);
  background: rgba(255,255,255,.9); padding: 10px 16px; border: 1px solid #ccc; border-radius: 4px; }
#progress[hidden] { display: none; }
#panel { grid-area: panel; overflow: auto; padding: 8px 12px; border-left: 1px solid #ddd;
  font-size: 13px; }
#panel h2 { font-size: 18px; margin: 4px 0; word-break: break-all; }
#panel .hint { color: #777; }
.chip { display: inline-block; padding: 0 6px; border-radius: 8px; color: #fff; font-size: 12px; }
#panel dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 6px 0; }
#panel dt { color: #666; }
#panel dd { margin: 0; word-break: break-all; }
.rel { border-top: 1px solid #eee; padding: 6px 0; }
.rel .head { font-weight: bold; }
.rel .pred { font-weight: normal; padding: 0 4px; border-radius: 3px; color: #fff; font-size: 12px; }
a.ent { color: #0b57d0; cursor: pointer; text-decoration: none; }
a.ent:hover { text-decoration: underline; }
ul.ev { margin: 4px 0 0; padding-left: 16px; }
ul.ev li { margin: 3px 0; }
.sent { display: block; }
.src { color: #666; font-size: 12px; }
mark { background: #ffe58f; padding: 0; }
button.more { margin: 6px 0; font: inherit; font-size: 12px; }
div.vis-tooltip { white-space: pre-wrap; font-family: var(--font); font-size: 12px; max-width: 360px; }
</style>
</head>
<body>
<header>
  <h1>@@KG_TITLE@@</h1>
  <div id="search-box">
    <input id="search" type="search" placeholder="Search name or alias, e.g. 工信部" autocomplete="off"
      aria-label="Search entities by name or alias">
    <ul id="results" role="listbox"></ul>
  </div>
  <span id="stats"></span>
</header>
<div id="note" hidden></div>
<aside id="side">
  <h2>Entity types</h2><div id="type-filters"></div>
  <h2>Relations</h2><div id="pred-filters"></div>
  <h2>Documents</h2><div id="doc-filter"></div>
</aside>
<main id="main"><div id="network"></div><div id="progress">Laying out…</div></main>
<aside id="panel"><p class="hint">Click a node or an edge to see its relations and the
sentences they come from. Search by any name or alias.</p></aside>
<script type="application/json" id="kg-data">@@KG_DATA@@</script>
<script>@@KG_VIS_JS@@</script>
<script>
(function () {
"use strict";
window.kgTimings = { start: performance.now() };
window.kgStable = false;
const data = JSON.parse(document.getElementById("kg-data").textContent);
window.kgData = data;
window.kgTimings.parsed = performance.now();
const meta = data.meta;
const FONT = getComputedStyle(document.documentElement).getPropertyValue("--font").trim();
const typeColor = Object.fromEntries(data.types.map(t => [t.name, t.color]));
const predColor = Object.fromEntries(data.predicates.map(p => [p.name, p.color]));
const byId = new Map(data.nodes.map(n => [n.id, n]));
const edgeById = new Map(data.edges.map(e => [e.id, e]));
const adjacency = new Map(data.nodes.map(n => [n.id, []]));
for (const e of data.edges) {
  adjacency.get(e.from).push(e);
  if (e.to !== e.from) adjacency.get(e.to).push(e);
}
const big = meta.big;

// ---------------------------------------------------------------- DOM helpers (no innerHTML)
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k === "style") Object.assign(node.style, v);
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}
function safeUrl(u) {
  if (!u) return null;
  try { const url = new URL(u); return (url.protocol === "http:" || url.protocol === "https:") ? url.href : null; }
  catch (e) { return null; }
}
function extLink(href, text) {
  const h = safeUrl(href);
  return h ? el("a", { href: h, target: "_blank", rel: "noopener noreferrer", text: text }) : el("span", { text: text });
}
function escapeRe(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
function highlight(sentence, names) {
  const span = el("span", { class: "sent" });
  const uniq = [...new Set(names.filter(n => n && n.length > 0))].sort((a, b) => b.length - a.length);
  if (!uniq.length) { span.textContent = sentence; return span; }
  const re = new RegExp(uniq.map(escapeRe).join("|"), "g");
  let last = 0, m;
  while ((m = re.exec(sentence)) !== null) {
    if (m.index > last) span.appendChild(document.createTextNode(sentence.slice(last, m.index)));
    span.appendChild(el("mark", { text: m[0] }));
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  if (last < sentence.length) span.appendChild(document.createTextNode(sentence.slice(last)));
  return span;
}
function namesOf(id) { const n = byId.get(id); return n ? [n.label, ...n.aliases] : []; }
function docLine(docId, extra) {
  const d = docId ? data.docs[docId] : null;
  const parts = ["— "];
  if (d) {
    parts.push(extLink(d.url, d.title));
    if (d.date) parts.push(" · " + d.date);
    if (d.publisher) parts.push(" · " + d.publisher);
  } else if (docId) parts.push(docId);
  else parts.push("(unknown document)");
  if (extra) parts.push(" · " + extra);
  return el("div", { class: "src" }, parts);
}
function fmtConf(c) { return (c === null || c === undefined) ? null : "confidence " + c.toFixed(2); }

// ---------------------------------------------------------------- tooltips (plain text)
function nodeTitle(n) {
  const lines = [n.label, "Type: " + n.type];
  if (n.aliases.length) lines.push("Aliases: " + n.aliases.join(", "));
  if (n.en) lines.push("English: " + n.en);
  if (n.wikidata) lines.push("Wikidata: " + n.wikidata);
  if (n.iso) lines.push("ISO 3166: " + n.iso);
  lines.push("Mentions: " + n.mentions + (n.ndocs ? " in " + n.ndocs + " document(s)" : ""));
  lines.push("Relations: " + (adjacency.get(n.id) || []).length);
  return lines.join("\n");
}
function edgeName(e) { return e.predicate + (e.post ? " (" + e.post + ")" : ""); }
function edgeTitle(e) {
  const f = byId.get(e.from), t = byId.get(e.to);
  const lines = [f.label + " → " + edgeName(e) + " → " + t.label];
  if (e.modality) lines.push("Modality: " + e.modality);
  lines.push("Evidence: " + e.n + " sentence(s)");
  if (e.evidence.length) lines.push("“" + e.evidence[0].sentence + "”");
  return lines.join("\n");
}

// ---------------------------------------------------------------- the network
const nodeItems = data.nodes.map(n => {
  const c = typeColor[n.type] || data.otherColor;
  return {
    id: n.id, label: n.label, title: nodeTitle(n), value: n.value, shape: "dot",
    color: { background: c, border: c, highlight: { background: c, border: "#111" },
             hover: { background: c, border: "#111" } },
    hidden: false,
  };
});
const showEdgeLabels = data.edges.length <= 400;
const edgeItems = data.edges.map(e => {
  const c = predColor[e.predicate] || data.otherColor;
  const item = {
    id: e.id, from: e.from, to: e.to, title: edgeTitle(e),
    color: { color: c, highlight: c, hover: c, opacity: big ? 0.45 : 0.75 },
    width: (big ? 0.5 : 1) + Math.min(4, Math.log2(1 + e.n)) * (big ? 0.5 : 1),
    dashes: e.modality === "planned",
    hidden: false,
  };
  if (showEdgeLabels) item.label = edgeName(e);
  if (e.smooth) item.smooth = e.smooth;
  return item;
});
const nodes = new vis.DataSet(nodeItems);
const edges = new vis.DataSet(edgeItems);
const n = nodeItems.length;
const iterations = n <= 100 ? 600 : n <= 500 ? 400 : n <= 1500 ? 250 : 200;
// The layout also stops after LAYOUT_BUDGET_MS of physics, however fast the machine is.
const LAYOUT_BUDGET_MS = 2500;
const options = {
  autoResize: true,
  layout: { improvedLayout: !big, randomSeed: 42 },
  physics: {
    enabled: true,
    solver: "barnesHut",
    barnesHut: { theta: big ? 0.9 : 0.5, gravitationalConstant: big ? -3500 : -6000, centralGravity: 0.25,
                 springLength: big ? 110 : 150, springConstant: 0.03, damping: 0.35,
                 avoidOverlap: big ? 0 : 0.2 },
    stabilization: { enabled: true, iterations: iterations, updateInterval: big ? 10 : 25, fit: true },
    minVelocity: 0.75,
  },
  interaction: { hover: !big, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                 keyboard: false, multiselect: false, navigationButtons: false },
  nodes: {
    shape: "dot", borderWidth: 1, borderWidthSelected: 3,
    scaling: { min: 8, max: 44, label: { enabled: true, min: 12, max: 26, drawThreshold: 7, maxVisible: 30 } },
    font: { face: FONT, color: "#222", strokeWidth: 3, strokeColor: "#ffffff" },
  },
  edges: {
    arrows: { to: { enabled: true, scaleFactor: 0.5 } },
    smooth: false, selectionWidth: 2, hoverWidth: 1,
    font: { face: FONT, size: 10, color: "#555", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
  },
};
const container = document.getElementById("network");
const network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
window.network = network;
window.kgTimings.network = performance.now();

const progress = document.getElementById("progress");
progress.textContent = "Laying out " + n + " nodes…";
network.on("stabilizationProgress", p => {
  progress.textContent = "Laying out " + n + " nodes… " + Math.round(100 * p.iterations / p.total) + "%";
  window.kgTimings.iterations = p.iterations;
  if (!window.kgStable && performance.now() - window.kgTimings.network > LAYOUT_BUDGET_MS) network.stopSimulation();
});
function settled() {
  if (window.kgStable) return;
  network.setOptions({ physics: false });
  progress.hidden = true;
  window.kgTimings.stable = performance.now();
  window.kgStable = true;
  container.dispatchEvent(new CustomEvent("kg-stable", { bubbles: true }));
}
network.once("stabilizationIterationsDone", settled);
network.once("stabilized", settled);
if (n === 0) { progress.textContent = "The graph is empty."; window.kgStable = true; }

// ---------------------------------------------------------------- header and note
function updateStats() {
  const visible = network.body.nodeIndices.filter(id => byId.has(id)).length;
  const visEdges = network.body.edgeIndices.filter(id => edgeById.has(id)).length;
  document.getElementById("stats").textContent =
    meta.nodes_shown + " of " + meta.nodes_total + " entities shown, " +
    meta.edges_shown + " of " + meta.edges_total + " relations" +
    ((visible !== meta.nodes_shown || visEdges !== meta.edges_shown)
      ? " (" + visible + " nodes, " + visEdges + " edges visible after filters)" : "");
}
if (meta.omitted) {
  const note = document.getElementById("note");
  note.textContent = meta.omitted;
  note.hidden = false;
}

// ---------------------------------------------------------------- filters
const hiddenTypes = new Set(), hiddenPreds = new Set();
const nodeHidden = new Map(data.nodes.map(x => [x.id, false]));
const edgeHidden = new Map(data.edges.map(x => [x.id, false]));
function applyFilters() {
  const nu = [], eu = [];
  for (const x of data.nodes) {
    const h = hiddenTypes.has(x.type);
    if (nodeHidden.get(x.id) !== h) { nodeHidden.set(x.id, h); nu.push({ id: x.id, hidden: h }); }
  }
  for (const x of data.edges) {
    const h = hiddenPreds.has(x.predicate);
    if (edgeHidden.get(x.id) !== h) { edgeHidden.set(x.id, h); eu.push({ id: x.id, hidden: h }); }
  }
  if (nu.length) nodes.update(nu);
  if (eu.length) edges.update(eu);
  updateStats();
}
function setTypeVisible(type, visible) {
  if (visible) hiddenTypes.delete(type); else hiddenTypes.add(type);
  const box = document.querySelector('#type-filters input[data-name="' + CSS.escape(type) + '"]');
  if (box) box.checked = visible;
  applyFilters();
}
function setPredicateVisible(pred, visible) {
  if (visible) hiddenPreds.delete(pred); else hiddenPreds.add(pred);
  const box = document.querySelector('#pred-filters input[data-name="' + CSS.escape(pred) + '"]');
  if (box) box.checked = visible;
  applyFilters();
}
for (const t of data.types) {
  const box = el("input", { type: "checkbox", "data-name": t.name });
  box.checked = true;
  box.addEventListener("change", () => setTypeVisible(t.name, box.checked));
  document.getElementById("type-filters").appendChild(el("label", {},
    box, el("span", { class: "swatch", style: { background: t.color } }), t.name,
    el("span", { class: "count", text: String(t.count) })));
}
for (const p of data.predicates) {
  const box = el("input", { type: "checkbox", "data-name": p.name });
  box.checked = true;
  box.addEventListener("change", () => setPredicateVisible(p.name, box.checked));
  document.getElementById("pred-filters").appendChild(el("label", {},
    box, el("span", { class: "swatch line", style: { background: p.color } }), p.name,
    el("span", { class: "count", text: String(p.count) })));
}

// Documents: kept out of the layout; drawn on demand next to the entities they mention.
const docIds = Object.keys(data.docs).filter(d => data.docs[d].node);
let docsShown = false;
function setDocumentsVisible(visible) {
  if (visible === docsShown) return;
  docsShown = visible;
  docBox.checked = visible;
  if (!visible) {
    edges.remove(data.mentions.map((m, i) => "m" + i));
    nodes.remove(docIds.map(d => "doc/" + d));
    updateStats();
    return;
  }
  const pos = network.getPositions();
  const acc = new Map();
  for (const [ent, doc] of data.mentions) {
    const p = pos[ent];
    if (!p || !data.docs[doc] || !data.docs[doc].node) continue;
    const a = acc.get(doc) || { x: 0, y: 0, k: 0 };
    a.x += p.x; a.y += p.y; a.k += 1; acc.set(doc, a);
  }
  const docNodes = [];
  for (const d of docIds) {
    const a = acc.get(d) || { x: 0, y: 0, k: 1 };
    const info = data.docs[d];
    docNodes.push({
      id: "doc/" + d, label: info.title.length > 18 ? info.title.slice(0, 17) + "…" : info.title,
      title: info.title + (info.date ? "\n" + info.date : "") + (info.publisher ? "\n" + info.publisher : ""),
      shape: "box", color: { background: data.docColor, border: "#888" },
      font: { size: 10, color: "#222", face: FONT, strokeWidth: 0 }, margin: 3,
      x: a.x / a.k + (Math.random() - 0.5) * 60, y: a.y / a.k + (Math.random() - 0.5) * 60,
    });
  }
  nodes.add(docNodes);
  edges.add(data.mentions.flatMap((m, i) => (data.docs[m[1]] && data.docs[m[1]].node) ? [{
    id: "m" + i, from: m[0], to: "doc/" + m[1], arrows: "", dashes: true, width: 0.5,
    color: { color: "#bbbbbb", opacity: 0.6 }, title: "mentioned " + m[2] + "×",
  }] : []));
  updateStats();
}
const docBox = el("input", { type: "checkbox" });
docBox.addEventListener("change", () => setDocumentsVisible(docBox.checked));
document.getElementById("doc-filter").appendChild(el("label", {}, docBox,
  el("span", { class: "swatch box", style: { background: data.docColor } }), "Show documents",
  el("span", { class: "count", text: String(docIds.length) })));

// ---------------------------------------------------------------- side panel
const panel = document.getElementById("panel");
function entLink(id) {
  const x = byId.get(id);
  return el("a", { class: "ent", text: x ? x.label : id, onclick: ev => { ev.preventDefault(); focusNode(id); } });
}
function evidenceList(e, names) {
  const ul = el("ul", { class: "ev" });
  for (const ev of e.evidence) {
    const extra = [ev.modality === "planned" ? "planned" : null, ev.implicit ? "implicit" : null,
      fmtConf(ev.confidence), ev.rule ? "rule " + ev.rule : null].filter(Boolean).join(" · ");
    ul.appendChild(el("li", {}, highlight(ev.sentence || "(no sentence)", names), docLine(ev.doc, extra)));
  }
  if (e.n > e.evidence.length) ul.appendChild(el("li", { class: "src", text: "… and " + (e.n - e.evidence.length) + " more sentence(s) in the graph" }));
  return ul;
}
function chip(type) { return el("span", { class: "chip", style: { background: typeColor[type] || data.otherColor }, text: type }); }
function relBlock(e, self) {
  const out = e.from === self;
  const other = out ? e.to : e.from;
  const pred = el("span", { class: "pred", style: { background: predColor[e.predicate] || data.otherColor }, text: edgeName(e) });
  const head = out
    ? el("div", { class: "head" }, "→ ", pred, " → ", entLink(other))
    : el("div", { class: "head" }, "← ", pred, " ← ", entLink(other));
  return el("div", { class: "rel", "data-edge": e.id, "data-direction": out ? "out" : "in" },
    head, evidenceList(e, [...namesOf(e.from), ...namesOf(e.to), e.post].filter(Boolean)));
}
function showNode(id) {
  if (typeof id === "string" && id.startsWith("doc/") && !byId.has(id)) return showDoc(id.slice(4));
  const x = byId.get(id);
  if (!x) return false;
  panel.replaceChildren();
  panel.appendChild(el("h2", { text: x.label }));
  panel.appendChild(chip(x.type));
  const dl = el("dl");
  const row = (k, v) => { if (v !== null && v !== undefined && v !== "") dl.append(el("dt", { text: k }), el("dd", {}, v)); };
  row("Key", x.id);
  row("Aliases", x.aliases.join("、"));
  row("English", x.en);
  row("Category", x.category);
  if (x.wikidata) row("Wikidata", extLink("https://www.wikidata.org/wiki/" + x.wikidata, x.wikidata));
  row("ISO 3166", x.iso);
  row("Mentions", x.mentions + (x.ndocs ? " in " + x.ndocs + " document(s)" : ""));
  row("PageRank", x.pr.toFixed(5));
  panel.appendChild(dl);
  const rels = (adjacency.get(id) || []).slice().sort((a, b) =>
    a.predicate.localeCompare(b.predicate) || (a.from === id ? 0 : 1) - (b.from === id ? 0 : 1));
  panel.appendChild(el("h3", { text: "Relations (" + rels.length + ")" }));
  const list = el("div", { id: "relations" });
  const LIMIT = 40;
  rels.slice(0, LIMIT).forEach(e => list.appendChild(relBlock(e, id)));
  panel.appendChild(list);
  if (rels.length > LIMIT) {
    const more = el("button", { class: "more", text: "Show all " + rels.length + " relations" });
    more.addEventListener("click", () => { rels.slice(LIMIT).forEach(e => list.appendChild(relBlock(e, id))); more.remove(); });
    panel.appendChild(more);
  }
  if (!rels.length) panel.appendChild(el("p", { class: "hint", text: "No relation extracted for this entity." }));
  if (x.examples.length) {
    panel.appendChild(el("h3", { text: "Mentioned in" }));
    const ul = el("ul", { class: "ev" });
    for (const ex of x.examples) ul.appendChild(el("li", {}, highlight(ex.sentence, namesOf(id)), docLine(ex.doc)));
    panel.appendChild(ul);
  }
  return true;
}
function showEdge(eid) {
  const e = edgeById.get(eid);
  if (!e) return false;
  panel.replaceChildren();
  panel.appendChild(el("h2", {}, entLink(e.from), " → ", edgeName(e), " → ", entLink(e.to)));
  const dl = el("dl");
  const row = (k, v) => { if (v !== null && v !== undefined && v !== "") dl.append(el("dt", { text: k }), el("dd", {}, String(v))); };
  row("Predicate", e.predicate);
  row("Post", e.post);
  row("Confidence", e.confidence === null ? null : e.confidence.toFixed(2));
  row("Modality", e.modality);
  row("Implicit", e.implicit ? "yes" : "no");
  row("Evidence", e.n + " sentence(s)");
  panel.appendChild(dl);
  panel.appendChild(el("h3", { text: "Evidence" }));
  panel.appendChild(el("div", { class: "rel", "data-edge": e.id },
    evidenceList(e, [...namesOf(e.from), ...namesOf(e.to), e.post].filter(Boolean))));
  return true;
}
function showDoc(d) {
  const info = data.docs[d];
  if (!info) return false;
  panel.replaceChildren();
  panel.appendChild(el("h2", {}, extLink(info.url, info.title)));
  const dl = el("dl");
  const row = (k, v) => { if (v) dl.append(el("dt", { text: k }), el("dd", { text: String(v) })); };
  row("Document", d); row("Date", info.date); row("Publisher", info.publisher);
  panel.appendChild(dl);
  const ents = data.mentions.filter(m => m[1] === d).sort((a, b) => b[2] - a[2]);
  panel.appendChild(el("h3", { text: "Entities mentioned (" + ents.length + ")" }));
  const ul = el("ul", { class: "ev" });
  for (const m of ents) ul.appendChild(el("li", {}, entLink(m[0]), " ×" + m[2]));
  panel.appendChild(ul);
  return true;
}
network.on("click", params => {
  if (params.nodes.length) showNode(params.nodes[0]);
  else if (params.edges.length) showEdge(params.edges[0]);
});

// ---------------------------------------------------------------- search
const norm = s => String(s).normalize("NFKC").toLowerCase().replace(/\s+/g, "");
const index = data.nodes.map(x => ({ id: x.id, names: [x.label, ...x.aliases].map(s => [s, norm(s)]) }));
function search(q) {
  const nq = norm(q || "");
  if (!nq) return [];
  const hits = [];
  for (const entry of index) {
    let rank = 9, why = null;
    for (const [orig, nm] of entry.names) {
      const r = nm === nq ? 0 : nm.startsWith(nq) ? 1 : nm.includes(nq) ? 2 : 9;
      if (r < rank) { rank = r; why = orig; }
    }
    if (rank < 9) hits.push({ id: entry.id, rank: rank, why: why });
  }
  hits.sort((a, b) => a.rank - b.rank || byId.get(b.id).pr - byId.get(a.id).pr);
  return hits;
}
function focusNode(id) {
  const x = byId.get(id);
  if (!x) return false;
  if (nodeHidden.get(id)) setTypeVisible(x.type, true);
  network.selectNodes([id]);
  network.focus(id, { scale: Math.max(1.0, Math.min(network.getScale(), 2.0)),
                      animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  showNode(id);
  return true;
}
const input = document.getElementById("search");
const results = document.getElementById("results");
let hits = [];
function renderResults() {
  results.replaceChildren();
  for (const h of hits.slice(0, 30)) {
    const x = byId.get(h.id);
    const li = el("li", { role: "option", "data-id": h.id },
      el("span", { class: "swatch", style: { background: typeColor[x.type] || data.otherColor } }), " ", x.label,
      h.why !== x.label ? el("span", { class: "why", text: "(" + h.why + ")" }) : null,
      el("span", { class: "why", text: x.type }));
    li.addEventListener("mousedown", ev => { ev.preventDefault(); focusNode(h.id); results.replaceChildren(); });
    results.appendChild(li);
  }
  if (input.value.trim() && !hits.length) results.appendChild(el("li", { class: "why", text: "No match" }));
}
input.addEventListener("input", () => { hits = search(input.value); renderResults(); });
input.addEventListener("keydown", ev => {
  if (ev.key === "Enter") {
    hits = search(input.value);
    if (hits.length) { focusNode(hits[0].id); results.replaceChildren(); } else renderResults();
  } else if (ev.key === "Escape") { results.replaceChildren(); }
});
input.addEventListener("blur", () => setTimeout(() => results.replaceChildren(), 150));

window.kg = { search: search, focusNode: focusNode, showNode: showNode, showEdge: showEdge,
  setTypeVisible: setTypeVisible, setPredicateVisible: setPredicateVisible,
  setDocumentsVisible: setDocumentsVisible,
  visibleNodeIds: () => network.body.nodeIndices.filter(id => byId.has(id)) };
updateStats();
})();
</script>
</body>
</html>
"""


# The page's fixed parts, read and encoded now: a build imports this module ahead of time
# (while it waits for its workers), so that a forked view writer finds them ready.
with contextlib.suppress(RuntimeError, OSError):  # no pyvis: said when a page is made
    _template_bytes()
