"""An entity's rows in the view's JSON (its documents' stable numbers and mention counts,
its sentences' numbers) are written by :func:`~kg.export.view.text.int_list_json` without
an encoder call per list: the bytes are the compact JSON the encoder writes, so the page
is byte for byte the same."""

from __future__ import annotations

import json
import random

from kg.export.view.text import compact_json, int_list_json


def test_int_rows_are_the_encoders_json() -> None:
    rng = random.Random(23)
    for _ in range(2000):
        n = rng.choice([0, 1, 2, 3, 8, 40])
        top = rng.choice([10, 4000, 2**31, 2**53 + 7, 10**30])
        rows = [rng.randrange(top) for _ in range(n)]
        got = int_list_json(rows)
        assert got == compact_json(rows).encode()
        assert json.loads(got) == rows


def test_a_negative_number_as_the_encoder_writes_it() -> None:
    assert int_list_json([-1, 0, -20]) == b"[-1,0,-20]"


def test_values_that_are_not_plain_ints_as_the_encoder_writes_them() -> None:
    """Mend of review23 (D), finding 7: a bool, a float or an ``IntEnum`` in a row is
    written as the encoder writes it (valid JSON), not by its Python ``repr``."""
    import enum

    class Kind(enum.IntEnum):
        A = 4

    for rows in ([True, 3], [False], [1.5, 2], [Kind.A, 1], [float("1e20")]):
        got = int_list_json(rows)
        assert got == compact_json(rows).encode(), rows
        json.loads(got)
