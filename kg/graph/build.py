"""Build the networkx ``MultiDiGraph`` from a :class:`~kg.resolve.Resolution`.

One pass over entities, documents and relations: no quadratic step.

>>> from kg.resolve import resolve
>>> from kg.nlp import extract
>>> from kg.model import Document
>>> G = build_graph(resolve([extract(Document("d", "工信部总经济师许科敏表示。"))]))
>>> G.nodes["gov/miit"]["label"], G.nodes["gov/miit"]["type"]
('工业和信息化部', 'Ministry')
>>> [(u, v, k) for u, v, k in relation_edges(G)]
[('person/许科敏', 'gov/miit', 'holdsPost')]
"""

from __future__ import annotations

import copy
import dataclasses
import operator
from collections.abc import Iterator
from typing import Any

import networkx as nx

from kg.iri import DEFAULT_BASE, doc_iri, entity_iri
from kg.model import ISSUE_FIELDS, Observation
from kg.resolve import Resolution

_OBS_FIELDS = tuple(f.name for f in dataclasses.fields(Observation))
_obs_values = operator.attrgetter(*_OBS_FIELDS)
_OBS_KEYS = (*_OBS_FIELDS, "doc")
#: A relation's fields, in one call.
_rel_values = operator.attrgetter(
    "subj", "pred", "obj", "sent_start", "sent_end", "sentence", "rule", "confidence",
    "modality", "implicit", "post",
)  # fmt: skip
#: Types ``asdict`` passes through as they are.
_PLAIN = frozenset({str, int, float, bool, type(None)})
#: ``G.graph`` key of a lean graph: its entities' ``mentionedIn`` edges are not made, each
#: is the entity's ``docs`` item (``doc/<document>``, its count) in that order.
MENTIONS_IN_DOCS = "mentions_in_docs"
#: ``G.graph`` key of a lean graph built with a memo (``kg build --watch``): an entity's
#: attribute dict that is one of last build's graph's very objects has not changed since.
KEPT_NODES = "kept_nodes"


