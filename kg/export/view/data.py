"""The view's data: what the page draws, lists and reads, computed in Python from the graph.

One pass over the networkx graph (see :mod:`kg.graph` for the schema) gives

* every entity (ranked by PageRank over the relations, teleporting in proportion to mention
  counts), those with a relation *drawn* (the ``max_nodes`` most central of them), the others
  listed beside the drawing by type;
* the relations among the drawn entities, their communities (Louvain, networkx, fixed seed);
* the documents (title, date, issuer, counts) and the mention counts entity × document;
* "mentioned together": pairs of drawn entities named in the same sentence, from the
  mentions' sentences (a layer of the view only, never a relation of the graph);
* a *text table* (``text``), parsed by the page only when the panel needs it: every sentence
  once, each entity's mention sentences and each relation's evidence as index rows.

An entity's rows name a document by its stable number (its place by id) and a sentence by
its number within its document, so that ``--watch`` keeps them; the page makes them into
document and sentence indexes (:mod:`kg.export.view.rows` reads them as it does).

The text table's pieces are :mod:`kg.export.view.text`, each entity's rank-free rows
(kept by ``--watch`` for the next build) :mod:`kg.export.view.entities`, PageRank and the
communities :mod:`kg.export.view.measures`, the attribute values :mod:`kg.export.view.values`.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("doc/d", kind="document", title="通知", date="2024-05-01")
>>> G.add_node("gov/a", kind="entity", type="Ministry", label="甲部", mentions=2,
...            examples=[{"doc": "d", "start": 0, "end": 2, "sentence": "甲部和乙委开会。"}])
>>> G.add_node("gov/b", kind="entity", type="GovernmentBody", label="乙委", mentions=1,
...            examples=[{"doc": "d", "start": 3, "end": 5, "sentence": "甲部和乙委开会。"}])
>>> G.add_node("gov/c", kind="entity", type="GovernmentBody", label="丙局", mentions=1)
>>> _ = G.add_edge("gov/a", "gov/b", key="partOf", kind="relation", predicate="partOf",
...                evidence=[{"doc": "d", "sent_start": 0, "sentence": "甲部和乙委开会。"}])
>>> data, stats = view_data(G)
>>> [(n["id"], n["drawn"]) for n in data["nodes"]]
[('gov/a', True), ('gov/b', True), ('gov/c', False)]
>>> stats["nodes_shown"], stats["isolated"], data["comention"], data["text"]["sentences"]
(2, 1, [[0, 1, 1]], ['甲部和乙委开会。'])
"""

from __future__ import annotations

import gc
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import chain
from operator import itemgetter
from typing import Any

import networkx as nx

from kg.export.view.entities import EntityRecord, NodeList, entity_record, node_tail
from kg.export.view.measures import centrality, communities
from kg.export.view.text import DocText, SentenceTable, TextPieces, TextTable, int_list_json
from kg.export.view.values import (
    EXACT_INT,
    as_list,
    doc_id,
    integer,
    number,
    optional_text,
    text_value,
)
from kg.graph.build import KEPT_NODES, MENTIONS_IN_DOCS
from kg.model import ENTITY_TYPES, PREDICATES

__all__ = ["PREDICATE_COLORS", "TYPE_COLORS", "view_data"]

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

#: The characters of sentences a page may carry (about 3 bytes each in UTF-8): beyond it the
#: entities' mention sentences (not the relations' evidence) are cut evenly, and the page
#: says how many were left out.
MAX_TEXT_CHARS = 6_000_000
#: Above this many drawn nodes the page switches to the "big graph" settings.
BIG_GRAPH = 300
#: A sentence naming more entities than this adds no "mentioned together" pair (a list).
MAX_COMENTION_GROUP = 12


#: A document's attributes its row in the page is made from (in this order).
DOC_FIELDS = ("title", "label", "date", "issued", "created", "url", "publisher", "issuer",
              "number")  # fmt: skip
_NO_ATTRS: Mapping[str, Any] = {}
#: Values a kept document row is compared by (immutable: a change in place is impossible).
_ATOMS = frozenset({str, int, float, bool, type(None)})

# --------------------------------------------------------------------------- values


