"""The view's stored pieces read ahead (TextPieces.prefetch, done by a rebuild while a
worker extracts): a piece whose key comes up is taken without reading the store again,
one whose shape does not fit its input, or that is damaged, is made again."""

from __future__ import annotations

from kg.export.view.text import DocText, TextPieces

INP = ([(0, 4, "甲与乙。")], {"e": [[], "0-1@0-4"]}, None)
OTHER = ([], {"e": [[], "0-1@0-4"], "f": [[], "2-3@0-4"]}, None)  # another shape


class CountingStore(dict):  # type: ignore[type-arg]
    def __init__(self, *a) -> None:
        super().__init__(*a)
        self.reads = 0

    def get(self, k, default=None):
        self.reads += 1
        return super().get(k, default)


def _pieces(store: CountingStore) -> TextPieces:
    p = TextPieces(store=store, key=lambda doc, inp: "k-" + doc)
    p.prefetch(["k-d"])
    store.reads = 0
    p.start()
    return p


def test_a_prefetched_piece_is_taken_without_reading_the_store() -> None:
    made = DocText("d", *INP)
    p = _pieces(CountingStore({"k-d": made.encode()}))
    blk = p.piece("d", INP)
    assert (p.reused, p.built, p.store.reads, p.records) == (1, 0, 0, [])
    assert (blk.sentences, blk.at, blk.evidence, blk.ents) == (
        made.sentences, made.at, made.evidence, made.ents)  # fmt: skip


def test_a_prefetched_piece_of_another_shape_or_damaged_is_made_again() -> None:
    for data in (DocText("d", *INP).encode(), b"\x93damaged"):
        p = _pieces(CountingStore({"k-d": data}))
        shape = OTHER if data[0] != 0x93 else INP
        blk = p.piece("d", shape)
        assert (p.reused, p.built) == (0, 1)
        assert p.records == [("k-d", DocText("d", *shape).encode())]
        assert blk.ents.keys() == shape[1].keys()
