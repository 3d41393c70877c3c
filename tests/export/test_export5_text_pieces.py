"""The view's text table in pieces, one per document (kg.export.view.text.TextPieces):
the same data with and without kept pieces, a changed document re-renders its own piece
only (counted), and the pieces' JSON is what ``json.dumps`` gives for the whole table."""

from __future__ import annotations

import json
import tempfile

import networkx as nx

from kg.export.view import text as T
from kg.export.view import view_data
from kg.export.view.rows import sentence_rows
from kg.resolve.merge import spans_text


def graph() -> nx.MultiDiGraph:
    """Three documents; 甲 and 乙 related (evidence in a and c); 丙 alone; sentences of a
    kept on its document node, of b and c only located or given by examples."""
    G = nx.MultiDiGraph()
    G.add_node("doc/a", kind="document", title="甲文", date="2019-03-05",
               sentences={"0": "甲与乙会同办理。", "11": "甲和丙共同负责。"})  # fmt: skip
    G.add_node("doc/b", kind="document", title="乙文", date="2020-01-02")
    G.add_node("doc/c", kind="document", title="丙文", date="2021-07-01")
    spans = {
        "gov/甲": {"a": spans_text([(0, 1, 0, 10), (11, 12, 11, 30)]),
                   "b": spans_text([(5, 6, 0, 20)]), "c": spans_text([(2, 3, 0, 9)])},
        "gov/乙": {"a": spans_text([(3, 4, 0, 10)]), "c": spans_text([(5, 6, 0, 9)])},
        "gov/丙": {"a": spans_text([(14, 15, 11, 30)]), "b": spans_text([(30, 31, 21, 40)])},
    }  # fmt: skip
    for key, sp in spans.items():
        G.add_node(key, kind="entity", type="GovernmentBody", label=key[4:], mentions=len(sp),
                   docs=dict.fromkeys(sp, 1), spans=sp, examples=[])  # fmt: skip
        for d in sp:
            G.add_edge(key, f"doc/{d}", key="mentionedIn", kind="mention", count=1)
    G.nodes["gov/丙"]["examples"] = [
        {"doc": "b", "start": 30, "end": 31, "sentence": "丙依法履行职责。"},
        {"doc": "b", "start": 99, "end": 100, "sentence": "丙另有规定<附件>&。"},  # no span
    ]
    evidence = [
        {"doc": "a", "sent_start": 0, "sent_end": 10, "sentence": "甲与乙会同办理。",
         "rule": "r1", "confidence": 0.9},
        {"doc": "c", "sent_start": 0, "sent_end": 9, "sentence": "乙属甲。", "rule": "r2"},
    ]  # fmt: skip
    G.add_edge("gov/乙", "gov/甲", key="partOf", kind="relation", predicate="partOf",
               evidence=evidence)  # fmt: skip
    return G


