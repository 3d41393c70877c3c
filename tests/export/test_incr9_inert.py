"""The page's JSON escapes come from one table (kg.export.view.text.INERT_ESCAPES): the str
and the bytes forms escape the same characters, and a stored view piece holding one of
them unescaped (a line separator too) is refused."""

from __future__ import annotations

import random

import msgpack

from kg.export.view import text as T


def test_str_and_bytes_forms_escape_every_character_of_the_table() -> None:
    chars = [*T.INERT_ESCAPES, "a", "中", "\\", "u", '"', "\u2027", "\u202a"]
    rng = random.Random(3)
    for _ in range(2000):
        s = "".join(rng.choice(chars) for _ in range(rng.randint(0, 8)))
        out = T.inert_json(s)
        assert not any(c in out for c in T.INERT_ESCAPES)
        assert T.inert_json_bytes(s) == out.encode("utf-8")
    assert T.inert_json("\u2028\u2029<>&") == "\\u2028\\u2029\\u003c\\u003e\\u0026"


def _piece_with(sentence_bytes_from: bytes, to: bytes) -> bytes:
    t = T.DocText("d", [(0, 5, "甲与乙。")], {"k": [[], "0-1@0-5"]}, {})
    rec = msgpack.unpackb(t.encode(), raw=False)
    rec[3] = rec[3].replace(sentence_bytes_from, to)
    return msgpack.packb(rec, use_bin_type=True)


def test_a_stored_piece_with_an_unescaped_character_is_refused() -> None:
    inp = ([(0, 5, "甲与乙。")], {"k": 0}, None)
    assert T.DocText.decode(_piece_with("乙".encode(), "丙".encode()), inp) is not None
    for c in T.INERT_ESCAPES:
        assert T.DocText.decode(_piece_with("乙".encode(), c.encode()), inp) is None, c