class _DocIds(dict):  # type: ignore[type-arg]
    """:func:`doc_id` of each string once (a document's id is met once per mention)."""

    def __missing__(self, value: str) -> str:
        d = self[value] = doc_id(value)
        return d


def _doc_id_of(ids: _DocIds, value: Any) -> str:
    return ids[value] if type(value) is str else doc_id(value)


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


def _ordered(counts: Mapping[str, int], canonical: Iterable[str]) -> list[str]:
    canon = [c for c in canonical if c in counts]
    return canon + sorted(c for c in counts if c not in set(canon))


# --------------------------------------------------------------------------- view data


def view_data(
    G: nx.MultiDiGraph,
    *,
    max_nodes: int | None = 1500,
    title: str = "kg",
    max_text_chars: int = MAX_TEXT_CHARS,
    pieces: TextPieces | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The page's JSON payload and the stats. ``pieces``: the documents' pieces of the
    text table kept from the last build (:class:`TextPieces`); those of unchanged
    documents are reused, not computed again.

    Returns ``(data, stats)``; ``stats`` has ``nodes_total`` (entities), ``nodes_shown``
    (drawn: entities with a relation, at most ``max_nodes``), ``isolated`` (entities without
    a relation, listed beside the drawing), ``edges_total``, ``edges_shown``,
    ``nodes_omitted`` (related entities not drawn), ``edges_omitted``, ``documents``,
    ``sentences``, ``sentences_omitted``, ``rule`` and ``omitted`` (the note shown on the page,
    or None when every related entity is drawn).
    """
    if max_nodes is not None and max_nodes < 1:
        raise ValueError(f"max_nodes must be at least 1 (or None for no limit), not {max_nodes}")
    # Many small containers and no cycles: the collector's passes over the (large) graph
    # would take more time than the work itself.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _view_data(G, max_nodes, title, max_text_chars, pieces)
    finally:
        if enabled:
            gc.enable()


def _view_data(
    G: nx.MultiDiGraph,
    max_nodes: int | None,
    title: str,
    max_text_chars: int,
    pieces: TextPieces | None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    ids = _DocIds()
    lean = bool(G.graph.get(MENTIONS_IN_DOCS))  # a lean graph: the edges are the entities' docs
    kept_nodes = bool(G.graph.get(KEPT_NODES))  # a node's dict last build had is unchanged
    # ``--watch`` keeps each entity's record (``pieces.entities``) and takes it again when
    # the entity's attributes equal last build's (cheap to compare: mostly the very same
    # objects); only what depends on the whole graph is made again
    memo = pieces.entities if pieces is not None else None
    kept: dict[str, EntityRecord] | None = None
    kept_docs: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] | None = None
    if memo is not None:
        kept = memo.setdefault("records", {})
        kept_docs = memo.setdefault("docs", {})
    # ---- nodes
    ent_attrs: dict[str, Mapping[str, Any]] = {}
    records: dict[str, EntityRecord] = {}
    doc_attrs: dict[str, Mapping[str, Any]] = {}
    node_key: dict[Any, str] = {}
    doc_of: dict[Any, str] = {}
    mentions: dict[str, int] = {}
    # The public views: iterating nodes(data=True) walks networkx's own dict, and
    # edges(keys=True, data=True) one generator over it (the nested G.adj views cost a
    # Python-level call per item, ~3x the walk).
    for node, attrs in G.nodes(data=True):
        key = node if type(node) is str else str(node)
        node_key[node] = key
        kind = attrs.get("kind")
        if kind == "document" if kind is not None else key.startswith("doc/"):
            doc_of[node] = d = doc_id(key)
            doc_attrs[d] = attrs
        else:
            ent_attrs[key] = attrs
            rec = kept.get(key) if kept is not None else None
            if rec is None or not ((kept_nodes and rec.attrs is attrs) or rec.same(attrs)):
                rec = entity_record(key, attrs, keep=kept is not None)
            rec.attrs = attrs if kept_nodes else None
            records[key] = rec
            mentions[key] = rec.mentions

    # ---- edges: relations between entities, mentions of documents (per entity, in the
    # order the edges are walked: the entities' node order)
    relations: list[tuple[str, str, Any, Mapping[str, Any]]] = []
    edge_mentions: dict[str, list[tuple[str, int]]] = {}
    for u, v, k, attrs in G.edges(keys=True, data=True):
        su = node_key[u]
        if su not in ent_attrs:
            continue
        sv = node_key[v]
        kind = attrs.get("kind")
        if sv in ent_attrs:
            if kind == "relation" or (kind is None and k != "mentionedIn"):
                relations.append((su, sv, k, attrs))
        elif kind == "mention" or (kind is None and k == "mentionedIn"):
            d = doc_of.get(v)
            d = d if d is not None else doc_id(sv)
            c = attrs.get("count", 1)
            n = c if type(c) is int and 0 < c < EXACT_INT else integer(c) or 1
            got = edge_mentions.get(su)
            if got is None:
                edge_mentions[su] = [(d, n)]
            else:
                got.append((d, n))

    entity_ids = list(ent_attrs)
    pairs = [(u, v) for u, v, _, _ in relations if u != v]
    pr = centrality(entity_ids, pairs, mentions)
    degree: dict[str, int] = defaultdict(int)
    for u, v in pairs:
        degree[u] += 1
        degree[v] += 1

    # By (-PageRank, -mentions, key): three stable sorts.
    ranked = sorted(entity_ids)
    ranked.sort(key=mentions.__getitem__, reverse=True)
    ranked.sort(key=pr.__getitem__, reverse=True)
    related = [n for n in ranked if degree.get(n)]
    limit = len(related) if max_nodes is None else min(max_nodes, len(related))
    drawn_list = related[:limit]
    drawn = set(drawn_list)
    rule = "PageRank over the relations, weighted by mention counts"

    # ---- documents (index by first use: relations, then mentions, then the rest)
    doc_index: dict[str, int] = {}

    def doc_i(d: str) -> int:
        i = doc_index.get(d)
        if i is None:
            i = doc_index[d] = len(doc_index)
        return i

    rule_index: dict[str, int] = {}
    # every relation's evidence by document (drawn or not: a document's piece of the text
    # table must not depend on what is drawn); ``ev_at``: an evidence dict's place there
    ev_items: dict[str, list[tuple[Any, Any, Any]]] = defaultdict(list)
    ev_at: dict[int, int] = {}
    for _, _, _, attrs in relations:
        for ev in as_list(attrs.get("evidence")):
            if type(ev) is dict or isinstance(ev, Mapping):
                items = ev_items[_doc_id_of(ids, ev.get("doc"))]
                ev_at[id(ev)] = len(items)
                items.append((ev.get("sent_start"), ev.get("sent_end"), ev.get("sentence")))

    # ---- relations among drawn nodes
    shown_rel = [r for r in relations if r[0] in drawn and r[1] in drawn]
    edges: list[dict[str, Any]] = []
    edge_text: list[list[list[Any]]] = []
    pred_counts: dict[str, int] = defaultdict(int)
    pair_groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    doc_rels: dict[int, int] = defaultdict(int)
    for i, (u, v, k, attrs) in enumerate(shown_rel):
        predicate = text_value(attrs.get("predicate") or k) or "related"
        pred_counts[predicate] += 1
        raw_ev = as_list(attrs.get("evidence"))
        rows: list[list[Any]] = []
        edocs: set[int] = set()
        for ev in raw_ev:
            if not (type(ev) is dict or isinstance(ev, Mapping)):
                continue
            d = _doc_id_of(ids, ev.get("doc"))
            di = doc_i(d) if d else -1
            if di >= 0:
                edocs.add(di)
            r = optional_text(ev.get("rule"))
            ri = -1 if r is None else rule_index.setdefault(r, len(rule_index))
            conf = number(ev.get("confidence"))
            flags = (ev.get("modality") == "planned") | (2 * bool(ev.get("implicit")))
            rows.append(
                [di, (d, ev_at[id(ev)]), ri, None if conf is None else round(conf, 3), flags]
            )  # the sentence: filled in from the document's piece below
        for di in edocs:
            doc_rels[di] += 1
        edge = {
            "id": f"e{i}",
            "from": u,
            "to": v,
            "predicate": predicate,
            "post": optional_text(attrs.get("post")),
            "confidence": number(attrs.get("confidence")),
            "modality": optional_text(attrs.get("modality")),
            "implicit": bool(attrs.get("implicit")),
            "n": len(rows),
            "docs": sorted(edocs),
        }
        edges.append(edge)
        edge_text.append(rows)
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

    # ---- mention counts entity × document: the documents numbered in the order the
    # graph gives the mentions (its mention edges, then a lean graph's docs), the rows by
    # (entity's rank, document, count)
    doc_ents: dict[int, int] = defaultdict(int)
    for got in edge_mentions.values():
        for d, _ in got:
            i = doc_index.get(d)
            if i is None:
                i = doc_index[d] = len(doc_index)
            doc_ents[i] += 1
    if lean:
        # counted and numbered in C over the 40,000 pairs; a loop over the documents only
        named = Counter(map(itemgetter(0), chain.from_iterable(r.mdocs for r in records.values())))
        for d, c in named.items():  # (in the order of first mention)
            i = doc_index.get(d)
            if i is None:
                i = doc_index[d] = len(doc_index)
            doc_ents[i] += c
    # the entities' examples and mention spans by document (keys in sorted order), and
    # the documents of each entity in the order its rows list them; a kept record keeps
    # what its entity gave (``items``, ``docs``)
    ent_items: dict[str, dict[str, list[Any]]] = defaultdict(dict)
    ent_docs: dict[str, list[str]] = {}
    for n in sorted(ent_attrs):
        rec = records[n]
        if rec.items is not None:
            for d, item in rec.items:
                ent_items[d][n] = item
            ent_docs[n] = rec.docs
            continue
        a = ent_attrs[n]
        examples, spans = a.get("examples"), a.get("spans")
        names = []
        for ex in as_list(examples):
            if type(ex) is dict or isinstance(ex, Mapping):
                d = _doc_id_of(ids, ex.get("doc"))
                if d:
                    names.append(d)
                    items = ent_items[d]
                    got_item = items.get(n)
                    if got_item is None:
                        got_item = items[n] = [[], None]
                    got_item[0].append((ex.get("start"), ex.get("sentence")))
        if spans and (type(spans) is dict or isinstance(spans, Mapping)):
            for d, sp in spans.items():
                if type(sp) is str or isinstance(sp, str):
                    d = ids[d] if type(d) is str else doc_id(d)
                    names.append(d)
                    items = ent_items[d]
                    got_item = items.get(n)
                    if got_item is None:
                        items[n] = [[], sp]
                    else:
                        got_item[1] = sp
        ent_docs[n] = list(dict.fromkeys(names)) if len(names) > 1 else names
        if rec.snap is not None:
            rec.items = [(d, ent_items[d][n]) for d in ent_docs[n]]
            rec.docs = ent_docs[n]
    if kept is not None:
        kept.clear()
        kept.update((n, rec) for n, rec in records.items() if rec.snap is not None)
    # documents numbered in the order the rows name them
    for d in dict.fromkeys(chain.from_iterable(map(ent_docs.__getitem__, ranked))):
        if d not in doc_index:
            doc_index[d] = len(doc_index)
    for d in doc_attrs:
        if d not in doc_index:  # documents without a mention are tabled too
            doc_index[d] = len(doc_index)

    # ---- the text table: one piece per document (its sentences, where each evidence and
    # each entity's rows are in it), the same for the same document whatever else changed
    made = pieces if pieces is not None else TextPieces()
    made.start()
    blocks: dict[str, DocText] = {}
    for d in dict.fromkeys([*ev_items, *ent_items]):
        raw = doc_attrs[d].get("sentences") if d in doc_attrs else None
        blocks[d] = made.piece(d, (ev_items.get(d, []), ent_items.get(d, {}), raw))
    made.commit()
    # Rows name a document by its *stable number* (its place among the documents by id;
    # ``docAt`` gives its number above) and a sentence by its number within its document's
    # piece (``n``: each document's count of sentences, the table being the pieces in
    # stable order): an entity's rows then change only with its documents' pieces, and
    # ``--watch`` keeps them (``token``: the documents' stable numbers are last build's).
    stable = sorted(doc_index.keys() | blocks.keys())
    s_of = {d: k for k, d in enumerate(stable)}
    token: object = None
    dirty: set[str] = set()
    if memo is not None:
        # taken out first: a build that fails on the way leaves no state to trust
        last_order, last_blocks, token = (memo.pop(k, None) for k in ("order", "blocks", "token"))
        if token is None or last_order != stable or last_blocks is None:
            token = object()
        else:  # an entity named in a document whose piece is not last build's
            for d, blk in blocks.items():
                old = last_blocks.get(d)
                if old is not blk:
                    dirty.update(blk.ents)
                    if old is not None:
                        dirty.update(old.ents)
            for d, old in last_blocks.items():
                if d not in blocks:
                    dirty.update(old.ents)
    base: dict[str, int] = {}
    doc_sizes: list[int] = []
    text = SentenceTable()
    parts: tuple[list[bytes], list[bytes]] | None = ([], [])
    for d in stable:
        blk = blocks.get(d)
        if blk is not None and blk.sentences:
            base[d] = len(text.sentences)
            doc_sizes.append(len(blk.sentences))
            text.sentences += blk.sentences
            text.at += blk.at
            text.chars += blk.chars
            parts[0].append(blk.json_sentences)
            parts[1].append(blk.json_at)
        else:
            doc_sizes.append(0)
    # each evidence row's document and sentence within it (an entity's rows), then its
    # sentence in the whole table (a relation's rows)
    edge_at: list[list[tuple[int, int]]] = []
    for rows in edge_text:
        at_rows = []
        for r in rows:
            d, j = r[1]
            li = blocks[d].evidence[j]
            at_rows.append((s_of[d], li))
            r[1] = base[d] + li
        edge_at.append(at_rows)

    # ---- mention sentences: every mention span's sentence (text from the document node's
    # ``sentences``, else the kept examples and the relations' evidence), the examples, the
    # evidence of the entity's drawn relations
    ent_evidence: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for (u, v, _, _), rows, at_rows in zip(shown_rel, edge_text, edge_at, strict=True):
        got_at = [a for r, a in zip(rows, at_rows, strict=True) if r[0] >= 0]
        ent_evidence[u] += got_at
        if v != u:
            ent_evidence[v] += got_at
    # each entity's mention counts ([stable document, count, …]) and mention sentences
    # ([stable document, sentence in it, …]), each with its JSON; a kept record's are
    # taken again while the stable numbers and its documents' pieces are last build's
    mention_docs, ent_rows = NodeList(), NodeList()
    mention_docs.parts, ent_rows.parts = [], []
    by_sentence: dict[int, list[int]] = defaultdict(list)
    # each document's stable number and entities' rows, in one look-up
    where = {d: (s_of[d], blocks[d].ents) for d in base}
    no_mentions: list[tuple[str, int]] = []
    for i, n in enumerate(ranked):
        rec = records[n]
        keep = rec.snap is not None
        em = edge_mentions.get(n)
        got_rows = rec.mrows
        if got_rows is not None and got_rows[0] is token and em is None:
            mrows, mjs = got_rows[1], got_rows[2]
        else:
            got = em if em is not None else no_mentions
            if lean:
                md = rec.mdocs
                if md:
                    got = got + md if got else md
            mrows = []
            for d, c in got:
                mrows += (s_of[d], c)
            mjs = int_list_json(mrows)
            if keep and em is None:
                rec.mrows = (token, mrows, mjs)
        mention_docs.append(mrows)
        mention_docs.parts.append(mjs)
        got_rows = rec.erows
        if got_rows is not None and got_rows[0] is token and n not in dirty:
            flat, ejs, keys = got_rows[1], got_rows[2], got_rows[3]
        else:
            flat, keys = [], []
            for d in ent_docs[n]:
                w = where.get(d)
                rows = w[1].get(n) if w is not None else None
                if rows:
                    sd = w[0]  # type: ignore[index]
                    if len(rows) == 1:
                        flat += (sd, rows[0])
                    else:
                        for li in rows:
                            flat += (sd, li)
            ejs = int_list_json(flat)
            # each sentence as one int (the "mentioned together" pairs count by sentence)
            keys = [sd << 32 | li for sd, li in zip(flat[0::2], flat[1::2], strict=True)]
            if keep:
                rec.erows = (token, flat, ejs, keys)
        ev = ent_evidence.get(n)
        if ev:
            seen = set(keys)
            flat, keys = list(flat), list(keys)  # (kept lists are never changed)
            for a in ev:
                k = a[0] << 32 | a[1]
                if k not in seen:
                    seen.add(k)
                    flat += a
                    keys.append(k)
            ejs = int_list_json(flat)
        if n in drawn:
            for k in keys:
                by_sentence[k].append(i)
        ent_rows.append(flat)
        ent_rows.parts.append(ejs)
    if memo is not None:
        memo["order"], memo["blocks"], memo["token"] = stable, blocks, token

    # Over the budget: cut each entity's mention sentences to the same number, the largest
    # that fits (relation evidence is kept whole).
    sentences_omitted = 0
    if text.chars > max_text_chars:
        ent_rows, text, doc_sizes, edge_text, sentences_omitted = _cut_text(
            ent_rows, text, doc_sizes, edge_text, max_text_chars
        )
        parts = None

    comention: dict[tuple[int, int], int] = defaultdict(int)
    for group in by_sentence.values():
        if 1 < len(group) <= MAX_COMENTION_GROUP:
            for a in range(len(group)):
                for b in range(a + 1, len(group)):
                    x, y = group[a], group[b]
                    comention[(x, y) if x < y else (y, x)] += 1
    comention_rows = [[x, y, w] for (x, y), w in sorted(comention.items())]

    # ---- communities of the drawn graph
    community = communities(drawn_list, ((u, v) for u, v, _, _ in shown_rel))

    # ---- nodes: every entity, ranked (a kept record's fields and JSON head, then what
    # depends on the whole graph)
    max_pr = max((pr.get(n, 0.0) for n in drawn), default=0.0) or 1.0
    type_counts: dict[str, int] = defaultdict(int)
    nodes = NodeList()
    node_json: list[bytes] | None = [] if kept is not None else None
    for n in ranked:
        rec = records[n]
        static = rec.static
        type_counts[static["type"]] += 1
        deg, rank, shown = degree.get(n, 0), round(pr.get(n, 0.0), 6), n in drawn
        node = {**static, "degree": deg, "pr": rank, "drawn": shown}
        value = c = None
        if shown:
            node["value"] = value = round(math.sqrt(pr.get(n, 0.0) / max_pr), 4)
            node["c"] = c = community[n]
        nodes.append(node)
        if node_json is not None:
            if rec.head is None:
                node_json = None
            else:
                node_json.append(rec.head + node_tail(deg, rank, shown, value, c))
    nodes.parts = node_json

    # ---- documents: each one's fields (kept by ``--watch`` while the attributes they are
    # made from are the same), then its counts
    docs_out: list[dict[str, Any]] = []
    docs_now: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {}
    for d in doc_index:  # (in the order of their numbers)
        a = doc_attrs.get(d, _NO_ATTRS)
        fields = tuple(map(a.get, DOC_FIELDS))
        got = kept_docs.get(d) if kept_docs is not None else None
        if got is None or got[0] != fields or not _ATOMS.issuperset(map(type, fields)):
            row = {  # DOC_FIELDS: title, label, date, issued, created, url, publisher, …
                "id": d,
                "title": text_value(fields[0] or fields[1]) or d,
                "date": optional_text(fields[2] or fields[3] or fields[4]),
                "url": optional_text(fields[5]),
                "publisher": optional_text(fields[6]),
                "issuer": optional_text(fields[7]),
                "number": optional_text(fields[8]),
            }
            got = fields, row
        docs_now[d] = got
        i = doc_index[d]
        counts = {"node": d in doc_attrs, "ents": doc_ents.get(i, 0), "rels": doc_rels.get(i, 0)}
        docs_out.append({**got[1], **counts})
    if kept_docs is not None:
        kept_docs.clear()
        kept_docs.update(docs_now)

    nodes_total, edges_total = len(entity_ids), len(relations)
    nodes_omitted = len(related) - len(drawn_list)
    edges_omitted = edges_total - len(edges)
    note = None
    if nodes_omitted:
        note = (
            f"Drawing the {len(drawn_list):,} most central of {len(related):,} related entities "
            f"(ranked by {rule}) and the {len(edges):,} relations among them; "
            f"{nodes_omitted:,} entities and {edges_omitted:,} relations left out of the drawing "
            "(listed and searchable)."
        )
    if sentences_omitted:
        note = (note + " " if note else "") + (
            f"{sentences_omitted:,} mention sentences left out to keep the page small."
        )
    stats = {
        "nodes_total": nodes_total,
        "nodes_shown": len(drawn_list),
        "isolated": nodes_total - len(related),
        "edges_total": edges_total,
        "edges_shown": len(edges),
        "nodes_omitted": nodes_omitted,
        "edges_omitted": edges_omitted,
        "documents": len(doc_attrs),
        "sentences": len(text.sentences),
        "sentences_omitted": sentences_omitted,
        "rule": rule,
        "omitted": note,
    }
    type_order = _ordered(type_counts, ENTITY_TYPES)
    type_colors = _palette(type_order, TYPE_COLORS)
    pred_order = _ordered(pred_counts, PREDICATES)
    pred_colors = _palette(pred_order, PREDICATE_COLORS)
    data = {
        "meta": {**stats, "title": title, "big": len(drawn_list) > BIG_GRAPH},
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
        "docs": docs_out,
        "docAt": [doc_index.get(d, -1) for d in stable],
        "mentionDocs": mention_docs,
        "comention": comention_rows,
        "text": TextTable(
            sentences=text.sentences,
            at=text.at,
            n=doc_sizes,
            rules=list(rule_index),
            ent=ent_rows,
            edge=edge_text,
        ),
    }
    data["text"].parts = parts
    return data, stats


def _cut_text(
    ent_rows: list[list[int]],
    text: SentenceTable,
    counts: list[int],
    edge_text: list[list[list[Any]]],
    budget: int,
) -> tuple[list[list[int]], SentenceTable, list[int], list[list[list[Any]]], int]:
    """The entities' mention sentences cut to the largest common number per entity that
    keeps the sentences within ``budget`` characters; the sentences kept numbered again
    within their documents (``counts``: each document's, by stable number)."""
    sent = text.sentences
    size = [len(x) if x else 0 for x in sent]
    first, k = [], 0
    for c in counts:
        first.append(k)
        k += c
    evidence = {r[1] for rows in edge_text for r in rows}
    # the entities' rows as sentences of the whole table
    whole = [[first[sd] + li for sd, li in zip(f[0::2], f[1::2], strict=True)] for f in ent_rows]

    def chars(cap: int) -> int:
        used = set(evidence)
        for g in whole:
            used.update(g[:cap])
        return sum(size[i] for i in used)

    lo, hi = 0, max((len(g) for g in whole), default=0)
    while lo < hi:  # the largest cap with chars(cap) <= budget
        mid = (lo + hi + 1) // 2
        if chars(mid) <= budget:
            lo = mid
        else:
            hi = mid - 1
    omitted = sum(max(0, len(g) - lo) for g in whole)
    used = set(evidence)
    for g in whole:
        used.update(g[:lo])
    new = SentenceTable()
    renum: dict[int, int] = {}  # a kept sentence's number in the new table
    local: dict[int, int] = {}  # and within its document
    new_counts = []
    for sd, c in enumerate(counts):
        kept = [i for i in range(first[sd], first[sd] + c) if i in used]
        for j, i in enumerate(kept):
            renum[i], local[i] = len(new.sentences), j
            new.sentences.append(sent[i])
            new.at.append(text.at[i])
            new.chars += size[i]
        new_counts.append(len(kept))
    edges = [[[r[0], renum[r[1]], *r[2:]] for r in rows] for rows in edge_text]
    rows_out = []
    for f, g in zip(ent_rows, whole, strict=True):
        out: list[int] = []
        for sd, i in zip(f[0 : 2 * lo : 2], g[:lo], strict=True):
            out += (sd, local[i])
        rows_out.append(out)
    return rows_out, new, new_counts, edges, omitted
