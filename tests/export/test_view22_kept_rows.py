"""Each entity's rows kept between builds (kg.export.view.data): the rows name a document
by its stable number and a sentence by its number within its document, so an entity's
rows are taken again while the documents are the same and its documents' pieces are last
build's. After every step of random sequences of changed graphs (a mention in a new
sentence, a mention gone, a document added or removed, a relation added, an entity
replaced) the page's data and text table are byte for byte those of a view made from
scratch, and unchanged entities do take their rows again."""

from __future__ import annotations

import copy
import random

import networkx as nx
import pytest

from kg.export.view import view_data
from kg.export.view.page import data_json
from kg.export.view.rows import mention_rows, sentence_rows
from kg.export.view.text import TextPieces, text_json
from kg.graph.build import MENTIONS_IN_DOCS
from kg.resolve.merge import spans_text

BODIES = ["甲部", "乙委", "丙局", "丁办", "戊署", "己厅", "庚会", "辛院"]


def sentence_text(doc: str, start: int) -> str:
    """The text of ``doc``'s sentence at ``start`` (the page test reads it too)."""
    return f"{doc}文第{start}句由有关部门办理。"


def _add_doc(G: nx.MultiDiGraph, doc: str) -> None:
    G.add_node(f"doc/{doc}", kind="document", title=f"{doc}文", date="2020-01-01",
               sentences={str(s): sentence_text(doc, s) for s in range(0, 200, 10)})  # fmt: skip


def _mention(G: nx.MultiDiGraph, key: str, doc: str, sent: int) -> None:
    """A mention of ``key`` in ``doc``'s sentence at ``sent`` (the attributes replaced, as
    the resolution gives a changed entity)."""
    a = dict(G.nodes[key])
    docs = dict(a.get("docs", {}))
    docs[doc] = docs.get(doc, 0) + 1
    spans = dict(a.get("spans", {}))
    old = spans.get(doc, "")
    spans[doc] = (old + " " if old else "") + spans_text([(sent + 1, sent + 3, sent, sent + 9)])
    a.update(docs=docs, spans=spans, mentions=sum(docs.values()))
    G.add_node(key, **a)


def _drop_doc_mentions(G: nx.MultiDiGraph, key: str, doc: str) -> None:
    a = dict(G.nodes[key])
    a["docs"] = {d: c for d, c in a["docs"].items() if d != doc} or {"d0": 1}
    a["spans"] = {d: s for d, s in a["spans"].items() if d != doc}
    a["mentions"] = sum(a["docs"].values())
    G.add_node(key, **a)


def graph(rng: random.Random) -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    G.graph[MENTIONS_IN_DOCS] = True
    for d in ("d0", "d3", "d6"):
        _add_doc(G, d)
    for b in BODIES:
        G.add_node(f"gov/{b}", kind="entity", type="GovernmentBody", label=b, aliases=[],
                   mentions=0, docs={}, spans={}, examples=[])  # fmt: skip
        for _ in range(3):
            _mention(G, f"gov/{b}", rng.choice(["d0", "d3", "d6"]), 10 * rng.randrange(20))
    _relate(G, rng)
    return G


def _relate(G: nx.MultiDiGraph, rng: random.Random) -> None:
    u, v = rng.sample(BODIES, 2)
    doc = rng.choice([n[4:] for n in G if n.startswith("doc/")])
    s = 10 * rng.randrange(20)
    G.add_edge(f"gov/{u}", f"gov/{v}", key="partOf", kind="relation", predicate="partOf",
               evidence=[{"doc": doc, "sent_start": s, "sent_end": s + 9,
                          "sentence": sentence_text(doc, s), "rule": "r1"}])  # fmt: skip


def _docs(G: nx.MultiDiGraph) -> list[str]:
    return sorted(n[4:] for n in G if n.startswith("doc/"))


def step(G: nx.MultiDiGraph, rng: random.Random) -> str:
    kind = rng.choice(["mention", "mention", "mention", "drop", "add", "remove", "relate",
                       "replace"])  # fmt: skip
    key = f"gov/{rng.choice(BODIES)}"
    if kind == "mention":
        _mention(G, key, rng.choice(_docs(G)), 10 * rng.randrange(20))
    elif kind == "drop":
        docs = list(G.nodes[key]["spans"])
        if docs:
            _drop_doc_mentions(G, key, rng.choice(docs))
    elif kind == "add":
        doc = f"d{rng.randrange(10)}"
        if f"doc/{doc}" not in G:
            _add_doc(G, doc)
            _mention(G, key, doc, 10 * rng.randrange(20))
    elif kind == "remove":
        docs = _docs(G)
        doc = rng.choice(docs)
        if len(docs) > 1 and doc != "d0":
            G.remove_node(f"doc/{doc}")
            for b in BODIES:
                if doc in G.nodes[f"gov/{b}"]["docs"]:
                    _drop_doc_mentions(G, f"gov/{b}", doc)
            for u, v, k, a in list(G.edges(keys=True, data=True)):
                if any(ev["doc"] == doc for ev in a.get("evidence", [])):
                    G.remove_edge(u, v, k)
    elif kind == "relate":
        _relate(G, rng)
    else:  # the same entity anew: its rows made again
        G.add_node(key, **copy.deepcopy(dict(G.nodes[key])))
    return kind


def _page(G: nx.MultiDiGraph, pieces: TextPieces | None) -> tuple[bytes, bytes]:
    data, _ = view_data(G, pieces=pieces)
    text = data.pop("text")
    return data_json(data), text_json(text)


@pytest.mark.parametrize("seed", range(6))
def test_kept_rows_give_what_a_view_from_scratch_gives(seed: int) -> None:
    rng = random.Random(seed)
    G = graph(rng)
    pieces = TextPieces({}, entities={})
    taken = 0
    for _ in range(30):
        kind = step(G, rng)
        before = {k: r.erows for k, r in pieces.entities.get("records", {}).items()}
        assert _page(G, pieces) == _page(copy.deepcopy(G), None), kind
        now = pieces.entities["records"]
        taken += sum(1 for k, r in now.items() if before.get(k) is r.erows is not None)
    assert taken > 30  # rows were taken again (most steps leave most entities' rows)


def test_rows_as_the_page_reads_them() -> None:
    """The rows name each entity's documents and sentences (read as ``view.js`` does)."""
    G = graph(random.Random(1))
    data, _ = view_data(G)
    docs = [d["id"] for d in data["docs"]]
    ids = [n["id"] for n in data["nodes"]]
    got = {(ids[e], docs[d], c) for e, d, c in mention_rows(data)}
    want = {(k, d, c) for k in ids for d, c in G.nodes[k]["docs"].items()}
    assert got == want
    t = data["text"]
    for key, flat in zip(ids, sentence_rows(data, t), strict=True):
        spans = G.nodes[key]["spans"]
        sents = {(docs[flat[k]], t["sentences"][flat[k + 1]]) for k in range(0, len(flat), 2)}
        mentioned = {(d, sentence_text(d, int(x.split("@")[1].split("-")[0])))
                     for d, sp in spans.items() for x in sp.split()}  # fmt: skip
        assert mentioned <= sents
