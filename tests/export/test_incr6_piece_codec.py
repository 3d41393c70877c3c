"""A view piece (kg.export.view.text.DocText) stored for later builds: what ``encode``
writes ``decode`` reads back the same, and ``decode`` refuses bytes that are damaged,
foreign, of another shape than the input, or unsafe for the page (the cache is data a
build must not trust)."""

from __future__ import annotations

import msgpack
import pytest

from kg.export.view import text as T

SENTENCES = {0: "国务院负责解释。", 9: "生态环境部会同水利部组织实施。"}


def make() -> tuple[T.DocText, tuple]:
    inp = (
        [(0, 8, "国务院负责解释。"), (9, 24, "生态环境部会同水利部组织实施。")],
        {"gov/甲": [[(9, "生态环境部会同水利部组织实施。")], "9-14@9-24 0-3@0-8"],
         "gov/乙": [[], "14-17@9-24"]},
        SENTENCES,
    )  # fmt: skip
    return T.DocText("d", *inp), inp


def fields(t: T.DocText) -> tuple:
    return (t.sentences, t.at, t.evidence, t.ents, t.chars, t.json_sentences, t.json_at)


def test_a_piece_reads_back_the_same() -> None:
    t, inp = make()
    u = T.DocText.decode(t.encode(), inp)
    assert u is not None and fields(u) == fields(t)


def forged(t: T.DocText, i: int, value) -> bytes:
    rec = [T.PIECE_VERSION, t.evidence, t.ents, t.json_sentences, t.json_at]
    rec[i] = value
    return msgpack.packb(rec, use_bin_type=True)


@pytest.mark.parametrize(
    "i, value",
    [
        (0, T.PIECE_VERSION + 1),  # another layout
        (1, [0, 7]),  # an evidence row beyond the sentences
        (1, [0]),  # fewer evidence rows than the input has
        (2, {"gov/甲": [0, 1]}),  # an entity of the input missing
        (2, {"gov/甲": [0, 1], "gov/乙": ["1"]}),  # a row that is no number
        (3, b'"</script><script>alert(1)</script>",null'),  # would end the page's element
        (3, b'"a",{"b":1}'),  # a sentence that is no text
        (3, b'"a"'),  # fewer sentences than offsets
        (3, b'"a",null,'),  # no JSON
        (4, b"[0,8],[1]"),  # offsets that are no pair
        (4, b"[0,8],alert(1)"),  # offsets that are not offsets
    ],
)
def test_a_forged_piece_is_refused(i: int, value) -> None:
    t, inp = make()
    assert T.DocText.decode(forged(t, i, value), inp) is None


def test_damaged_bytes_are_refused() -> None:
    t, inp = make()
    data = t.encode()
    assert T.DocText.decode(data[:-5], inp) is None
    assert T.DocText.decode(b"\xc1" + data, inp) is None
    assert T.DocText.decode(msgpack.packb({"a": 1}), inp) is None


def test_pieces_come_from_the_store_and_a_refused_one_is_made_again() -> None:
    _, inp = make()
    store: dict[str, bytes] = {}
    p = T.TextPieces(store=store, key=lambda doc, x: "k-" + doc)
    p.start()
    made = p.piece("d", inp)
    assert (p.built, p.reused, p.keys) == (1, 0, {"d": "k-d"})
    store.update(p.records)
    q = T.TextPieces(store=store, key=lambda doc, x: "k-" + doc)
    q.start()
    assert fields(q.piece("d", inp)) == fields(made)
    assert (q.built, q.reused, q.records) == (0, 1, [])
    store["k-d"] = forged(made, 3, b'"<b>",null')
    q.start()
    assert fields(q.piece("d", inp)) == fields(made)
    assert (q.built, q.reused) == (1, 0) and q.records == [("k-d", made.encode())]