def _dumps(obj: object) -> bytes:
    """The text table as the page carries it, encoded whole."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return T.inert_json(text).encode("utf-8")


def test_pieces_json_is_the_whole_tables_json() -> None:
    data, _ = view_data(graph())
    text = data["text"]
    assert text.parts is not None and len(text.parts[0]) == 3  # a, b, c
    assert T.text_json(text) == _dumps(dict(text))


def test_over_the_budget_the_table_is_encoded_whole() -> None:
    data, stats = view_data(graph(), max_text_chars=12)
    assert stats["sentences_omitted"] > 0
    assert data["text"].parts is None
    assert T.text_json(data["text"]) == _dumps(dict(data["text"]))


def test_every_row_points_at_its_documents_sentence() -> None:
    data, _ = view_data(graph())
    t, docs = data["text"], [d["id"] for d in data["docs"]]
    ids = [n["id"] for n in data["nodes"]]
    rows = {}
    for key, flat in zip(ids, sentence_rows(data, t), strict=True):
        rows[key] = sorted(
            (docs[flat[k]], t["sentences"][flat[k + 1]], t["at"][flat[k + 1]])
            for k in range(0, len(flat), 2)
        )
    assert rows["gov/丙"] == [
        ("a", "甲和丙共同负责。", [11, 30]),
        ("b", "丙依法履行职责。", [21, 40]),  # the example, matched to its span
        ("b", "丙另有规定<附件>&。", None),  # an example without a span: by its text
    ]
    assert ("c", "乙属甲。", [0, 9]) in rows["gov/甲"]  # evidence gives the text
    (edge,) = t["edge"]
    assert sorted((docs[r[0]], t["sentences"][r[1]], t["rules"][r[2]]) for r in edge) == [
        ("a", "甲与乙会同办理。", "r1"),
        ("c", "乙属甲。", "r2"),
    ]


def test_kept_pieces_give_the_same_data_and_are_reused() -> None:
    G = graph()
    pieces = T.TextPieces({})
    first = view_data(G, pieces=pieces)
    assert (pieces.built, pieces.reused) == (3, 0)
    again = view_data(graph(), pieces=pieces)
    assert (pieces.built, pieces.reused) == (0, 3)
    assert again == first == view_data(graph())
    assert T.text_json(again[0]["text"]) == T.text_json(first[0]["text"])


def test_one_changed_document_renders_its_piece_only() -> None:
    pieces = T.TextPieces({})
    view_data(graph(), pieces=pieces)
    G = graph()
    # document b gets a new mention sentence of 甲 (earlier in the table than c's)
    G.nodes["gov/甲"]["spans"]["b"] = spans_text([(5, 6, 0, 20), (45, 46, 41, 60)])
    got = view_data(G, pieces=pieces)
    assert (pieces.built, pieces.reused) == (1, 2)
    assert got == view_data(G)  # the same as without kept pieces
    assert T.text_json(got[0]["text"]) == _dumps(dict(got[0]["text"]))
    # a document gone: its piece is dropped
    G.remove_node("doc/c")
    for key in ("gov/甲", "gov/乙"):
        del G.nodes[key]["spans"]["c"]
    G.edges["gov/乙", "gov/甲", "partOf"]["evidence"].pop()
    view_data(G, pieces=pieces)
    assert set(pieces.memo) == {"a", "b"}


def test_a_forked_writer_hands_its_pieces_back() -> None:
    child = T.TextPieces({})
    view_data(graph(), pieces=child)
    with tempfile.TemporaryFile() as box:
        child.save(box)
        box.seek(0)
        parent = T.TextPieces({})
        assert parent.adopt(box) and set(parent.memo) == {"a", "b", "c"}
    view_data(graph(), pieces=parent)
    assert parent.built == 0
    with tempfile.TemporaryFile() as empty:
        assert not T.TextPieces({}).adopt(empty)


def test_kept_entities_give_the_same_data() -> None:
    """``--watch`` keeps each entity's record (``entities["records"]``, with what it gave
    the pieces' inputs): an entity whose attributes did not change gives it again, one
    changed (also in place) gives the new one; the data are those of a view without
    anything kept."""
    kept: dict = {}
    pieces = T.TextPieces({}, entities=kept)
    G = graph()
    assert view_data(G, pieces=pieces) == view_data(graph())
    records = kept["records"]
    assert set(records) == {"gov/甲", "gov/乙", "gov/丙"}
    before = dict(records)
    G.nodes["gov/丙"]["examples"][0]["sentence"] = "丙依法另行履行职责。"  # in place
    G.nodes["gov/甲"]["spans"]["b"] = spans_text([(5, 6, 0, 20), (45, 46, 41, 60)])
    got = view_data(G, pieces=pieces)
    assert got == view_data(G)
    assert records["gov/乙"] is before["gov/乙"]  # unchanged: taken again
    assert records["gov/甲"] is not before["gov/甲"]
    assert records["gov/丙"] is not before["gov/丙"]
    assert "丙依法另行履行职责。" in got[0]["text"]["sentences"]
