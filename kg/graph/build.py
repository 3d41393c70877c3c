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
from collections.abc import Iterator
from typing import Any

import networkx as nx

from kg.iri import DEFAULT_BASE, doc_iri, entity_iri
from kg.model import Observation
from kg.resolve import Resolution

_OBS_FIELDS = tuple(f.name for f in dataclasses.fields(Observation))


def build_graph(res: Resolution, base_iri: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """The graph of the schema in :mod:`kg.graph`."""
    G = nx.MultiDiGraph(base_iri=base_iri)
    for doc_id, meta in res.documents.items():
        G.add_node(
            "doc/" + doc_id,
            kind="document",
            label=meta.get("title") or doc_id,
            title=meta.get("title"),
            date=meta.get("date"),
            author=meta.get("author"),
            url=meta.get("url"),
            publisher=meta.get("publisher"),
            source=meta.get("source"),
            categories=list(meta.get("categories") or []),
            chars=meta.get("chars", 0),
            iri=doc_iri(doc_id, base_iri),
        )
    for key, e in res.entities.items():
        G.add_node(
            key,
            kind="entity",
            type=e.type,
            label=e.label,
            aliases=sorted(e.aliases),
            wikidata=e.wikidata,
            iso=e.iso,
            en=e.en,
            category=e.category,
            mentions=e.mentions,
            docs=dict(e.docs),
            examples=list(e.examples),
            iri=entity_iri(key, base_iri),
        )
        for d, c in e.docs.items():
            G.add_edge(key, "doc/" + d, key="mentionedIn", kind="mention", count=c)
    seen: set[tuple[str, str, str, str, int, str]] = set()  # evidence already on an edge
    for doc_id, r in res.relations:
        mark = (r.subj, r.obj, r.pred, doc_id, r.sent_start, r.rule)
        if mark in seen:
            continue
        seen.add(mark)
        ev = {
            "doc": doc_id,
            "sent_start": r.sent_start,
            "sent_end": r.sent_end,
            "sentence": r.sentence,
            "rule": r.rule,
            "confidence": r.confidence,
            "modality": r.modality,
            "implicit": r.implicit,
            "post": r.post,
        }
        data = G.get_edge_data(r.subj, r.obj, key=r.pred)
        if data is None:
            G.add_edge(
                r.subj,
                r.obj,
                key=r.pred,
                kind="relation",
                predicate=r.pred,
                confidence=r.confidence,
                modality=r.modality,
                implicit=r.implicit,
                post=r.post,
                evidence=[ev],
            )
        else:
            data["evidence"].append(ev)
            data["confidence"] = max(data["confidence"], r.confidence)
            if r.modality == "asserted":
                data["modality"] = "asserted"
            data["implicit"] = data["implicit"] and r.implicit
            data["post"] = data["post"] or r.post
    G.graph["observations"] = [_obs_dict(o, doc_id) for doc_id, o in res.observations]
    G.graph["merge_log"] = list(res.merge_log)
    return G


def _obs_dict(o: Observation, doc_id: str) -> dict[str, Any]:
    """``{**o.to_dict(), "doc": doc_id}`` without ``dataclasses.asdict``'s recursive copy
    (its fields are plain values; 5× faster)."""
    d = {name: getattr(o, name) for name in _OBS_FIELDS}
    for k, v in d.items():
        if isinstance(v, (list, dict, tuple, set)):  # not in the model today: copy as asdict
            d[k] = copy.deepcopy(v)
    d["doc"] = doc_id
    return d


def entity_nodes(G: nx.MultiDiGraph) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(key, attrs)`` of every entity node."""
    return ((n, d) for n, d in G.nodes(data=True) if d.get("kind") == "entity")


def relation_edges(G: nx.MultiDiGraph) -> Iterator[tuple[str, str, str]]:
    """``(subject, object, predicate)`` of every relation edge."""
    return (
        (u, v, k) for u, v, k, d in G.edges(keys=True, data=True) if d.get("kind") == "relation"
    )