def build_graph(
    res: Resolution,
    base_iri: str = DEFAULT_BASE,
    *,
    lean: bool = False,
    memo: dict[str, Any] | None = None,
) -> nx.MultiDiGraph:
    """The graph of the schema in :mod:`kg.graph`.

    ``lean``: a graph for the HTML view only (:mod:`kg.export.view` reads nothing else):
    ``iri`` left None, no observations or merge log, the resolution's dicts and lists
    of each node shared, not copied (the view does not change them), and no
    ``mentionedIn`` edges: an entity's are its ``docs`` (document → count, in their
    order), as ``G.graph[MENTIONS_IN_DOCS]`` says (~40,000 edges of two dicts each on a
    corpus, made and walked again for nothing).

    Written straight into networkx's own dicts (``_node``, ``_succ``, ``_pred``), with what
    ``add_node``/``add_edge`` would write there and in the same order: on a corpus that is
    ~50,000 calls, each with its keyword dict, checks and cache clearing, saved (twice as
    fast). tests/graph/test_graph_build.py checks it against the public-API construction.

    ``memo`` (a lean graph, ``kg build --watch``: kept between the builds of one process):
    an entity that is last build's very object takes last build's attribute dict again
    (~11,500 dicts, each with its sorted aliases and mention sum, not made again). Sound
    because a patched resolution never changes a kept entity in place (its merges copy on
    write, ``kg.resolve.merge``; as :mod:`kg.export.grouping` relies on), the memo holds
    the entity (its identity cannot pass to another object), and nothing changes a lean
    graph's dicts (the view reads them; :func:`~kg.graph.discard.discard` leaves them):
    ``G.graph[KEPT_NODES]`` says so to the view, which then takes an entity's record
    again when its dict is the one it was made from, without comparing the values.
    """
    G = nx.MultiDiGraph(base_iri=base_iri)
    if lean:
        G.graph[MENTIONS_IN_DOCS] = True
    node, succ, pred = G._node, G._succ, G._pred

    def add_node(n: str, attrs: dict[str, Any]) -> None:
        if n in node:
            node[n].update(attrs)
        else:
            node[n] = attrs
            succ[n] = {}
            pred[n] = {}

    def ensure(n: str) -> None:  # add_edge adds missing end points without attributes
        if n not in node:
            node[n] = {}
            succ[n] = {}
            pred[n] = {}

    # One string per document node: every mention edge reuses it (and its cached hash).
    doc_node = {doc_id: "doc/" + doc_id for doc_id in res.documents}
    sentences = res.sentences
    for doc_id, meta in res.documents.items():
        # A document node's "sentences" (the view's ``raw``) are its extraction result's
        # own, as resolve keeps them (``r.sentences``): a pure function of that result.
        # kg.runtime.outputs.text_pieces keys the view's stored sentences by the result
        # key alone on that ground: derive nothing else into them here.
        sent = sentences.get(doc_id) or {}
        add_node(
            doc_node[doc_id],
            {
                "kind": "document",
                "label": meta.get("title") or doc_id,
                "title": meta.get("title"),
                "date": meta.get("date"),
                "author": meta.get("author"),
                "url": meta.get("url"),
                "publisher": meta.get("publisher"),
                "source": meta.get("source"),
                "categories": list(meta.get("categories") or []),
                "chars": meta.get("chars", 0),
                "iri": None if lean else doc_iri(doc_id, base_iri),
                **{k: meta.get(k) for k in ISSUE_FIELDS},
                "issued_by": list(meta.get("issued_by") or ()),
                "instruments": list(meta.get("instruments") or ()),
                "sentences": sent if lean else dict(sent),
            },
        )
    last: dict[str, tuple[Any, dict[str, Any]]] | None = None
    now: dict[str, tuple[Any, dict[str, Any]]] | None = None
    if lean and memo is not None:
        last, now = memo.pop("entities", None), {}
        G.graph[KEPT_NODES] = True
    for key, e in res.entities.items():
        docs = e.docs
        got = last.get(key) if last is not None else None
        if got is not None and got[0] is e:
            attrs = got[1]
        else:
            attrs = {
                "kind": "entity",
                "type": e.type,
                "label": e.label,
                "aliases": sorted(e.aliases),
                "wikidata": e.wikidata,
                "iso": e.iso,
                "en": e.en,
                "category": e.category,
                "mentions": sum(docs.values()),  # e.mentions, without the property call
                "docs": docs if lean else dict(docs),
                "examples": e.examples if lean else list(e.examples),
                "spans": e.spans if lean else dict(e.spans),
                "iri": None if lean else entity_iri(key, base_iri),
            }
        if now is not None:
            now[key] = (e, attrs)
        add_node(key, attrs)
        # No edge leaves this node yet (new, or a document's), and each doc is another
        # node: every mention edge is a new one.
        out = succ[key]
        for d, c in docs.items():
            v = doc_node.get(d)
            if v is None:  # a document the resolution has no metadata for
                v = "doc/" + d
                ensure(v)
            if not lean:
                out[v] = pred[v][key] = {"mentionedIn": {"kind": "mention", "count": c}}
    seen: set[tuple[str, str, str, str, int, str]] = set()  # evidence already on an edge
    for doc_id, r in res.relations:
        (u, predicate, v, sent_start, sent_end, sentence, rule, confidence, modality, implicit,
         post) = _rel_values(r)  # fmt: skip
        mark = (u, v, predicate, doc_id, sent_start, rule)
        if mark in seen:
            continue
        seen.add(mark)
        ev = {
            "doc": doc_id,
            "sent_start": sent_start,
            "sent_end": sent_end,
            "sentence": sentence,
            "rule": rule,
            "confidence": confidence,
            "modality": modality,
            "implicit": implicit,
            "post": post,
        }
        if u not in node:
            ensure(u)
        if v not in node:
            ensure(v)
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = {}
        data = keydict.get(predicate)
        if data is None:
            keydict[predicate] = {
                "kind": "relation",
                "predicate": predicate,
                "confidence": confidence,
                "modality": modality,
                "implicit": implicit,
                "post": post,
                "evidence": [ev],
            }
        else:
            data["evidence"].append(ev)
            data["confidence"] = max(data["confidence"], confidence)
            if modality == "asserted":
                data["modality"] = "asserted"
            data["implicit"] = data["implicit"] and implicit
            data["post"] = data["post"] or post
    if memo is not None and now is not None:  # (taken out above: a failed build keeps none)
        memo["entities"] = now
    if not lean:
        G.graph["observations"] = [_obs_dict(o, doc_id) for doc_id, o in res.observations]
        G.graph["merge_log"] = list(res.merge_log)
    return G


def _obs_dict(o: Observation, doc_id: str) -> dict[str, Any]:
    """``{**o.to_dict(), "doc": doc_id}`` without ``dataclasses.asdict``'s recursive copy
    (its fields are plain values; 10× faster)."""
    values = (*_obs_values(o), doc_id)
    d = dict(zip(_OBS_KEYS, values, strict=True))
    if not _PLAIN.issuperset(map(type, values)):  # not in the model today: copy as asdict
        for k, v in d.items():
            if k != "doc" and isinstance(v, (list, dict, tuple, set)):
                d[k] = copy.deepcopy(v)
    return d


def entity_nodes(G: nx.MultiDiGraph) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(key, attrs)`` of every entity node."""
    return ((n, d) for n, d in G.nodes(data=True) if d.get("kind") == "entity")


def relation_edges(G: nx.MultiDiGraph) -> Iterator[tuple[str, str, str]]:
    """``(subject, object, predicate)`` of every relation edge."""
    return (
        (u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if d.get("kind") == "relation"
    )
