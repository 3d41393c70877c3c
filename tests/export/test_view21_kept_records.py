"""The view's per-entity records kept between builds (kg.export.view.entities): after every
step of a sequence of changed graphs the page's data and text table are byte for byte
those of a view made from scratch, whether an entity's attributes were replaced or
changed in place, entities came and went or the ranks moved; and unchanged entities do
take their record again."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable

import networkx as nx
import pytest

from kg.export.view import entities as E
from kg.export.view import view_data
from kg.export.view.page import data_json
from kg.export.view.text import TextPieces, inert_json, text_json
from kg.graph.build import MENTIONS_IN_DOCS
from kg.resolve.merge import spans_text

SENTENCES = {"0": "甲部会同乙委办理。", "10": "丙局负责监督。", "20": "丁办协助。"}


def graph() -> nx.MultiDiGraph:
    """A lean graph (mentions as each entity's ``docs``) of two documents and four
    entities, two of them related."""
    G = nx.MultiDiGraph()
    G.graph[MENTIONS_IN_DOCS] = True
    G.add_node("doc/a", kind="document", title="甲文", date="2020-01-01", sentences=SENTENCES)
    G.add_node("doc/b", kind="document", title="乙文", date="2021-01-01")
    ents = {
        "gov/甲部": ("Ministry", {"a": 2, "b": 1}, [(0, 2, 0, 9)]),
        "gov/乙委": ("GovernmentBody", {"a": 1}, [(4, 6, 0, 9)]),
        "gov/丙局": ("GovernmentBody", {"a": 1}, [(10, 12, 10, 17)]),
        "gov/丁办": ("GovernmentBody", {"b": 3}, [(20, 22, 20, 25)]),
    }
    for key, (type_, docs, spans) in ents.items():
        first = next(iter(docs))
        G.add_node(key, kind="entity", type=type_, label=key[4:], aliases=[],
                   mentions=sum(docs.values()), docs=docs,
                   spans={first: spans_text(spans)},
                   examples=[{"doc": first, "start": spans[0][0], "end": spans[0][1],
                              "sentence": SENTENCES.get(str(spans[0][2]), "某句。")}])  # fmt: skip
    G.add_edge("gov/乙委", "gov/甲部", key="partOf", kind="relation", predicate="partOf",
               evidence=[{"doc": "a", "sent_start": 0, "sent_end": 9,
                          "sentence": SENTENCES["0"], "rule": "r1",
                          "confidence": 0.9}])  # fmt: skip
    return G


def _relabel(G: nx.MultiDiGraph) -> None:  # a new label, the same docs, spans, examples
    G.nodes["gov/丙局"]["label"] = "丙监督局"


def _count_in_place(G: nx.MultiDiGraph) -> None:  # the docs dict itself changed (same sum)
    G.nodes["gov/甲部"]["docs"].update({"a": 1, "b": 2})


def _example_in_place(G: nx.MultiDiGraph) -> None:  # an example's sentence changed in place
    G.nodes["gov/丙局"]["examples"][0]["sentence"] = "丙局依法负责监督。"


def _span_added(G: nx.MultiDiGraph) -> None:
    """A mention in a sentence no entity was named in before: document a's piece gains a
    sentence, the sentences of b (and 丁办's rows, its record unchanged) move."""
    G.nodes["gov/乙委"]["spans"] = {"a": spans_text([(4, 6, 0, 9), (21, 22, 20, 25)])}


def _retitle(G: nx.MultiDiGraph) -> None:  # a document's row changes
    G.nodes["doc/b"]["title"] = "乙文（修订）"


def _swap(G: nx.MultiDiGraph) -> None:  # one entity gone, another come
    G.remove_node("gov/丁办")
    G.add_node("gov/戊署", kind="entity", type="GovernmentBody", label="戊署", aliases=["戊"],
               mentions=1, docs={"b": 1}, spans={"b": spans_text([(3, 5, 0, 8)])},
               examples=[])  # fmt: skip


def _rerank(G: nx.MultiDiGraph) -> None:  # a relation more: every rank moves
    G.add_edge("gov/丙局", "gov/甲部", key="partOf", kind="relation", predicate="partOf",
               evidence=[{"doc": "a", "sent_start": 10, "sent_end": 17,
                          "sentence": SENTENCES["10"], "rule": "r1"}])  # fmt: skip


STEPS: list[Callable[[nx.MultiDiGraph], None]] = [
    lambda G: None, _relabel, _count_in_place, _example_in_place, _span_added, _retitle, _swap,
    _rerank,
]  # fmt: skip


def _page(G: nx.MultiDiGraph, pieces: TextPieces | None) -> tuple[bytes, bytes]:
    """The page's two JSON elements."""
    data, _ = view_data(G, pieces=pieces)
    text = data.pop("text")
    return data_json(data), text_json(text)


def _records(pieces: TextPieces) -> dict[str, object]:
    """The entity records the view keeps for the next build."""
    return (pieces.entities or {}).get("records", {})


def test_kept_records_give_what_a_view_from_scratch_gives() -> None:
    pieces = TextPieces({}, entities={})
    G = graph()
    reused = []
    for step in STEPS:
        step(G)
        last = dict(_records(pieces))
        kept = _page(G, pieces)
        assert kept == _page(copy.deepcopy(G), None), step
        now = _records(pieces)
        reused.append(sum(1 for k, r in now.items() if last.get(k) is r))
    # every step after the first took most records again; each change made its own anew
    assert reused[0] == 0 and all(n >= 2 for n in reused[1:]), reused


def test_a_changed_entity_is_not_taken_again() -> None:
    pieces = TextPieces({}, entities={})
    G = graph()
    _page(G, pieces)
    before = dict(_records(pieces))
    _count_in_place(G)
    _page(G, pieces)
    after = _records(pieces)
    assert after["gov/甲部"] is not before["gov/甲部"]
    assert after["gov/丁办"] is before["gov/丁办"]


def test_the_nodes_json_is_json_dumps_of_the_nodes() -> None:
    pieces = TextPieces({}, entities={})
    kept, _ = view_data(graph(), title="</script>", pieces=pieces)
    assert kept["nodes"].parts is not None and kept["meta"]["title"] == "</script>"
    kept.pop("text")
    whole = json.dumps(kept, ensure_ascii=False, separators=(",", ":"))
    assert data_json(kept) == inert_json(whole).encode("utf-8")


@pytest.mark.parametrize("pr", [0.0, 1e-07, 0.123456, 1.0])
def test_node_tail_is_what_json_writes(pr: float) -> None:
    for drawn in (True, False):
        fields = {"degree": 3, "pr": pr, "drawn": drawn}
        if drawn:
            fields |= {"value": pr / 2, "c": -1}
        want = json.dumps(fields, separators=(",", ":")).encode()
        assert E.node_tail(3, pr, drawn, fields.get("value"), fields.get("c")) == b"," + want[1:]
